"""Bytes of an HTML page -> an lxml tree, safely.

The page is decoded here (BOM, then a ``<meta charset>`` that actually decodes,
then :func:`decode`'s detection), so a lying or broken encoding declaration
cannot garble the text or crash the parser. The parser never touches the
network, keeps libxml2's size and depth limits (``huge_tree=False``) and does
not expand DTD entities: HTML parsing ignores internal subsets.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from ..errors import InputError
from ..textutil import clean
from .decode import _BOMS, decode

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# The largest page handed to the HTML parser; larger inputs are refused.
MAX_HTML_BYTES = 10 * 1024 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}\?>", re.IGNORECASE)
# Labels pages use for what browsers decode as windows-1252 (WHATWG Encoding).
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii", "l1"}


def declared_charset(data: bytes) -> str | None:
    """The ``<meta charset>`` / ``http-equiv`` charset of the first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").lower()
    if label in _AS_CP1252:
        return "cp1252"
    if label.replace("-", "").replace("_", "") in ("utf7", "unicode11utf7", "csunicode11utf7"):
        return None  # UTF-7 hides markup in plain ASCII; browsers refuse it too

    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def page_text(data: bytes) -> tuple[str, str]:
    """The page as text and how its encoding was found."""
    for bom, _name in _BOMS:
        if data.startswith(bom):
            return decode(data), "byte order mark"
    declared = declared_charset(data)
    if declared and declared not in ("utf-16", "utf-32"):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration lies: detect instead
        else:
            return clean(
                text.replace("\r\n", "\n").replace("\r", "\n")
            ), f"<meta charset> {declared}"
    return decode(data), "detected"


def parse_html(data: bytes) -> HtmlElement:
    """A safe lxml tree of the page ``data``."""
    if len(data) > MAX_HTML_BYTES:
        raise InputError(
            f"HTML page is {len(data):,} bytes, over the reader's limit of {MAX_HTML_BYTES:,}"
        )
    text, _how = page_text(data)
    return parse_html_text(text)


def parse_html_text(text: str) -> HtmlElement:
    """A safe lxml tree of HTML ``text`` (a whole page or a fragment)."""
    import lxml.etree
    import lxml.html

    # lxml refuses str input that carries an encoding declaration.
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        raise InputError("no HTML: the page is empty")
    parser = lxml.html.HTMLParser(
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        default_doctype=False,
    )
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from None
    if root is None:
        raise InputError("cannot parse HTML: no document")
    return root
