"""Classification of a capitalised run without a title: an ordered list of named rules.

Each rule is a small function that either claims the run (adding a place, organisation
or person mention, or deciding it names nothing) and returns True, or passes it on.
The first rule to claim a run decides it; the benchmark counts how often each fired.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import lexicon as lx
from .cues import (
    _ADJ_SUFFIX,
    _BODY_NOUNS,
    _FACILITY_NOUNS,
    _NAME_PARTICLES,
    _NUMBER_WORDS,
    _PLACE_HEADS,
    _STATE_HEADS,
    _TITLE_SET,
    _WEEKDAY_MONTH,
    _acronym_like,
    _match_title,
    _role_noun,
    _speech_adjacent,
    org_word,
)
from .places import max_words as place_max_words
from .places import normalise as place_name
from .roles import appositive_role
from .spans import ARTICLE, Mention
from .worldnames import city


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


# --------------------------------------------------------------------------- places


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


def publication(r: Run) -> bool:
    """ "New York magazine", "Vulture magazine": a name before a media noun is a publication
    or a broadcaster, even when it is also a place's name."""
    if not (r.after_word and r.after_word.group(1) in ("magazine", "newspaper", "radio", "daily")):
        return False
    if len(r.words) == 1 and re.search(r"(?:an|ese|ish|ch|ic|i)$", r.words[0]):
        return False  # "French radio" is a nationality
    return r.add("organisation", r.src_phrase, "publication", evidence={"cue"})


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


# --------------------------------------------------------------------------- organisations


def affiliation_target(r: Run) -> bool:
    """ "Cheng Chung-tai of Civic Passion": what a named person is "of" is a body."""
    prev = _previous_in_sentence(r.out, r.si, r.start)
    if not (
        prev
        and prev.kind == "person"
        and prev.evidence - {"initial"}
        and re.fullmatch(r"\s+(?:of|from)\s+(?:the\s+)?", r.text[prev.end : r.start])
        and not (len(r.words) > 1 and r.words[0] in lx.GIVEN_NAMES)
    ):
        return False
    return r.add("organisation", r.src_phrase, "affiliation", evidence={"affiliation-target"})


def head_word_and_acronym(r: Run) -> bool:
    """ "Bank ECB": a head word, then the body's acronym."""
    words = r.words
    if not (len(words) == 2 and words[0] in lx.ORG_WORDS and _acronym_like(words[1])):
        return False
    start = r.start + r.text[r.start : r.end].find(words[1])
    return r.add(
        "organisation", words[1], "head-acronym", start, acronym=words[1], evidence={"context"}
    )


def web_domain(r: Run) -> bool:
    """ "Snopes.com": a website is a body, never a person."""
    if not (len(r.words) == 1 and re.search(r"\.[a-z]{2,4}$", r.phrase)):
        return False
    return r.add("organisation", r.src_phrase, "domain", evidence={"domain"})


def trim_trailing_title(r: Run) -> bool:
    """ "Interior Ministry Spokesman": the title after a body is not part of its name.
    Never claims the run."""
    words = r.words
    if (
        len(words) > 2
        and words[-1] in _TITLE_SET
        and words[-2].lower() not in ("of", "for", "de", "du", "des")  # "Department of Justice"
        and any(org_word(w) for w in words[:-1])
    ):
        cut = r.text[r.start : r.end].rfind(words[-1])
        r.words = words[:-1]
        r.src_phrase = r.text[r.start : r.start + cut].rstrip()
    return False


_INDEX_NUMBER = re.compile(r"\s+\d{1,4}\b(?!\s*(?:%|per|points?\b))")


def stock_index(r: Run) -> bool:
    """ "Nifty 50", "FTSE 100", "Hang Seng", "S&P 500": a stock index (its number is part of
    its name, not a figure)."""
    if r.words[0] not in lx.STOCK_INDICES:
        return False
    end = r.end
    number = _INDEX_NUMBER.match(r.text, end)
    if number:
        end = number.end()
    return r.add("organisation", r.text[r.start : end], "stock-index", end=end)


def compound_body(r: Run) -> bool:
    """ "EU-Kommission", "Volkspartei": one word ending in a head word."""
    if not (len(r.words) == 1 and org_word(r.phrase) and r.phrase not in lx.ORG_WORDS):
        return False
    return r.add("organisation", r.src_phrase, "head-word")


