"""Assemble the Word document: summary page(s), body, header/footer, TOC.

Single article: summary page, page break, body. Multi-article pack: cover
(title, meta, marking, pack summary, combined key facts), contents page with a
TOC field, then one section per article (its own footer), each a summary page
and a body.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from ...errors import RenderError
from ...model import (
    STANDFIRST_ID,
    Article,
    BlockQuote,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Text,
    block_text,
    plain_text,
)
from ...themes import Theme
from .. import briefing
from ..briefing import Briefing, SummaryPage
from . import fit
from . import styles as S
from .box import add_box
from .context import Context
from .docx_adapter import p_el, r_el
from .fields import field_runs, request_field_update
from .furniture import has_content, set_footer, set_header
from .hyperlinks import add_external_link
from .lists import restart_numbering
from .ooxml import el, is_rtl, new_run, word_language
from .reference import ReferenceDocx, resolve_reference
from .text import add_text, finish_paragraph, write_inlines

# A body this short (characters) may share the summary page when it fits there.
SHORT_BODY = 2500


def open_base(reference: ReferenceDocx | Path | None) -> tuple[DocxDocument, bool]:
    """python-docx's template, or the user's reference document emptied of its body."""
    ref = resolve_reference(reference)  # only the parts docexport uses, checked
    if ref is None:
        return Document(), False
    try:
        doc = Document(io.BytesIO(ref.data))
    except Exception as exc:  # python-docx raises many kinds on a bad package
        raise RenderError(
            f"reference docx {ref.name}: cannot read it as a Word document "
            f"({type(exc).__name__}: {exc})"
        ) from None
    body = doc.element.body
    for node in list(body):
        if node.tag != qn("w:sectPr"):
            body.remove(node)
    return doc, True


def _page_setup(doc: DocxDocument, theme: Theme) -> None:
    page = theme.page
    for section in doc.sections:
        section.page_width = Pt(page.width)
        section.page_height = Pt(page.height)
        section.top_margin = Pt(page.margin_top)
        section.bottom_margin = Pt(page.margin_bottom)
        section.left_margin = Pt(page.margin_left)
        section.right_margin = Pt(page.margin_right)
        section.header_distance = Pt(page.margin_top / 2)
        section.footer_distance = Pt(page.margin_bottom / 2)


def _text_width(doc: DocxDocument) -> float:
    s = doc.sections[-1]
    width = (s.page_width or Pt(595)) - (s.left_margin or 0) - (s.right_margin or 0)
    return max(72.0, float(Length(width).pt))


def _body_height(doc: DocxDocument) -> float:
    s = doc.sections[-1]
    height = (s.page_height or Pt(842)) - (s.top_margin or 0) - (s.bottom_margin or 0)
    return max(144.0, float(Length(height).pt))


def _anchor_blocks(article: Article) -> set[str]:
    blocks = {b.id for b in article.body if isinstance(b, Paragraph | Heading | BlockQuote)}
    if article.standfirst:
        blocks.add(STANDFIRST_ID)
    return blocks


def _anchored(b: Briefing) -> frozenset[str]:
    """Sentences a box links to that the body can hold a bookmark for."""
    wanted = b.linked_sentences()
    possible: set[str] = set()
    for a in b.pack.articles:
        blocks = _anchor_blocks(a)
        possible.update(s.id for s in a.sentences if s.block in blocks)
    return frozenset(wanted & possible)


# --------------------------------------------------------------------------- pieces


def _estimate(ctx: Context, style: str, text: str) -> None:
    role = S.role_of(style)
    width = ctx.text_width - (24 if style in (S.QUOTE, S.QUOTE_SOURCE) else 0)
    ctx.advance(fit.paragraph_height(text, ctx.theme.role(role), width, fit.TYPICAL_GLYPH_WIDTH))


def _add(ctx: Context, style: str, text: str) -> DocxParagraph:
    """A new paragraph of ``style``; ``text`` only feeds the page estimate."""
    _estimate(ctx, style, text)
    return ctx.add_paragraph(style)


def _para(ctx: Context, style: str, text: str | None = None) -> DocxParagraph:
    p = _add(ctx, style, text or "")
    if text:
        add_text(p, text, ctx)
    finish_paragraph(p, ctx)
    return p


def _page_break(ctx: Context) -> None:
    p = ctx.add_paragraph(S.PAGE_BREAK)
    p.add_run().add_break(WD_BREAK.PAGE)
    ctx.new_page()


def _summary_page(ctx: Context, page: SummaryPage) -> None:
    """Title, meta, marking, standfirst, every summary point, then the box (which
    moves whole to the next page when it does not fit: nothing gives way)."""
    _para(ctx, S.TITLE, page.title)
    _para(ctx, S.META, page.meta)
    if page.marking:
        _para(ctx, S.MARKING, page.marking)
    if page.standfirst:
        _para(ctx, S.STANDFIRST, page.standfirst)
    if page.points:
        _para(ctx, S.SUMMARY_HEADING, page.summary_heading)
        for point in page.points:
            _para(ctx, S.SUMMARY, point)
    ctx.advance(fit.box_height(ctx.theme, page.box, ctx.text_width), whole=True)
    add_box(ctx, page)


def _fits_here(ctx: Context, b: Briefing, article: Article) -> bool:
    """Whether a short article's whole body fits in what is left of its summary page."""
    items = b.body(article)
    chars = sum(len(block_text(i.block)) for i in items if i.block is not None)
    if chars > SHORT_BODY:
        return False
    theme, width = ctx.theme, ctx.text_width
    height = fit.paragraph_height(article.headline, theme.role("heading1"), width)
    if article.standfirst:
        height += fit.paragraph_height(article.standfirst, theme.role("standfirst"), width)
    for item in items:
        if item.is_heading:
            height += fit.paragraph_height(
                item.title or "", theme.role(f"heading{item.level}"), width
            )
        elif item.block is not None:
            height += fit.paragraph_height(block_text(item.block), theme.role("body"), width)
    height += fit.paragraph_height("Source", theme.role("attribution"), width)
    return ctx.used + height <= ctx.body_height


