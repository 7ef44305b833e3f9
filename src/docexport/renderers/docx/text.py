"""Inlines -> runs: marks as character styles, links, sentence bookmarks, language."""

from __future__ import annotations

from collections.abc import Iterable

from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ...model import Inline, Link
from ..briefing import Anchor
from ..links import safe_url
from .context import Context
from .docx_adapter import p_el, r_el
from .hyperlinks import add_external_link
from .ooxml import child, el, new_run, remove_all, set_style, sort_ppr, sort_rpr
from .styles import EMPHASIS, HYPERLINK, INLINE_CODE, STRONG

# A run has one character style; further marks become direct bold/italic.
_MARK_STYLE = (("code", INLINE_CODE), ("strong", STRONG), ("emphasis", EMPHASIS))


def _apply_marks(run: Run, marks: tuple[str, ...], ctx: Context) -> None:
    rest = set(marks)
    for mark, style in _MARK_STYLE:
        if mark in rest:
            set_style(r_el(run).get_or_add_rPr(), "w:rStyle", ctx.style_id(style))
            rest.discard(mark)
            break
    if "strong" in rest:
        run.bold = True
    if "emphasis" in rest:
        run.italic = True


def finish_run(run: Run, ctx: Context) -> None:
    """Language and direction a run needs beyond the document default."""
    if ctx.run_lang is None and not ctx.rtl:
        return
    rpr = r_el(run).get_or_add_rPr()
    if ctx.rtl:
        remove_all(rpr, "w:rtl")
        rpr.append(el("w:rtl"))
    if ctx.run_lang is not None:
        remove_all(rpr, "w:lang")
        lang = el("w:lang", w_val=ctx.run_lang)
        if ctx.rtl:
            lang.set(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi", ctx.run_lang
            )
        rpr.append(lang)
    sort_rpr(rpr)


def finish_paragraph(paragraph: Paragraph, ctx: Context) -> None:
    if ctx.rtl:
        ppr = p_el(paragraph).get_or_add_pPr()
        child(ppr, "w:bidi")
        sort_ppr(ppr)


def add_text(paragraph: Paragraph, text: str, ctx: Context, style: str | None = None) -> Run:
    run = new_run(paragraph, text)
    if style:
        set_style(r_el(run).get_or_add_rPr(), "w:rStyle", ctx.style_id(style))
    finish_run(run, ctx)
    return run


def write_inlines(paragraph: Paragraph, items: Iterable[Inline | Anchor], ctx: Context) -> None:
    """Write inlines into ``paragraph``; Anchor markers become sentence bookmarks."""
    for item in items:
        if isinstance(item, Anchor):
            if item.id in ctx.anchored:
                ctx.bookmarks.add(paragraph, ctx.fact_bookmark(item.id))
            continue
        if not item.text:
            continue
        target = safe_url(item.url) if isinstance(item, Link) else None
        if target is not None:
            run = add_external_link(paragraph, item.text, target, ctx.style_id(HYPERLINK))
        else:
            run = new_run(paragraph, item.text)
            _apply_marks(run, item.marks, ctx)
        finish_run(run, ctx)
    finish_paragraph(paragraph, ctx)
