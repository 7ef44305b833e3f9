"""Mentions: a sentence's tokens and its runs of capitalised words.

Each sentence is split into tokens (abbreviations and initials keep their full stop,
possessives and French elisions are split off), then into runs of capitalised words joined
by the small words names contain ("of", "de", "van", "bin" ...); a run is split where a
connector joins two names rather than building one. The classification rules
(:mod:`.classify`, :mod:`.titles`) read each run in its context.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .cues import _CONNECTORS, _TITLE_SET, _WEEKDAY_MONTH, _is_title_word, _match_title, org_word
from .places import is_country
from .places import normalise as place_name
from .spans import Token

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_TOKEN = re.compile(r"[\w][\w'’\-.&]*|[^\w\s]", re.UNICODE)


# After a name in "'s": a comma or a verb, so the "'s" is part of the name ("Macy's").
_FIRM_WITH_S = re.compile(r",|\s+(?:says|said|is|was|has|had|will|announced|reported)\b")


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        t, s, e = m.group(), m.start(), m.end()
        el = re.match(r"(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=[A-ZÀ-Ý])", t, re.I)
        if el and not place_name(t.rstrip(".,")):
            t, s = t[el.end() :], s + el.end()
        possessive = False
        for suf in ("'s", "’s"):
            # "Macy’s, a crown jewel ..., says": a firm's name ends in "'s", no possessive
            if t.endswith(suf) and len(t) > 2 and not _FIRM_WITH_S.match(text, e):
                t, e, possessive = t[: -len(suf)], e - len(suf), True
                break
        # A trailing full stop belongs to the word only for abbreviations and initials.
        if t.endswith(".") and len(t) > 1:
            bare = t.rstrip(".")
            keep = (
                bare.lower()
                in (
                    "mr",
                    "mrs",
                    "ms",
                    "dr",
                    "st",
                    "jr",
                    "sr",
                    "gen",
                    "col",
                    "lt",
                    "capt",
                    "sgt",
                    "sen",
                    "rep",
                    "gov",
                    "prof",
                    "rev",
                    "inc",
                    "corp",
                    "ltd",
                    "co",
                    "m",
                    # military ranks ("Spc. Amro Elgeziry", "Lance Cpl. Lee Gladden")
                    "spc",
                    "pfc",
                    "pvt",
                    "cpl",
                    "sfc",
                    "cpt",
                    "maj",
                    "adm",
                    "brig",
                    "cmdr",
                )
                or (len(bare) == 1 and bare.isupper())
                or (bare[:1].isupper() and place_name(t) is not None)  # "Calif.", "Va."
                or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", bare) is not None
            )
            if not keep:
                t, e = bare, e - (len(t) - len(bare))
        out.append(Token(t, s, e, possessive))
        if len(m.group()) > len(t) and not possessive and m.group()[len(t) :] not in (".",):
            pass
    return out


# Arabic article and kinship particles written in lower case inside names:
# "Suleiman al-Amr", "al-Ikhbariya", "Abd el-Kader".
_ARABIC_PARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|bint|abu)-[A-ZÀ-Ý]")


def _is_cap(tok: Token) -> bool:
    c = tok.text[0]
    if c.islower():
        return _ARABIC_PARTICLE.match(tok.text) is not None
    return c.isupper() and (tok.text.isalpha() or any(ch.isalpha() for ch in tok.text))


def cap_runs(toks: list[Token]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of capitalised runs, connectors allowed inside."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(toks)
    while i < n:
        if not _is_cap(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (
            not toks[j - 1].possessive
            or (
                _is_cap(toks[j])
                and any(t.text in lx.ORG_WORDS for t in toks[j : j + 3])
                and toks[j].start - toks[j - 1].end <= 3
                and not any(t.text in lx.ORG_WORDS for t in toks[i:j])
            )
        ):
            if _is_cap(toks[j]):
                j += 1
                continue
            # connectors: "Bank of England", "Osama bin Laden",
            # "Department of Health and Human Services"
            k = j
            while k < n and toks[k].text.lower() in _CONNECTORS and k - j < 2:
                k += 1
            if (
                k > j
                and k < n
                and _is_cap(toks[k])
                and toks[k - 1].end - toks[j].start < 12
                and _joins(toks, i, j, k)
            ):
                j = k + 1
                continue
            break
        runs.append((i, j))
        i = j
    return runs


_PARTICLES = frozenset(
    ["von", "vom", "der", "den", "des", "die", "das", "zu", "zur", "zum", "für", "dem"]
)


def _joins(toks: list[Token], i: int, j: int, k: int) -> bool:
    """May the run toks[i:j] go on over the connectors toks[j:k] to toks[k]?"""
    conns = {t.text.lower() for t in toks[j:k]}
    nxt = toks[k].text
    left = [t.text for t in toks[i:j]]
    if "at" in conns:
        ahead = []
        for t in toks[k:]:
            if not _is_cap(t):
                break
            ahead.append(t.text)
        return (
            conns == {"at"}
            and any(org_word(w) for w in left)
            and not any(
                org_word(w)
                or w in ("Airport", "Station", "Stadium", "Hotel", "Hospital")
                or (w.isupper() and len(w) > 1)
                for w in ahead
            )
        )
    if any(
        i.startswith(" ".join([*left[-2:], *[t.text for t in toks[j:k]], nxt]))
        for i in lx.INSTITUTIONS
    ):
        return True  # "House of Representatives"
    after = toks[k + 1] if k + 1 < len(toks) else None
    if (
        conns <= {"of", "de", "du", "des"}
        and org_word(left[-1])
        and (after is None or not _is_cap(after))
        and (_match_title([nxt], 0) or _is_title_word(nxt))
    ):
        return True  # "Department of Justice", "Ministry of State": the body's field
    if _match_title([nxt], 0) or _is_title_word(nxt):
        return False  # "Partei AKP von Präsident Erdoğan": a person follows
    if "on" in conns:
        # "Council on Foreign Relations", not "Smith on Monday", "Congress on Tuesday" or
        # "Center on STS-1"
        return (
            org_word(left[-1])
            and not (nxt.isupper() or any(c.isdigit() for c in nxt))
            and nxt not in _WEEKDAY_MONTH
        )
    if not conns & _PARTICLES:
        if conns & {"and", "&", "und"}:
            # "Kenya and Haiti" are two names; "Museum and Art Gallery" is one; so is
            # "Center on Poverty and Inequality" (a head word's field goes on).
            ahead = [t.text for t in toks[k : k + 4] if _is_cap(t)]
            field = any(
                left[n].lower() in ("of", "on", "for") and org_word(left[n - 1])
                for n in range(1, len(left))
            )
            one_more = len(ahead) == 1 or not _is_cap(toks[k + 1]) if k + 1 < len(toks) else True
            if field and one_more and not org_word(nxt) and not place_name(nxt):
                return "the" not in conns
            return any(org_word(w) for w in ahead) and "the" not in conns
        return True
    # German and Dutch particles: name particles ("Ursula von der Leyen") or organisation names.
    if nxt.isupper() and len(nxt) > 1:
        return False
    if any(org_word(w) for w in left):
        return True
    if left[0] in lx.GIVEN_NAMES and len(left) <= 3 and not any(_is_title_word(w) for w in left):
        return True
    ahead = [t.text for t in toks[k : k + 5]]
    return any(w in lx.ORG_WORDS for w in ahead) and (
        left[0] in lx.GIVEN_NAMES or _match_title(left, 0) > 0
    )


def _split_run(toks: list[Token], i: int, j: int) -> list[tuple[int, int]]:
    """Split a run at connectors that join two names rather than build one."""
    words = [t.text for t in toks[i:j]]
    for k, w in enumerate(words):
        if w.lower() in ("von", "vom", "de", "of", "from") and 0 < k < len(words) - 1:
            left, right = words[:k], words[k + 1 :]
            if (
                any(x in lx.ORG_WORDS for x in right)
                and not any(x in lx.ORG_WORDS for x in left)
                and (left[0] in lx.GIVEN_NAMES or _match_title(left, 0))
            ):
                return _split_run(toks, i, i + k) + _split_run(toks, i + k + 1, j)
        if w.lower() == "of" and 1 < k < len(words) - 1:
            # "Colorado State University of the US", "University of Sheffield of the UK":
            # a country added to a name that already says where it is.
            left, right = words[:k], [x for x in words[k + 1 :] if x != "the"]
            if (
                right
                and is_country(" ".join(right))
                and any(org_word(x) for x in left)
                and ("of" in left or any(place_name(x) for x in left[:-1]))
            ):
                return _split_run(toks, i, i + k) + _split_run(toks, i + k + 1, j)
        if w.lower() in ("and", "&", "y", "und"):
            left = words[:k]
            right = words[k + 1 :]
            two_bodies = (
                left and org_word(left[-1]) and k + 1 < len(words) and words[k + 1].lower() == "the"
            ) or (
                # "Massachusetts Institute of Technology and Colorado State University": two
                # named bodies, the second starting with a place ("Health and Human
                # Services" is one body's two fields).
                any(org_word(x) for x in left)
                and len(right) >= 2
                and org_word(right[-1])
                and place_name(right[0]) is not None
            )
            # "Center on Poverty and Inequality", "Institute of Science and Technology": the
            # field after a head word goes on over "and".
            # "Irene de Borbón y Grecia", "Ortega y Gasset": one person's two surnames.
            double_surname = (
                w.lower() == "y"
                and any(x.lower() in ("de", "del") for x in left)
                and 0 < len(right) <= 2
                and not any(org_word(x) for x in words)
            )
            field_goes_on = double_surname or (
                0 < len(right) <= 2
                and not any(org_word(x) for x in right)
                and not place_name(" ".join(right))
                and any(
                    left[n].lower() in ("of", "on", "for") and org_word(left[n - 1])
                    for n in range(1, len(left))
                )
            )
            if not field_goes_on and (
                two_bodies or not (left and any(org_word(x) for x in words[k + 1 :]))
            ):
                return _split_run(toks, i, i + k) + _split_run(toks, i + k + 1, j)
        if w.lower() in ("of", "for", "de", "du", "des", "del", "the") and k > 0:
            left_head = words[k - 1]
            if left_head.lower() in _CONNECTORS:
                continue
            if not (
                left_head in lx.ORG_WORDS
                # a plural head word: "National Institutes of Health"
                or (w.lower() == "of" and left_head[:-1] in lx.ORG_WORDS and left_head[-1] == "s")
                or left_head in lx.NON_PERSON_HEADS
                or left_head in _TITLE_SET
                or left_head in ("Secretary", "Minister", "Ministry", "Department")
                or words[0] in lx.ORG_WORDS
                or (w.lower() == "of" and any(x in lx.ORG_WORDS for x in words[:k]))
            ):
                if (
                    w.lower() in ("de", "del", "du", "des")
                    and words[k - 1] in lx.GIVEN_NAMES | {words[0]}
                    and not place_name(words[k - 1])  # "en Suisse de l'Union ...": two names
                ):
                    continue  # "Luiz Inácio Lula da Silva", "Charles de Gaulle"
                return _split_run(toks, i, i + k) + _split_run(toks, i + k + 1, j)
    # leading and trailing connectors are not part of a name
    while (
        i < j
        and toks[i].text in _CONNECTORS
        and not place_name(" ".join(t.text for t in toks[i:j]))
    ):
        i += 1
    while j > i and toks[j - 1].text in _CONNECTORS:
        j -= 1
    return [(i, j)] if i < j else []


def _first_word(toks: list[Token]) -> int:
    for n, t in enumerate(toks):
        if any(c.isalnum() for c in t.text):
            return n
    return 0
