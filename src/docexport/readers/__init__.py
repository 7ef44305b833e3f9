"""Readers: one module per input kind, each ``bytes -> Reading``.

Readers never know about output formats. The input kind comes from
``--input-format``, else from the file's content, else from its extension.
Reader modules (and their libraries) are imported only when used.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Article, Pack

# kind -> "module:function"
READERS: dict[str, str] = {
    "text": "docexport.readers.text:read_text",
    "markdown": "docexport.readers.markdown:read_markdown",
    "html": "docexport.readers.html:read_html",
    "feed": "docexport.readers.feed:read_feed",
    "json": "docexport.readers.json:read_json",
}
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".json": "json",
}
INPUT_FORMATS: tuple[str, ...] = tuple(READERS)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a reader found: the articles, and pack-level fields if the input has them.

    ``analysed`` is true when the input already is a model (JSON): the analysis
    must not run again, so a user's edits to facts and summary are kept.
    """

    articles: tuple[Article, ...]
    title: str | None = None
    marking: str | None = None
    date: str | None = None
    pack: Pack | None = None
    analysed: bool = False


_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]")


def _head(data: bytes) -> bytes:
    """The first bytes of the input, lower-cased, UTF-16/32 turned into ASCII-ish bytes."""
    sample = data[:4096]
    for bom, enc in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if sample.startswith(bom):
            sample = sample.decode(enc, "ignore").encode("utf-8", "ignore")
            break
    return sample.lstrip(b"\xef\xbb\xbf \t\r\n").lower()


def sniff(data: bytes, name: str) -> str:
    """The input kind from content first, then the extension; text by default."""
    head = _head(data)
    ext = Path(name).suffix.lower()
    if head.startswith((b"{", b"[")) and ext in ("", ".json", ".txt"):
        return "json"
    if head.startswith(b"<"):
        # An HTML page may mention <rss> in a comment; a feed never starts as a page.
        if _HTML_START.search(head[:512]) and not _FEED_ROOT.search(head[:200]):
            return "html"
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_START.search(head):
            return "html"
        if head.startswith(b"<?xml") and ext not in (".html", ".htm", ".xhtml"):
            return "feed"
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if head.startswith(b"---\n") or head.startswith(b"# "):
        return "markdown"
    return "text"


def read_bytes(data: bytes, *, name: str = "input", input_format: str | None = None) -> Reading:
    """Read one input's bytes with the reader for its kind."""
    kind = input_format or sniff(data, name)
    target = READERS.get(kind)
    if target is None:
        raise InputError(f"unknown input format {kind!r} (known: {', '.join(READERS)})")
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise InputError(f"cannot read {kind} input: {exc}") from None
    reader = getattr(module, attr)
    result = reader(data, name=name)
    if isinstance(result, Reading):
        return result
    return Reading(articles=tuple(result))