def bare_head_word(r: Run) -> bool:
    """ "the Army", "la Commission", "Congress": a head word standing for one institution."""
    if not (len(r.words) == 1 and r.phrase in lx.ORG_WORDS):
        return False
    adj = re.match(r"\s+([a-zà-ÿ]+)", r.text[r.end :])
    if adj and _ADJ_SUFFIX.search(adj.group(1)):
        return r.add(
            "organisation",
            f"{r.phrase} {adj.group(1)}",
            "head-word",
            end=r.end + adj.end(),
        )
    if r.phrase in lx.KNOWN_ORGS:
        return r.add("organisation", r.src_phrase, "known-body", evidence={"context"})
    if (
        ARTICLE.shape_counts  # not in German, where every noun is capitalised
        and not r.sentence_initial
        and re.search(r"(?:\b(?:the|la|le|el|der|die|das)\s+|\bl['’])$", r.text[: r.start])
    ):
        return r.add("organisation", r.src_phrase, "the-institution", evidence={"context"})
    return True


def named_body(r: Run) -> bool:
    """ "Haitian National Police", "Bank of England": a name built on a head word."""
    words = r.words
    if not (
        (org_word(r.last) and len(words) > 1)
        or r.phrase in lx.KNOWN_ORGS
        or r.phrase in lx.INSTITUTIONS
        or (len(words) > 1 and any(org_word(w) for w in words) and words[-1] not in _PLACE_HEADS)
        or _plural_head_of(words)
    ):
        return False
    for a, b in _org_parts(r.text, r.start, r.start + len(r.src_phrase)):
        # "Conseil de l'Union européenne", "Banco Central Europeo": a French or Spanish
        # name going on in a lower-case adjective after its head word.
        adj = re.match(r"\s+([a-zà-ÿ]+)\b", r.text[b:])
        head = re.split(r"[’']", r.text[a:b].split()[-1])[-1]
        if adj and org_word(head) and _ADJ_SUFFIX.search(adj.group(1)):
            b += adj.end()
        r.add("organisation", r.text[a:b], "head-word", a, b)
    return True


def _plural_head_of(words: list[str]) -> bool:
    """ "National Institutes of Health": a plural head word before "of"."""
    if "of" not in words[1:]:
        return False
    head = words[words.index("of", 1) - 1]
    return head.endswith("s") and head[:-1] in lx.ORG_WORDS


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


def body_noun_after(r: Run) -> bool:
    """ "the Multinational Security Support mission": capitalised words naming a body."""
    if not (r.after_word and r.after_word.group(1) in _BODY_NOUNS and len(r.words) > 2):
        return False
    noun = r.after_word.group(1)
    return r.add(
        "organisation",
        f"{r.src_phrase} {noun}",
        "body-noun",
        end=r.end + r.after_word.end(),
        evidence={"cue"},
    )


_MEDIA_NOUNS = frozenset(
    ["news", "newspaper", "magazine", "agency", "television", "channel", "radio"]
)


def organisation_cue(r: Run) -> bool:
    """ "the group Civic Passion", "Vulture magazine": a cue word names the kind of body."""
    cue = re.search(r"([\w-]+)\s+$", r.text[: r.start])
    if not (
        (cue and cue.group(1).lower() in lx.ORG_CUES)
        or (
            r.after_word
            and r.after_word.group(1) in _MEDIA_NOUNS
            and len(r.words) <= 3
            # "French television" is a nationality, not a broadcaster's name
            and not (len(r.words) == 1 and re.search(r"(?:an|ese|ish|ch|ic|i)$", r.words[0]))
        )
    ):
        return False
    return r.add("organisation", r.src_phrase, "org-cue", evidence={"cue"})


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


def brand_shape(r: Run) -> bool:
    """ "YouTube", "iPhone"-like inner capitals: a brand or company, not a person."""
    if not (
        len(r.words) == 1
        and re.fullmatch(r"(?:[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z]{2,}[a-z]{2,})", r.phrase)
        and not re.match(r"(?:Mc|Mac|De|Di|Le|La|Van|Von|Du|Da)[A-Z]", r.phrase)
    ):
        return False
    return r.add("organisation", r.src_phrase, "brand", evidence={"brand"})


