"""Confidence: how sure the analysis is that a fact is right and says what it is.

Each fact's confidence is built from its evidence: the named rules and cues that found
it (a title before a name, a gazetteer entry, an acronym spelled out), how many of them
agree and how often the article comes back to it. The key-facts box shows only facts at
or above :data:`BOX_THRESHOLD`: precision first; a fact that is not clearly right is
listed by ``inspect`` with the reason, never boxed.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import lexicon as lx
from .spans import Mention

# A fact is boxed only at or above this confidence.
BOX_THRESHOLD = 0.6

# What one cue alone says about a person's name.
_PERSON_CUES: dict[str, float] = {
    "title": 0.95,  # "President William Ruto"
    "rank-title": 0.95,
    "title-name": 0.95,
    "title-domain-name": 0.9,
    "coordinated-titles": 0.9,
    "body-role-name": 0.85,
    "role": 0.85,  # "X, the chairman of Y,"
    "list-role": 0.8,
    "age": 0.85,  # "Daniel Montalvo, 19,"
    "speech": 0.8,  # "X said"
    "affiliation": 0.7,  # "X of the Labour Party"
    "given": 0.7,  # a known given name first
    "romanised": 0.65,  # "Cheng Chung-tai"
    "shape": 0.5,  # two capitalised words mid-sentence, nothing else
    "initial": 0.25,
    # Scripts without capitals (or Russian): a title before the name, a verb of saying.
    "script-title": 0.95,  # "الرئيس محمود عباس", "发言人汪文斌"
    "script-speech": 0.75,  # "وقال محمود عباس إن", "заявил Сергей Лавров"
}
# What the rule that found an organisation says about it.
_ORG_RULES: dict[str, float] = {
    "acronym-definition": 0.95,  # "Multinational Security Support (MSS) Mission"
    "acronym-reverse": 0.9,
    "acronym-in-run": 0.9,  # "UN Human Rights Council" also names the UN
    "known-body": 0.9,  # "Congress", "Parliament"
    "head-word": 0.85,  # "... Police", "... Council", "... Corp"
    "head-acronym": 0.8,
    "body-noun": 0.8,  # "the Multinational Security Support mission"
    "publication": 0.8,  # "Vulture magazine"
    "stock-index": 0.85,  # "Nifty 50"
    "ticker": 0.85,  # "Larsen & Toubro (LART.NS)"
    "ampersand": 0.75,  # "Johnson & Johnson"
    "quoted-name": 0.75,
    "org-cue": 0.7,  # "the group Civic Passion"
    "affiliation": 0.7,  # "X of Civic Passion"
    "domain": 0.65,  # "Snopes.com"
    "the-institution": 0.6,  # "the Army"
    "members": 0.5,  # "Hells Angels members"
    "brand": 0.5,  # inner capitals
    "place-in-name": 0.5,  # "Kenya Airways"
    "acronym": 0.45,  # capitals alone
    "script-head-word": 0.75,  # "وزارة الخارجية الأمريكية"
}
# What the rule that found a place says about it.
_PLACE_RULES: dict[str, float] = {
    "gazetteer": 0.9,
    "dateline": 0.85,
    "based": 0.85,
    "qualified-place": 0.85,
    "bracketed-region": 0.8,
    "place-head": 0.75,
    "place-cue": 0.75,
    "facility": 0.7,
    "street": 0.7,
    "town-region": 0.7,
    "campus-town": 0.6,
    "geonames-city": 0.8,  # "in Bogliasco": GeoNames knows the city
    "script-place": 0.85,  # a CLDR or gazetteer name found in a non-Latin text
    "locative": 0.45,  # "in X" alone
}


def combine(values: Iterable[float]) -> float:
    """Independent cues agreeing: 1 - the product of each one's doubt."""
    doubt = 1.0
    for v in values:
        doubt *= 1.0 - v
    return 1.0 - doubt


def _mention_bonus(n: int) -> float:
    return 0.0 if n < 2 else (0.05 if n == 2 else 0.1)


def evidence_of(mentions: Iterable[Mention]) -> tuple[str, ...]:
    """The rules and cues of a group of mentions, sorted (the fact's ``evidence``)."""
    out: set[str] = set()
    for m in mentions:
        out |= m.evidence
        if m.rule:
            out.add(m.rule)
    return tuple(sorted(out))


