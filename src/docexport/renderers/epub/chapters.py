"""The content documents: cover, summary pages (with the key-facts aside) and
one chapter per article.

Each builder returns the document's bytes and its outline (the headings the
nav lists). Wording shared with the other formats comes from ``briefing``.
"""

from __future__ import annotations

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
from ..briefing import Anchor, SummaryPage, sentences_by_block, with_anchors
from ..labels import Labels
from ..links import display_url
from ..outline import BodyItem
from .plan import COVER_FILE, CSS_FILE, PACK_SUMMARY_FILE, ArticlePlan, Box, Plan
from .xhtml import (
    Document,
    Element,
    IdMaker,
    add_inlines,
    append_text,
    block_dir,
    label,
    set_lang,
    sub,
    xml_safe,
)

BACKLINK_TEXT = "↩\ufe0e"  # text presentation, never an emoji


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


def _title(text: str, words: Labels) -> str:
    """A heading never ends up empty (WCAG: headings describe their section)."""
    safe = xml_safe(text)
    return safe if safe.strip() else words("Untitled")


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


def _marking(parent: Element, plan: Plan, doc: Document) -> None:
    """The marking line opens every document of the book (EPUB has no pages)."""
    marking = plan.b.marking
    if marking:
        _text_p(parent, marking, doc, "marking")


def cover(plan: Plan) -> bytes:
    b = plan.b
    page = plan.pack_page or plan.articles[0].page
    words = page.labels
    doc = _doc(words("Cover: {title}", title=b.title), plan.lang, plan.dir, epub_type="cover")
    section = sub(doc.body, "section", {"class": "cover", "aria-labelledby": "cover-title"})
    _marking(section, plan, doc)
    h1 = sub(section, "h1", {"id": "cover-title"}, _title(b.title, words))
    block_dir(h1, b.title, doc.dir)
    label(section, "p", page.meta, doc, {"class": "meta"}, lang=words.language)
    return doc.to_bytes()


# --------------------------------------------------------------------------- summary pages


def _summary_list(parent: Element, page: SummaryPage, doc: Document) -> None:
    section = sub(parent, "section", {"class": "summary", "aria-labelledby": "summary"})
    label(section, "h2", page.summary_heading, doc, {"id": "summary"}, lang=page.labels.language)
    ul = sub(section, "ul", {"class": "summary-list"})
    for point in page.points:
        li = sub(ul, "li", text=point)
        block_dir(li, point, doc.dir)


def _key_facts(
    parent: Element,
    page: SummaryPage,
    box: Box,
    box_id: str,
    plan: Plan,
    doc: Document,
    here: str,
    number: int | None,
) -> None:
    """The key-facts aside; ``number`` is the article whose sentences the facts
    cite (``None`` for the pack's combined facts)."""
    words = page.labels
    aside = sub(
        parent, "aside", {"class": "key-facts", "id": box_id, "aria-labelledby": f"{box_id}-title"}
    )
    label(aside, "h2", page.box_title, doc, {"id": f"{box_id}-title"}, lang=words.language)
    if not box:
        label(aside, "p", page.box_empty, doc, {"class": "empty"}, lang=words.language)
    for group, entries in box:
        label(aside, "h3", group, doc, lang=words.language)
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


def _summary_header(parent: Element, page: SummaryPage, plan: Plan, doc: Document) -> None:
    header = sub(parent, "header")
    _marking(header, plan, doc)
    h1 = sub(header, "h1", {"id": "title"}, _title(page.title, page.labels))
    block_dir(h1, page.title, doc.dir)
    label(header, "p", page.meta, doc, {"class": "meta"}, lang=page.labels.language)


def article_summary(plan: Plan, ap: ArticlePlan) -> bytes:
    page = ap.page
    words = page.labels
    doc = _doc(words("Summary: {title}", title=page.title), ap.lang, ap.dir)
    section = sub(doc.body, "section", {"class": "summary-page", "aria-labelledby": "title"})
    _summary_header(section, page, plan, doc)
    if page.standfirst:
        _text_p(section, page.standfirst, doc, "standfirst")
    if page.points:
        _summary_list(section, page, doc)
    _key_facts(section, page, ap.box, ap.box_id, plan, doc, ap.summary_file, ap.number)
    p = sub(section, "p", {"class": "next"})
    label(
        p, "a", words("Read the full article"), doc, {"href": ap.chapter_file}, lang=words.language
    )
    return doc.to_bytes()


