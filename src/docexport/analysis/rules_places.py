"""Classification rules that find places: gazetteer names, qualified and cued places,
facilities, streets, towns before their region.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .cues import _FACILITY_NOUNS, _PLACE_HEADS, _STATE_HEADS, _role_noun, _speech_adjacent
from .places import normalise as place_name
from .rulebase import Run
from .spans import ARTICLE


def inside_a_named_thing(r: Run) -> bool:
    """Words inside a name already read whole ("Larsen & Toubro (LART.NS)", "Middle East
    respiratory syndrome (MERS)") name nothing of their own."""
    return ARTICLE.in_thing_name(r.si, r.start, r.end)


def located_by_based(r: Run) -> bool:
    """ "Nairobi-based": the place a thing is based in."""
    based = re.fullmatch(r"(.+?)-(?:based|born|headquartered)", r.phrase)
    if not (based and place_name(based.group(1))):
        return False
    return r.add(
        "place", place_name(based.group(1)) or "", "based", end=r.start + len(based.group(1))
    )


def gazetteer_place(r: Run) -> bool:
    """A name the gazetteer knows ("Kenya", "Nairobi"); "US$20,000" is a currency; "Middle
    East respiratory syndrome (MERS)" names a disease."""
    place = place_name(r.phrase)
    if not place:
        return False
    if ARTICLE.in_thing_name(r.si, r.start, r.end):
        return True
    if r.text[r.end : r.end + 1] == "$":
        return True
    return r.add("place", place, "gazetteer")


def qualified_place(r: Run) -> bool:
    """ "Central Italy", "Kowloon West", "State of Texas", "Land Sri Lanka"."""
    words = r.words
    if len(words) < 2:
        return False
    if (words[0] in lx.DIRECTIONS and place_name(" ".join(words[1:]))) or (
        words[-1] in lx.DIRECTIONS and place_name(" ".join(words[:-1]))
    ):
        return r.add("place", r.phrase, "qualified-place")
    if (
        words[0] in _STATE_HEADS
        and len(words) > 2
        and words[1] == "of"
        and place_name(" ".join(words[2:]))
    ):
        return r.add("place", place_name(" ".join(words[2:])) or r.phrase, "qualified-place")
    for k in range(1, len(words)):
        if all(w in lx.PLACE_CUES for w in words[:k]):
            rest = " ".join(words[k:])
            start = r.start + r.text[r.start : r.end].find(words[k])
            return r.add(
                "place", place_name(rest) or rest, "qualified-place", start, evidence={"cue"}
            )
    return False


def facility(r: Run) -> bool:
    """ "Toussaint Louverture airport", "Mandela bridge": a named facility is a place."""
    if not (r.after_word and r.after_word.group(1) in _FACILITY_NOUNS):
        return False
    noun = r.after_word.group(1)
    return r.add(
        "place",
        f"{r.src_phrase} {noun}",
        "facility",
        end=r.end + r.after_word.end(),
        evidence={"cue"},
    )


_PLACE_CUE_BEFORE = re.compile(
    r"\b(?:town|city|village|province|state|capital|estado|ciudad|provincia|ville|région)"
    r"(?:\s+[a-zà-ÿ]+)?\s+(?:of|de|del|d')\s+(?:the\s+)?$",
    re.I,
)


def place_cue(r: Run) -> bool:
    """ "the town of Bogliasco", "in the province of X": a cue word names a place."""
    adjacent = re.search(r"([\w-]+)\s+$", r.text[: r.start])
    if not (
        (
            adjacent
            and (adjacent.group(1) in lx.PLACE_CUES or adjacent.group(1).lower() in lx.PLACE_CUES)
        )
        or _PLACE_CUE_BEFORE.search(r.text, max(0, r.start - 60), r.start)
    ):
        return False
    return r.add("place", r.src_phrase, "place-cue", evidence={"cue"})


def bracketed_region(r: Run) -> bool:
    """ "Evansville (Indiana)": a town followed by its region in brackets."""
    dateline = re.match(r"\s*\(([^()]{2,40})\)", r.text[r.end :])
    if not (dateline and place_name(dateline.group(1).strip())):
        return False
    return r.add("place", r.src_phrase, "bracketed-region", evidence={"dateline"})


_PLACE_FIRST_WORDS = frozenset(
    [
        *("Cape", "Mount", "Lake", "Fort", "Port", "Camp", "Masjid", "Mt."),
        # Spanish, French and German place heads: "Parque Gore", "Place de la Nation"
        *("Parque", "Plaza", "Calle", "Avenida", "Cementerio", "Río", "Lago", "Monte", "Isla"),
        *("Parc", "Place", "Rue", "Avenue", "Pont", "Gare", "Platz", "Straße"),
    ]
)


def place_head_first(r: Run) -> bool:
    """ "Mount Kenya", "Place de la Nation": a place head word opening the name."""
    if not (r.words[0] in _PLACE_FIRST_WORDS and len(r.words) > 1):
        return False
    return r.add("place", r.src_phrase, "place-head")


_STREET_HEADS = frozenset(
    ["Street", "Road", "Avenue", "Boulevard", "Lane", "Square", "Drive", "Highway", "Strasse"]
)


def street(r: Run) -> bool:
    """ "Oxford Street", "Downing Street": a street is a place, not a body."""
    if not (len(r.words) > 1 and r.last in _STREET_HEADS):
        return False
    return r.add("place", r.src_phrase, "street")


def place_head_last(r: Run) -> bool:
    """ "Rift Valley", "Persian Gulf": a place head word closing the name."""
    if not (r.last in _PLACE_HEADS and len(r.words) > 1):
        return False
    return r.add("place", r.phrase, "place-head")


def town_then_region(r: Run) -> bool:
    """ "Saratoga Springs, New York", "in Evansville": a town, not a person ... unless the
    place qualifies a role or the name speaks: "X, Panama coach, said"."""
    text, end = r.text, r.end
    follow = re.match(r",\s+((?:[A-Z][\w'’.-]*\s?){1,3})", text[end:])
    if follow and re.match(r"[a-zà-ÿ][\w-]*", text[end + follow.end() :]):
        follow = None if _role_noun(text[end + follow.end() :].split()[0].strip(",.;")) else follow
    if follow and r.words[0] not in lx.GIVEN_NAMES and not _speech_adjacent(text, r.start, end):
        cand = follow.group(1).split()
        if any(place_name(" ".join(cand[:n]).strip(" .,;:")) for n in range(1, len(cand) + 1)):
            return r.add("place", place_name(r.src_phrase) or r.src_phrase, "town-region")
    return False


_CAMPUS_BEFORE = re.compile(
    r"(?:University|College|Institute|Museum|Center|Centre) of [A-Z][\w ]+,\s*$"
)


def campus_town(r: Run) -> bool:
    """ "University of Sheffield, Sheffield": the town after a university's name."""
    if not (_CAMPUS_BEFORE.search(r.text, 0, r.start) and r.words[0] not in lx.GIVEN_NAMES):
        return False
    return r.add("place", r.src_phrase, "campus-town")
