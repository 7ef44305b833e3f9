"""One run at a time per output folder: an advisory lock (``fcntl.flock``) on a
lock file in the folder, held for the whole run.

Two runs writing into one folder would each read and then replace the shared
manifest (the last one wins, the other's outputs vanish from it) and could
pick the same output names. With the lock the second run waits a bounded time
for the first to finish, then gives up with one line naming the folder and the
holder's process id.

The lock file is removed on release. A run that finds the file replaced after
taking its lock (someone released and removed it meanwhile) takes the lock
again on the new file, so two runs never both believe they hold it.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

from .errors import OutputError
from .readfile import file_kind

LOCK_NAME = ".docexport.lock"
# How long a second run waits for the first by default, in seconds.
DEFAULT_WAIT = 10.0
_POLL = 0.05


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("ascii", "replace").split()
    except OSError:
        return ""
    return f" (process {text[0]})" if text and text[0].isdigit() else ""


def _open_lock_file(path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot lock the output folder {path.parent}: {exc.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise OutputError(f"cannot lock the output folder: {path} is {file_kind(mode)}")
    return fd


def _same_file(fd: int, path: Path) -> bool:
    try:
        now = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino)


@contextmanager
def folder_lock(folder: Path, *, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the lock of ``folder`` (created if missing) for the block; wait up to
    ``wait`` seconds for another run holding it, then raise :class:`OutputError`."""
    import fcntl

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {folder}: {exc.strerror}") from None
    path = folder / LOCK_NAME
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        fd = _open_lock_file(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            os.close(fd)
            if time.monotonic() >= deadline:
                raise OutputError(
                    f"output folder {folder} is in use by another docexport run{holder}; "
                    f"waited {wait:g} s"
                ) from None
            time.sleep(_POLL)
            continue
        except OSError as exc:
            os.close(fd)
            raise OutputError(f"cannot lock the output folder {folder}: {exc.strerror}") from None
        if _same_file(fd, path):
            break
        os.close(fd)  # released and removed by its holder meanwhile: lock the new one
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        with suppress(OSError):
            os.unlink(path)
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _key(folder: Path) -> str:
    try:
        return str(folder.resolve())
    except OSError:
        return str(folder.absolute())


@contextmanager
def run_lock(folders: Iterable[Path], *, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the locks of several folders (the output folder and the manifest's, if
    elsewhere) for the block, always taken in the same order so that two runs
    cannot each hold one and wait for the other."""
    unique = {_key(f): f for f in folders}
    with ExitStack() as stack:
        for key in sorted(unique):
            stack.enter_context(folder_lock(unique[key], wait=wait))
        yield
