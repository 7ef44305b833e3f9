"""Model text -> reportlab paragraph markup, escaped, with per-character font fallback.

reportlab's Paragraph parses an XML-ish mini language (``<b>``, ``<font>``,
``<a>``, entities). Every piece of article text goes through :func:`text` so a
headline like ``<img src=x>`` or ``&nbsp;`` prints literally. Characters the
role's font lacks are wrapped in ``<font face=...>`` of a font that has them;
characters no installed font has are collected for one warning per document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ...model import Inline, Link, Text
from ...textutil import clean, strip_illegal
from ..briefing import Anchor
from .fonts import FontSet, RegisteredFont, fallback_for

_CONTROL = re.compile(r"[\t\n\r\f\v\u2028\u2029]")
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "ftp://")
_RTL_CHARS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RTL_RUN = re.compile(f"[{_RTL_CHARS}]+(?: [{_RTL_CHARS}]+)*")
_RTL_ANY = re.compile(f"[{_RTL_CHARS}]")
_ARABIC = re.compile("[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


@dataclass(slots=True)
class MarkupContext:
    """Per-document state: the fonts, and what could not be drawn."""

    fonts: FontSet
    missing: dict[str, None] = field(default_factory=dict)  # ordered set
    rtl_unshaped: bool = False


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
    return _CONTROL.sub(" ", s)


def _visual_rtl(s: str, ctx: MarkupContext) -> str:
    """Right-to-left runs in visual order, Arabic letters in their joined forms.

    reportlab lays glyphs out left to right and its bidi module (rlbidi) is
    not on PyPI, so each run of Arabic or Hebrew words is reversed here: words
    in reverse order, letters in reverse order. Arabic letters are first turned
    into their contextual presentation forms by ``arabic-reshaper`` (optional);
    without it they print unjoined and a warning says so. A run that wraps
    across lines keeps its words in single-line order.
    """

    def flip(m: re.Match[str]) -> str:
        run = m.group(0)
        if _ARABIC.search(run):
            reshape = _reshaper()
            if reshape is None:
                ctx.rtl_unshaped = True
            else:
                run = reshape(run)
        return " ".join(word[::-1] for word in reversed(run.split(" ")))

    return _RTL_RUN.sub(flip, s)


def _reshaper() -> Callable[[str], str] | None:
    try:
        import arabic_reshaper
    except ImportError:
        return None
    return arabic_reshaper.reshape  # type: ignore[no-any-return]


def text(s: str, role_font: str, ctx: MarkupContext) -> str:
    """Escape ``s`` for a paragraph set in ``role_font``, with font fallback."""
    s = _normalise(s)
    main = ctx.fonts.main(role_font)
    rtl = _RTL_ANY.search(s) is not None
    if not rtl and set(s) <= main.coverage:
        return escape(s)
    if rtl:
        s = _visual_rtl(s, ctx)
    chain = ctx.fonts.role(role_font)
    out: list[str] = []
    run: list[str] = []
    run_font: RegisteredFont | None = main
    for ch in s:
        font = _font_for(ch, chain, ctx)
        if font is not run_font:
            _flush(out, run, run_font, main)
            run = []
            run_font = font
        run.append(ch)
    _flush(out, run, run_font, main)
    return "".join(out)


def _font_for(ch: str, chain: tuple[RegisteredFont, ...], ctx: MarkupContext) -> RegisteredFont:
    main = chain[0]
    if ch in main.coverage or ch in " \u00a0" or unicodedata.category(ch) in ("Cf", "Mn"):
        # Combining marks stay with their base letter's font (text is NFC).
        return main
    for font in chain[1:]:
        if ch in font.coverage:
            return font
    found = fallback_for(ch)
    if found is not None:
        return found
    ctx.missing[ch] = None
    return main


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
    """A clickable external link; unsafe schemes (javascript:, file:) stay plain text."""
    target = _normalise(url).strip()
    if not target.lower().startswith(_SAFE_SCHEMES):
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
        f"they print as empty boxes. Install {' or '.join(packages)} (Debian/Ubuntu) "
        "and render again."
    )
