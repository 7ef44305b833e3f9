"""Typesetting rules: no hyphen across a page turn, names never hyphenated."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from docexport.renderers.pdf.rl_adapter import ends_with_hyphen, split_lines
from docexport.renderers.pdf.styles import build, paragraph_class
from docexport.themes import load_theme

TEXT = (
    "International organisations increasingly acknowledge extraordinary infrastructural "
    "responsibilities, notwithstanding considerable administrative misunderstandings "
) * 12


def _splits(cls: type) -> tuple[int, int]:
    """(splits tried, splits whose first part ends with a hyphen)."""
    styles = build(load_theme("default"), "en")
    style = styles["body"]
    tried = hyphenated = 0
    for lines in range(2, 30):
        para = cls(TEXT, style)
        para.wrap(160, 10_000)
        parts = para.split(160, lines * style.leading + 0.5)
        if len(parts) != 2:
            continue
        kept = split_lines(parts[0])
        if len(kept) <= 2:  # two lines at the bottom of a page come before the hyphen rule
            continue
        tried += 1
        if ends_with_hyphen(kept[-1]):
            hyphenated += 1
    return tried, hyphenated


def test_no_hyphenated_word_across_a_page_turn() -> None:
    tried, plain = _splits(Paragraph)
    assert tried > 10 and plain > 0  # reportlab alone leaves some
    tried, ours = _splits(paragraph_class(None, None))
    assert tried > 10 and ours == 0
