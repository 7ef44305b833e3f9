"""The content documents: cover, summary pages (with the key-facts aside) and
one chapter per article.

Each builder returns the document's bytes and its outline (the headings the
nav lists). Wording shared with the other formats comes from ``briefing``.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Any

from ...model import (
    STANDFIRST_ID,
    Article,
    BlockQuote,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Sentence,
    Text,
    block_text,
    plain_text,
)
from .. import briefing
from ..briefing import Anchor, with_anchors
from .plan import COVER_FILE, CSS_FILE, PACK_SUMMARY_FILE, ArticlePlan, Box, Plan
from .xhtml import (
    Document,
    Element,
    IdMaker,
    add_inlines,
    append_text,
    block_dir,
    label,
    safe_href,
    set_lang,
    sub,
    xml_safe,
)

BACKLINK_TEXT = "↩\ufe0e"  # text presentation, never an emoji
BACKLINK_LABEL = "Back to key facts"


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    title: str
    id: str
    level: int  # 2 = section of the chapter, 3 = subsection...


Built = tuple[bytes, list[OutlineEntry]]


def _doc(title: str, lang: str, direction: str, epub_type: str | None = None) -> Document:
    return Document(title=title, lang=lang, dir=direction, css_href=CSS_FILE, epub_type=epub_type)


def _match_lang(el: Element, ap: ArticlePlan, doc: Document) -> None:
    """An article's words inside a document in another language keep their own tag."""
    if ap.lang != doc.lang:
        set_lang(el, ap.lang)
    if ap.dir != doc.dir:
        el.set("dir", ap.dir)


def _text_p(parent: Element, text: str, doc: Document, cls: str | None = None) -> Element:
    p = sub(parent, "p", {"class": cls} if cls else None, text)
    block_dir(p, text, doc.dir)
    return p


def _title(text: str) -> str:
    """A heading never ends up empty (WCAG: headings describe their section)."""
    safe = xml_safe(text)
    return safe if safe.strip() else "Untitled"


# The model's dataclass decorator is an alias mypy cannot see through, so
# model objects are built from keyword dicts here.
def _text(text: str) -> Text:
    fields: dict[str, Any] = {"text": text}
    return Text(**fields)


def _word_end(text: str, pos: int) -> int:
    """``pos``, moved past the rest of a word it falls inside: a hand-edited model's
    sentence offsets must not put the back link in the middle of a word."""
    if 0 < pos < len(text) and text[pos - 1].isalnum():
        while pos < len(text) and text[pos].isalnum():
            pos += 1
    return pos


def _moved(s: Sentence, **changes: Any) -> Sentence:
    fields: dict[str, Any] = {
        "id": s.id,
        "block": s.block,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        **changes,
    }
    return Sentence(**fields)


# --------------------------------------------------------------------------- cover


def cover(plan: Plan) -> bytes:
    pack = plan.pack
    single = plan.articles[0] if not pack.is_multi else None
    doc = _doc(f"Cover: {pack.title}", plan.lang, plan.dir, epub_type="cover")
    section = sub(doc.body, "section", {"class": "cover", "aria-labelledby": "cover-title"})
    marking = briefing.marking(pack, plan.theme)
    if marking:
        _text_p(section, marking, doc, "marking")
    h1 = sub(section, "h1", {"id": "cover-title"}, _title(pack.title))
    block_dir(h1, pack.title, doc.dir)
    if single is not None:
        date = briefing.format_date(single.article.published) or briefing.format_date(pack.date)
        source = briefing.source_label(single.article)
        label(section, "p", f"Source: {source}", doc, {"class": "meta"})
    else:
        date = briefing.format_date(pack.date)
        names = list(dict.fromkeys(briefing.source_label(ap.article) for ap in plan.articles))
        sources = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
        label(section, "p", f"{len(plan.articles)} articles from {sources}", doc, {"class": "meta"})
    if date:
        label(section, "p", date, doc, {"class": "meta"})
    return doc.to_bytes()


# --------------------------------------------------------------------------- summary pages


def _summary_list(parent: Element, points: tuple[str, ...], doc: Document) -> None:
    section = sub(parent, "section", {"class": "summary", "aria-labelledby": "summary"})
    label(section, "h2", "Summary", doc, {"id": "summary"})
    ul = sub(section, "ul", {"class": "summary-list"})
    for point in points:
        li = sub(ul, "li", text=point)
        block_dir(li, point, doc.dir)


def _key_facts(
    parent: Element,
    box: Box,
    box_id: str,
    plan: Plan,
    doc: Document,
    here: str,
    number: int | None,
) -> None:
    """The key-facts aside; ``number`` is the article whose sentences the facts
    cite (``None`` for the pack's combined facts)."""
    aside = sub(
        parent, "aside", {"class": "key-facts", "id": box_id, "aria-labelledby": f"{box_id}-title"}
    )
    label(aside, "h2", plan.theme.box.title, doc, {"id": f"{box_id}-title"})
    for group, entries in box:
        label(aside, "h3", group, doc)
        ul = sub(aside, "ul")
        for line, html_id in entries:
            li = sub(ul, "li", {"id": html_id})
            text = xml_safe(line.text).strip() or "(no text)"
            found = plan.anchor(number, line.sentence)
            if found is not None:
                a = sub(li, "a", {"href": found[1].href(here)}, text)
                block_dir(a, text, doc.dir)
            else:
                append_text(li, text)
            if line.detail:
                sub(li, "span", {"class": "fact-detail"}, f" — {line.detail}")
            block_dir(li, text, doc.dir)


