"""Named mentions: capitalised phrases found in sentences and told apart.

Each sentence is scanned for runs of capitalised words (joined by the small
words names contain: "of", "de", "van", "bin" ...). A run is then read from
its context: a title in front ("President", "Mr") or a role next to it
("chairman of ...") makes a person; a head word ("Police", "Council",
"Bank") or a defined acronym makes an organisation; the gazetteer makes a
place. People, organisations and places modules turn mentions into facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Sentence
from . import lexicon as lx
from .places import is_country
from .places import max_words as place_max_words
from .places import normalise as place_name

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_TOKEN = re.compile(r"[\w][\w'’\-.&]*|[^\w\s]", re.UNICODE)
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


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        t, s, e = m.group(), m.start(), m.end()
        el = re.match(r"(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=[A-ZÀ-Ý])", t, re.I)
        if el and not place_name(t.rstrip(".,")):
            t, s = t[el.end() :], s + el.end()
        possessive = False
        for suf in ("'s", "’s"):
            if t.endswith(suf) and len(t) > 2:
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
    if _match_title([nxt], 0) or _is_title_word(nxt):
        return False  # "Partei AKP von Präsident Erdoğan": a person follows
    if "on" in conns:
        # "Council on Foreign Relations", not "Smith on Monday" or "Center on STS-1"
        return org_word(left[-1]) and not (nxt.isupper() or any(c.isdigit() for c in nxt))
    if not conns & _PARTICLES:
        if conns & {"and", "&", "und"}:
            # "Kenya and Haiti" are two names; "Museum and Art Gallery" is one.
            ahead = [t.text for t in toks[k : k + 4] if _is_cap(t)]
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
            if two_bodies or not (left and any(org_word(x) for x in words[k + 1 :])):
                return _split_run(toks, i, i + k) + _split_run(toks, i + k + 1, j)
        if w.lower() in ("of", "for", "de", "du", "des", "del", "the") and k > 0:
            left_head = words[k - 1]
            if left_head.lower() in _CONNECTORS:
                continue
            if not (
                left_head in lx.ORG_WORDS
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


_ROLE_AFTER = re.compile(
    r"^,\s+((?:(?:the|a|an|its|his|her|their|le|la|les|el|los|las|der|die|das|[\w’'-]+(?:'s|’s))\s+)?[a-zà-ÿ][\w\-]*(?:\s+(?:[a-zà-ÿ][\w\-'’]*|[A-Z][\w'’\-.&]*|\([A-Z]{2,6}\))){0,13}?)(?=,|\.|;|\s+(?:said|says|told|and\s+[a-z]+ed)\b|$)"
)
_ROLE_BEFORE_COMMA = re.compile(
    r"(?:^|[,;(]\s*|\b(?:and|with|by|to|from|said|says)\s+)((?:(?:the|a|an|its|his|her|[\w’'-]+(?:'s|’s))\s+)?[a-zà-ÿ][\w\-]*(?:\s+(?:[a-zà-ÿ][\w\-'’]*|[A-Z][\w'’\-.&]*)){0,10}),\s+$"
)
_ROLE_BEFORE_DIRECT = re.compile(r"((?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)\s+$")


def _role_noun(word: str) -> bool:
    return word in lx.ROLE_NOUNS or (word.endswith("s") and word[:-1] in lx.ROLE_NOUNS)


def _has_role_noun(phrase: str) -> bool:
    words = re.findall(r"[a-zà-ÿ\-]+", phrase)
    return any(_role_noun(w) for w in words)


def _clean_role(role: str) -> str:
    role = re.sub(
        r"^(?:the|a|an|its|his|her|their|le|la|les|el|los|las)\s+", "", role.strip(), flags=re.I
    )
    return role.strip(" ,.;:")


_CAP_PHRASE_AFTER = re.compile(
    r",\s+((?:[A-Z][\w'’.&-]*\s+){0,4}?[A-Z][\w'’.&-]*(?:\s+(?:in|of|for)\s+[A-Z][\w'’.&-]*)?)"
    r"\s*[,.;]"
)


def appositive_role(text: str, start: int, end: int) -> str | None:
    """A role written next to a name: "X, chairman of Y," or "the mayor of Z, X"."""
    direct = _ROLE_BEFORE_DIRECT.search(text[:start])
    if direct:
        words = direct.group(1).split()
        # keep the trailing words that form the role ("chief geologist")
        while words and not _role_noun(words[0]):
            words = words[1:]
        if words and _role_noun(words[-1]):
            role = " ".join(words)
            return role[:-1] if role.endswith("s") and role[:-1] in lx.ROLE_NOUNS else role
    post = re.match(r",\s*([A-Z][A-Za-z]{1,3})\b", text[end:])
    if post and post.group(1) in lx.POST_NOMINALS:
        return post.group(1)
    # A place or body qualifying a role noun: "Hernan Dario Gomez, Panama coach, said".
    qualified = re.match(
        r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*))\s*,",
        text[end:],
    )
    if qualified and _role_noun(qualified.group(2)):
        return qualified.group(1)
    # A degree between name and role: "Vincent Munster, Ph.D., chief of the ... Unit".
    degree = re.match(
        r",\s*(?:Ph\.\s?D|M\.\s?D|D\.\s?Phil|M\.\s?P\.\s?H|Jr|Sr)\.?(?=\s*,)", text[end:]
    )
    if degree:
        end += degree.end()
    # A capitalised title without an article: "David F. Reames, Special Agent in Charge, DEA".
    bare_title = _CAP_PHRASE_AFTER.match(text[end:])
    if bare_title and bare_title.group(1).split()[0] not in lx.GIVEN_NAMES:
        words = bare_title.group(1).split()
        if bare_title.group(1).rstrip(".") not in {c.rstrip(".") for c in lx.COURTESY} and any(
            _match_title(words, k) == len(words) - k for k in range(len(words))
        ):
            return bare_title.group(1)
    cap_after = re.match(
        r",\s+(?:the|a|an)\s+((?:[A-Z][\w'’.&-]*\s+){0,3}?[A-Z][\w-]*(?:\s+of\s+[A-Z][\w]*)?)\s*,",
        text[end:],
    )
    if cap_after:
        head = cap_after.group(1)
        if (
            any(t in head for t in lx.TITLES if t[0].isupper() and len(t) > 3)
            or head.split()[-1] in _TITLE_SET
            or head.split()[-1] in lx.POST_NOMINALS  # "an Ottawa New Democrat MP"
        ) and head.split()[0] not in lx.GIVEN_NAMES:
            return head
    cap_before = re.search(
        r"(?:^|\s)((?:[A-Z][\w'’-]*\s+){0,2}?(?:" + _TITLE_ALT + r")),\s+$", text[:start]
    )
    if cap_before:
        return cap_before.group(1).strip()
    als = re.search(r"\b(?:Als|As|En tant que|Como)\s+([A-ZÄÖÜ][\wäöüß-]+)\s+\w+\s+$", text[:start])
    if als and (_is_title_word(als.group(1)) or als.group(1) in _TITLE_SET):
        return als.group(1)
    clause = re.search(
        r"(?:^|[.;:]\s|\s)((?:the|a|an|le|la|el|its|his|her)\s[^,;:.]{3,80}),\s+$",
        text[:start],
        re.I,
    )
    if clause and _has_role_noun(clause.group(1)) and not re.search(r"[.!?]\s", clause.group(1)):
        role = _clean_role(clause.group(1))
        if role and len(role.split()) <= 12:
            return role
    de_after = re.match(
        r",\s+([A-ZÄÖÜ][\wäöüß-]+(?:\s+(?:von|der|des|vom)\s+(?:[A-Z][\w-]*\s?){1,4})?)", text[end:]
    )
    if de_after and _is_title_word(de_after.group(1).split()[0]):
        return de_after.group(1).strip()
    after = _ROLE_AFTER.match(text[end:])
    if (
        after
        and _has_role_noun(after.group(1))
        and not re.match(r"(?:who|which|that|where|and|but)\b", after.group(1))
    ):
        words = after.group(1).split()
        if len(words) <= 14:
            return _clean_role(after.group(1))
    before = _ROLE_BEFORE_COMMA.search(text[:start])
    if before and _has_role_noun(before.group(1)):
        last = re.findall(r"[a-zà-ÿ\-]+", before.group(1))
        if last and (
            _role_noun(last[-1])
            or any(f" {p} " in before.group(1) for p in ("of", "for", "de", "du", "des", "at"))
        ):
            return _clean_role(before.group(1))
    cap_role = re.search(
        r"\b(?:der|die|den|dem|des|ein|eine|einer)\s+((?:[A-ZÄÖÜ][\wäöüß-]*)(?:\s+(?:des|der|von|vom|für)\s+[\wäöüßÄÖÜ-]+)?),\s+(?:(?:Dr|Prof)\.\s+)?$",
        text[:start],
    )
    if cap_role and _is_title_word(cap_role.group(1).split()[0]):
        return cap_role.group(1)
    # "X was forced to resign as Foreign Affairs minister", "X, who served as finance minister"
    held = re.match(
        r"\s+(?:,\s*who\s+)?(?:was|is|had been|has been|became|becomes|served|serves|"
        r"resigned|quit|stepped down|remains)\b[^.;,]{0,30}?\bas\s+(?:the\s+)?"
        r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Za-z][\w-]*)",
        text[end:],
    )
    if held and (_role_noun(held.group(1).split()[-1]) or held.group(1).split()[-1] in _TITLE_SET):
        return held.group(1)
    return None


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


def find_mentions(sentences: tuple[Sentence, ...], language: str = "en") -> list[Mention]:
    """Every person, organisation, place and role mention, in reading order."""
    global _SHAPE_COUNTS, _COMMON_WORDS
    _SHAPE_COUNTS = language.split("-")[0] not in _NOUN_CAPITALISING
    _COMMON_WORDS = frozenset(
        w for s in sentences for w in re.findall(r"(?<![\w'’-])[a-zà-ÿ][a-zà-ÿ'’-]+", s.text)
    )
    out: list[Mention] = []
    for si, sent in enumerate(sentences):
        text = sent.text
        toks = tokens(text)
        first = len(out)
        _dateline(si, text, out)
        _acronym_definitions(si, text, out)
        _reverse_acronyms(si, text, out)
        _quoted_names(si, text, out)
        titled = [(m.start(1), m.end(1)) for m in _TITLED_WORK.finditer(text)]
        for ri, rj in cap_runs(toks):
            # "a robot named “Better Idea of Afghan Girls”": the title of a thing, no one's name
            if any(a <= toks[ri].start < b for a, b in titled):
                continue
            for i, j in _split_run(toks, ri, rj):
                _classify(si, text, toks, i, j, out)
        _affiliations(text, out, first)
        # "Paul Dewar, an Ottawa New Democrat MP,": the capitalised role is not an organisation.
        roles = [m.role for m in out[first:] if m.kind == "person" and m.role]
        out[first:] = [m for m in out[first:] if not (m.kind == "organisation" and m.text in roles)]
        # A phrase spelled out before its acronym is that organisation, nothing else.
        defined = [m for m in out[first:] if "acronym" in m.evidence and m.kind == "organisation"]
        out[first:] = [
            m
            for m in out[first:]
            if m in defined
            or not any(
                (d.start <= m.start < d.end and m.kind != "organisation")
                or (
                    d.start <= m.start
                    and m.end <= d.end
                    and m is not d
                    and len(m.text) < len(d.text)
                )
                for d in defined
            )
        ]
    return out


_TITLED_WORK = re.compile(
    r"\b(?:named|called|titled|entitled|dubbed|nommée?s?|intitulée?s?|llamad[oa]s?|"
    r"titulad[oa]s?|namens|genannt|betitelt)\s*,?\s*[“\"«„‘]([^”\"»“’]{1,80})[”\"»“’]"
)

_SHAPE_COUNTS = True
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
# "SAN ANTONIO, TEXAS (July 2, 2018)- ", "ARLINGTON, Va. (Army News Service, ...) --".
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?))?"
    r"(?=\s*(?:,|--|[–—]|\(|-\s))"
)
_LOWER_IN_NAMES = frozenset({"de", "da", "do", "dos", "das", "del", "la", "le", "of", "on", "upon"})


def _title(name: str) -> str:
    words = name.lower().split()
    return " ".join(
        w if (n and w in _LOWER_IN_NAMES) else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for n, w in enumerate(words)
    )


def _dateline(si: int, text: str, out: list[Mention]) -> None:
    m = _DATELINE.match(text)
    if not m or len(m.group("city").replace(".", "")) < 3:
        return
    city = _title(m.group("city"))
    # "WCAP, part of ...": an acronym opening a sentence is no dateline; a dateline city is
    # known, or comes with its region, or is followed by the dash or bracket datelines use.
    if not (
        place_name(city)
        or m.group("region")
        or " " in m.group("city").strip()
        or re.match(r"\s*(?:--|[–—]|\()", text[m.end() :])
    ):
        return
    out.append(
        Mention(
            "place",
            place_name(city) or city,
            si,
            m.start("city"),
            m.end("city"),
            evidence={"dateline"},
        )
    )
    region = m.group("region")
    if region and not re.match(r"(?:" + "|".join(lx.MONTHS) + r")\b", region):
        name = place_name(region) or place_name(_title(region))
        if name:
            out.append(
                Mention(
                    "place", name, si, m.start("region"), m.end("region"), evidence={"dateline"}
                )
            )


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


_NUMBER_WORDS = frozenset(
    {
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand"),
        *("million", "billion", "first", "second", "third"),
    }
)


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


def _first_word(toks: list[Token]) -> int:
    for n, t in enumerate(toks):
        if any(c.isalnum() for c in t.text):
            return n
    return 0


# Lower-case words of the article being read: a capitalised word that also appears in lower
# case there ("shuttle", "museum") is a common word, not part of a name.
_COMMON_WORDS: frozenset[str] = frozenset()

_WEAK = {"shape", "initial", "romanised"}
# Parts of a larger body: "UN Human Rights Council" also names the UN; "ABC News" does not.
_BODY_WORDS = lx.words(
    "Council Commission Committee Agency Office Mission Court Assembly Secretariat Fund Programme "
    "Program Force Forces Department Ministry Directorate Board Tribunal Parliament"
)


def _affiliations(text: str, out: list[Mention], first: int) -> None:
    """ "Cheng Chung-tai of Civic Passion", "Civic Passion's Wong Yeung-tat": that is a body."""
    people = [m for m in out[first:] if m.kind == "person"]
    for m in people:
        if m.evidence - _WEAK or m.role:
            continue
        before = text[: m.start]
        prev = [p for p in people if p is not m and p.end <= m.start]
        nxt = [p for p in people if p is not m and p.start >= m.end]
        of_person = (
            prev
            and re.search(r"\s(?:of|from)\s+(?:the\s+)?$", before)
            and re.fullmatch(r"\s(?:of|from)\s+(?:the\s+)?", text[prev[-1].end : m.start])
        )
        owns_person = nxt and re.match(r"(?:'s|’s)\s+(?:[a-z-]+\s+)?$", text[m.end : nxt[0].start])
        if of_person or owns_person:
            m.kind = "organisation"


# "(MSS)", and the Spanish and French forms "(FEMA, por sus siglas en inglés)",
# "(FEMA, selon son sigle anglais)".
# What an acronym may stand for besides a body: "Middle East respiratory syndrome (MERS)".
_NOT_BODIES = lx.words(
    "syndrome disease virus fever infection disorder index rate product act treaty "
    "agreement protocol system test"
)
_ACR_DEF = re.compile(
    r"\(([A-Z][A-Za-z0-9]{0,3}[A-Z0-9]{1,6})(?:,\s*(?:por sus siglas|pour|selon|sigla|siglas|"
    r"sigle|abbreviated|in short)[^()]{0,40})?\)"
)
_ACR_REV = re.compile(
    r"\b([A-Z]{2,6})\s*\(((?:[A-Z][\w'’-]*\s?(?:(?:of|for|and|de|del|des|du|la)\s)?){2,8})\)"
)


def _acronym_definitions(si: int, text: str, out: list[Mention]) -> None:
    """ "Multinational Security Support (MSS) Mission" -> organisation with its acronym."""
    for m in _ACR_DEF.finditer(text):
        acr = m.group(1)
        before = text[: m.start()].rstrip()
        # French elision belongs to the word before: "de l’Union" -> "de", "Union".
        words = [re.sub(r"^[lLdD][’']", "", w) for w in re.findall(r"[\w'’\-.&]+", before)]
        if not words:
            continue
        letters = [c for c in acr if c.isupper() or c.isdigit()]
        picked: list[str] = []
        k = len(words) - 1
        li = len(letters) - 1
        while k >= 0 and li >= 0:
            w = words[k]
            if w.lower() in _CONNECTORS:
                picked.insert(0, w)
                k -= 1
                continue
            if not (w[0].isupper() or w[0].isdigit() or w[0].upper() == letters[li]):
                break  # lower-case words count only as initials: "Union démocratique du centre"
            if w[0].upper() == letters[li]:
                li -= 1
            elif not (li + 1 < len(letters) and letters[li + 1] in w[1:].upper()):
                break
            picked.insert(0, w)
            k -= 1
        if li >= 0 or not picked:
            # Initials in another order (names translated from another language): "UAAR".
            run = re.search(
                r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|de|del|des|du|para|pour|el|la|le|les|"
                r"der|die|das|für)\s+){0,2}){2,8})$",
                before + " ",
            )
            if run:
                cand = [w for w in run.group(1).split() if w[0].isupper()]
                for n in range(len(cand), 1, -1):
                    sub = cand[-n:]
                    if sorted(w[0] for w in sub) == sorted(letters):
                        first = run.group(1).find(sub[0])
                        name = run.group(1)[first:].strip()
                        s0 = len(before) - len(run.group(1).rstrip()) + first
                        out.append(
                            Mention(
                                "organisation",
                                name,
                                si,
                                max(s0 - 1, 0),
                                m.end(),
                                acronym=acr,
                                evidence={"acronym"},
                            )
                        )
                        break
            continue
        while picked and (picked[0].lower() in _CONNECTORS or not picked[0][0].isupper()):
            picked.pop(0)
        if not picked or picked[-1].lower() in _NOT_BODIES:
            continue
        name = " ".join(picked)
        tail = re.match(r"\s+((?:[A-Z][\w\-]*)(?:\s+[A-Z][\w\-]*){0,2})", text[m.end() :])
        end = m.end()
        if tail and all(w in lx.ORG_WORDS for w in tail.group(1).split()):
            name = f"{name} {tail.group(1)}"
            end = m.end() + tail.end()
        start = text.rfind(picked[0], 0, m.start()) if picked else m.start()
        kind = "place" if place_name(name) else "organisation"
        if kind == "organisation":
            out.append(
                Mention(kind, name, si, max(start, 0), end, acronym=acr, evidence={"acronym"})
            )


def _reverse_acronyms(si: int, text: str, out: list[Mention]) -> None:
    """ "CEI (Italian Episcopal Conference)": the acronym first, the name in brackets."""
    for m in _ACR_REV.finditer(text):
        acr, name = m.group(1), m.group(2).strip()
        initials = [w[0] for w in name.split() if w[0].isupper()]
        if sorted(initials) == sorted(acr) or "".join(initials) == acr:
            out.append(
                Mention(
                    "organisation", name, si, m.start(), m.end(), acronym=acr, evidence={"acronym"}
                )
            )


def _quoted_names(si: int, text: str, out: list[Mention]) -> None:
    """„Gemeinsam für Dresden“ after "Wählerinitiative": a quoted name of a body."""
    for m in re.finditer(
        # The cue word starts at a word boundary: tried at every letter of a long word,
        # "[\w-]+" would rescan the rest of the word each time (quadratic).
        r"(?<![\w-])([\w-]{1,40})\s+(?:der\s+|den\s+|die\s+|the\s+)?[„“\"«]\s?"
        r"([A-ZÄÖÜ][^„“\"«»]{2,60}?)\s?[“”\"»]",
        text,
    ):
        cue = m.group(1)
        if (
            cue.lower() in lx.ORG_CUES
            or org_word(cue)
            or cue.lower().endswith(("initiative", "bewegung", "verein", "partei"))
        ) and len(m.group(2).split()) <= 6:
            out.append(
                Mention("organisation", m.group(2), si, m.start(2), m.end(2), evidence={"quoted"})
            )


def _classify(si: int, text: str, toks: list[Token], i: int, j: int, out: list[Mention]) -> None:
    rank = re.search(r"((?:Sgt\.|Sergeant|Staff Sgt\.)\s+(?:1st|First)\s+)$", text[: toks[i].start])
    if rank and toks[i].text == "Class" and j - i >= 3:
        pname = text[toks[i + 1].start : toks[j - 1].end]
        out.append(
            Mention(
                "person",
                pname,
                si,
                toks[i + 1].start,
                toks[j - 1].end,
                role=(rank.group(1) + "Class").replace("  ", " "),
                evidence={"title"},
            )
        )
        return
    words = [t.text for t in toks[i:j]]
    # Drop leading function words, weekdays and months ("In Nairobi", "On Monday"), but not
    # the first word of a name ("New People Party", "New Zealand").
    while (
        words
        and (words[0] in lx.FUNCTION_WORDS or words[0] in _WEEKDAY_MONTH)
        and _match_title(words, 0) == 0
    ):
        if len(words) > 1 and (
            place_name(" ".join(words))
            or place_name(" ".join(words[:2]))
            or place_name(" ".join(words[:3]))
        ):
            break
        if words[0] not in _ALWAYS_STRIP and len(words) > 1 and words[-1] in lx.ORG_WORDS:
            break
        words, i = words[1:], i + 1
    # A sentence-initial word the article also writes in lower case is not part of a name.
    while (
        len(words) > 1
        and i == _first_word(toks)
        and words[0].lower() in _COMMON_WORDS
        and not _match_title(words, 0)
        and not place_name(" ".join(words))
        and words[0] not in lx.DIRECTIONS
    ):
        words, i = words[1:], i + 1
    while words and words[-1] in _WEEKDAY_MONTH:
        words, j = words[:-1], j - 1
    if not words or re.fullmatch(r"I['’](?:m|ve|ll|d)", words[0]):
        return
    start, end = toks[i].start, toks[j - 1].end
    sentence_initial = i == 0 or all(not any(c.isalnum() for c in t.text) for t in toks[:i])
    phrase = " ".join(words)
    # Acronyms spelled out earlier in the run: "UN Human Rights Council" also names the UN.
    if (
        len(words) > 1
        and _acronym_like(words[0])
        and words[0] in lx.KNOWN_ACRONYMS
        and words[-1] in _BODY_WORDS
    ):
        out.append(
            Mention(
                "organisation",
                words[0],
                si,
                start,
                toks[i].end,
                acronym=words[0],
                evidence={"acronym"},
            )
        )
    if _coordinated_titles(si, text, toks, i, j, words, out):
        return
    if _role_of_body_then_name(si, text, toks, i, j, words, out):
        return
    # "Afghan Ambassador", "Kenyan Foreign Minister": a role with its country, no name.
    for k in range(1, len(words)):
        if _match_title(words, k) == len(words) - k and all(
            _DEMONYM.search(w) or place_name(w) or org_word(w) for w in words[:k]
        ):
            title = " ".join(words[k:])
            out.append(Mention("role", title, si, toks[i + k].start, toks[j - 1].end, role=title))
            return
    # A title inside the run: qualifier + title + name ("Haiti Prime Minister Garry Conille").
    for k in range(len(words)):
        tl = _match_title(words, k)
        if tl and (
            k == 0 or k + tl < len(words) or words[k] in ("President", "Prime", "Chancellor")
        ):
            qualifier = words[:k]
            title = " ".join(words[k : k + tl])
            name = words[k + tl :]
            # "Minister" after "Foreign" etc. is a longer title starting earlier: already tried.
            if qualifier and not (
                place_name(" ".join(qualifier))
                or qualifier[-1] in lx.ORG_WORDS
                or _acronym_like(qualifier[-1])
                or all(w[0].isupper() for w in qualifier)
            ):
                continue
            if qualifier:
                qtext = " ".join(qualifier)
                _classify_plain(
                    si, text, qtext, toks[i].start, toks[i + k - 1].end, qualifier, True, out
                )
            role = None if title in lx.COURTESY else title
            if name and name[0].lower() in (
                "of",
                "for",
                "de",
                "du",
                "des",
                "del",
                "von",
                "der",
                "den",
                "für",
            ):
                # "Governor of Washington Chris Gregoire": the title's domain, then the name.
                rest = name[1:]
                splits = []
                for p in range(1, len(rest)):
                    qual, nm = rest[:p], rest[p:]
                    if nm and nm[0] in lx.COURTESY and len(nm) > 1:
                        nm = nm[1:]
                    if (
                        1 <= len(nm) <= 4
                        and not place_name(" ".join(nm))
                        and not any(w in lx.ORG_WORDS for w in nm)
                        and nm[0][:1].isupper()
                    ):
                        good = nm[0] in lx.GIVEN_NAMES or (len(nm) == 1 and rest[p] in lx.COURTESY)
                        fair = place_name(" ".join(qual)) or qual[-1] in lx.ORG_WORDS
                        if good or fair:
                            splits.append((0 if good else 1, p, qual, nm))
                if splits:
                    _, p, qual, nm = min(splits, key=lambda s: (s[0], s[1]))
                    qtext = " ".join(qual)
                    n_start = toks[i + k + tl + 1 + p + (1 if rest[p] in lx.COURTESY else 0)].start
                    _classify_plain(
                        si,
                        text,
                        qtext,
                        toks[i + k + tl + 1].start,
                        toks[i + k + tl + p].end,
                        qual,
                        True,
                        out,
                    )
                    out.append(
                        Mention(
                            "person",
                            " ".join(nm),
                            si,
                            n_start,
                            end,
                            role=f"{title} {name[0]} {qtext}",
                            evidence={"title"},
                        )
                    )
                    return
                if len(rest) >= 1 and (
                    place_name(" ".join(rest)) or any(w in lx.ORG_WORDS for w in rest)
                ):
                    # "Associate Director of the Division of Enforcement": a role, then its body.
                    lead = 1 if rest[0] == "the" and len(rest) > 1 else 0
                    out.append(Mention("role", title, si, toks[i + k].start, end, role=title))
                    _classify_plain(
                        si,
                        text,
                        " ".join(rest[lead:]),
                        toks[i + k + tl + 1 + lead].start,
                        end,
                        rest[lead:],
                        True,
                        out,
                    )
                    return
                break
            if "of" in name[1:]:
                cut = name.index("of", 1)
                after_of = [w for w in name[cut + 1 :] if w != "the"]
                name_end = toks[i + k + tl + cut - 1].end
                r_start = toks[i + k + tl + cut + 1 + (1 if name[cut + 1] == "the" else 0)].start
                if after_of:
                    _classify_plain(si, text, " ".join(after_of), r_start, end, after_of, True, out)
                name, end = name[:cut], name_end
            if (
                name
                and not any(w in lx.ORG_WORDS or w in _WEEKDAY_MONTH for w in name)
                and not place_name(" ".join(name))
            ):
                n_start = toks[i + k + tl].start
                out.append(
                    Mention(
                        "person", " ".join(name), si, n_start, end, role=role, evidence={"title"}
                    )
                )
                if role is None:
                    ap = appositive_role(text, n_start, end)
                    if ap:
                        out[-1].role = ap
                return
            if not name and role:
                out.append(Mention("role", title, si, toks[i + k].start, end, role=title))
                return
            break
    _classify_plain(si, text, phrase, start, end, words, sentence_initial, out)


_DEMONYM = re.compile(r"^[A-Z][a-zà-ÿ]+(?:an|ian|ese|ish|i|ic|ch|er)$")

# "Afghan Ambassador to the United States Hamdullah Mohib", "executive director of the
# Council on American-Islamic Relations Alia Salem": a role's body, then the name.
_ROLE_OF_BEFORE = re.compile(r"([^.;:!?]{0,80}?)\b(?:of|to|at|for|with)\s+(?:the\s+)?$")


def _role_of_body_then_name(
    si: int, text: str, toks: list[Token], i: int, j: int, words: list[str], out: list[Mention]
) -> bool:
    if len(words) < 3:
        return False
    window = max(0, toks[i].start - 120)  # the regex scans back at most 80 characters
    lead = _ROLE_OF_BEFORE.search(text, window, toks[i].start)
    if lead is None:
        return False
    clause = re.split(r"[,(]", lead.group(1))[-1]
    if not (
        _has_role_noun(clause.lower())
        or any(_match_title(clause.split(), k) for k in range(len(clause.split())))
    ):
        return False
    for size in (2, 3):
        head, name = words[:-size], words[-size:]
        if (
            not head
            or not _name_words(name)
            or head[-1].lower() in _CONNECTORS
            or any(w.lower() in _COMMON_WORDS or w in lx.ORG_WORDS for w in name)
        ):
            continue
        body = " ".join(head)
        if not (place_name(body) or org_word(head[-1]) or any(org_word(w) for w in head)):
            continue
        split = toks[i + len(head)].start
        _classify_plain(
            si, text, body, toks[i].start, toks[i + len(head) - 1].end, head, False, out
        )
        role = (clause.strip() + " " + text[lead.end(1) : toks[i].start] + body).strip()
        out.append(
            Mention(
                "person", " ".join(name), si, split, toks[j - 1].end, role=role, evidence={"role"}
            )
        )
        return True
    return False


def _name_words(words: list[str]) -> bool:
    """1 to 4 capitalised words that could be a person's name."""
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(
            w in lx.ORG_WORDS or w in _WEEKDAY_MONTH or w.lower() in _CONNECTORS for w in words
        )
        and not place_name(" ".join(words))
    )


