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
    """An input's bytes: only a regular file, at most ``limit`` bytes (a FIFO
    or device never hangs or floods the run; ``st_size`` is not trusted)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputNotFoundError("no such file", path=str(path), stage="read") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=str(path), stage="read") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=str(path), stage="read") from None
    try:
        info = os.fstat(fd)
        mode = info.st_mode
        if stat.S_ISREG(mode) and info.st_size > limit:
            # A regular file's size is known: refuse without reading it.
            raise InputError(
                f"input is {info.st_size:,} bytes, over the limit of {limit:,} "
                "(see --max-input-size)",
                path=str(path),
                stage="read",
            )
        if stat.S_ISDIR(mode):
            raise InputError("is a folder, not a file", path=str(path), stage="read")
        if not stat.S_ISREG(mode):
            raise InputError(
                "not a regular file (a pipe, socket or device)", path=str(path), stage="read"
            )
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=str(path), stage="read") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(
            f"input is over the limit of {limit:,} bytes (see --max-input-size)",
            path=str(path),
            stage="read",
        )
    return data


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