def members_of(r: Run) -> bool:
    """ "Hells Angels members": the body whose members the sentence speaks of."""
    if not (
        r.after_word
        and r.after_word.group(1) in lx.MEMBER_NOUNS
        and len(r.words) <= 3
        and not re.search(r"(?:an|ian|ese|ish|i)$", r.last)
        and r.words[0] not in lx.GIVEN_NAMES
    ):
        return False
    return r.add("organisation", r.src_phrase, "members", evidence={"members"})


_STREET_HEADS = frozenset(
    ["Street", "Road", "Avenue", "Boulevard", "Lane", "Square", "Drive", "Highway", "Strasse"]
)


def street(r: Run) -> bool:
    """ "Oxford Street", "Downing Street": a street is a place, not a body."""
    if not (len(r.words) > 1 and r.last in _STREET_HEADS):
        return False
    return r.add("place", r.src_phrase, "street")


def place_in_name(r: Run) -> bool:
    """ "Kenya Airways", "Texas Instruments": a place inside a longer name makes a body."""
    words = r.words
    if not (
        len(words) > 1
        and words[0] not in lx.GIVEN_NAMES
        and not _match_title(words, 0)
        and not appositive_role(r.text, r.start, r.end)
    ):
        return False
    # Sub-phrases no longer than the gazetteer's longest name: a run of n words costs
    # n * max_words look-ups, not n squared.
    longest = place_max_words()
    for a in range(len(words)):
        for b in range(min(len(words), a + longest), a, -1):
            if (
                (a, b) != (0, len(words))
                and b - a < len(words)
                and place_name(" ".join(words[a:b]))
            ):
                return r.add(
                    "organisation", r.src_phrase, "place-in-name", evidence={"place-in-name"}
                )
    return False


_ACRONYM_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:of|from|for|by|with|at|von|der|vom|de|du|des|del|la|le|el)\s+(?:the\s+)?|/\s*)$",
    re.I,
)


def lone_acronym(r: Run) -> bool:
    """ "NATO", "the FBI's": capitals alone are an organisation's acronym."""
    if not (len(r.words) == 1 and _acronym_like(r.phrase)):
        return False
    bare = r.phrase.replace(".", "")
    # "DENTON, TEXAS –": a dateline in capitals, already read as places; "NZ$26".
    if any(m.sentence == r.si and m.start <= r.start < m.end for m in r.out):
        return True
    if r.text[r.end : r.end + 1] == "$":
        return True
    if bare in lx.NOT_ORG_ACRONYMS or bare in ARTICLE.not_bodies or place_name(r.phrase):
        return True
    ev = set()
    if (
        _ACRONYM_CONTEXT_BEFORE.search(r.text, max(0, r.start - 20), r.start)
        or re.match(r"(?:'s|’s|\))", r.text[r.end :])
        or re.search(r"\($", r.text[: r.start].rstrip())
    ):
        ev.add("context")
    return r.add("organisation", bare, "acronym", acronym=bare, evidence=ev)


def place_head_last(r: Run) -> bool:
    """ "Rift Valley", "Persian Gulf": a place head word closing the name."""
    if not (r.last in _PLACE_HEADS and len(r.words) > 1):
        return False
    return r.add("place", r.phrase, "place-head")


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


# The rules in the order they are tried; the first to claim a run decides it.
RULES: tuple[Callable[[Run], bool], ...] = (
    inside_a_named_thing,
    located_by_based,
    publication,
    gazetteer_place,
    qualified_place,
    affiliation_target,
    head_word_and_acronym,
    web_domain,
    stock_index,
    trim_trailing_title,
    compound_body,
    bare_head_word,
    named_body,
    facility,
    body_noun_after,
    organisation_cue,
    place_cue,
    bracketed_region,
    place_head_first,
    brand_shape,
    members_of,
    street,
    place_in_name,
    lone_acronym,
    place_head_last,
    not_a_person,
    town_then_region,
    campus_town,
    person,
)


def _classify_plain(
    si: int,
    text: str,
    phrase: str,
    start: int,
    end: int,
    words: list[str],
    sentence_initial: bool,
    out: list[Mention],
) -> None:
    run = Run(si, text, phrase, start, end, list(words), sentence_initial, out)
    for rule in RULES:
        if rule(run):
            return