def _coordinated_titles(
    si: int, text: str, toks: list[Token], i: int, j: int, words: list[str], out: list[Mention]
) -> bool:
    """Two titles joined by "and" before one name: "Canyon County Sheriff and National
    Sheriffs' Association President Kieran Donahue". The name follows the last title;
    each qualifier is an organisation or place of its own."""
    if "and" not in words:
        return False
    for k in range(len(words) - 1, 0, -1):
        tl = _match_title(words, k)
        if not tl or not _name_words(words[k + tl :]) or "and" not in words[:k]:
            continue
        cut = len(words[:k]) - 1 - words[:k][::-1].index("and")
        if not any(_match_title(words, t) for t in range(cut)):
            return False
        name_start = toks[i + k + tl].start
        end = toks[j - 1].end
        role = " ".join(words[cut + 1 : k + tl])
        for a, b in ((0, cut), (cut + 1, k)):
            part = words[a:b]
            ends_in_title = [t for t in range(len(part)) if _match_title(part, t) == len(part) - t]
            part = part[: ends_in_title[0]] if ends_in_title else part
            if part:
                p_start, p_end = toks[i + a].start, toks[i + a + len(part) - 1].end
                _classify_plain(si, text, " ".join(part), p_start, p_end, part, False, out)
        out.append(
            Mention(
                "person",
                " ".join(words[k + tl :]),
                si,
                name_start,
                end,
                role=role,
                evidence={"title"},
            )
        )
        return True
    return False