# Cues that alone do not tell a person from a product, a programme or a body: two
# capitalised words, a verb of saying nearby, "X of Y", a sentence's first word.
_WEAK_PERSON_CUES = frozenset({"shape", "speech", "affiliation", "initial"})


# Titles that are also given names: "Dean Kamen" is no dean.
_GIVEN_TITLES = frozenset({"Dean", "Major", "Earl", "Rev"})


def person(mentions: list[Mention], name: str, role: str | None = None) -> float:
    cues = {e for m in mentions for e in (*m.evidence, m.rule) if e in _PERSON_CUES}
    named = [m for m in mentions if m.kind == "person"]
    value = combine(_PERSON_CUES[c] for c in cues)
    strong = cues - _WEAK_PERSON_CUES
    if strong:
        value += _mention_bonus(len(named))
    else:
        # "Google Chrome is gaining users", "programa de Asistencia Pública de FEMA": the
        # type is ambiguous; listed, not boxed.
        value = min(value, 0.55)
    if " " not in name.strip() and not cues & {"title", "rank-title", "title-name"}:
        # One word is a surname, a nickname, a brand, a title or a show as often as it is
        # a person: never boxed on its own.
        value = min(value, 0.55)
    if role and " " not in name.strip() and (role in lx.GIVEN_NAMES or role in _GIVEN_TITLES):
        value = min(value, 0.55)  # "Dean Kamen" read as the dean Kamen
    if named and all("loose" in m.evidence for m in named):
        value = min(value, 0.55)  # nothing in the text ends the name clearly
    return round(min(value, 1.0), 3)


def organisation(mentions: list[Mention], known_acronym: bool) -> float:
    rules = [_ORG_RULES.get(m.rule, 0.5) for m in mentions]
    if any("context" in m.evidence for m in mentions if m.rule == "acronym"):
        rules.append(0.7)
    if known_acronym:
        rules.append(0.9)
    best = max(rules, default=0.4)
    value = best + _mention_bonus(len(mentions)) * (1.0 if best >= 0.5 else 0.5)
    return round(min(value, 1.0), 3)


def place(mentions: list[Mention], *, qualifies_role: bool) -> float:
    best = max((_PLACE_RULES.get(m.rule, 0.6) for m in mentions), default=0.5)
    value = best + _mention_bonus(len(mentions))
    if qualifies_role:
        value = min(value, 0.4)  # "North America editor": part of a role, not a place fact
    return round(min(value, 1.0), 3)


def figure(*, label: str | None, unit: str | None) -> float:
    """A figure says what it counts (a unit or a label) or it says nothing."""
    if unit and label:
        return 0.9
    if unit or label:
        return 0.8
    return 0.2


def date(text: str, iso: str | None) -> float:
    """A full date or a period says when; "today", "Tuesday" or a bare month rarely do."""
    has_digit = any(c.isdigit() for c in text)
    if not has_digit:
        return 0.4
    if iso and (len(iso) >= 7 or "/" in iso):
        return 0.85
    return 0.7  # a year alone


# How a quote's speaker was found, and how sure that is.
_SPEAKER_HOW: dict[str, float] = {
    "said-x": 0.9,
    "x-said": 0.9,
    "according": 0.85,
    "x-said-colon": 0.85,
    "words-of": 0.85,
    "block": 0.9,
    "subject": 0.8,
    "sentence-subject": 0.75,
    "demonstrative": 0.75,
    "continued": 0.75,
    "running-on": 0.7,
    "it": 0.7,
    "previous-sentence": 0.7,
    "pronoun": 0.7,
    "said-role": 0.65,
}


def quote(speaker: str | None, how: str) -> float:
    """A quotation is boxed with the person who said it; without one it is a fragment."""
    if not speaker:
        return 0.3
    return _SPEAKER_HOW.get(how, 0.65)


def why_not_boxed(kind: str, confidence: float, evidence: tuple[str, ...]) -> str:
    """The reason ``inspect`` gives for a fact left out of the box."""
    if confidence >= BOX_THRESHOLD:
        return "ranked below the box's limit for its kind"
    if kind == "figure":
        return "a bare number: nothing says what it counts"
    if kind == "quote":
        if "doubtful-speaker" in evidence:
            return "its speaker is not a confident fact"
        return "no speaker"
    if kind == "date":
        return "not a date a reader can place (no day or year)"
    cues = ", ".join(evidence) or "none"
    return f"not confident enough ({confidence:.2f} < {BOX_THRESHOLD}; cues: {cues})"
