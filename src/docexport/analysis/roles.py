"""Roles: the title or appositive noun phrase an article gives a person.

"X, chairman of Y,", "the mayor of Z, X", "X, Panama coach, said", "Vincent Munster,
Ph.D., chief of the ... Unit". A role is a title or a noun phrase of at most
:data:`MAX_ROLE_WORDS` words, never a clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from . import lexicon as lx
from .cues import _TITLE_ALT, _TITLE_SET, _has_role_noun, _is_title_word, _match_title, _role_noun

_ROLE_AFTER = re.compile(
    r"^,\s+((?:(?:the|a|an|its|his|her|their|le|la|les|el|los|las|der|die|das|[\w’'-]+(?:'s|’s))\s+)?[a-zà-ÿ][\w\-]*(?:\s+(?:[a-zà-ÿ][\w\-'’]*|[A-Z][\w'’\-.&]*|\([A-Z]{2,6}\))){0,13}?)(?=,|\.|;|\s+(?:said|says|told|and\s+[a-z]+ed)\b|$)"
)
_ROLE_BEFORE_COMMA = re.compile(
    r"(?:^|[,;(]\s*|\b(?:and|with|by|to|from|said|says)\s+)((?:(?:the|a|an|its|his|her|[\w’'-]+(?:'s|’s))\s+)?[a-zà-ÿ][\w\-]*(?:\s+(?:[a-zà-ÿ][\w\-'’]*|[A-Z][\w'’\-.&]*)){0,10}),\s+$"
)
_ROLE_BEFORE_DIRECT = re.compile(r"((?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)\s+$")


def _clean_role(role: str) -> str:
    role = re.sub(
        r"^(?:the|a|an|its|his|her|their|le|la|les|el|los|las)\s+", "", role.strip(), flags=re.I
    )
    return role.strip(" ,.;:")


_CAP_PHRASE_AFTER = re.compile(
    r",\s+((?:[A-Z][\w'’.&-]*\s+){0,4}?[A-Z][\w'’.&-]*(?:\s+(?:in|of|for)\s+[A-Z][\w'’.&-]*)?)"
    r"\s*[,.;]"
)


def _noun_before(text: str, start: int, end: int) -> str | None:
    """ "chief geologist John Smith": role nouns right before the name."""
    direct = _ROLE_BEFORE_DIRECT.search(text[:start])
    if not direct:
        return None
    words = direct.group(1).split()
    # keep the trailing words that form the role ("chief geologist")
    while words and not _role_noun(words[0]):
        words = words[1:]
    if words and _role_noun(words[-1]):
        role = " ".join(words)
        return role[:-1] if role.endswith("s") and role[:-1] in lx.ROLE_NOUNS else role
    return None


def _post_nominal(text: str, start: int, end: int) -> str | None:
    """ "Jane Roe, MP,"."""
    post = re.match(r",\s*([A-Z][A-Za-z]{1,3})\b", text[end:])
    return post.group(1) if post and post.group(1) in lx.POST_NOMINALS else None


_QUALIFIED = re.compile(
    r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*))\s*,"
)


def _qualified_noun(text: str, start: int, end: int) -> str | None:
    """A place or body qualifying a role noun: "Hernan Dario Gomez, Panama coach, said"."""
    qualified = _QUALIFIED.match(text, end)
    return qualified.group(1) if qualified and _role_noun(qualified.group(2)) else None


_DEGREE = re.compile(r",\s*(?:Ph\.\s?D|M\.\s?D|D\.\s?Phil|M\.\s?P\.\s?H|Jr|Sr)\.?(?=\s*,)")


def _past_degree(text: str, end: int) -> int:
    """A degree between name and role: "Vincent Munster, Ph.D., chief of the ... Unit"."""
    degree = _DEGREE.match(text, end)
    return end + degree.end() - degree.start() if degree else end


def _capitalised_title_after(text: str, start: int, end: int) -> str | None:
    """ "David F. Reames, Special Agent in Charge, DEA"."""
    bare_title = _CAP_PHRASE_AFTER.match(text[_past_degree(text, end) :])
    if not bare_title or bare_title.group(1).split()[0] in lx.GIVEN_NAMES:
        return None
    words = bare_title.group(1).split()
    if bare_title.group(1).rstrip(".") not in {c.rstrip(".") for c in lx.COURTESY} and any(
        _match_title(words, k) == len(words) - k for k in range(len(words))
    ):
        return bare_title.group(1)
    return None


_CAP_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+((?:[A-Z][\w'’.&-]*\s+){0,3}?[A-Z][\w-]*(?:\s+of\s+[A-Z][\w]*)?)\s*,"
)


def _titled_noun_phrase_after(text: str, start: int, end: int) -> str | None:
    """ "Paul Dewar, an Ottawa New Democrat MP,"."""
    cap_after = _CAP_AFTER.match(text[_past_degree(text, end) :])
    if not cap_after:
        return None
    head = cap_after.group(1)
    if (
        any(t in head for t in lx.TITLES if t[0].isupper() and len(t) > 3)
        or head.split()[-1] in _TITLE_SET
        or head.split()[-1] in lx.POST_NOMINALS
    ) and head.split()[0] not in lx.GIVEN_NAMES:
        return head
    return None


_CAP_BEFORE = re.compile(r"(?:^|\s)((?:[A-Z][\w'’-]*\s+){0,2}?(?:" + _TITLE_ALT + r")),\s+$")


def _title_before_comma(text: str, start: int, end: int) -> str | None:
    """ "Foreign Minister, Jane Roe"."""
    cap_before = _CAP_BEFORE.search(text[:start])
    return cap_before.group(1).strip() if cap_before else None


_AS_TITLE = re.compile(r"\b(?:Als|As|En tant que|Como)\s+([A-ZÄÖÜ][\wäöüß-]+)\s+\w+\s+$")


def _as_title(text: str, start: int, end: int) -> str | None:
    """ "Als Bürgermeister hat X ...", "As Chancellor, X"."""
    als = _AS_TITLE.search(text[:start])
    if als and (_is_title_word(als.group(1)) or als.group(1) in _TITLE_SET):
        return als.group(1)
    return None


_CLAUSE_BEFORE = re.compile(
    r"(?:^|[.;:]\s|\s)((?:the|a|an|le|la|el|its|his|her)\s[^,;:.]{3,80}),\s+$", re.I
)


def _noun_phrase_before_comma(text: str, start: int, end: int) -> str | None:
    """ "the mayor of Z, X"."""
    clause = _CLAUSE_BEFORE.search(text[:start])
    if clause and _has_role_noun(clause.group(1)) and not re.search(r"[.!?]\s", clause.group(1)):
        role = _clean_role(clause.group(1))
        if role and len(role.split()) <= 12:
            return role
    return None


_DE_AFTER = re.compile(
    r",\s+([A-ZÄÖÜ][\wäöüß-]+(?:\s+(?:von|der|des|vom)\s+(?:[A-Z][\w-]*\s?){1,4})?)"
)


def _german_title_after(text: str, start: int, end: int) -> str | None:
    """ "X, Vorsitzender der Partei,"."""
    de_after = _DE_AFTER.match(text[_past_degree(text, end) :])
    if de_after and _is_title_word(de_after.group(1).split()[0]):
        return de_after.group(1).strip()
    return None


def _noun_phrase_after(text: str, start: int, end: int) -> str | None:
    """ "X, chairman of Y,"."""
    after = _ROLE_AFTER.match(text[_past_degree(text, end) :])
    if (
        after
        and _has_role_noun(after.group(1))
        and not re.match(r"(?:who|which|that|where|and|but)\b", after.group(1))
        and len(after.group(1).split()) <= 14
    ):
        return _clean_role(after.group(1))
    return None


def _noun_phrase_before(text: str, start: int, end: int) -> str | None:
    """ "..., said the company's chief executive, X"."""
    before = _ROLE_BEFORE_COMMA.search(text[:start])
    if not (before and _has_role_noun(before.group(1))):
        return None
    last = re.findall(r"[a-zà-ÿ\-]+", before.group(1))
    if last and (
        _role_noun(last[-1])
        or any(f" {p} " in before.group(1) for p in ("of", "for", "de", "du", "des", "at"))
    ):
        return _clean_role(before.group(1))
    return None


_GERMAN_TITLE_BEFORE = re.compile(
    r"\b(?:der|die|den|dem|des|ein|eine|einer)\s+((?:[A-ZÄÖÜ][\wäöüß-]*)"
    r"(?:\s+(?:des|der|von|vom|für)\s+[\wäöüßÄÖÜ-]+)?),\s+(?:(?:Dr|Prof)\.\s+)?$"
)


def _german_title_before(text: str, start: int, end: int) -> str | None:
    """ "der Vorsitzende der Partei, X"."""
    cap_role = _GERMAN_TITLE_BEFORE.search(text[:start])
    if cap_role and _is_title_word(cap_role.group(1).split()[0]):
        return cap_role.group(1)
    return None


_HELD = re.compile(
    r"\s+(?:,\s*who\s+)?(?:was|is|had been|has been|became|becomes|served|serves|"
    r"resigned|quit|stepped down|remains)\b[^.;,]{0,30}?\bas\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Za-z][\w-]*)"
)


def _held_as(text: str, start: int, end: int) -> str | None:
    """ "X was forced to resign as Foreign Affairs minister", "X, who served as finance
    minister"."""
    held = _HELD.match(text[_past_degree(text, end) :])
    if held and (_role_noun(held.group(1).split()[-1]) or held.group(1).split()[-1] in _TITLE_SET):
        return held.group(1)
    return None


