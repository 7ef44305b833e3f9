"""Cue words and word tests the entity rules share: connectors, titles, head words.

General knowledge of how names are built, with no state: :mod:`.lexicon` holds the word
lists, this module the tests on single words built from them.
"""

from __future__ import annotations

import functools
import re

from . import lexicon as lx

_CONNECTORS = frozenset(
    [
        "of",
        "for",
        "and",
        "&",
        "de",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "da",
        "do",
        "dos",
        "das",
        "del",
        "di",
        "y",
        "bin",
        "ibn",
        "al",
        "el",
        "the",
        "af",
        "zu",
        "ter",
        "für",
        "und",
        "at",
        "on",
    ]
)
_TITLE_SET = frozenset(lx.TITLES)
_TITLE_ALT = "|".join(re.escape(t) for t in lx.TITLES if len(t) > 3 and t not in lx.COURTESY)
_TITLE_FIRST = frozenset(t.split()[0] for t in lx.TITLES)
_WEEKDAY_MONTH = frozenset(lx.WEEKDAYS + lx.MONTHS)
_PLACE_HEADS = frozenset(
    [
        "River",
        "Lake",
        "Mountain",
        "Mountains",
        "Mount",
        "Island",
        "Islands",
        "Valley",
        "Coast",
        "Beach",
        "Bay",
        "Sea",
        "Ocean",
        "Desert",
        "Peninsula",
        "Province",
        "County",
        "District",
        "Region",
        "Strait",
        "Gulf",
        "Canal",
        "Basin",
        "Highlands",
        "Territory",
        "Territories",
    ]
)
_POSSESSIVE = ("'s", "’s", "'", "’")
# Lower-case nouns after a capitalised name that make it a place or a body, not a person.
_FACILITY_NOUNS = frozenset(
    [
        "airport",
        "airfield",
        "airbase",
        "station",
        "stadium",
        "arena",
        "bridge",
        "street",
        "avenue",
        "road",
        "highway",
        "square",
        "hospital",
        "port",
        "harbour",
        "harbor",
        "terminal",
        "prison",
        "palace",
        "cathedral",
        "church",
        "mosque",
        "temple",
    ]
)
_BODY_NOUNS = frozenset(
    [
        "mission",
        "force",
        "forces",
        "operation",
        "council",
        "committee",
        "agency",
        "commission",
        "programme",
        "program",
        "initiative",
        "coalition",
        "alliance",
    ]
)


# Word tests run for every word of every run: memoised (a word's answer never changes).
@functools.lru_cache(maxsize=8192)
def _is_title_word(word: str) -> bool:
    low = word.lower()
    return word[:1].isupper() and any(
        low.endswith(s) and (len(low) >= len(s) + 3 or low == s) for s in lx.TITLE_SUFFIXES
    )


_ORG_SUFFIXES = (
    "partei",
    "verband",
    "kommission",
    "regierung",
    "ministerium",
    "gericht",
    "fraktion",
    "gesellschaft",
    "bank",
    "polizei",
    "gewerkschaft",
    "stiftung",
    "bürgerschaft",
    "versammlung",
)


@functools.lru_cache(maxsize=8192)
def org_word(word: str) -> bool:
    """An organisation head word, also as the end of a compound ("EU-Kommission", "Volkspartei")."""
    if word in lx.ORG_WORDS:
        return True
    if "-" in word and word.rsplit("-", 1)[1] in lx.ORG_WORDS:
        return True
    low = word.lower()
    return word[:1].isupper() and any(
        low.endswith(s) and len(low) > len(s) + 2 for s in _ORG_SUFFIXES
    )


def _match_title(words: list[str], k: int) -> int:
    """Length in words of the title starting at words[k], 0 if none."""
    if k < len(words) and words[k] not in _TITLE_FIRST and _is_title_word(words[k]):
        return 1
    if k >= len(words) or words[k] not in _TITLE_FIRST:
        return 0
    for title in lx.TITLES:
        parts = title.split()
        if words[k : k + len(parts)] == parts:
            return len(parts)
    return 0


def _acronym_like(word: str) -> bool:
    bare = word.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


def _role_noun(word: str) -> bool:
    return word in lx.ROLE_NOUNS or (word.endswith("s") and word[:-1] in lx.ROLE_NOUNS)


def _has_role_noun(phrase: str) -> bool:
    words = re.findall(r"[a-zà-ÿ\-]+", phrase)
    return any(_role_noun(w) for w in words)


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_SOURCE_BEFORE = re.compile(r"\b(?:according to|selon|según|laut)\s+$")


def _speech_adjacent(text: str, start: int, end: int) -> bool:
    after = text[end : end + 90]
    before = text[max(0, start - 30) : start]
    # "X said", "X, 45, said", "X, the chairman, said", "..., X, meinte, ..."
    for verb_after in (
        re.match(r"\s*,?\s*(\w+)", after),
        re.match(r"\s*,\s*[^,]{1,60},\s*(\w+)", after),
    ):
        if verb_after and verb_after.group(1) in lx.SPEECH_VERBS:
            return True
    word = _WORD_BEFORE.search(before)
    return bool(word and word.group(1) in lx.SPEECH_VERBS) or bool(_SOURCE_BEFORE.search(before))


# Languages that capitalise every noun: a capitalised pair is no sign of a name there.
_NOUN_CAPITALISING = frozenset({"de", "lb"})


_ALWAYS_STRIP = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "From",
        "To",
        "By",
        "With",
        "As",
        "And",
        "But",
        "Or",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "Also",
        "Both",
        "Each",
        "Every",
        "All",
        "Some",
        "Many",
        "Most",
        "Several",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "According",
        "Despite",
        "Following",
        "Under",
        "Over",
        "About",
        "Among",
        "Between",
        "Through",
        "Against",
        "Into",
        "However",
        "Meanwhile",
        "Les",
        "Un",
        "Une",
        "Des",
        "Du",
        "De",
        "Dans",
        "Pour",
        "Par",
        "Sur",
        "Avec",
        "Selon",
        "Una",
        "Por",
        "Para",
        "Con",
        "Según",
        "Der",
        "Die",
        "Das",
        "Ein",
        "Eine",
        "Im",
        "Am",
        "Zum",
        "Zur",
        "Mit",
        "Nach",
        "Bei",
        "Laut",
    ]
)


# A wire dateline opens a story in capitals: "RIO DE JANEIRO -- ", "WASHINGTON, Feb. 20 – ",

_NUMBER_WORDS = frozenset(
    {
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand"),
        *("million", "billion", "first", "second", "third"),
    }
)


_BODY_WORDS = lx.words(
    "Council Commission Committee Agency Office Mission Court Assembly Secretariat Fund Programme "
    "Program Force Forces Department Ministry Directorate Board Tribunal Parliament"
)


_DEMONYM = re.compile(r"^[A-Z][a-zà-ÿ]+(?:an|ian|ese|ish|i|ic|ch|er)$")


_NAME_PARTICLES = frozenset(
    {"Le", "La", "De", "Van", "Von", "Da", "Di", "Del", "Du", "Dos", "Das", "Ter", "Ten"}
)

_STATE_HEADS = frozenset(
    ["State", "Province", "Republic", "Kingdom", "City", "Commonwealth", "Region", "Canton"]
)
_ADJ_SUFFIX = re.compile(
    r"(?:éenne|éen|aise|ale|ales|aux|ienne|ique|iques|ana|ano|eño|eña|ista|ense|unies|unidas|ional|ionale)$"
)
