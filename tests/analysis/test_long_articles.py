"""A very long text is analysed in bounded time: facts from its opening, all its text kept."""

from __future__ import annotations

import docexport
from docexport.analysis.pipeline import MAX_ANALYSED_SENTENCES
from docexport.model import plain_text


def test_long_article_analysis_is_bounded_and_says_so(seed_path) -> None:  # type: ignore[no-untyped-def]
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    text = "\n".join([lines[0], lines[1], *(lines[2:5] * 60), lines[-1]])
    pack = docexport.load_text(text)
    a = pack.articles[0]
    assert len(a.sentences) > MAX_ANALYSED_SENTENCES
    assert any("first 300" in n for n in a.notes)
    names = {f.text for f in a.facts if f.kind == "person"}
    assert "William Ruto" in names
    # no text is dropped: every body paragraph is still there
    assert sum(len(plain_text(b.inlines)) for b in a.body) > 60 * len(lines[2])  # type: ignore[union-attr]
