"""What keeps a run safe around its work: usable output folders, a lock so
two runs into one folder take turns, and signals that end a run the way
Ctrl-C does (workers ended, manifest written) or wait until an output is
written and recorded."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

from .errors import OutputError

# How long a run waits for another run's lock on the same output folder.
LOCK_WAIT_S = 60.0


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; ``signum`` says which."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = signum


def prepare_folder(folder: Path, what: str = "output folder") -> list[Path]:
    """Create the folder, or say in one line why it cannot be used; returns the
    folders it created (deepest last), so a run that wrote nothing removes them."""
    created = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{what} {folder}: exists and is not a folder") from None
    except NotADirectoryError:
        raise OutputError(f"{what} {folder}: a part of the path is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(f"{what} {folder}: cannot create it: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{what} {folder}: not writable")
    return created


def remove_if_empty(folders: Sequence[Path]) -> None:
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only succeeds when empty


@contextlib.contextmanager
def folder_lock(folder: Path, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` for the whole run, so two runs into
    one folder take turns (the second waits, then refuses with one line)
    instead of mixing their outputs and manifests. The lock is on the folder
    itself: no lock file is left among the outputs."""
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise OutputError(f"cannot lock {folder}: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputError(
                        f"another docexport run is writing to {folder} "
                        f"(waited {wait_s:.0f} s); try again when it ends"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def locks(folders: Sequence[Path]) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        for f in sorted({f.resolve() for f in folders}):
            stack.enter_context(folder_lock(f))
        yield


# --------------------------------------------------------------------------- signals

_STOP_SIGNALS = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None
)


@contextlib.contextmanager
def stop_signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP end the run as Ctrl-C does (workers ended, manifest
    written), raising :class:`Interrupted` in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = {s: signal.signal(s, stop) for s in _STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP until the block ends, so an output is
    written and recorded together or not at all."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        pending.append(signum)

    held = (signal.SIGINT, *_STOP_SIGNALS)
    previous = {s: signal.signal(s, hold) for s in held}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if pending:
            signum = pending[0]
            raise Interrupted(signum)
