"""Sentence splitting with character offsets into each block.

A rule-based splitter: a sentence ends at ``.``, ``!`` or ``?`` (plus any
closing quotes or brackets) followed by white space and a capital, digit or
opening quote -- unless the word before the full stop is an abbreviation
("Mr.", "U.S.", "Jan."), an initial ("John F. Kennedy") or the next word
is clearly not a sentence start. Decimals never split (no space follows).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import (
    STANDFIRST_ID,
    Article,
    BlockQuote,
    Heading,
    ListBlock,
    Paragraph,
    Sentence,
    block_text,
)

# Abbreviations after which a full stop does not end a sentence (lower case, no dot).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "ph",  # "Ph.D."
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "cpl",
        # military ranks and AP state abbreviations, as US wire copy writes them
        "spc",
        "pfc",
        "pvt",
        "sfc",
        "cpt",
        "cmdr",
        "brig",
        "ariz",
        "calif",
        "colo",
        "conn",
        "fla",
        "okla",
        "tenn",
        "neb",
        "nev",
        "minn",
        "mich",
        "kan",
        "ky",
        "ala",
        "ark",
        "va",
        "md",
        "adm",
        "rev",
        "sen",
        "rep",
        "gov",
        "pres",
        "hon",
        "messrs",
        "mme",
        "mlle",
        "sra",
        "sr",
        "srta",
        "dra",
        "hr",
        "fr",
        "mt",
        "ft",
        "vs",
        "etc",
        "inc",
        "corp",
        "ltd",
        "co",
        "bros",
        "no",
        "nos",
        "nr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "dept",
        "est",
        "fig",
        "vol",
        "ca",
        "cf",
        "al",
        "ave",
        "blvd",
        "rd",
        "univ",
        "assn",
        "intl",
        "sq",
        "op",
        "ed",
        "eds",
        "pp",
        "pg",
        "art",
        "abs",
        "z.b",
        "bzw",
        "ggf",
        "vgl",
        "usw",
    ]
)
# Words that commonly follow "U.S." or "Inc." yet start no sentence.
_CLOSERS = "\"'”’»)]"
# Full stops that need a space after them, and the CJK ones that need none ("。").
_CJK_STOPS = "。！？"
_BOUNDARY = re.compile(
    r"[.!?…؟۔]+[" + re.escape(_CLOSERS) + r"]*(?=\s)|[" + _CJK_STOPS + r"]+[」』”’）)]*"
)
_NEXT_START = re.compile(r"\s+([\"“‘'«„(\[]*)(\S)")
_MONTH_WORDS = frozenset(
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "jänner",
    ]
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")  # U.S. / e.g. / a.m.


def _word_before(text: str, end: int) -> str:
    """The token that ends at ``end`` (the position of the full stop)."""
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '("“‘«':
        start -= 1
    return text[start:end]


def _caseless(ch: str) -> bool:
    """A letter of a script without capitals (Arabic, Chinese, Hebrew, Devanagari ...)."""
    return ch.isalpha() and ch.lower() == ch.upper()


def _is_boundary(text: str, mark_start: int, mark_end: int) -> bool:
    if text[mark_start] in _CJK_STOPS:
        return mark_end < len(text)
    nxt = _NEXT_START.match(text, mark_end)
    if nxt is None:
        return False
    first = nxt.group(2)
    if not (first.isupper() or first.isdigit() or nxt.group(1) or _caseless(first)):
        return False
    if text[mark_start] != ".":
        return True
    word = _word_before(text, mark_start)
    bare = word.strip("\"'“‘«(").rstrip(".")
    if not bare:
        return True
    if bare.lower() in ABBREVIATIONS:
        return False
    if bare.isdigit() and len(bare) <= 2:
        # German ordinals and dates: "am 5. Juli", "das 18. Lebensjahr".
        following = text[nxt.start(2) : nxt.start(2) + 12].split(" ")[0].strip(".,")
        if following.lower() in _MONTH_WORDS:
            return False
        prev = (
            text[: mark_start - len(bare)].rstrip().split(" ")[-1].lower()
            if text[: mark_start - len(bare)].strip()
            else ""
        )
        if prev in (
            "am",
            "dem",
            "das",
            "der",
            "den",
            "die",
            "vom",
            "zum",
            "im",
            "bis",
            "ab",
            "seit",
        ):
            return False
    if len(bare) == 1 and bare.isupper():  # an initial: "John F. Kennedy"
        return False
    if _DOTTED.search(word + "."):
        # "U.S." ends a sentence only when a capitalised function word follows.
        following = text[nxt.start(2) : nxt.start(2) + 12].split(" ")[0]
        return following in {"The", "A", "An", "It", "He", "She", "They", "We", "In", "But", "This"}
    return True


def split_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, white space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _is_boundary(text, m.start(), m.end()):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out += _bounded(text, s, e)
    return out


# No sentence of prose is this long; a longer "sentence" (a run-on list, a pasted table,
# a hostile 99,000-character word) is cut into pieces of at most this many characters, at
# white space where there is some. Every rule then works on bounded text, so the analysis
# stays linear in the article's length whatever a rule's cost per sentence.
MAX_SENTENCE_CHARS = 1000


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    while e - s > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
        cut = cut if cut > s else s + MAX_SENTENCE_CHARS
        pieces.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        pieces.append((s, e))
    return pieces


def split(text: str) -> list[str]:
    """The sentences of ``text``."""
    return [text[s:e] for s, e in split_spans(text)]


def article_blocks(article: Article) -> Iterator[tuple[str, str]]:
    """(block id, text) of every block that holds prose, standfirst first."""
    if article.standfirst:
        yield STANDFIRST_ID, article.standfirst
    for block in article.body:
        if isinstance(block, (Paragraph, BlockQuote, ListBlock, Heading)):
            if isinstance(block, Heading):
                continue  # headings are labels, not sentences
            yield block.id, block_text(block)


def article_sentences(article: Article, prefix: str) -> tuple[Sentence, ...]:
    """Every sentence of the article, ids ``{prefix}s1``, ``{prefix}s2`` ..."""
    out: list[Sentence] = []
    for block_id, text in article_blocks(article):
        # List items are separate lines: never join two items into one sentence.
        offset = 0
        for line in text.split("\n"):
            for s, e in split_spans(line):
                out.append(
                    Sentence(
                        id=f"{prefix}s{len(out) + 1}",
                        block=block_id,
                        start=offset + s,
                        end=offset + e,
                        text=line[s:e],
                    )
                )
            offset += len(line) + 1
    return tuple(out)