def pack_summary(plan: Plan) -> bytes:
    page = plan.pack_page
    assert page is not None
    words = page.labels
    doc = _doc(words("Summary: {title}", title=page.title), plan.lang, plan.dir)
    section = sub(doc.body, "section", {"class": "summary-page", "aria-labelledby": "title"})
    _summary_header(section, page, plan, doc)
    if page.points:
        _summary_list(section, page, doc)
    _key_facts(section, page, plan.pack_box, "key-facts-pack", plan, doc, PACK_SUMMARY_FILE, None)
    inpack = sub(section, "section", {"aria-labelledby": "in-this-pack"})
    label(inpack, "h2", words("In this pack"), doc, {"id": "in-this-pack"}, lang=words.language)
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
        self.cited: set[str] = set()  # sentences that already have their end marker
        # One pass over the sentences, not one per block (a million one-line
        # paragraphs made that quadratic).
        self.by_block = sentences_by_block(ap.article)
        self.texts: dict[str, str] | None = None
        self.back_label = plan.b.words(ap.article)("Back to key facts")

    def sentences(self, block_id: str) -> tuple[Sentence, ...]:
        """The block's sentences plus an end marker after each cited one."""
        own = self.by_block.get(block_id, ())
        markers = []
        text: str | None = None
        for s in own:
            if (self.ap.number, s.id) in self.plan.backlinks and s.id not in self.cited:
                marker = f"\x00end\x00{len(self.ends)}"
                self.ends[marker] = s.id
                self.cited.add(s.id)
                if text is None:
                    text = self._block_text(block_id)
                markers.append(_moved(s, id=marker, start=_word_end(text, s.end)))
        return own + tuple(markers)

    def _block_text(self, block_id: str) -> str:
        article = self.ap.article
        if block_id == STANDFIRST_ID and article.standfirst:
            return article.standfirst
        if self.texts is None:
            self.texts = {}
            for b in article.body:
                self.texts.setdefault(b.id, block_text(b))
        return self.texts.get(block_id, "")

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
                    "aria-label": self.back_label,
                    "title": self.back_label,
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


def article_chapter(plan: Plan, ap: ArticlePlan) -> Built:
    article = ap.article
    doc = _doc(article.headline, ap.lang, ap.dir, epub_type="bodymatter")
    section = sub(
        doc.body, "section", {"class": "chapter", "aria-labelledby": "title", "role": "doc-chapter"}
    )
    section.set("{http://www.idpf.org/2007/ops}type", "chapter")
    _marking(section, plan, doc)
    h1 = sub(section, "h1", {"id": "title"}, _title(article.headline, ap.page.labels))
    block_dir(h1, article.headline, doc.dir)
    anchors = _Anchors(plan, ap)
    if article.standfirst:
        p = sub(section, "p", {"class": "standfirst"})
        add_inlines(p, anchors.inlines((_text(article.standfirst),), STANDFIRST_ID), anchors)
        block_dir(p, article.standfirst, doc.dir)
    outline = _body(section, plan.b.body(article), anchors, doc, ap.page.labels)
    _attribution(section, plan, article, doc)
    return doc.to_bytes(), outline


def _body(
    parent: Element, items: list[BodyItem], anchors: _Anchors, doc: Document, words: Labels
) -> list[OutlineEntry]:
    outline: list[OutlineEntry] = []
    ids = IdMaker("sec-")
    for item in items:
        block = item.block
        if item.is_heading:
            title = xml_safe(item.title or "").strip() or words("Section")
            if isinstance(block, Heading):
                html_id = ids(block.id)
                el = sub(parent, f"h{item.level}", {"id": html_id})
                add_inlines(el, anchors.inlines(block.inlines, block.id), anchors)
                block_dir(el, block_text(block), doc.dir)
            else:
                html_id = ids(item.id)
                el = label(
                    parent, f"h{item.level}", title, doc, {"id": html_id}, lang=words.language
                )
            outline.append(OutlineEntry(title, html_id, item.level))
            continue
        assert block is not None
        text = block_text(block)
        match block:
            case Paragraph():
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
                for entry in _list_items(block, anchors):
                    li = sub(el, "li")
                    add_inlines(li, entry, anchors)
                    block_dir(
                        li,
                        plain_text(tuple(i for i in entry if not isinstance(i, Anchor))),
                        doc.dir,
                    )
                continue
            case CodeBlock():
                el = sub(parent, "pre")
                code = sub(el, "code")
                anchors.leading(code, block.id)
                append_text(code, block.text)
            case _:
                continue
        block_dir(el, text, doc.dir)
    for note in anchors.ap.article.notes:
        _text_p(parent, note, doc, "note")
    return outline


def _attribution(parent: Element, plan: Plan, article: Article, doc: Document) -> None:
    """``Source: name — url``, the URL a link shown decoded (``ä``, not ``%C3%A4``)."""
    text, href = plan.b.attribution(article)
    p = sub(parent, "p", {"class": "attribution"})
    shown = display_url(article.source.url) if article.source.url else None
    if href is None or shown is None or not text.endswith(shown):
        append_text(p, text)
    else:
        append_text(p, text[: -len(shown)])
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
