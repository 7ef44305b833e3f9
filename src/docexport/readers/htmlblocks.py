"""An element tree (HTML, or trafilatura's XML body) -> model blocks.

One walker for both vocabularies: HTML (p, h1-h6, ul/ol/li, blockquote, pre,
a, em, strong...) and the XML trafilatura extracts (p, head, list/item, quote,
code, hi, ref, lb). Media, scripts, forms and frames are dropped; link targets
are resolved against the page's URL and kept only when they are web or mail
links. Tables become text paragraphs, one per row, with a warning, because the
model has no table block. Paragraph roles reuse the plain-text reader's rules.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..errors import DocexportWarning
from ..furniture import is_furniture
from ..model import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    Inline,
    Link,
    ListBlock,
    Mark,
    Paragraph,
    ParagraphRole,
    Text,
    plain_text,
)
from ..textutil import clean
from .text import paragraph_roles

# Media, scripts, forms, frames and page furniture: never part of the article text.
_DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "img",
        "picture",
        "source",
        "video",
        "audio",
        "track",
        "canvas",
        "svg",
        "math",
        "map",
        "area",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "option",
        "label",
        "nav",
        "aside",
        "footer",
        "header",
        "menu",
        "dialog",
        "graphic",
        "figure",
        "figcaption",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "del",
        "s",
        "strike",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = {"ul", "ol", "list", "dl"}
_ITEMS = {"li", "item", "dd", "dt"}
_QUOTES = {"blockquote", "quote"}
_CODE_BLOCKS = {"pre", "code"}
_TABLES = {"table"}
_ROWS = {"tr", "row"}
_CELLS = {"td", "th", "cell"}
_BREAKS = {"br", "lb", "hr"}
_PARAGRAPHS = {"p"}
_BLOCK_CHILDREN = {"p", "pre", "ul", "ol", "list", "div", "code", "table", *_HEADINGS}
_MARK_TAGS: dict[str, Mark] = {
    "em": "emphasis",
    "i": "emphasis",
    "cite": "emphasis",
    "dfn": "emphasis",
    "strong": "strong",
    "b": "strong",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
}
# trafilatura's <hi rend="..."> values.
_REND_MARKS: dict[str, Mark] = {"#i": "emphasis", "#b": "strong", "#t": "code", "#u": "emphasis"}
_LINK_SCHEMES = {"http", "https", "mailto"}
_WS = re.compile(r"\s+")
_MAX_DEPTH = 200


def _tag(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""  # comments, processing instructions, entities
    return tag.rsplit("}", 1)[-1].lower()


def resolve_link(href: str | None, base: str | None) -> str | None:
    """An absolute web or mail link, or None for anything else (javascript:, data:...)."""
    if not href:
        return None
    href = clean(href).strip()
    if not href or len(href) > 2048 or href.startswith("#"):
        return None
    try:
        url = urljoin(base, href) if base else href
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in _LINK_SCHEMES else None


class _Inlines:
    """Collects inline runs, merging neighbours and collapsing white space."""

    def __init__(self) -> None:
        self.runs: list[Inline] = []

    def add_text(self, text: str | None, marks: tuple[Mark, ...]) -> None:
        if not text:
            return
        text = _WS.sub(" ", clean(text))
        if not text:
            return
        last = self.runs[-1] if self.runs else None
        if isinstance(last, Text) and last.marks == marks:
            self.runs[-1] = Text(text=last.text + text, marks=marks)
        else:
            self.runs.append(Text(text=text, marks=marks))

    def add_link(self, text: str, url: str, marks: tuple[Mark, ...]) -> None:
        text = _WS.sub(" ", clean(text))
        if text.strip():
            self.runs.append(Link(text=text, url=url, marks=marks))

    def take(self) -> tuple[Inline, ...]:
        """The runs with the white space at both ends and between runs tidied."""
        runs = self.runs
        self.runs = []
        out: list[Inline] = []
        for run in runs:
            text = run.text
            if out and out[-1].text.endswith(" ") and text.startswith(" "):
                text = text.lstrip(" ")
            if not out:
                text = text.lstrip(" ")
            if text:
                out.append(_with_text(run, text))
        while out and not out[-1].text.strip():
            out.pop()
        if out:
            out[-1] = _with_text(out[-1], out[-1].text.rstrip(" "))
        return tuple(out) if plain_text(tuple(out)).strip() else ()


def _with_text(run: Inline, text: str) -> Inline:
    if isinstance(run, Link):
        return Link(text=text, url=run.url, marks=run.marks)
    return Text(text=text, marks=run.marks)


def not_the_article(inlines: tuple[Inline, ...]) -> bool:
    """A paragraph of page furniture (a credit, a prompt, a related link) that the body drops:
    see :mod:`docexport.furniture`. A paragraph that is one short link and no sentence
    ("Five things we learned from Obama interview") is a link to another page."""
    text = plain_text(inlines).strip()
    if is_furniture(text):
        return True
    linked = sum(len(i.text) for i in inlines if isinstance(i, Link))
    return (
        linked >= 0.9 * len(text) > 0
        and len(text.split()) <= 12
        and not text.endswith((".", "!", "?", '"', "”", "»"))
    )


class BlockBuilder:
    """Walks elements in document order and emits blocks with unique ids."""

    def __init__(self, base_url: str | None = None) -> None:
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.pending = _Inlines()
        self.counts: dict[str, int] = {}
        self.tables = 0

    # ------------------------------------------------------------------ output

    def _id(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"

    def flush(self) -> None:
        inlines = self.pending.take()
        if inlines and not not_the_article(inlines):
            self.blocks.append(Paragraph(id=self._id("p"), inlines=inlines))

    def paragraph(self, inlines: tuple[Inline, ...], role: ParagraphRole = "body") -> None:
        if inlines and not not_the_article(inlines):
            self.blocks.append(Paragraph(id=self._id("p"), inlines=inlines, role=role))

    # ------------------------------------------------------------------ walking

    def walk(self, el: Any, depth: int = 0) -> None:
        """Add the blocks of ``el`` (not its tail)."""
        tag = _tag(el)
        if tag == "head" and el.get("rend"):
            tag = "heading"  # trafilatura's heading, not an HTML <head>
        if not tag or tag in _DROP:
            return
        if depth > _MAX_DEPTH:
            self.pending.add_text(el.text_content(), ())
            return
        if tag in _HEADINGS or tag == "heading":
            self.flush()
            level = _HEADINGS.get(tag) or _HEADINGS.get(str(el.get("rend", "")).lower(), 2)
            inlines = self.inlines(el)
            if inlines:
                self.blocks.append(Heading(id=self._id("h"), level=level, inlines=inlines))
        elif tag in _PARAGRAPHS:
            self.flush()
            self._container(el, depth)
            self.flush()
        elif tag in _LISTS:
            self.flush()
            self._list(el, ordered=tag == "ol" or el.get("rend") == "ol")
        elif tag in _QUOTES:
            self.flush()
            if any(_tag(c) in _BLOCK_CHILDREN for c in el):
                self._quote_blocks(el, depth)
            else:
                inlines = self.inlines(el)
                if inlines:
                    self.blocks.append(BlockQuote(id=self._id("q"), inlines=inlines))
        elif tag in _CODE_BLOCKS and (tag == "pre" or _is_block_code(el)):
            self.flush()
            text = clean(el.text_content()).strip("\n")
            if text.strip():
                self.blocks.append(CodeBlock(id=self._id("c"), text=text))
        elif tag in _TABLES:
            self.flush()
            self._table(el)
        elif tag in _BREAKS:
            self.pending.add_text(" ", ())
        elif tag in _MARK_TAGS or tag in (
            "a",
            "ref",
            "hi",
            "span",
            "abbr",
            "sub",
            "sup",
            "q",
            "small",
            "u",
            "mark",
            "time",
            "font",
            "bdi",
            "bdo",
        ):
            self._inline_into(self.pending, el, (), depth)
        else:  # a container: div, section, article, main, body, doc...
            self._container(el, depth)

    def _quote_blocks(self, el: Any, depth: int) -> None:
        """A quotation of several paragraphs: one quote block per paragraph."""
        start = len(self.blocks)
        self._container(el, depth)
        self.flush()
        for i in range(start, len(self.blocks)):
            b = self.blocks[i]
            if isinstance(b, Paragraph):
                self.blocks[i] = BlockQuote(id=self._id("q"), inlines=b.inlines)

    def _container(self, el: Any, depth: int) -> None:
        self.pending.add_text(el.text, ())
        for child in el:
            self.walk(child, depth + 1)
            self.pending.add_text(child.tail, ())

    def inlines(self, el: Any) -> tuple[Inline, ...]:
        """The inline content of ``el`` as one run of inlines (nested blocks flattened)."""
        acc = _Inlines()
        self._inline_into(acc, el, (), 0, include_self=False)
        return acc.take()

    def _inline_into(
        self, acc: _Inlines, el: Any, marks: tuple[Mark, ...], depth: int, include_self: bool = True
    ) -> None:
        tag = _tag(el)
        if include_self:
            if not tag or tag in _DROP:
                return
            if tag in _BREAKS:
                acc.add_text(" ", marks)
                return
            mark = _MARK_TAGS.get(tag) or (
                _REND_MARKS.get(str(el.get("rend", ""))) if tag == "hi" else None
            )
            if mark and mark not in marks:
                marks = (*marks, mark)
            if tag in ("a", "ref"):
                url = resolve_link(el.get("href") or el.get("target"), self.base_url)
                text = "".join(_texts(el))
                if url:
                    acc.add_link(text, url, marks)
                else:
                    acc.add_text(text, marks)
                return
            if tag in _ITEMS | _PARAGRAPHS | _QUOTES or tag in _HEADINGS:
                acc.add_text(" ", marks)
        if depth > _MAX_DEPTH:
            acc.add_text(el.text_content(), marks)
            return
        acc.add_text(el.text, marks)
        for child in el:
            self._inline_into(acc, child, marks, depth + 1)
            acc.add_text(child.tail, marks)

    def _list(self, el: Any, ordered: bool) -> None:
        items: list[tuple[Inline, ...]] = []
        self._collect_items(el, items, 0)
        if items:
            self.blocks.append(ListBlock(id=self._id("l"), items=tuple(items), ordered=ordered))

    def _collect_items(self, el: Any, items: list[tuple[Inline, ...]], depth: int) -> None:
        for child in el:
            tag = _tag(child)
            if tag in _ITEMS:
                nested = [c for c in child if _tag(c) in _LISTS]
                acc = _Inlines()
                acc.add_text(child.text, ())
                for c in child:
                    if _tag(c) in _LISTS:
                        acc.add_text(c.tail, ())
                        continue
                    self._inline_into(acc, c, (), depth + 1)
                    acc.add_text(c.tail, ())
                inlines = acc.take()
                if inlines:
                    items.append(inlines)
                if depth < 8:
                    for c in nested:
                        self._collect_items(c, items, depth + 1)
            elif tag in _LISTS and depth < 8:
                self._collect_items(child, items, depth + 1)

    def _table(self, el: Any) -> None:
        rows = [r for r in el.iter() if _tag(r) in _ROWS]
        before = len(self.blocks)
        for row in rows:
            cells = [" ".join(_texts(c)).strip() for c in row if _tag(c) in _CELLS]
            line = " | ".join(_WS.sub(" ", clean(c)).strip() for c in cells if c.strip())
            if line:
                self.paragraph((Text(text=line),))
        if len(self.blocks) > before:
            self.tables += 1

    # ------------------------------------------------------------------ result

    def result(self) -> tuple[Block, ...]:
        """The blocks, with background/closing roles on body paragraphs."""
        self.flush()
        if self.tables:
            warnings.warn(
                DocexportWarning(
                    f"{self.tables} table(s) shown as text, one paragraph per row "
                    "(the model has no table block)"
                ),
                stacklevel=3,
            )
        return with_roles(self.blocks)


def with_roles(blocks: Iterable[Block]) -> tuple[Block, ...]:
    """Body paragraphs get the plain-text reader's background/closing roles."""
    out = list(blocks)
    body = [(i, b) for i, b in enumerate(out) if isinstance(b, Paragraph) and b.role == "body"]
    roles = paragraph_roles([plain_text(b.inlines) for _, b in body])
    for (i, p), role in zip(body, roles, strict=True):
        if role in ("background", "closing"):
            out[i] = Paragraph(id=p.id, inlines=p.inlines, role=_ROLE[role])
    return tuple(out)


_ROLE: dict[str, ParagraphRole] = {"background": "background", "closing": "closing"}


def _is_block_code(el: Any) -> bool:
    """A ``<code>`` that stands alone (trafilatura's block code), not inside a sentence."""
    parent = el.getparent()
    return parent is None or _tag(parent) in ("body", "doc", "main", "div", "pre")


def _texts(el: Any) -> Iterable[str]:
    """Text of ``el`` and descendants, skipping dropped elements."""
    if _tag(el) in _DROP:
        return
    if el.text:
        yield el.text
    for child in el:
        yield from _texts(child)
        if child.tail:
            yield child.tail


def blocks_from_element(el: Any, base_url: str | None = None) -> tuple[Block, ...]:
    """Blocks of an element tree."""
    builder = BlockBuilder(base_url)
    builder.walk(el)
    return builder.result()
