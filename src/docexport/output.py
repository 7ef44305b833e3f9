"""Writing outputs safely: names that cannot leave the output folder, and
atomic replacement (temp file + fsync + rename) so a failed or interrupted
write never leaves a partial file or clobbers a good one."""

from __future__ import annotations

import os
import re
import signal
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

from .errors import OutputError

_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
MAX_STEM = 120
TEMP_PREFIX = ".docexport-"


def safe_stem(name: str, fallback: str = "article") -> str:
    """A file-name stem that is safe on every OS and cannot contain a path.

    ``../../etc/passwd`` -> ``etc_passwd``; ``CON`` -> ``_CON``; long names are cut.
    """
    stem = unicodedata.normalize("NFC", name)
    stem = _UNSAFE.sub("_", stem).strip("._-")
    stem = re.sub(r"_+", "_", stem)[:MAX_STEM].rstrip("._-")
    if not stem:
        stem = fallback
    if _WINDOWS_RESERVED.match(stem):
        stem = "_" + stem
    return stem


def output_path(out_dir: Path, stem: str, extension: str) -> Path:
    """``out_dir/stem.extension``, refusing anything that would resolve outside ``out_dir``
    (a ``..`` or a symlink pointing elsewhere)."""
    name = f"{safe_stem(stem)}.{extension}"
    target = out_dir / name
    root = out_dir.resolve()
    resolved = target.resolve()
    if resolved.parent != root:
        raise OutputError(f"{target}: resolves outside the output folder {out_dir}")
    return target


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once; on any error the old file stays."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {folder}: {exc.strerror}") from None
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with suppress(OSError):
                os.unlink(tmp_name)


def remove_stale_temps(folder: Path) -> None:
    """Remove temp files an interrupted run of ours left behind."""
    if not folder.is_dir():
        return
    for p in folder.glob(f"{TEMP_PREFIX}*.tmp"):
        with suppress(OSError):
            p.unlink()


@contextmanager
def sigint_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block ends, so writing an output and
    recording it in the manifest happen together or not at all. Outside the
    main thread signals cannot be handled here; the block then runs as is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        pending.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if pending:
            if callable(previous):
                previous(signal.SIGINT, None)
            elif previous == signal.SIG_DFL:
                raise KeyboardInterrupt
