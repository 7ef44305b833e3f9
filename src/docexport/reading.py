"""An input's bytes, read by the client (workers get bytes, never paths).

Only a regular file is read, and at most the size limit plus one byte, so a
FIFO, a device or a file that grows never hangs or floods the run.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InputError, InputNotFoundError


def read_input_file(path: Path, limit: int) -> bytes:
    """An input's bytes through the one bounded reader (:mod:`docexport.readfile`):
    only a regular file, at most ``limit`` bytes (a FIFO or device never hangs or
    floods the run; ``st_size`` is not trusted). The error carries the path and the
    stage, and is a :class:`FileNotFoundError` when the file is missing."""
    from .readfile import read_file

    try:
        if not os.path.lexists(path):
            raise InputNotFoundError("no such file", path=str(path), stage="read")
        return read_file(path, limit, hint=" (see --max-input-size)")
    except InputNotFoundError:
        raise
    except InputError as exc:
        raise InputError(str(exc), path=str(path), stage="read") from None


def may_hold_many(path: Path, input_format: str | None) -> bool:
    """Whether an input may hold several articles (a feed, a JSON list): it then
    owns ``stem-NN`` names. Decided from its first bytes, as the readers do."""
    from .readers import sniff

    if input_format is not None:
        return input_format in ("feed", "json")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            head = os.read(fd, 4096)
        finally:
            os.close(fd)
    except OSError:
        return False
    return sniff(head, path.name) in ("feed", "json")
