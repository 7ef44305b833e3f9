"""Direct quotes and who said them.

Quoted spans are found in each block's text (so a quote can run across
sentences), in curly, straight, guillemet or German quotation marks. Short
quoted phrases with no speaker are scare quotes or titles, not quotes. The
speaker comes from the words around the quote -- ", he said", ", said X",
"X said:", "according to X", "..., stating, “" -- and a pronoun or a bare
title points back to the person the text was last about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import lexicon as lx
from . import scriptquotes

# Every quotation-mark convention: English and CJK curly quotes, guillemets both ways
# (French, Russian, Arabic; Danish and Swiss German), German and Polish low-high pairs,
# single guillemets and CJK corner brackets.
_PAIRS = (
    ("“", "”"),
    ("«", "»"),
    ("„", "“"),
    ("„", "”"),
    ('"', '"'),
    ("»", "«"),
    ("‹", "›"),
    ("「", "」"),
    ("『", "』"),
)
_VERB = (
    r"(?:"
    + "|".join(sorted((v for v in lx.SPEECH_VERBS if " " not in v), key=len, reverse=True))
    + r")"
)
_PRONOUN = r"(?:he|she|they|il|elle|él|ella|er|sie)"
_PREP_BEFORE = re.compile(
    r"\b(?:with|to|by|of|for|from|against|and|between|met|meeting|visit|visited|than|like|on|about|told)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,4}$",
    re.I,
)


@dataclass
class QuoteSpan:
    text: str  # without the quotation marks
    start: int  # offsets in the block text, marks included
    end: int
    open_end: bool = False  # runs on into the next paragraph (no closing mark here)


@dataclass
class NamedSpan:
    """A person (or organisation) mention placed in a block: what the speaker can be."""

    name: str
    start: int
    end: int
    kind: str  # "person", "role", "organisation"


def find_quotes(text: str) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    taken: list[tuple[int, int]] = []
    running: list[QuoteSpan] = []
    for open_, close in _PAIRS:
        pos = 0
        while True:
            s = text.find(open_, pos)
            if s < 0:
                break
            if open_ == '"' and s > 0 and text[s - 1].isalnum():
                pos = s + 1
                continue  # inches, not a quote
            e = text.find(close, s + 1)
            if e < 0:
                # A quotation running on into the next paragraph opens each paragraph and
                # closes only the last: the rest of this paragraph is quoted.
                rest = text[s + 1 :].strip()
                opens = (s == 0 or text[s - 1] in " \t([—–-") and text[s + 1 : s + 2].isalnum()
                if opens and len(rest.split()) >= 4 and re.search(r"[.!?…]$", rest):
                    running.append(QuoteSpan(rest, s, len(text), open_end=True))
                break
            pos = e + 1
            if any(a <= s < b for a, b in taken):
                continue
            inner = text[s + 1 : e].strip()
            # A closing mark left out before the attribution: ""... before, he said. "They ..."":
            # the quote ends at the attribution and the mark found opens the next quote.
            slip = re.match(rf"(.+?[,.!?])\s+{_PRONOUN}\s+{_VERB}\.$", inner, re.I)
            if open_ == '"' and slip:
                inner = slip.group(1).strip()
                pos = e
                taken.append((s, s + 1 + len(slip.group(1))))
                out.append(QuoteSpan(inner, s, s + 1 + len(slip.group(1))))
                continue
            if inner:
                taken.append((s, e + 1))
                out.append(QuoteSpan(inner, s, e + 1))
    for q in running[:1]:
        if not any(a <= q.start < b for a, b in taken):
            out.append(q)
    out.sort(key=lambda q: q.start)
    return out


_CHAIN_WORD = re.compile(r"(?:[A-Z][\w'’.&-]*|of|for|de|du|der|von)$")


_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bProf)[.!?][\"”’»)]*\s+"
)


_MAX_CLAUSE = 1000
_LAST_WORD = re.compile(r"(?<![\w'’.&-])([\w'’.&-]+)\s+$")


def _clause_text(text: str, pos: int) -> str:
    """The sentence's text up to ``pos``: a preposition in an earlier sentence governs nothing."""
    # A clause longer than a sentence can be is cut: the look-back stays bounded.
    head = text[max(0, pos - _MAX_CLAUSE) : pos]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    return head[ends[-1] :] if ends else head


