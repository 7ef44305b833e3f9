"""The analysis stays linear in the size of its input, whatever the input's shape.

Issue 17 found one 99,000-character word taking about 100 s per format: a
regular expression in the entity analysis rescanned the rest of the word at
every letter. The inputs here are generated (no large files in the repository)
and the work is *counted*, never timed:

- every compiled pattern of the analysis modules is wrapped so that the
  characters it is asked to scan are added up, and so are the strings handed to
  ``re.search``/``re.match``/... and the Python function calls made meanwhile;
- the count for an input of size 2n must stay near twice the count for size n;
- and no rule ever sees more than ``MAX_SENTENCE_CHARS`` of one sentence, which
  bounds what a single regular expression can cost (backtracking inside one call
  is invisible to the counters, so this bound is what keeps it linear).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType, ModuleType
from typing import Any

import pytest

from docexport import load
from docexport.analysis import (
    acronyms,
    analyse_article,
    classify,
    cues,
    dates,
    entities,
    figures,
    mentions,
    quotes,
    roles,
    rulebase,
    rules_bodies,
    rules_people,
    rules_places,
    scriptpeople,
    scriptquotes,
    summary,
    titles,
    worldscripts,
)
from docexport.analysis.sentences import (
    MAX_SENTENCE_CHARS,
    article_blocks,
    article_sentences,
)

SHAPES: dict[str, Callable[[int], str]] = {
    "one long word": lambda n: "A" + "a" * n,
    "hyphenated word": lambda n: "Aa-" * (n // 3),
    "capitalised words": lambda n: "Aab " * (n // 4),
    "initials": lambda n: "A. " * (n // 3),
    "numbers": lambda n: "1,000 " * (n // 6),
    "currency": lambda n: "$1 " * (n // 3),
    "acronyms in brackets": lambda n: "(AB) " * (n // 5),
    "names and acronyms": lambda n: "Aab Bcd Cde (ABC) " * (n // 18),
    "appositives": lambda n: "Aab Bcd, the chief of Xyz, " * (n // 27),
    "open quotes": lambda n: "“a b c d e f " * (n // 13),
    "quotes and speakers": lambda n: "“a b c d e f,” said Aab Bcd. " * (n // 30),
    "elisions": lambda n: "l’A" * (n // 3),
    "of-chains": lambda n: "Bank of " * (n // 8),
    "tickers": lambda n: "Aab Corp (AB.NS) " * (n // 17),
    "arabic": lambda n: "وزارة الخارجية في عمان ١٩ آب " * (n // 30),
    "chinese": lambda n: "伦敦2014年10月14日3000万记录" * (n // 20),
    "arabic titles and speakers": lambda n: "وقال الرئيس محمود عباس «نعم» " * (n // 29),
    "chinese titles and speakers": lambda n: "发言人汪文斌表示“好”说说" * (n // 14),
    "chinese verbs": lambda n: "说" * n,
    "hebrew titles and speakers": lambda n: 'אמר ראש הממשלה בנימין נתניהו "כן" ' * (n // 34),
    "russian titles and speakers": lambda n: "министр Сергей Лавров заявил «да» " * (n // 34),
    "russian capitalised words": lambda n: "Аб " * (n // 3) + "заявил",
}

_MODULES: tuple[ModuleType, ...] = (
    acronyms,
    classify,
    cues,
    dates,
    entities,
    figures,
    mentions,
    quotes,
    roles,
    rulebase,
    rules_bodies,
    rules_people,
    rules_places,
    scriptpeople,
    scriptquotes,
    summary,
    titles,
    worldscripts,
)


class _Meter:
    def __init__(self) -> None:
        self.chars = 0
        self.calls = 0

    @property
    def total(self) -> int:
        return self.chars + self.calls


class _CountingPattern:
    """A compiled pattern that adds up the characters it is asked to scan."""

    def __init__(self, pattern: re.Pattern[str], meter: _Meter) -> None:
        self._p = pattern
        self._meter = meter

    def _span(self, string: str, pos: int = 0, endpos: int | None = None) -> None:
        end = len(string) if endpos is None else min(endpos, len(string))
        self._meter.chars += max(end - pos, 0)

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._p, name)
        if name in ("search", "match", "fullmatch", "finditer", "findall", "split"):

            def counted(string: str, *args: Any, **kwargs: Any) -> Any:
                self._span(string, *args[:2])
                return attr(string, *args, **kwargs)

            return counted
        if name in ("sub", "subn"):

            def counted_sub(repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
                self._span(string)
                return attr(repl, string, *args, **kwargs)

            return counted_sub
        return attr


@contextmanager
def _counting() -> Iterator[_Meter]:
    meter = _Meter()
    saved: list[tuple[ModuleType, str, re.Pattern[str]]] = []
    for module in _MODULES:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                saved.append((module, name, value))
                setattr(module, name, _CountingPattern(value, meter))
    re_functions = {"search", "match", "fullmatch", "finditer", "findall", "sub", "split"}

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event != "call":
            return
        meter.calls += 1
        code = frame.f_code
        if code.co_name in re_functions and code.co_filename.endswith(("re/__init__.py",)):
            string = frame.f_locals.get("string")
            if isinstance(string, str):
                meter.chars += len(string)

    sys.setprofile(profile)
    try:
        yield meter
    finally:
        sys.setprofile(None)
        for module, name, value in saved:
            setattr(module, name, value)


def _article(body: str) -> Any:
    text = (
        f"Headline of a hostile article\nSome text {body} said the man.\nOriginal Source: x.org\n"
    )
    return load(text.encode("utf-8"), analyse=False).articles[0]


def _work(shape: Callable[[int], str], size: int) -> int:
    article = _article(shape(size))
    with _counting() as meter:
        analyse_article(article)
    return meter.total


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_work_grows_linearly_with_the_input(name: str) -> None:
    shape = SHAPES[name]
    small, large = _work(shape, 3000), _work(shape, 6000)
    # Twice the input, about twice the work; a quadratic path gives about four times.
    assert large <= 2.6 * small, f"{name}: {small} -> {large} operations for twice the input"


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_no_sentence_is_longer_than_the_bound(name: str) -> None:
    article = _article(SHAPES[name](20_000))
    sentences = article_sentences(article, "a1")
    assert sentences, name
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    # Nothing of the text is lost by the cut: the pieces hold every non-space character.
    for block_id, text in article_blocks(article):
        pieces = "".join(s.text for s in sentences if s.block == block_id)
        assert "".join(pieces.split()) == "".join(text.split())


def test_a_99000_character_word_is_analysed_in_bounded_work() -> None:
    """The case issue 17 found: the work for 99,000 characters is of the order of the
    work for 6,000 scaled linearly, not quadratically."""
    shape = SHAPES["one long word"]
    base, hostile = _work(shape, 6000), _work(shape, 99_000)
    assert hostile <= 2 * (99_000 / 6000) * base
