"""Reading a file the user named, with a bound: the one reader for inputs, themes,
configuration files, manifests and reference documents.

A path may name anything: a named pipe (opening it waits for a writer that may
never come), a device (``/dev/zero`` and ``/dev/urandom`` never end), a folder,
or a file that grows while it is read. So only a regular file (or ``-``, the
standard input) is read, the type is checked before opening and again on the
opened descriptor, and at most ``limit + 1`` bytes are ever read: ``st_size``
says nothing about a device, ``/proc`` or a file being appended to.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import DocexportError, InputError

STDIN = "-"
_CHUNK = 1 << 20

_KINDS: tuple[tuple[Callable[[int], bool], str], ...] = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
)


def file_kind(mode: int) -> str:
    """What a file is, in words ("a named pipe"), from its ``st_mode``."""
    for test, words in _KINDS:
        if test(mode):
            return words
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def _too_big(size: int | None, limit: int, hint: str) -> str:
    if size is None:
        return f"is over the limit of {limit:,} bytes{hint}"
    return f"is {size:,} bytes, over the limit of {limit:,} bytes{hint}"


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes, in chunks, so the buffer grows with what
    actually arrives rather than with the limit."""
    parts: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(_CHUNK, left))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_file(
    path: str | Path,
    limit: int,
    *,
    error: type[DocexportError] = InputError,
    hint: str = "",
    stdin: BinaryIO | None = None,
) -> bytes:
    """The bytes of the regular file ``path`` (``-``: the standard input), at most
    ``limit`` of them.

    Anything else is refused with ``error`` whose message is the cause alone
    ("is a named pipe, not a regular file"; callers name the file): a missing
    file, a folder, a pipe, a device, a socket, more than ``limit`` bytes
    (``hint`` is added to that message, e.g. " (see --max-input-size)").
    """
    if limit < 0:
        raise ValueError("limit must not be negative")
    if str(path) == STDIN:
        source = stdin if stdin is not None else sys.stdin.buffer
        data = _read_at_most(source, limit)
        if len(data) > limit:
            raise error(_too_big(None, limit, hint))
        return data
    try:
        # stat first: opening a pipe or a device can block or have side effects.
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise error(f"is {file_kind(before.st_mode)}, not a regular file")
        if before.st_size > limit:
            raise error(_too_big(before.st_size, limit, hint))
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error("no such file") from None
    except NotADirectoryError:
        raise error("no such file (a part of the path is not a folder)") from None
    except PermissionError:
        raise error("permission denied") from None
    except OSError as exc:
        raise error(f"cannot read it: {exc.strerror or exc}") from None
    with open(fd, "rb") as stream:
        # The path may have been swapped for something else since the stat.
        now = os.fstat(stream.fileno())
        if not stat.S_ISREG(now.st_mode):
            raise error(f"is {file_kind(now.st_mode)}, not a regular file")
        try:
            data = _read_at_most(stream, limit)
        except OSError as exc:
            raise error(f"cannot read it: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise error(_too_big(None, limit, hint))
    return data
