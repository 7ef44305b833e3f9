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


ARTICLE = ArticleWords()
