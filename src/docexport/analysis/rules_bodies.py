"""Classification rules that find organisations: head words, bare institutions, acronyms,
publications, stock indices, brands, members of a body.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .cues import (
    _ADJ_SUFFIX,
    _BODY_NOUNS,
    _PLACE_HEADS,
    _TITLE_SET,
    _acronym_like,
    _match_title,
    org_word,
)
from .places import max_words as place_max_words
from .places import normalise as place_name
from .roles import appositive_role
from .rulebase import Run, _org_parts, _previous_in_sentence
from .spans import ARTICLE


def publication(r: Run) -> bool:
    """ "New York magazine", "Vulture magazine": a name before a media noun is a publication
    or a broadcaster, even when it is also a place's name."""
    if not (r.after_word and r.after_word.group(1) in ("magazine", "newspaper", "radio", "daily")):
        return False
    if len(r.words) == 1 and re.search(r"(?:an|ese|ish|ch|ic|i)$", r.words[0]):
        return False  # "French radio" is a nationality
    return r.add("organisation", r.src_phrase, "publication", evidence={"cue"})


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
        or _head_before_region(words)
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


def _head_before_region(words: list[str]) -> bool:
    """ "Joint Force Headquarters National Capital Region": a body's head word well before
    a place head word names the body (of that region), not the region."""
    return len(words) > 3 and any(org_word(w) for w in words[:-2]) and words[-1] in _PLACE_HEADS


def firm_in_s(r: Run) -> bool:
    """ "Macy's", "McDonald's" written as a name (no possessive follows): a firm; no
    person's name ends in "'s". Listed, not boxed, unless other cues agree."""
    if len(r.words) != 1 or not r.last.endswith(("'s", "’s")):
        return False
    return r.add("organisation", r.src_phrase, "brand")


def _plural_head_of(words: list[str]) -> bool:
    """ "National Institutes of Health": a plural head word before "of"."""
    if "of" not in words[1:]:
        return False
    head = words[words.index("of", 1) - 1]
    return head.endswith("s") and head[:-1] in lx.ORG_WORDS


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
