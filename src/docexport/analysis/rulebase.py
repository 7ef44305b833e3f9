"""What the classification rules share: the run being read and its context.

A :class:`Run` is a capitalised run without a title, with the sentence around it; each
rule (:mod:`.rules_places`, :mod:`.rules_bodies`, :mod:`.rules_people`) reads it and
either claims it or passes it on (:mod:`.classify`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from .cues import _NUMBER_WORDS, _role_noun, org_word
from .places import normalise as place_name
from .spans import Mention


def _is_org_name(phrase: str) -> bool:
    ws = phrase.split()
    return phrase in lx.KNOWN_ORGS or any(org_word(w) for w in ws)


def _org_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One organisation, or two run together: "Marine Corps and Navy"; "Bureau of Labor
    Statistics of the U.S. Department of Labor" (a body and the department it belongs to)."""
    phrase = text[start:end]
    m = re.fullmatch(r"(.+?)\s+(?:and|&)\s+(.+)", phrase)
    if (
        m
        and _is_org_name(m.group(1))
        and _is_org_name(m.group(2))
        and (m.group(1) in lx.KNOWN_ORGS or m.group(2) in lx.KNOWN_ORGS)
    ):
        return [(start, start + m.end(1)), (start + m.start(2), end)]
    m = re.fullmatch(r"(.+?)\s+of\s+the\s+((\S+)\s.+)", phrase)
    if (
        m
        and _is_org_name(m.group(1))
        and _is_org_name(m.group(2))
        and (place_name(m.group(3)) or place_name(m.group(3).rstrip(".,")))
    ):
        return [(start, start + m.end(1)), (start + m.start(2), end)]
    return [(start, end)]


def _not_a_name_shape(text: str, start: int, end: int, words: list[str]) -> bool:
    """Capitalised pairs that look like a name but are not: "Seven Soldiers", "Protected B",
    "the Hells Angels", "a "Big Three" agency", "Foreign Affairs minister"."""
    if any(w.lower().strip(".,") in _NUMBER_WORDS or any(c.isdigit() for c in w) for w in words):
        return True
    if len(words[-1].rstrip(".")) == 1:
        return True
    if re.search(r"\b(?:the|a|an)\s+[\"“‘']?$", text[max(0, start - 8) : start]):
        return True  # a person's name takes no article
    nxt = re.match(r"[\"”’']?\s+([a-z][\w-]*)", text[end:])
    return bool(nxt and _role_noun(nxt.group(1)))  # a portfolio: "Foreign Affairs minister"


def _previous_in_sentence(out: list[Mention], si: int, start: int) -> Mention | None:
    """The last mention before ``start`` in sentence ``si``; stops at earlier sentences,
    so the search costs the length of one sentence, not of the article."""
    for m in reversed(out):
        if m.sentence != si:
            if m.sentence < si:
                return None
            continue
        if m.end <= start:
            return m
    return None


@dataclass
class Run:
    """A capitalised run being classified, with what the rules read around it."""

    si: int
    text: str
    phrase: str
    start: int
    end: int
    words: list[str]
    sentence_initial: bool
    out: list[Mention]
    src_phrase: str = ""
    after_word: re.Match[str] | None = None
    role: str | None = None

    def __post_init__(self) -> None:
        self.src_phrase = self.text[self.start : self.end]
        self.after_word = re.match(r"\s+([a-z]+)", self.text[self.end :])

    @property
    def last(self) -> str:
        return self.words[-1]

    def add(
        self,
        kind: str,
        name: str,
        rule: str,
        start: int | None = None,
        end: int | None = None,
        **kw: object,
    ) -> bool:
        s = self.start if start is None else start
        e = self.end if end is None else end
        self.out.append(Mention(kind, name, self.si, s, e, rule=rule, **kw))  # type: ignore[arg-type]
        return True