def _summary_header(parent: Element, title: str, meta: str, plan: Plan, doc: Document) -> None:
    header = sub(parent, "header")
    marking = briefing.marking(plan.pack, plan.theme)
    if marking:
        _text_p(header, marking, doc, "marking")
    h1 = sub(header, "h1", {"id": "title"}, _title(title))
    block_dir(h1, title, doc.dir)
    label(header, "p", meta, doc, {"class": "meta"})


def article_summary(plan: Plan, ap: ArticlePlan) -> bytes:
    article = ap.article
    doc = _doc(f"Summary: {article.headline}", ap.lang, ap.dir)
    section = sub(doc.body, "section", {"class": "summary-page", "aria-labelledby": "title"})
    _summary_header(section, article.headline, briefing.meta_line(plan.pack, article), plan, doc)
    if article.standfirst:
        _text_p(section, article.standfirst, doc, "standfirst")
    if article.summary:
        _summary_list(section, article.summary, doc)
    if ap.box:
        _key_facts(section, ap.box, ap.box_id, plan, doc, ap.summary_file, ap.number)
    p = sub(section, "p", {"class": "next"})
    label(p, "a", "Read the full article", doc, {"href": ap.chapter_file})
    return doc.to_bytes()


def pack_summary(plan: Plan) -> bytes:
    pack = plan.pack
    doc = _doc(f"Summary: {pack.title}", plan.lang, plan.dir)
    section = sub(doc.body, "section", {"class": "summary-page", "aria-labelledby": "title"})
    _summary_header(section, pack.title, briefing.meta_line(pack, None), plan, doc)
    if pack.summary:
        _summary_list(section, pack.summary, doc)
    if plan.pack_box:
        _key_facts(section, plan.pack_box, "key-facts-pack", plan, doc, PACK_SUMMARY_FILE, None)
    inpack = sub(section, "section", {"aria-labelledby": "in-this-pack"})
    label(inpack, "h2", "In this pack", doc, {"id": "in-this-pack"})
    ol = sub(inpack, "ol", {"class": "summary-list"})
    for ap in plan.articles:
        li = sub(ol, "li")
        a = sub(li, "a", {"href": ap.summary_file}, ap.article.headline)
        _match_lang(a, ap, doc)
    return doc.to_bytes()


# --------------------------------------------------------------------------- article chapter


class _Anchors:
    """Places each sentence's anchor (once) and, at the end of sentences a key
    fact cites, a back link to that fact."""

    def __init__(self, plan: Plan, ap: ArticlePlan) -> None:
        self.plan = plan
        self.ap = ap
        self.placed: set[str] = set()
        self.ends: dict[str, str] = {}  # synthetic end-marker id -> sentence id

    def sentences(self, block_id: str) -> tuple[Sentence, ...]:
        """The block's sentences plus an end marker after each cited one."""
        own = tuple(s for s in self.ap.article.sentences if s.block == block_id)
        markers = []
        text: str | None = None
        for s in own:
            if (self.ap.number, s.id) in self.plan.backlinks and s.id not in self.ends.values():
                marker = f"\x00end\x00{len(self.ends)}"
                self.ends[marker] = s.id
                if text is None:
                    text = self._block_text(block_id)
                markers.append(_moved(s, id=marker, start=_word_end(text, s.end)))
        return own + tuple(markers)

    def _block_text(self, block_id: str) -> str:
        article = self.ap.article
        if block_id == STANDFIRST_ID and article.standfirst:
            return article.standfirst
        for b in article.body:
            if b.id == block_id:
                return block_text(b)
        return ""

    def __call__(self, parent: Element, anchor_id: str) -> None:
        if anchor_id in self.ends:
            back = self.plan.backlinks[self.ap.number, self.ends[anchor_id]]
            sub(
                parent,
                "a",
                {
                    "class": "backlink",
                    "href": back.href(self.ap.chapter_file),
                    "role": "doc-backlink",
                    "aria-label": BACKLINK_LABEL,
                    "title": BACKLINK_LABEL,
                },
                BACKLINK_TEXT,
            )
            return
        target = self.plan.anchors.get((self.ap.number, anchor_id))
        if target is None or target.file != self.ap.chapter_file or anchor_id in self.placed:
            return
        self.placed.add(anchor_id)
        # An explicit end tag: some reading systems mis-parse ``<span/>``.
        sub(parent, "span", {"id": target.id}).text = ""

    def inlines(self, inlines: tuple[Inline, ...], block_id: str) -> list[Inline | Anchor]:
        return with_anchors(inlines, block_id, self.sentences(block_id))

    def leading(self, parent: Element, block_id: str) -> None:
        """Anchors for a block whose text cannot be split (code): at its start."""
        for s in self.sentences(block_id):
            self(parent, s.id)