def _chain_start(text: str, pos: int) -> int:
    """Where the run of capitalised words (titles, qualifiers) ending at ``pos`` begins."""
    floor = pos - len(_clause_text(text, pos))
    while pos > floor:
        # Only the last word matters: a bounded window, not the whole clause (quadratic).
        window = max(floor, pos - 60)
        m = _LAST_WORD.search(text, window, pos)
        if (
            not m
            or not _CHAIN_WORD.match(m.group(1))
            or m.group(1) in ("In", "On", "At", "The", "A", "An")
            or (
                m.group(1).endswith(".")
                and len(m.group(1)) > 3
                and m.group(1)[:-1] not in ("Mr", "Mrs", "Dr", "St")
            )
        ):
            return pos
        pos = m.start(1)
    return pos


def _is_subject(text: str, span: NamedSpan) -> bool:
    start = _chain_start(text, span.start)
    return _PREP_BEFORE.search(_clause_text(text, start)) is None


def _named_at(spans: list[NamedSpan], start: int, end: int) -> NamedSpan | None:
    for sp in spans:
        if start <= sp.start < end:
            return sp
    return None


# Between the names of one title chain: capitalised words (titles), "and", possessives.
_CHAIN_GAP = re.compile(r"(?:\s|[A-Z][\w.'’&-]*|and|of|the|[’']s?)*")


def _chain_person(text: str, spans: list[NamedSpan], first: NamedSpan) -> NamedSpan:
    """The person a title chain names: "said Nampa Police Chief Joe Huff" starts with an
    organisation but speaks through the person at its end."""
    if first.kind == "person":
        return first
    last_end = first.end
    for sp in spans:
        if sp.start < last_end:
            continue
        if not _CHAIN_GAP.fullmatch(text[last_end : sp.start]):
            break
        if sp.kind == "person":
            return sp
        last_end = sp.end
    return first


def _subject(text: str, spans: list[NamedSpan], start: int, end: int) -> str | None:
    """The first person (else organisation) in [start, end) not governed by a preposition."""
    inside = [sp for sp in spans if start <= sp.start < end and _is_subject(text, sp)]
    for kinds in (("person", "role"), ("organisation",)):
        for sp in inside:
            if sp.kind in kinds:
                return sp.name
    return None


_DEMONSTRATIVE = re.compile(
    r"\s*(?:Dieser|Diese|Jener|Letzterer|The latter|Celui-ci|Celle-ci|Ce dernier|Cette dernière|"
    r"Este|Esta|Éste|Ésta|Este último|Esta última)\b"
)


_COMM = re.compile(
    r"\b(?:said|says|told|stated|states|added|wrote|announced|issued|declared|explained|statement|"
    r"commented|replied|warned|argued|insisted|noted|a déclaré|declaró|dijo|sagte|erklärte)\b",
    re.IGNORECASE,
)


@dataclass
class Context:
    """What the text around a quote says about who is talking."""

    topic: str | None  # who the text was about before this sentence
    sentence_start: int
    previous_sentence: tuple[int, int] | None = None  # same block
    previous_quote: tuple[int, str | None] | None = None  # (end, speaker), same block


Found = tuple[str | None, str] | None  # (speaker, how), or None: this cue says nothing


