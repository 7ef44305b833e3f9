"""The units the entity rules work on: tokens of a sentence and the mentions found in it.

Also the per-article word knowledge the rules share (which words the article writes in
lower case; whether capitalisation marks names in its language), set once per article.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Token:
    text: str
    start: int
    end: int
    possessive: bool = False

    @property
    def cap(self) -> bool:
        c = self.text[0]
        return c.isupper() or (
            c.isdigit() is False
            and c.isalpha()
            and self.text[:2] in ("d'", "d’")
            and len(self.text) > 2
            and self.text[2].isupper()
        )


@dataclass
class Mention:
    kind: str  # "person", "organisation", "place", "role" (a title standing for a person)
    text: str
    sentence: int  # index in the article's sentences
    start: int  # offset in the sentence text
    end: int
    role: str | None = None
    acronym: str | None = None
    evidence: set[str] = field(default_factory=set)
    rule: str = ""  # the named rule that made this mention (counted by the benchmark)


@dataclass
class ArticleWords:
    """What the rules know about the article being read."""

    # Lower-case words of the article: a capitalised word that also appears in lower case
    # there ("shuttle", "museum") is a common word, not part of a name.
    common_words: frozenset[str] = frozenset()
    # Whether a capitalised pair is a sign of a name (not in languages that capitalise nouns).
    shape_counts: bool = True
    # Acronyms the article spells out as something other than a body ("MERS"), and where
    # (sentence index, start, end) such a thing's name is written.
    not_bodies: set[str] = field(default_factory=set)
    thing_spans: list[tuple[int, int, int]] = field(default_factory=list)

    def reset(self, *, shape_counts: bool, common_words: frozenset[str]) -> None:
        self.shape_counts = shape_counts
        self.common_words = common_words
        self.not_bodies = set()
        self.thing_spans = []

    def in_thing_name(self, si: int, start: int, end: int) -> bool:
        return any(s == si and a <= start and end <= b for s, a, b in self.thing_spans)


ARTICLE = ArticleWords()
