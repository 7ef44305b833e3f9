"""Will the summary page hold the key-facts box? A conservative estimate.

A .docx has no layout until Word or LibreOffice opens it, so the renderer
estimates heights from text length, font size and line spacing. When the
page would overflow, the standfirst gives way on the summary page (it opens
the body on the next page anyway), so the box stays on page 1. The box itself
never splits: at worst it moves to the next page whole.
"""

from __future__ import annotations

import math

from ...themes import TextStyle, Theme
from ..briefing import FactLine

# Lines are set at the theme's leading ("at least" size x leading, see
# styles._paragraph_format), with a little room for taller glyphs; an average
# glyph width of running text as a fraction of the size: a generous one for
# "does the box fit" and a typical one for page estimates.
LINE_FACTOR = 1.05
GLYPH_WIDTH = 0.52
TYPICAL_GLYPH_WIDTH = 0.47


def _lines(text: str, style: TextStyle, width: float, glyph: float) -> int:
    per_line = max(1, int(width / (style.size * glyph)))
    return sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))


def paragraph_height(
    text: str, style: TextStyle, width: float, glyph: float = GLYPH_WIDTH
) -> float:
    lines = _lines(text, style, width, glyph)
    return lines * style.size * LINE_FACTOR * style.leading + style.space_before + style.space_after


def box_height(theme: Theme, sections: list[tuple[str, list[FactLine]]], width: float) -> float:
    value_width = width * 0.76 - 2 * theme.box.padding
    value = theme.role("fact_value")
    height = paragraph_height(theme.box.title, theme.role("box_title"), width)
    for _, lines in sections:
        if any(line.detail for line in lines):
            for line in lines:
                text = line.text + (f" — {line.detail}" if line.detail else "")
                height += paragraph_height(text, value, value_width)
        else:
            height += paragraph_height(" · ".join(line.text for line in lines), value, value_width)
        height += theme.box.padding / 2
    return height + 2 * theme.box.padding


def page_body_height(theme: Theme) -> float:
    page = theme.page
    return page.height - page.margin_top - page.margin_bottom


def repeats(standfirst: str, points: tuple[str, ...]) -> bool:
    """The summary points only repeat the standfirst (so one of them is enough)."""
    flat = " ".join(standfirst.split())
    return bool(points) and all(" ".join(p.split()) in flat for p in points)
