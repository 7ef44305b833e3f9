"""A reproducible EPUB zip.

ebooklib writes entries with the current time and the host's zip attributes,
so its archive is re-packed here: ``mimetype`` first and stored (as the OCF
spec requires), then the container and the package document, then the rest in
name order, every entry with the same timestamp, permissions and compression.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile

MIMETYPE = b"application/epub+zip"
_FIRST = ("META-INF/container.xml",)
_UNIX = 3  # create_system: the same on every host
_FILE_MODE = 0o100644 << 16


def _entry(name: str, when: tuple[int, int, int, int, int, int], stored: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.create_system = _UNIX
    info.external_attr = _FILE_MODE
    return info


def zip_time(when: _dt.datetime) -> tuple[int, int, int, int, int, int]:
    """A zip (DOS) timestamp: 1980-2107, even seconds."""
    when = min(
        max(when.replace(tzinfo=None), _dt.datetime(1980, 1, 1)),
        _dt.datetime(2107, 12, 31, 23, 59, 58),
    )
    return (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)


def repack(files: dict[str, bytes], when: _dt.datetime) -> bytes:
    """The EPUB archive of ``files`` (path -> bytes), byte-identical for the same input."""
    stamp = zip_time(when)
    rest = sorted(n for n in files if n != "mimetype" and n not in _FIRST)
    opf = [n for n in rest if n.endswith(".opf")]
    order = [n for n in _FIRST if n in files] + opf + [n for n in rest if n not in opf]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr(_entry("mimetype", stamp, stored=True), MIMETYPE)
        for name in order:
            out.writestr(_entry(name, stamp, stored=False), files[name], compresslevel=9)
    return buffer.getvalue()


def read_entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}
