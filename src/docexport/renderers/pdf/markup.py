"""Model text -> reportlab paragraph markup, escaped, with per-character font fallback.

reportlab's Paragraph parses an XML-ish mini language (``<b>``, ``<font>``,
``<a>``, entities). Every piece of article text goes through :func:`text` so a
headline like ``<img src=x>`` or ``&nbsp;`` prints literally. Characters the
role's font lacks are wrapped in ``<font face=...>`` of a font that has them;
characters no installed font has are collected for one warning per document.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ...model import Inline, Link, Text
from ...textutil import clean, strip_illegal
from ..briefing import Anchor
from .fonts import FontSet, RegisteredFont, fallback_for

_CONTROL = re.compile(r"[\t\n\r\f\v\u2028\u2029]")
_RTL_CHARS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RTL_ANY = re.compile(f"[{_RTL_CHARS}]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


@dataclass(slots=True)
class MarkupContext:
    """Per-document state: the fonts, and what could not be drawn."""

    fonts: FontSet
    missing: dict[str, None] = field(default_factory=dict)  # ordered set


def escape(s: str) -> str:
    # A model from JSON or the API may still hold lone surrogates or controls,
    # which reportlab cannot encode: drop them here, where every text passes.
    return strip_illegal(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(s: str) -> str:
    return escape(s).replace('"', "&quot;")


def anchor_name(sentence_id: str) -> str:
    """The destination name of a sentence; sentence ids are unique in a pack."""
    return "s-" + re.sub(r"[^A-Za-z0-9_.-]", "_", sentence_id)


def _normalise(s: str) -> str:
    s = clean(s)
    # reportlab breaks lines at U+202F (French « », ; : ! ?): a no-break space
    # (U+00A0, which it keeps) holds the sign to its word.
    return _CONTROL.sub(" ", s).replace("\u202f", "\u00a0")


def has_rtl(s: str) -> bool:
    return _RTL_ANY.search(s) is not None


def direction(s: str) -> str | None:
    """``RTL`` or ``LTR`` from the first strongly directional character (as HTML's
    ``dir="auto"`` decides), ``None`` for text without one."""
    for ch in s:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "LTR"
        if kind in ("R", "AL"):
            return "RTL"
    return None


def joined(s: str) -> str:
    """Arabic letters in their contextual (joined) forms, still in logical order:
    reportlab's bidi puts them in visual order line by line, and the font's
    ToUnicode map gives the base letters back to text extraction."""
    return str(_reshaper().reshape(s))


@functools.cache
def _reshaper() -> Any:
    from arabic_reshaper import ArabicReshaper

    # Vowel marks (harakat) are kept: they are part of the text, and a reader's
    # search for a vocalised word must find it.
    return ArabicReshaper(configuration={"delete_harakat": False})


def text(s: str, role_font: str, ctx: MarkupContext, *, shape: bool = True) -> str:
    """Escape ``s`` for a paragraph set in ``role_font``, with font fallback
    (``shape=False``: Arabic already joined)."""
    s = _normalise(s)
    main = ctx.fonts.main(role_font)
    if set(s) <= main.coverage:
        return escape(s)
    if shape and _ARABIC.search(s):
        s = joined(s)
    chain = ctx.fonts.role(role_font)
    out: list[str] = []
    run: list[str] = []
    run_font: RegisteredFont | None = main
    for ch in s:
        if run and unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            run.append(ch)  # a combining mark stays with its base letter's font
            continue
        font = _font_for(ch, chain, ctx)
        if font is None:  # no installed font has it: left out, and reported
            continue
        if font is not run_font:
            _flush(out, run, run_font, main)
            run = []
            run_font = font
        run.append(ch)
    _flush(out, run, run_font, main)
    return "".join(out)


def _font_for(
    ch: str, chain: tuple[RegisteredFont, ...], ctx: MarkupContext
) -> RegisteredFont | None:
    main = chain[0]
    if ch in main.coverage or ch in " \u00a0" or unicodedata.category(ch) in ("Cf", "Mn"):
        return main
    for font in chain[1:]:
        if ch in font.coverage:
            return font
    found = fallback_for(ch)
    if found is not None:
        return found
    ctx.missing[ch] = None
    return None


def _flush(
    out: list[str], run: list[str], font: RegisteredFont | None, main: RegisteredFont
) -> None:
    if not run:
        return
    chunk = escape("".join(run))
    if font is None or font is main:
        out.append(chunk)
    else:
        out.append(f'<font face="{font.name}">{chunk}</font>')


def inlines(
    items: list[Inline | Anchor] | tuple[Inline, ...],
    role_font: str,
    ctx: MarkupContext,
    link_color: str,
) -> str:
    """Markup for a run of inlines: marks, links and sentence anchors."""
    out: list[str] = []
    for item in items:
        if isinstance(item, Anchor):
            out.append(f'<a name="{anchor_name(item.id)}"/>')
            continue
        font = "mono" if "code" in item.marks else role_font
        body = text(item.text, font, ctx)
        if not body:
            continue
        if "code" in item.marks:
            body = f'<font face="{ctx.fonts.main("mono").name}">{body}</font>'
        if "strong" in item.marks:
            body = f"<b>{body}</b>"
        if "emphasis" in item.marks:
            body = f"<i>{body}</i>"
        if isinstance(item, Link):
            body = link(body, item.url, link_color)
        elif not isinstance(item, Text):  # pragma: no cover - closed union
            raise TypeError(item)
        out.append(body)
    return "".join(out)


def link(body: str, url: str, color: str) -> str:
    """A clickable external link; what the shared layer does not keep stays text."""
    from ..links import safe_url

    target = safe_url(url)
    if target is None:
        return body
    return f'<a href="{attr(target)}" color="{color}"><u>{body}</u></a>'


def internal_link(body: str, sentence_id: str, color: str) -> str:
    return f'<a href="#{anchor_name(sentence_id)}" color="{color}">{body}</a>'


def missing_warning(ctx: MarkupContext) -> str | None:
    """One sentence naming characters no font could draw, and where to get them."""
    if not ctx.missing:
        return None
    from .fonts import package_for

    chars = list(ctx.missing)
    shown = " ".join(f"{c} (U+{ord(c):04X})" for c in chars[:12])
    more = f" and {len(chars) - 12} more" if len(chars) > 12 else ""
    packages = sorted({package_for(c) for c in chars})
    return (
        f"PDF: no installed font has {len(chars)} character(s): {shown}{more}; "
        f"they are not printed. Install {' or '.join(packages)} (Debian/Ubuntu) "
        "and render again."
    )


def _line_runs(
    s: str, role_font: str, size: float, ctx: MarkupContext, bold: bool
) -> list[tuple[str, str, float]]:
    """(face, text, width) runs of one line of text, in visual order."""
    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if _ARABIC.search(s):
        s = joined(s)
    if has_rtl(s):
        from .rl_adapter import log2vis

        s = log2vis(s, direction(s) or "LTR")
    chain = ctx.fonts.role(role_font)
    runs: list[tuple[RegisteredFont, list[str]]] = []
    for ch in s:
        if runs and unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            runs[-1][1].append(ch)
            continue
        font = _font_for(ch, chain, ctx)
        if font is None:
            continue
        if runs and runs[-1][0] is font:
            runs[-1][1].append(ch)
        else:
            runs.append((font, [ch]))
    out = []
    for font, chars in runs:
        face = str(tt2ps(font.name, 1, 0)) if bold else font.name
        chunk = "".join(chars)
        out.append((face, chunk, stringWidth(chunk, face, size)))
    return out


def fit_line(
    s: str, role_font: str, size: float, width: float, ctx: MarkupContext, *, bold: bool = False
) -> list[tuple[str, str, float]]:
    """One line of ``s`` no wider than ``width``: (face, text, width) runs in
    visual order, shortened with an ellipsis when the whole does not fit."""
    s = " ".join(_normalise(s).split())
    runs = _line_runs(s, role_font, size, ctx, bold)
    if sum(w for _, _, w in runs) <= width:
        return runs
    lo, hi = 0, len(s)
    best = _line_runs("…", role_font, size, ctx, bold)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        candidate = _line_runs(s[:mid].rstrip() + "…", role_font, size, ctx, bold)
        if sum(w for _, _, w in candidate) <= width:
            best, lo = candidate, mid
        else:
            hi = mid - 1
    return best