def _heading(
    ctx: Context, level: int, inlines: tuple[Inline, ...], block_id: str | None, article: Article
) -> None:
    text = plain_text(inlines)
    p = _add(ctx, S.HEADINGS[level - 1], text)
    bookmark = ctx.heading_bookmark()
    ctx.bookmarks.add(p, bookmark)
    ctx.headings.append((level, text, bookmark, ctx.page))
    items = briefing.with_anchors(inlines, block_id, article.sentences) if block_id else inlines
    write_inlines(p, items, ctx)


def _body(ctx: Context, b: Briefing, article: Article) -> None:
    _heading(ctx, 1, (Text(text=article.headline),), None, article)
    if article.standfirst:
        p = _add(ctx, S.STANDFIRST, article.standfirst)
        write_inlines(
            p,
            briefing.with_anchors(
                (Text(text=article.standfirst),), STANDFIRST_ID, article.sentences
            ),
            ctx,
        )
    for item in b.body(article):
        block = item.block
        if item.is_heading:
            if isinstance(block, Heading):
                _heading(ctx, item.level, block.inlines, block.id, article)
            else:
                _heading(ctx, item.level, (Text(text=item.title or ""),), None, article)
            continue
        match block:
            case Paragraph():
                style = S.NOTE if block.role == "note" else S.BODY
                p = _add(ctx, style, plain_text(block.inlines))
                write_inlines(
                    p, briefing.with_anchors(block.inlines, block.id, article.sentences), ctx
                )
            case BlockQuote():
                p = _add(ctx, S.QUOTE, plain_text(block.inlines))
                write_inlines(
                    p, briefing.with_anchors(block.inlines, block.id, article.sentences), ctx
                )
                if block.speaker:
                    _para(ctx, S.QUOTE_SOURCE, f"— {block.speaker}")
            case ListBlock():
                style = S.LIST_NUMBER if block.ordered else S.LIST_BULLET
                first = None
                for entry in block.items:
                    p = _add(ctx, style, plain_text(entry))
                    write_inlines(p, entry, ctx)
                    first = first or p
                if block.ordered and first is not None:
                    restart_numbering(ctx.doc, first, len(block.items))
            case CodeBlock():
                _para(ctx, S.CODE, block.text)
    for note in article.notes:
        _para(ctx, S.NOTE, note)
    _attribution(ctx, b, article)


def _attribution(ctx: Context, b: Briefing, article: Article) -> None:
    text, url = b.attribution(article)
    p = _add(ctx, S.ATTRIBUTION, text)
    shown = briefing.display_url(article.source.url) if article.source.url else None
    if url and shown and text.endswith(shown):
        add_text(p, text[: -len(shown)], ctx)
        add_external_link(p, shown, url, ctx.style_id(S.HYPERLINK))
    else:
        add_text(p, text, ctx)
    finish_paragraph(p, ctx)


def _article(ctx: Context, b: Briefing, article: Article, doc_lang: str) -> None:
    lang = word_language(article.language) if article.language else doc_lang
    ctx.run_lang = lang if lang != doc_lang else None
    ctx.rtl = is_rtl(article.language)
    ctx.words = b.words(article)
    _summary_page(ctx, b.summary_page(article))
    if not _fits_here(ctx, b, article):
        _page_break(ctx)
    _body(ctx, b, article)
    ctx.run_lang = None
    ctx.rtl = False
    ctx.words = b.words(None)


# --------------------------------------------------------------------------- TOC


def _contents(ctx: Context) -> DocxParagraph:
    _para(ctx, S.TOC_HEADING, ctx.words("Contents"))
    return ctx.add_paragraph(S.TOC_LEVELS[0])


