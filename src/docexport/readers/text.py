"""The plain-text reader (the seed format).

Headline on the first non-blank line; paragraphs one per line, or separated by
blank lines when the text has them; a last line ``Original Source: <site>`` is
the source. The paragraph after the headline is the standfirst; paragraph roles
(background, closing) are recognised from their wording. No text is dropped.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..limits import check_block_count, check_lines
from ..model import Article, Heading, Paragraph, Source, Text
from ..textutil import collapse_spaces
from .decode import decode

_SOURCE_LINE = re.compile(r"^\s*(?:original\s+)?source\s*:\s*(?P<src>.+?)\s*$", re.IGNORECASE)
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
# A closing paragraph announces itself in its first words.
_CLOSING = re.compile(
    r"^(?:in summary|in sum|to sum up|in conclusion|to conclude|overall|in short)\b[,:]?",
    re.IGNORECASE,
)
# A background paragraph explains how something came to be.
_BACKGROUND_START = re.compile(r"^(?:background|context)\s*[:—–-]", re.IGNORECASE)
_BACKGROUND_CUES = re.compile(
    r"\b(?:was|were) (?:established|founded|created|set up|formed|launched|introduced)\b"
    r"|\bsince (?:its|their) (?:creation|founding|establishment)\b"
    r"|\bhas (?:long )?been\b.*\bsince\b",
    re.IGNORECASE,
)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines when there are any, else one per line."""
    lines = text.strip().split("\n")
    if any(not ln.strip() for ln in lines) and _has_multiline_paragraphs(lines):
        paras: list[str] = []
        current: list[str] = []
        for ln in lines:
            if ln.strip():
                current.append(ln.strip())
            elif current:
                paras.append(" ".join(current))
                current = []
        if current:
            paras.append(" ".join(current))
    else:
        paras = [ln for ln in lines if ln.strip()]
    return [collapse_spaces(p) for p in paras if collapse_spaces(p)]


def _has_multiline_paragraphs(lines: list[str]) -> bool:
    """True when some blank-line-separated chunk spans several lines (hard-wrapped text)."""
    run = 0
    for ln in lines:
        if ln.strip():
            run += 1
            if run > 1:
                return True
        else:
            run = 0
    return False


_ENUMERATOR = re.compile(r"^\(?\d{1,2}[.)]\s+")
_ENDS_SENTENCE = re.compile(r"[.!?:;,…\"”»’')]\s*$")


def is_subheading(line: str) -> bool:
    """A line set as a heading inside the body: short, no closing punctuation, and
    capitalised like a title ("2. Nampa Man Convicted of Distribution ...",
    "Group F — Sweden 1 – 0 Korea Republic")."""
    text = _ENUMERATOR.sub("", line.strip())
    words = text.split()
    if not 2 <= len(words) <= 16 or _ENDS_SENTENCE.search(text):
        return False
    content = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


def paragraph_roles(paragraphs: list[str]) -> list[str]:
    """A role for each body paragraph: body, background or closing."""
    roles = ["body"] * len(paragraphs)
    n = len(paragraphs)
    for i, p in enumerate(paragraphs):
        if _CLOSING.match(p) and i >= n // 2:
            roles[i] = "closing"
        elif _BACKGROUND_START.match(p) or (
            n >= 3 and i >= 1 and i >= n // 2 and _BACKGROUND_CUES.search(p[:300])
        ):
            roles[i] = "background"
    return roles


def parse_text(text: str, *, name: str = "input") -> Article:
    lines = [ln for ln in text.strip().split("\n")]
    if not lines or not lines[0].strip():
        raise InputError("no text: the file is empty or only white space")
    headline = collapse_spaces(lines[0])
    if len(headline) > 300:
        raise InputError(
            f"no headline: the first line is {len(headline)} characters long "
            "(a headline is at most 300); is this a single-paragraph text?"
        )
    provenance: list[tuple[str, str]] = [("headline", "first non-blank line")]
    rest_lines = lines[1:]
    while rest_lines and not rest_lines[-1].strip():
        rest_lines.pop()
    source = Source()
    m = _SOURCE_LINE.match(rest_lines[-1]) if rest_lines else None
    if m:
        value = collapse_spaces(m.group("src"))
        source = Source(url=value) if _URL.match(value) else Source(name=value)
        provenance.append(("source", "'Original Source:' line"))
        rest_lines = rest_lines[:-1]
    paragraphs = split_paragraphs("\n".join(rest_lines))
    check_block_count(len(paragraphs) - 1)  # the first is the standfirst
    rest = paragraphs
    standfirst = None
    if len(rest) >= 2:
        standfirst = rest[0]
        rest = rest[1:]
        provenance.append(("standfirst", "paragraph after the headline"))
    roles = paragraph_roles(rest)
    # Sub-headings between paragraphs (press releases list several cases so) are
    # labels: they give the text structure and are neither summary nor fact material.
    headings = [is_subheading(p) for p in rest]
    if all(headings):
        headings = [False] * len(rest)
    body = tuple(
        Heading(id=f"h{i + 1}", level=2, inlines=(Text(text=p),))
        if heading
        else Paragraph(id=f"p{i + 1}", inlines=(Text(text=p),), role=role)  # type: ignore[arg-type]
        for i, (p, role, heading) in enumerate(zip(rest, roles, headings, strict=True))
    )
    return Article(
        headline=headline,
        standfirst=standfirst,
        source=source,
        body=body,
        provenance=tuple(provenance),
    )


def read_text(data: bytes, *, name: str = "input") -> list[Article]:
    text = decode(data)
    check_lines(text)  # before a million one-line paragraphs are split and built
    return [parse_text(text, name=name)]