# The role cues in the order they are tried; the first that finds a role gives it.
ROLE_CUES: tuple[Callable[[str, int, int], str | None], ...] = (
    _noun_before,
    _post_nominal,
    _qualified_noun,
    _capitalised_title_after,
    _titled_noun_phrase_after,
    _title_before_comma,
    _as_title,
    _noun_phrase_before_comma,
    _german_title_after,
    _noun_phrase_after,
    _noun_phrase_before,
    _german_title_before,
    _held_as,
)


def appositive_role(text: str, start: int, end: int) -> str | None:
    """A role written next to a name: "X, chairman of Y," or "the mayor of Z, X"."""
    for cue in ROLE_CUES:
        role = cue(text, start, end)
        if role:
            return role
    return None


# A role is a title or a noun phrase, never a clause: "wife were at the centre ...",
# "roadshow featured the ..." are pieces of a sentence, not what a person is.
MAX_ROLE_WORDS = 8
_CLAUSE_WORDS = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "do",
        "who",
        "which",
        "that",
        "where",
        "when",
        "said",
        "says",
        "told",
        "after",
        "before",
        "because",
        "while",
        "if",
        "but",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "this", "these", "those"])


def clean_role(role: str | None) -> str | None:
    """The role as the box may show it, or None when it is too long or a clause."""
    if not role:
        return None
    words = role.split()
    if len(words) > MAX_ROLE_WORDS:
        return _shortened(words)
    lower = [w.lower().strip(",;:") for w in words]
    if any(w in _CLAUSE_WORDS for w in lower):
        return None
    # a verb in the past then its object: "featured the", "attended a"
    for w, nxt in pairwise(lower):
        if w.endswith("ed") and nxt in _DETERMINERS and not _role_noun(w):
            return None
    return role


_WORD_AFTER = re.compile(r"\s+([a-z][\w-]*)")


def qualifies_role(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` qualifies a role noun: "North America editor"."""
    m = _WORD_AFTER.match(text, end)
    return bool(m and _role_noun(m.group(1)))


_JOINS = lx.words("and et y und")
_PLACE_PREPOSITIONS = lx.words("in at à en im bei")
_DANGLING = lx.words("of the de la le les des du del da and et y und at in à en a an")


def _shortened(words: list[str]) -> str | None:
    """A long appositive cut to its head noun phrase: "chief of the Virus Ecology Unit in
    NIAID's Laboratory of Virology" -> "chief of the Virus Ecology Unit"."""
    for n, w in enumerate(words[1:], 1):
        if w.lower() in _JOINS or w.lower() in _PLACE_PREPOSITIONS:
            head = words[:n]
            break
    else:
        head = words[:MAX_ROLE_WORDS]
    head = head[:MAX_ROLE_WORDS]
    while head and head[-1].lower() in _DANGLING:
        head = head[:-1]
    if not head or not _has_role_noun(" ".join(head).lower()):
        return None
    return clean_role(" ".join(head))
