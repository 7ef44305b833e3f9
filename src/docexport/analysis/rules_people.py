"""Classification rules for people: what is left of a run is a person when something says
so (a role, a verb of saying, a given name, an age, an affiliation); "in X" is a place.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .cues import _NAME_PARTICLES, _TITLE_SET, _WEEKDAY_MONTH, _speech_adjacent, org_word
from .places import normalise as place_name
from .roles import appositive_role
from .rulebase import Run, _not_a_name_shape
from .spans import ARTICLE
from .worldnames import city


def not_a_person(r: Run) -> bool:
    """Names built on words no person's name holds ("Museum", "Airport") name nothing
    the box can use; and a word naming a thing is no one's name."""
    words = r.words
    given_first = len(words) > 1 and words[0] in lx.GIVEN_NAMES
    if (
        any(w in lx.NON_PERSON_HEADS or w.rstrip("s") in lx.NON_PERSON_HEADS for w in words)
        and not given_first
    ) or any(org_word(w) for w in words):
        return True
    described = len(words) > 1 and (
        appositive_role(r.text, r.start, r.end) or _speech_adjacent(r.text, r.start, r.end)
    )
    checked = words[:1] if (given_first or described) else words
    # "Jean-Marie Le Pen", "Vincent Van Gogh": a capitalised particle inside a name.
    checked = [
        w for n, w in enumerate(checked) if not (0 < n < len(words) - 1 and w in _NAME_PARTICLES)
    ]
    if any(w in lx.FUNCTION_WORDS or w in _WEEKDAY_MONTH or place_name(w) for w in checked):
        return True
    if len(words) == 1 and (
        words[0].lower() in lx.MEMBER_NOUNS
        or words[0].lower() in ARTICLE.common_words
        or words[0].endswith("ing")
        or (words[0].endswith("s") and words[0][:-1] in _TITLE_SET)
    ):
        return True
    if (
        not all(re.fullmatch(r"[\w'’\-.]+", w) and any(c.isalpha() for c in w) for w in words)
        or len(words) > 4
    ):
        return True
    return any(
        w.isupper()
        and len(w) > 1
        and not re.fullmatch(r"(?:[A-Z]\.)+", w)
        # a regnal number: "Albert II", "Juan Carlos I"
        and not (n == len(words) - 1 and n > 0 and re.fullmatch(r"[IVX]{1,4}", w))
        for n, w in enumerate(words)
    )


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|inside)\s+$")


def person(r: Run) -> bool:
    """What is left is a person when something says so; the people module keeps a name
    only when its evidence is strong enough. "in X" with nothing else is a place."""
    evidence = person_evidence(r)
    if evidence is None:
        return True
    role = r.role
    if (
        _LOCATIVE_BEFORE.search(r.text, max(0, r.start - 12), r.start)
        and not (evidence - {"shape", "initial"})
        and r.words[0] not in lx.GIVEN_NAMES
    ):
        # "in Bogliasco": a city GeoNames knows is a place; anything else stays doubtful.
        known = city(r.phrase, cued=True)
        if known:
            return r.add("place", known, "geonames-city", evidence={"locative"})
        return r.add("place", r.phrase, "locative", evidence={"locative"})
    return r.add("person", r.phrase, "person", role=role, evidence=evidence)


_ROLE_LIST_GAP = re.compile(r"(?:\s+of\s+[A-Z][\w'’ &.-]*?)?(?:\s*\([^)]*\))?\s*(?:,|,?\s+and)\s+")


def _listed_role(r: Run, evidence: set[str]) -> str | None:
    """The role given to a list of names: "photographers Nat Finkelstein, Christopher Makos"."""
    role = appositive_role(r.text, r.start, r.end)
    if role and re.compile(rf"\b{re.escape(role)}s\s+$").search(r.text, 0, r.start):
        evidence.add("list-role")
    if role is not None:
        return role
    prev_person = next(
        (
            m
            for m in reversed(r.out)
            if m.sentence == r.si and m.kind == "person" and m.end <= r.start
        ),
        None,
    )
    if (
        prev_person
        and "list-role" in prev_person.evidence
        and _ROLE_LIST_GAP.fullmatch(r.text[prev_person.end : r.start])
    ):
        evidence.add("list-role")
        return prev_person.role
    return None


def _shape_evidence(r: Run) -> bool:
    words = r.words
    return (
        len(words) > 1
        and not r.sentence_initial
        and ARTICLE.shape_counts
        and not any(
            (w.lower() in ARTICLE.common_words and w not in _NAME_PARTICLES) or w in lx.DIRECTIONS
            for w in words
        )
        and not any("\u1ea0" <= c <= "\u1ef9" for w in words for c in w)  # Vietnamese text
        and not _not_a_name_shape(r.text, r.start, r.end, words)
    )


_AFFILIATED_AFTER = re.compile(
    r"\s+(?:of|from|de|du|von|vom)\s+(?:the\s+|la\s+|le\s+|der\s+)?[A-Z]"
)


_AFFILIATION_TAIL = re.compile(
    r"\s+\w+\s+(?:the\s+|la\s+|le\s+|der\s+)?((?:[A-Z][\w'’&.-]*\s*){1,5})"
)


_OWNER_BEFORE = re.compile(
    r"\b(?:[A-Z]{2,6}|[A-Z][\w-]*(?:\s[A-Z][\w-]*)*\s(?:Party|Union|Council|Group))(?:'s|’s)"
    r"\s+(?:[a-z-]+\s+)?$"
)


def _affiliated(r: Run) -> bool:
    """ "Fernando Cheung of the Labour Party", "DAB's Ben Chan", "Kipruto of Kenya won"."""
    after = r.text[r.end : r.end + 60]
    if _AFFILIATED_AFTER.match(after):
        tail = _AFFILIATION_TAIL.match(after)
        tail_words = tail.group(1).split() if tail else []
        if tail and (
            any(w in lx.ORG_WORDS for w in tail_words)
            or any(re.fullmatch(r"[A-Z]{2,6}", w) for w in tail_words)
            or (
                len(r.words) > 1
                and not any(w in lx.ORG_WORDS for w in r.words)
                and place_name(" ".join(tail_words).rstrip(".,;"))
            )
        ):
            return True
    return _OWNER_BEFORE.search(r.text[max(0, r.start - 60) : r.start]) is not None


def person_evidence(r: Run) -> set[str] | None:
    """The cues that say a run is a person's name; None when it is no name at all."""
    words = r.words
    evidence: set[str] = set()
    r.role = _listed_role(r, evidence)
    if r.role:
        evidence.add("role")
    if _speech_adjacent(r.text, r.start, r.end):
        evidence.add("speech")
    if words[0] in lx.GIVEN_NAMES and len(words) > 1:
        evidence.add("given")
    if _shape_evidence(r):
        evidence.add("shape")
    if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[-1]) and len(words) > 1:
        evidence.add("romanised")  # "Cheng Chung-tai", "Kim Jong-un"
    if re.match(r",\s*\d{1,3}\s*,", r.text[r.end : r.end + 12]):
        evidence.add("age")  # "Daniel Montalvo, 19, ..."
    if _affiliated(r):
        evidence.add("affiliation")
    if len(words) > 1 and r.sentence_initial and not evidence and words[0].endswith("ing"):
        return None
    if len(words) == 1 and r.sentence_initial and not ({"role", "speech"} & evidence):
        evidence.add("initial")  # only kept when it names a known person
    return evidence
