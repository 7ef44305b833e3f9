"""Bytes to text for every text-based reader: BOMs, UTF-16 without BOM,
UTF-8, cp1252 and, failing those, charset detection; then NFC and LF."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from ..textutil import clean

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a NUL in every other byte for Latin script."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.4 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.4 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


_MAGIC = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\x7fELF",
    b"MZ",
    b"\x00\x00\x01\x00",
    b"RIFF",
    b"OggS",
    b"\xfd7zXZ",
)


def looks_binary(data: bytes) -> bool:
    """A known binary signature, NULs, or mostly control bytes (not UTF-16/32 text)."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith(_MAGIC):
        return True
    if sample.count(0) > len(sample) * 0.1:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.3


def detect_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of ``data`` and the length of its BOM (0 if none)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16, 0
    if looks_binary(data):
        raise InputError("binary data, not text")
    try:
        data.decode("utf-8")
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return "utf-8-lenient", 0
    try:
        data.decode("cp1252")
        return "cp1252", 0
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError("cannot tell the text encoding")
    return best.encoding, 0


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken bytes (a truncated download, a bad paste): keep it
    UTF-8 and mark the broken bytes, rather than misreading all of it as cp1252."""
    text = data.decode("utf-8", errors="replace")
    bad = len(re.findall("\ufffd+", text))  # one broken sequence may give several
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return multibyte > 0 and bad <= max(4, len(text) // 100)


def decode(data: bytes) -> str:
    """Text of ``data`` in NFC with LF line ends and no XML-illegal characters."""
    encoding, skip = detect_encoding(data)
    try:
        if encoding == "utf-8-lenient":
            text = data.decode("utf-8", errors="replace")
        else:
            text = data[skip:].decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"cannot decode as {encoding}: {exc}") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text and text.count("\x00") > len(text) * 0.1:
        raise InputError("binary data, not text")
    return clean(text)