_NAME_PARTICLES = frozenset(
    {"Le", "La", "De", "Van", "Von", "Da", "Di", "Del", "Du", "Dos", "Das", "Ter", "Ten"}
)

_STATE_HEADS = frozenset(
    ["State", "Province", "Republic", "Kingdom", "City", "Commonwealth", "Region", "Canton"]
)
_ADJ_SUFFIX = re.compile(
    r"(?:éenne|éen|aise|ale|ales|aux|ienne|ique|iques|ana|ano|eño|eña|ista|ense|unies|unidas|ional|ionale)$"
)


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
    based = re.fullmatch(r"(.+?)-(?:based|born|headquartered)", phrase)
    if based and place_name(based.group(1)):
        out.append(
            Mention(
                "place", place_name(based.group(1)) or "", si, start, start + len(based.group(1))
            )
        )
        return
    place = place_name(phrase)
    if place:
        if text[end : end + 1] == "$":
            return  # "US$20,000" is a currency
        out.append(Mention("place", place, si, start, end))
        return
    # "Central Italy", "Kowloon West", "State of Texas", "Land Sri Lanka": a place with a qualifier.
    if len(words) > 1:
        if words[0] in lx.DIRECTIONS and place_name(" ".join(words[1:])):
            out.append(Mention("place", phrase, si, start, end))
            return
        if words[-1] in lx.DIRECTIONS and place_name(" ".join(words[:-1])):
            out.append(Mention("place", phrase, si, start, end))
            return
        if (
            words[0] in _STATE_HEADS
            and len(words) > 2
            and words[1] == "of"
            and place_name(" ".join(words[2:]))
        ):
            out.append(Mention("place", place_name(" ".join(words[2:])) or phrase, si, start, end))
            return
        for k in range(1, len(words)):
            if all(w in lx.PLACE_CUES for w in words[:k]):
                rest = " ".join(words[k:])
                out.append(
                    Mention(
                        "place",
                        place_name(rest) or rest,
                        si,
                        start + text[start:end].find(words[k]),
                        end,
                        evidence={"cue"},
                    )
                )
                return
    prev = _previous_in_sentence(out, si, start)
    if (
        prev
        and prev.kind == "person"
        and prev.evidence - {"initial"}
        and re.fullmatch(r"\s+(?:of|from)\s+(?:the\s+)?", text[prev.end : start])
        and not (len(words) > 1 and words[0] in lx.GIVEN_NAMES)
    ):
        out.append(
            Mention(
                "organisation", text[start:end], si, start, end, evidence={"affiliation-target"}
            )
        )
        return
    last = words[-1]
    src_phrase = text[start:end]
    after_word = re.match(r"\s+([a-z]+)", text[end:])
    if len(words) == 2 and words[0] in lx.ORG_WORDS and _acronym_like(words[1]):
        out.append(
            Mention(
                "organisation",
                words[1],
                si,
                start + text[start:end].find(words[1]),
                end,
                acronym=words[1],
                evidence={"context"},
            )
        )
        return
    if len(words) == 1 and re.search(r"\.[a-z]{2,4}$", phrase):
        out.append(Mention("organisation", src_phrase, si, start, end, evidence={"domain"}))
        return
    if len(words) > 2 and (words[-1] in _TITLE_SET) and any(org_word(w) for w in words[:-1]):
        words, src_phrase = (
            words[:-1],
            text[start : start + text[start:end].rfind(words[-1])].rstrip(),
        )
        last = words[-1]
    if len(words) == 1 and org_word(phrase) and phrase not in lx.ORG_WORDS:
        out.append(Mention("organisation", src_phrase, si, start, end))
        return
    if len(words) == 1 and phrase in lx.ORG_WORDS:
        adj = re.match(r"\s+([a-zà-ÿ]+)", text[end:])
        if adj and _ADJ_SUFFIX.search(adj.group(1)):
            out.append(
                Mention("organisation", f"{phrase} {adj.group(1)}", si, start, end + adj.end())
            )
        elif phrase in lx.KNOWN_ORGS or (
            # "the Army", "la Commission", "le Conseil": a head word standing for one institution
            # (not in German, where every noun is capitalised)
            _SHAPE_COUNTS
            and not sentence_initial
            and re.search(r"(?:\b(?:the|la|le|el|der|die|das)\s+|\bl['’])$", text[:start])
        ):
            out.append(Mention("organisation", src_phrase, si, start, end, evidence={"context"}))
        return
    if (
        (org_word(last) and len(words) > 1)
        or phrase in lx.KNOWN_ORGS
        or (len(words) > 1 and any(org_word(w) for w in words) and words[-1] not in _PLACE_HEADS)
    ):
        for a, b in _org_parts(text, start, start + len(src_phrase)):
            # "Conseil de l'Union européenne", "Banco Central Europeo": a French or Spanish
            # name going on in a lower-case adjective after its head word.
            adj = re.match(r"\s+([a-zà-ÿ]+)\b", text[b:])
            head = re.split(r"[’']", text[a:b].split()[-1])[-1]
            if adj and org_word(head) and _ADJ_SUFFIX.search(adj.group(1)):
                b += adj.end()
            out.append(Mention("organisation", text[a:b], si, a, b))
        return
    # "Toussaint Louverture airport", "Mandela bridge": a name that labels a facility is a place.
    if after_word and after_word.group(1) in _FACILITY_NOUNS:
        out.append(
            Mention(
                "place",
                f"{src_phrase} {after_word.group(1)}",
                si,
                start,
                end + after_word.end(),
                evidence={"cue"},
            )
        )
        return
    # "the Multinational Security Support mission": several capitalised words naming a body.
    if after_word and after_word.group(1) in _BODY_NOUNS and len(words) > 2:
        out.append(
            Mention(
                "organisation",
                f"{src_phrase} {after_word.group(1)}",
                si,
                start,
                end + after_word.end(),
                evidence={"cue"},
            )
        )
        return
    adjacent_cue = re.search(r"([\w-]+)\s+$", text[:start])
    if (adjacent_cue and adjacent_cue.group(1).lower() in lx.ORG_CUES) or (
        after_word
        and after_word.group(1)
        in ("news", "newspaper", "magazine", "agency", "television", "channel", "radio")
        and len(words) <= 3
        # "French television" is a nationality, not a broadcaster's name
        and not (len(words) == 1 and re.search(r"(?:an|ese|ish|ch|ic|i)$", words[0]))
    ):
        out.append(Mention("organisation", src_phrase, si, start, end, evidence={"cue"}))
        return
    adjacent = re.search(r"([\w-]+)\s+$", text[:start])
    if (
        adjacent
        and (adjacent.group(1) in lx.PLACE_CUES or adjacent.group(1).lower() in lx.PLACE_CUES)
    ) or re.search(
        r"\b(?:town|city|village|province|state|capital|estado|ciudad|provincia|ville|région)(?:\s+[a-zà-ÿ]+)?\s+(?:of|de|del|d')\s+(?:the\s+)?$",
        text[:start],
        re.I,
    ):
        out.append(Mention("place", src_phrase, si, start, end, evidence={"cue"}))
        return
    dateline = re.match(r"\s*\(([^()]{2,40})\)", text[end:])
    if dateline and place_name(dateline.group(1).strip()):
        out.append(Mention("place", src_phrase, si, start, end, evidence={"dateline"}))
        return
    if (
        words[0]
        in (
            "Cape",
            "Mount",
            "Lake",
            "Fort",
            "Port",
            "Camp",
            "Masjid",
            "Mt.",
            # Spanish, French and German place heads: "Parque Gore", "Place de la Nation"
            "Parque",
            "Plaza",
            "Calle",
            "Avenida",
            "Cementerio",
            "Río",
            "Lago",
            "Monte",
            "Isla",
            "Parc",
            "Place",
            "Rue",
            "Avenue",
            "Pont",
            "Gare",
            "Platz",
            "Straße",
        )
        and len(words) > 1
    ):
        out.append(Mention("place", src_phrase, si, start, end))
        return
    if (
        len(words) == 1
        and re.fullmatch(r"(?:[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z]{2,}[a-z]{2,})", phrase)
        and not re.match(r"(?:Mc|Mac|De|Di|Le|La|Van|Von|Du|Da)[A-Z]", phrase)
    ):
        out.append(Mention("organisation", src_phrase, si, start, end, evidence={"brand"}))
        return
    if (
        after_word
        and after_word.group(1) in lx.MEMBER_NOUNS
        and len(words) <= 3
        and not re.search(r"(?:an|ian|ese|ish|i)$", last)
        and words[0] not in lx.GIVEN_NAMES
    ):
        out.append(Mention("organisation", src_phrase, si, start, end, evidence={"members"}))
        return
    if (
        len(words) > 1
        and words[0] not in lx.GIVEN_NAMES
        and not _match_title(words, 0)
        and not appositive_role(text, start, end)
    ):
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
                    out.append(
                        Mention(
                            "organisation", src_phrase, si, start, end, evidence={"place-in-name"}
                        )
                    )
                    return
    if len(words) == 1 and _acronym_like(phrase):
        bare = phrase.replace(".", "")
        # "DENTON, TEXAS –": a dateline in capitals, already read as places; "NZ$26".
        if any(m.sentence == si and m.start <= start < m.end for m in out):
            return
        if text[end : end + 1] == "$":
            return
        if bare not in lx.NOT_ORG_ACRONYMS and not place_name(phrase):
            ev = set()
            if (
                re.search(
                    r"(?:\b(?:of|from|for|by|with|at|von|der|vom|de|du|des|del|la|le|el)\s+(?:the\s+)?|/\s*)$",
                    text[:start],
                    re.I,
                )
                or re.match(r"(?:'s|’s|\))", text[end:])
                or re.search(r"\($", text[:start].rstrip())
            ):
                ev.add("context")
            out.append(Mention("organisation", bare, si, start, end, acronym=bare, evidence=ev))
        return
    if last in _PLACE_HEADS and len(words) > 1:
        out.append(Mention("place", phrase, si, start, end))
        return
    given_first = len(words) > 1 and words[0] in lx.GIVEN_NAMES
    if (
        any(w in lx.NON_PERSON_HEADS or w.rstrip("s") in lx.NON_PERSON_HEADS for w in words)
        and not given_first
    ) or any(org_word(w) for w in words):
        return
    described = len(words) > 1 and (
        appositive_role(text, start, end) or _speech_adjacent(text, start, end)
    )
    checked = words[:1] if (given_first or described) else words
    # "Jean-Marie Le Pen", "Vincent Van Gogh": a capitalised particle inside a name.
    checked = [
        w for n, w in enumerate(checked) if not (0 < n < len(words) - 1 and w in _NAME_PARTICLES)
    ]
    if any(w in lx.FUNCTION_WORDS or w in _WEEKDAY_MONTH or place_name(w) for w in checked):
        return
    if len(words) == 1 and (
        words[0].lower() in lx.MEMBER_NOUNS
        or words[0].lower() in _COMMON_WORDS
        or words[0].endswith("ing")
        or (words[0].endswith("s") and words[0][:-1] in _TITLE_SET)
    ):
        return
    if (
        not all(re.fullmatch(r"[\w'’\-.]+", w) and any(c.isalpha() for c in w) for w in words)
        or len(words) > 4
    ):
        return
    if any(
        w.isupper()
        and len(w) > 1
        and not re.fullmatch(r"(?:[A-Z]\.)+", w)
        # a regnal number: "Albert II", "Juan Carlos I"
        and not (n == len(words) - 1 and n > 0 and re.fullmatch(r"[IVX]{1,4}", w))
        for n, w in enumerate(words)
    ):
        return
    # "Saratoga Springs, New York", "in Evansville": a town, not a person.
    follow = re.match(r",\s+((?:[A-Z][\w'’.-]*\s?){1,3})", text[end:])
    # ... unless the place qualifies a role or the name speaks: "X, Panama coach, said".
    if follow and re.match(r"[a-zà-ÿ][\w-]*", text[end + follow.end() :]):
        follow = None if _role_noun(text[end + follow.end() :].split()[0].strip(",.;")) else follow
    if follow and words[0] not in lx.GIVEN_NAMES and not _speech_adjacent(text, start, end):
        cand = follow.group(1).split()
        if any(place_name(" ".join(cand[:n]).strip(" .,;:")) for n in range(1, len(cand) + 1)):
            out.append(Mention("place", place_name(src_phrase) or src_phrase, si, start, end))
            return
    if (
        re.search(
            r"(?:University|College|Institute|Museum|Center|Centre) of [A-Z][\w ]+,\s*$",
            text[:start],
        )
        and words[0] not in lx.GIVEN_NAMES
    ):
        out.append(Mention("place", src_phrase, si, start, end))
        return
    evidence: set[str] = set()
    role = appositive_role(text, start, end)
    if role and re.search(rf"\b{re.escape(role)}s\s+$", text[:start]):
        evidence.add("list-role")  # "photographers Nat Finkelstein, Christopher Makos and ..."
    if role is None:
        prev_person = next(
            (
                m
                for m in reversed(out)
                if m.sentence == si and m.kind == "person" and m.end <= start
            ),
            None,
        )
        if (
            prev_person
            and "list-role" in prev_person.evidence
            and re.fullmatch(
                r"(?:\s+of\s+[A-Z][\w'’ &.-]*?)?(?:\s*\([^)]*\))?\s*(?:,|,?\s+and)\s+",
                text[prev_person.end : start],
            )
        ):
            role = prev_person.role
            evidence.add("list-role")
    if role:
        evidence.add("role")
    if _speech_adjacent(text, start, end):
        evidence.add("speech")
    if words[0] in lx.GIVEN_NAMES and len(words) > 1:
        evidence.add("given")
    if (
        len(words) > 1
        and not sentence_initial
        and _SHAPE_COUNTS
        and not any(
            (w.lower() in _COMMON_WORDS and w not in _NAME_PARTICLES) or w in lx.DIRECTIONS
            for w in words
        )
        and not any("\u1ea0" <= c <= "\u1ef9" for w in words for c in w)  # Vietnamese text
        and not _not_a_name_shape(text, start, end, words)
    ):
        evidence.add("shape")
    if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[-1]) and len(words) > 1:
        evidence.add("romanised")  # "Cheng Chung-tai", "Kim Jong-un"
    after = text[end : end + 60]
    before_text = text[max(0, start - 60) : start]
    if re.match(r",\s*\d{1,3}\s*,", after):
        evidence.add("age")  # "Daniel Montalvo, 19, ..."
    if re.match(r"\s+(?:of|from|de|du|von|vom)\s+(?:the\s+|la\s+|le\s+|der\s+)?[A-Z]", after):
        tail = re.match(
            r"\s+\w+\s+(?:the\s+|la\s+|le\s+|der\s+)?((?:[A-Z][\w'’&.-]*\s*){1,5})", after
        )
        tail_words = tail.group(1).split() if tail else []
        if tail and (
            any(w in lx.ORG_WORDS for w in tail_words)
            or any(re.fullmatch(r"[A-Z]{2,6}", w) for w in tail_words)
            # "Brimin Kiprop Kipruto of Kenya won": a competitor and the country he runs for
            or (
                len(words) > 1
                and not any(w in lx.ORG_WORDS for w in words)
                and place_name(" ".join(tail_words).rstrip(".,;"))
            )
        ):
            evidence.add("affiliation")  # "Fernando Cheung of the Labour Party"
    if re.search(
        r"\b(?:[A-Z]{2,6}|[A-Z][\w-]*(?:\s[A-Z][\w-]*)*\s(?:Party|Union|Council|Group))(?:'s|’s)\s+(?:[a-z-]+\s+)?$",
        before_text,
    ):
        evidence.add("affiliation")  # "DAB's Ben Chan"
    if len(words) > 1 and sentence_initial and not evidence and words[0].endswith("ing"):
        return
    if len(words) == 1 and sentence_initial and not ({"role", "speech"} & evidence):
        evidence.add("initial")  # only kept when it names a known person
    if (
        re.search(r"\b(?:in|near|outside|inside)\s+$", text[:start])
        and not (evidence - {"shape", "initial"})
        and words[0] not in lx.GIVEN_NAMES
    ):
        out.append(Mention("place", phrase, si, start, end, evidence={"locative"}))
        return
    out.append(Mention("person", phrase, si, start, end, role=role, evidence=evidence))