def _fill_toc(ctx: Context, placeholder: DocxParagraph) -> None:
    """A TOC field whose cached result already lists the headings.

    Word rebuilds it on open (dirty + updateFields). LibreOffice (7.4) neither
    rebuilds a TOC nor computes the PAGEREFs inside one when it converts, so the
    cached page numbers are the renderer's estimate (see :mod:`.fit`).
    """
    entries = [(lvl, text, bm, page) for lvl, text, bm, page in ctx.headings if lvl <= 2]
    # The contents were estimated at one page; a longer list pushes everything on.
    toc_height = sum(
        fit.paragraph_height(e[1] + " 000", ctx.theme.role("summary"), ctx.text_width - 40)
        for e in entries
    )
    shift = max(0, math.ceil(toc_height / ctx.body_height) - 1)
    head, end = field_runs('TOC \\o "1-2" \\h \\z \\u', "", dirty=True)
    paragraphs = []
    for lvl, text, bm, page in entries:
        p = ctx.styled(placeholder.insert_paragraph_before(), S.TOC_LEVELS[lvl - 1])
        link = el("w:hyperlink", w_anchor=bm, w_history="1")
        p_el(p).append(link)
        link.append(r_el(new_run(p, text)))
        link.append(r_el(p.add_run("\t")))
        ref_head, ref_end = field_runs(f"PAGEREF {bm} \\h", str(page + shift))
        for r in ref_head:
            link.append(r)
        link.append(ref_end)
        paragraphs.append(p)
    if not paragraphs:
        p = ctx.styled(placeholder.insert_paragraph_before(), S.TOC_LEVELS[0])
        paragraphs.append(p)
    first, last = paragraphs[0], paragraphs[-1]
    ppr = p_el(first).pPr
    for r in reversed(head):
        (ppr.addnext(r) if ppr is not None else p_el(first).insert(0, r))
    p_el(last).append(end)
    p_el(placeholder).getparent().remove(p_el(placeholder))


# --------------------------------------------------------------------------- whole


# Styled base documents, by theme, language and reference document. Building
# the ~30 styles is half the cost of a render, so it is done once per process
# and every render opens a copy of the saved result.
_BASES: dict[tuple[int, str, str, str | None], tuple[bytes, bool, dict[str, str]]] = {}


def styled_base(
    theme: Theme, lang_tag: str, reference: ReferenceDocx | Path | None
) -> tuple[DocxDocument, bool, dict[str, str]]:
    """A fresh document with page setup, defaults and styles from the theme; whether
    it came from a reference document; and its style ids by name (the same for every
    copy, and costly to collect through python-docx's style objects)."""
    reference = resolve_reference(reference)
    digest = reference.digest if reference is not None else None
    key = (id(theme), repr(theme.page) + repr(theme.roles), lang_tag, digest)
    cached = _BASES.get(key)
    if cached is None:
        doc, from_reference = open_base(reference)
        if not from_reference:
            _page_setup(doc, theme)
        S.set_document_defaults(
            doc, None if from_reference else theme, word_language(lang_tag), is_rtl(lang_tag)
        )
        S.build_styles(doc, theme, text_width=_text_width(doc), keep_existing=from_reference)
        if not from_reference:
            S.set_complex_script_font(doc, lang_tag)
        buffer = io.BytesIO()
        doc.save(buffer)
        cached = (buffer.getvalue(), from_reference, {s.name: s.style_id for s in doc.styles})
        if len(_BASES) > 32:
            _BASES.clear()
        _BASES[key] = cached
    # Always reopen, even right after building, so every render takes the same path.
    return Document(io.BytesIO(cached[0])), cached[1], dict(cached[2])


def build(b: Briefing, reference: ReferenceDocx | Path | None) -> DocxDocument:
    pack, theme = b.pack, b.theme
    lang_tag = b.language_tag(None)
    lang_tag = "en" if lang_tag == "und" else lang_tag
    doc_lang = word_language(lang_tag)
    doc, from_reference, style_ids = styled_base(theme, lang_tag, reference)
    text_width = _text_width(doc)
    ctx = Context(
        doc=doc,
        theme=theme,
        text_width=text_width,
        body_height=_body_height(doc),
        anchored=_anchored(b),
        style_ids=style_ids,
        words=b.words(None),
    )
    marking = b.marking
    keep_footer = from_reference and has_content(doc.sections[0].footer)
    set_header(doc.sections[0], marking, ctx)
    if not pack.is_multi:
        article = pack.articles[0]
        ctx.words = b.words(article)
        set_footer(
            doc.sections[0], b.footer(article), ctx, keep_existing=keep_footer, marking=marking
        )
        _article(ctx, b, article, doc_lang)
        return doc
    set_footer(doc.sections[0], b.footer(None), ctx, keep_existing=keep_footer, marking=marking)
    _summary_page(ctx, b.summary_page(None))
    _page_break(ctx)
    placeholder = _contents(ctx)
    for article in pack.articles:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        ctx.new_page()
        if not keep_footer:
            ctx.words = b.words(article)
            set_footer(section, b.footer(article), ctx, keep_existing=False, marking=marking)
        _article(ctx, b, article, doc_lang)
    _fill_toc(ctx, placeholder)
    request_field_update(doc.settings.element)
    return doc
