"""Writing outputs safely: names that cannot leave the output folder, and
atomic replacement (temp file + fsync + rename) so a failed or interrupted
write never leaves a partial file or clobbers a good one.

Only a regular file (or nothing) is ever replaced: a device, a pipe, a folder
or a symbolic link in the way is refused, since the rename would put a plain
file where it was (``--manifest /dev/null`` would replace the device).

Temp files carry their owner (a hash of the host name and the process id), so
a run removes only its own leftovers and those of processes that are gone,
never the in-flight temps of another live run in the same folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import stat
import threading
import time
import unicodedata
from contextlib import suppress
from pathlib import Path

from .errors import OutputError
from .readfile import file_kind

_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
# The longest stem safe_stem gives, in UTF-8 bytes (file systems count bytes:
# 255 on ext4, so 84 CJK characters of 3 bytes each already fail). Suffixes
# (a feed item's "-07", a clash's "-2") and the extension fit in what is left.
MAX_STEM = 120
# The longest whole file name output_path accepts, in bytes, for the same reason.
MAX_NAME_BYTES = 240
TEMP_PREFIX = ".docexport-"
TEMP_SUFFIX = ".tmp"
# Temps of an earlier docexport that did not name their owner: removed once
# this old, since no write takes that long.
_UNOWNED_TEMP_AGE = 3600.0
_TEMP_NAME = re.compile(
    re.escape(TEMP_PREFIX)
    + r"(?:(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]+)-)?[^/]*"
    + re.escape(TEMP_SUFFIX)
)


def cut_to_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8, never inside a character."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


def safe_stem(name: str, fallback: str = "article", max_bytes: int = MAX_STEM) -> str:
    """A file-name stem that is safe on every OS and cannot contain a path.

    ``../../etc/passwd`` -> ``etc_passwd``; ``CON`` -> ``_CON``; long names are cut
    to ``max_bytes`` bytes of UTF-8 on a character boundary.
    """
    stem = unicodedata.normalize("NFC", name)
    stem = _UNSAFE.sub("_", stem).strip("._-")
    stem = cut_to_bytes(re.sub(r"_+", "_", stem), max_bytes).rstrip("._-")
    if not stem:
        stem = fallback
    if _WINDOWS_RESERVED.match(stem):
        stem = "_" + stem
    return stem


def output_path(out_dir: Path, stem: str, extension: str) -> Path:
    """``out_dir/stem.extension``, refusing anything that would resolve outside ``out_dir``
    (a ``..`` or a symlink pointing elsewhere).

    The stem is cleaned but only cut when the whole name would not fit a file
    system (``MAX_NAME_BYTES``): a stem from :func:`safe_stem` plus a suffix such
    as a feed item's ``-07`` keeps its suffix, so items never share a name.
    """
    room = MAX_NAME_BYTES - len(extension.encode("utf-8")) - 1
    name = f"{safe_stem(stem, max_bytes=room)}.{extension}"
    target = out_dir / name
    root = out_dir.resolve()
    resolved = target.resolve()
    if resolved.parent != root:
        raise OutputError(f"{target}: resolves outside the output folder {out_dir}")
    return target


def check_replaceable(path: Path) -> None:
    """Raise unless ``path`` is absent or a regular file (never a symbolic link)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise OutputError(
            f"{path} is {file_kind(mode)}, not a regular file: refusing to replace it"
        )


# --------------------------------------------------------------------------- temps


def _host_tag() -> str:
    return hashlib.sha256(os.uname().nodename.encode("utf-8", "replace")).hexdigest()[:8]


_HOST = _host_tag()
# Names of the temps this process is writing now; any other of ours is a leftover.
_LIVE: set[str] = set()
_LIVE_LOCK = threading.Lock()


def _new_temp(folder: Path) -> tuple[int, str]:
    """Create an empty temp file in ``folder`` named after this process."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        name = f"{TEMP_PREFIX}{_HOST}-{os.getpid()}-{secrets.token_hex(6)}{TEMP_SUFFIX}"
        path = os.path.join(folder, name)
        with _LIVE_LOCK:
            _LIVE.add(name)
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            _forget(path)
        except BaseException:
            _forget(path)
            raise
    raise FileExistsError(f"no free temp name in {folder}")  # pragma: no cover


def _forget(path: str) -> None:
    with _LIVE_LOCK:
        _LIVE.discard(os.path.basename(path))


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once; on any error the old file stays.

    ``path`` must be absent or a regular file: anything else is refused before
    a byte is written.
    """
    folder = path.parent
    check_replaceable(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {folder}: {exc.strerror}") from None
    tmp_name: str | None = None
    try:
        fd, tmp_name = _new_temp(folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, 0o644)
        check_replaceable(path)  # again: something may have appeared meanwhile
        os.replace(tmp_name, path)
        _forget(tmp_name)
        tmp_name = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with suppress(OSError):
                os.unlink(tmp_name)
            _forget(tmp_name)


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, owned by someone else
        return False
    return False


def is_stale_temp(path: Path) -> bool:
    """Whether a temp file in an output folder is a leftover no live run is writing:
    ours but not in flight, or made on this host by a process that is gone, or an
    unowned one (older docexport) more than an hour old. Another host's temps
    cannot be judged and are left alone."""
    m = _TEMP_NAME.fullmatch(path.name)
    if m is None:
        return False
    if m.group("pid") is None:
        try:
            return time.time() - path.lstat().st_mtime > _UNOWNED_TEMP_AGE
        except OSError:
            return False
    if m.group("host") != _HOST:
        return False
    pid = int(m.group("pid"))
    if pid == os.getpid():
        with _LIVE_LOCK:
            return path.name not in _LIVE
    return _process_gone(pid)


def remove_stale_temps(folder: Path) -> None:
    """Remove the temp files interrupted runs left behind in ``folder``, never
    one that another live run is writing (see :func:`is_stale_temp`)."""
    if not folder.is_dir():
        return
    for p in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        if is_stale_temp(p):
            with suppress(OSError):
                p.unlink()
