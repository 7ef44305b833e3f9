"""Building XHTML content documents safely with lxml.

Every string from the model goes through :func:`xml_safe` and into lxml as
text or attribute values, never into markup, so ``<script>``, ``]]>`` and
``&`` come out escaped and characters XML cannot hold are dropped rather than
crashing the serialiser. Links are kept only for schemes a reader can follow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeAlias

from lxml import etree

from ...model import Inline, Link
from ...textutil import strip_illegal
from ..briefing import Anchor
from .lang import RTL_LANGUAGES, primary, strong_direction

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = f"{{{EPUB_NS}}}type"
NSMAP: dict[str | None, str] = {None: XHTML_NS, "epub": EPUB_NS}

Element: TypeAlias = etree._Element

_ID_BAD = re.compile(r"[^A-Za-z0-9_.-]+")
_MARK_TAGS = {"emphasis": "em", "strong": "strong", "code": "code"}


def xml_safe(text: str | None) -> str:
    """Text lxml accepts: characters XML 1.0 cannot hold removed."""
    return strip_illegal(text or "")


def safe_href(url: str | None) -> str | None:
    """A link target a reader can follow, or ``None`` (the rule every format
    shares: :func:`docexport.renderers.links.safe_url`)."""
    from ..links import safe_url

    return safe_url(url)


@dataclass
class IdMaker:
    """Turns untrusted model ids into unique XML ids (stable: same input, same ids)."""

    prefix: str
    _seen: dict[str, str] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)

    def __call__(self, raw: str) -> str:
        if raw in self._seen:
            return self._seen[raw]
        base = self.prefix + (_ID_BAD.sub("_", xml_safe(raw)).strip("_") or "x")
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}_{n}"
        self._seen[raw] = candidate
        self._used.add(candidate)
        return candidate


def sub(
    parent: Element,
    tag: str,
    attrs: dict[str, str] | None = None,
    text: str | None = None,
) -> Element:
    """A child element in the XHTML namespace; ``text`` is escaped by lxml."""
    el = etree.SubElement(parent, f"{{{XHTML_NS}}}{tag}")
    for key, value in (attrs or {}).items():
        el.set(key, xml_safe(value))
    if text:
        el.text = xml_safe(text)
    return el


def append_text(parent: Element, text: str) -> None:
    """Text after whatever ``parent`` already holds (its last child's tail)."""
    text = xml_safe(text)
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def set_lang(el: Element, lang: str) -> None:
    el.set("lang", lang)
    el.set(XML_LANG, lang)


def label(
    parent: Element,
    tag: str,
    text: str,
    doc: Document,
    attrs: dict[str, str] | None = None,
    *,
    lang: str = "en",
) -> Element:
    """An element holding docexport's own wording in language ``lang`` (the
    labels' catalogue), tagged with it when the document is in another, so a
    screen reader switches voice correctly."""
    el = sub(parent, tag, attrs, text)
    if primary(lang) != primary(doc.lang):
        set_lang(el, lang)
        own = "rtl" if primary(lang) in RTL_LANGUAGES else "ltr"
        if own != doc.dir:
            el.set("dir", own)
    return el


def block_dir(el: Element, text: str, doc_dir: str) -> None:
    """Mark a block whose own text runs against the document's direction
    (an Arabic quotation in an English article), as ``dir="auto"`` would."""
    own = strong_direction(text)
    if own is not None and own != doc_dir:
        el.set("dir", own)


AnchorHook = Callable[[Element, str], None]


def add_inlines(
    parent: Element,
    items: Iterable[Inline | Anchor],
    anchor: AnchorHook | None = None,
) -> None:
    """Inline runs with their marks and links; each Anchor is handed to ``anchor``."""
    for item in items:
        if isinstance(item, Anchor):
            if anchor is not None:
                anchor(parent, item.id)
            continue
        if not item.text:
            continue
        target = parent
        href = safe_href(item.url) if isinstance(item, Link) else None
        if href is not None and xml_safe(item.text).strip():
            target = sub(target, "a", {"href": href})
        for mark in item.marks:
            tag = _MARK_TAGS.get(mark)
            if tag is not None:
                target = sub(target, tag)
        if target is parent:
            append_text(parent, item.text)
        else:
            append_text(target, item.text)


@dataclass
class Document:
    """One XHTML content document being built: ``body`` is where content goes."""

    title: str
    lang: str
    dir: str
    css_href: str | None
    root: Element = field(init=False)
    body: Element = field(init=False)
    epub_type: str | None = None

    def __post_init__(self) -> None:
        self.root = etree.Element(f"{{{XHTML_NS}}}html", nsmap=NSMAP)
        set_lang(self.root, self.lang)
        if self.dir == "rtl":
            self.root.set("dir", "rtl")
        head = sub(self.root, "head")
        sub(head, "meta", {"charset": "utf-8"})
        sub(head, "title", text=self.title.strip() or "Untitled")
        if self.css_href:
            sub(head, "link", {"rel": "stylesheet", "type": "text/css", "href": self.css_href})
        self.body = sub(self.root, "body")
        if self.epub_type:
            self.body.set(EPUB_TYPE, self.epub_type)

    def to_bytes(self) -> bytes:
        _indent_blocks(self.root)
        data: bytes = etree.tostring(
            self.root, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"
        )
        return data + b"\n"


_BLOCKS = frozenset(
    f"{{{XHTML_NS}}}{t}"
    for t in (
        "html",
        "head",
        "body",
        "section",
        "article",
        "aside",
        "header",
        "nav",
        "ol",
        "ul",
        "figure",
        "blockquote",
        "div",
    )
)
_LINES = frozenset(
    f"{{{XHTML_NS}}}{t}"
    for t in (
        "meta",
        "title",
        "link",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "pre",
        "figcaption",
        "section",
        "aside",
        "header",
        "nav",
        "ol",
        "ul",
        "figure",
        "blockquote",
        "div",
        "body",
        "head",
    )
)


def _indent_blocks(el: Element) -> None:
    """Line breaks between block elements (never inside text), so the source is
    readable and diffs stay small."""
    if el.tag not in _BLOCKS or (el.text and el.text.strip()):
        return
    children: list[Element] = list(el)
    if not children or not all(c.tag in _LINES for c in children):
        return
    el.text = "\n"
    for child in children:
        if not (child.tail and child.tail.strip()):
            child.tail = "\n"
        _indent_blocks(child)