def _list_items(block: ListBlock, anchors: _Anchors) -> list[list[Inline | Anchor]]:
    """Anchors inside list items: offsets count items joined by newlines."""
    sentences = anchors.sentences(block.id)
    offsets, pos = [], 0
    for item in block.items:
        offsets.append(pos)
        pos += len(plain_text(item)) + 1
    out = []
    for k, item in enumerate(block.items):
        lo = offsets[k]
        hi = offsets[k + 1] if k + 1 < len(offsets) else None
        mine = tuple(
            _moved(s, start=s.start - lo)
            for s in sentences
            if s.start >= lo and (hi is None or s.start < hi)
        )
        out.append(with_anchors(item, block.id, mine))
    return out


def _heading_level(requested: int, previous: int) -> int:
    """Headings never skip a level (WCAG 1.3.1): h1 is the headline."""
    return max(2, min(requested + 1, previous + 1, 6))


def article_chapter(plan: Plan, ap: ArticlePlan) -> Built:
    article = ap.article
    doc = _doc(article.headline, ap.lang, ap.dir, epub_type="bodymatter")
    section = sub(
        doc.body, "section", {"class": "chapter", "aria-labelledby": "title", "role": "doc-chapter"}
    )
    section.set("{http://www.idpf.org/2007/ops}type", "chapter")
    h1 = sub(section, "h1", {"id": "title"}, _title(article.headline))
    block_dir(h1, article.headline, doc.dir)
    anchors = _Anchors(plan, ap)
    if article.standfirst:
        p = sub(section, "p", {"class": "standfirst"})
        add_inlines(p, anchors.inlines((_text(article.standfirst),), STANDFIRST_ID), anchors)
        block_dir(p, article.standfirst, doc.dir)
    outline = _body(section, article, anchors, doc)
    _attribution(section, article, doc)
    return doc.to_bytes(), outline


def _body(
    parent: Element, article: Article, anchors: _Anchors, doc: Document
) -> list[OutlineEntry]:
    outline: list[OutlineEntry] = []
    ids = IdMaker("sec-")
    level = 1
    in_background = False
    for block in article.body:
        text = block_text(block)
        match block:
            case Heading():
                level = _heading_level(block.level, level)
                html_id = ids(block.id)
                el = sub(parent, f"h{level}", {"id": html_id})
                add_inlines(el, anchors.inlines(block.inlines, block.id), anchors)
                outline.append(OutlineEntry(xml_safe(text).strip() or "Section", html_id, level))
                in_background = False
            case Paragraph():
                if block.role == "background" and not in_background:
                    html_id = ids("background")
                    label(parent, "h2", "Background", doc, {"id": html_id})
                    outline.append(OutlineEntry("Background", html_id, 2))
                    level = 2
                in_background = block.role == "background" or (
                    in_background and block.role == "body"
                )
                cls = None if block.role == "body" else block.role
                el = sub(parent, "p", {"class": cls} if cls else None)
                add_inlines(el, anchors.inlines(block.inlines, block.id), anchors)
            case BlockQuote():
                figure = sub(parent, "figure", {"class": "quote"})
                bq = sub(figure, "blockquote")
                el = sub(bq, "p")
                add_inlines(el, anchors.inlines(block.inlines, block.id), anchors)
                block_dir(bq, text, doc.dir)
                if block.speaker and xml_safe(block.speaker).strip():
                    cap = sub(figure, "figcaption", text=f"— {block.speaker}")
                    block_dir(cap, block.speaker, doc.dir)
                continue
            case ListBlock():
                el = sub(parent, "ol" if block.ordered else "ul")
                for item in _list_items(block, anchors):
                    li = sub(el, "li")
                    add_inlines(li, item, anchors)
                    block_dir(
                        li, plain_text(tuple(i for i in item if not isinstance(i, Anchor))), doc.dir
                    )
                continue
            case CodeBlock():
                el = sub(parent, "pre")
                code = sub(el, "code")
                anchors.leading(code, block.id)
                append_text(code, block.text)
        block_dir(el, text, doc.dir)
    return outline


def _attribution(parent: Element, article: Article, doc: Document) -> None:
    """``Source: name — url``, the URL a link shown decoded (``ä``, not ``%C3%A4``)."""
    text, url = briefing.attribution(article)
    href = safe_href(url)
    p = label(parent, "p", "", doc, {"class": "attribution"})
    if href is None or url is None:
        append_text(p, text)
    else:
        shown = urllib.parse.unquote(url)
        if text.endswith(url):
            append_text(p, text[: -len(url)])
        else:
            append_text(p, text + " ")
        sub(p, "a", {"href": href}, shown)
    block_dir(p, text, doc.dir)


__all__ = [
    "COVER_FILE",
    "OutlineEntry",
    "article_chapter",
    "article_summary",
    "cover",
    "pack_summary",
]