def _pronoun_after(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """ ", he said" / ", it added"."""
    m = re.match(rf"\s*[,.!?;]?\s*({_PRONOUN}|it)\s+{_VERB}\b", text[q.end : q.end + 120], re.I)
    if not m:
        return None
    if m.group(1).lower() == "it":
        return (ctx.previous_quote[1] if ctx.previous_quote else None), "it"
    return (_subject(text, spans, ctx.sentence_start, q.start) or ctx.topic), "pronoun"


_FRENCH_INVERSION = re.compile(
    r"\s*[,.!?;]?\s*(?:a-t-(?:il|elle)\s+\w+|\w+-t-(?:il|elle)|\w+-(?:il|elle))\b"
)


def _french_inversion(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """ "», a-t-il ajouté", "», dit-elle", "», ajoute-t-il"."""
    if not _FRENCH_INVERSION.match(text[q.end : q.end + 120]):
        return None
    return (_subject(text, spans, ctx.sentence_start, q.start) or ctx.topic), "pronoun"


def _said_x(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """ ", said X" / ", added KCNA"; "said the new president": the person the text is about."""
    m = re.match(rf"\s*[,.!?;]?\s*(?:a\s+)?{_VERB}\s+", text[q.end : q.end + 120], re.I)
    if not m:
        return None
    sp = _named_at(spans, q.end + m.end(), q.end + m.end() + 45)
    if sp:
        return _chain_person(text, spans, sp).name, "said-x"
    return ctx.topic, "said-role"


def _x_said(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """ ", X said" / ", X, the chairman, said". A quote that ends its sentence ("... early.")
    is followed by a new one, whose "After the match, X said" speaks of the next quote."""
    m = re.match(rf"\s*[,.!?;]?\s*(.{{1,90}}?)\s+{_VERB}\b", text[q.end : q.end + 120])
    if not m:
        return None
    ends_sentence = bool(re.search(r"[.!?…]\W*$", q.text)) and "," in m.group(1)
    if ends_sentence or re.search(r"[.;:!?“”\"«»]", m.group(1)):
        return None
    sp = _named_at(spans, q.end, q.end + m.end(1))
    return (sp.name, "x-said") if sp else None


def _according_to(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    m = re.match(
        r"\s*[,.]?\s*(?:according to|selon|según|laut)\s+", text[q.end : q.end + 120], re.I
    )
    if not m:
        return None
    sp = _named_at(spans, q.end + m.end(), q.end + m.end() + 60)
    return (sp.name, "according") if sp else None


_SAID_BEFORE = re.compile(rf"{_VERB}(?:\s+\w+){{0,3}}\s*[:,]?\s*$", re.I)
_LEAD_IN = re.compile(
    r"\b(?:stating|saying|adding|noting|declaring|telling \w+|warning|explaining|arguing|"
    r"writing|in the words of (?:[^,]+,){1,3})\s*[:,]?\s*$|:\s*$",
    re.I,
)


def _said_before(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """ "X said: “...”", "..., stating, “...”", "in the words of X, “...”"."""
    s0 = ctx.sentence_start
    before = text[s0 : q.start]
    m = _SAID_BEFORE.search(before) or _LEAD_IN.search(before)
    if not m:
        return None
    clause = s0 + m.start()
    # "Dieser hatte über sie gesagt: ...", "The latter said: ...": the person named last
    # before this sentence, not the one the text is about.
    if _DEMONSTRATIVE.match(before) and ctx.previous_sentence:
        ps, pe = ctx.previous_sentence
        named = [sp for sp in spans if ps <= sp.start < pe and sp.kind == "person"]
        if named:
            return named[-1].name, "demonstrative"
    in_sentence = [sp for sp in spans if s0 <= sp.start < q.start]
    if "words of" in m.group(0):
        named = [sp for sp in in_sentence if sp.start >= clause]
        if named:
            return named[0].name, "words-of"
    before_clause = [sp for sp in in_sentence if sp.start < clause]
    if (
        before_clause
        and clause - before_clause[-1].end <= 3
        and _is_subject(text, before_clause[-1])
    ):
        return before_clause[-1].name, "x-said-colon"
    subj = _subject(text, spans, s0, clause)
    if subj:
        return subj, "subject"
    if re.search(rf"\b(?:{_PRONOUN})\b", text[s0:clause], re.I) or not before.strip():
        return ctx.topic, "pronoun"
    return None


def _continued(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """Goes on from the last quote with only "it added; and, later," between them."""
    if not (ctx.previous_quote and ctx.previous_quote[1]):
        return None
    gap = text[ctx.previous_quote[0] : q.start]
    others = [
        sp
        for sp in spans
        if ctx.previous_quote[0] <= sp.start < q.start and sp.name != ctx.previous_quote[1]
    ]
    if len(gap) < 80 and not others and not re.search(r"[“”\"«»]", gap):
        return ctx.previous_quote[1], "continued"
    return None


def _verb_in_sentence(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """A verb of saying earlier in the sentence: its subject speaks; "He described Montalvo
    as an individual, “...”": the person the text is about."""
    s0 = ctx.sentence_start
    before = text[s0 : q.start]
    comm = _COMM.search(before)
    if comm:
        subj = _subject(text, spans, s0, s0 + comm.start())
        if subj:
            return subj, "sentence-subject"
        if re.match(rf"\s*(?:{_PRONOUN})\b", before, re.I):
            return ctx.topic, "pronoun"
    if re.match(rf"\s*(?:{_PRONOUN})\b", before, re.I) and before.rstrip().endswith(","):
        return ctx.topic, "pronoun"
    return None


def _opens_its_sentence(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """A quote that opens its sentence goes on from the last one, with nothing in between
    naming anyone else (the names of the last quote's own attribution do not count); or the
    previous sentence announced a statement: "X issued a statement ..."."""
    if text[ctx.sentence_start : q.start].strip():
        return None
    if ctx.previous_quote and ctx.previous_quote[1]:
        gap = text[ctx.previous_quote[0] : q.start]
        between = [sp for sp in spans if ctx.previous_quote[0] <= sp.start < q.start]
        said = [n for n, sp in enumerate(between) if sp.name == ctx.previous_quote[1]]
        others = [
            sp for sp in between[said[-1] + 1 if said else 0 :] if sp.name != ctx.previous_quote[1]
        ]
        if len(gap) < 200 and not others:
            return ctx.previous_quote[1], "continued"
    if ctx.previous_sentence:
        ps, pe = ctx.previous_sentence
        if _COMM.search(text[ps:pe]):
            subj = _subject(text, spans, ps, pe)
            if subj:
                return subj, "previous-sentence"
    return None


# The attribution cues in the order they are tried; the first that decides gives the speaker.
# The cues of Arabic, Hebrew, Chinese and Russian verbs of saying come first: they say
# nothing unless such a verb stands next to the quotation.
ATTRIBUTION_CUES: tuple[Callable[[str, QuoteSpan, list[NamedSpan], Context], Found], ...] = (
    scriptquotes.said_after,
    scriptquotes.said_before,
    _pronoun_after,
    _french_inversion,
    _said_x,
    _x_said,
    _according_to,
    _said_before,
    _continued,
    _verb_in_sentence,
    _opens_its_sentence,
)


def attribute(
    text: str, quote: QuoteSpan, spans: list[NamedSpan], ctx: Context
) -> tuple[str | None, str]:
    """(speaker, how) for a quote, from the words around it."""
    for cue in ATTRIBUTION_CUES:
        found = cue(text, quote, spans, ctx)
        if found is not None:
            return found
    return None, "none"


def subject_of(text: str, spans: list[NamedSpan], start: int, end: int) -> str | None:
    """The person a sentence is about: its first mention not governed by a preposition."""
    for sp in spans:
        if start <= sp.start < end and sp.kind != "organisation" and _is_subject(text, sp):
            return sp.name
    return None
