"""Summary points: 3 to 5 sentences a reader of the summary page needs.

The summary page already prints the standfirst right above the points, so
the points must add to it, not repeat it: the two best body sentences (the
news), then the article's own closing "In summary" paragraph, topped up with
ranked sentences. Sentences are ranked by lead position, length and
centrality (how many of the article's frequent words they carry). The
standfirst itself is used only when the article has nothing else. Points never repeat
each other or the standfirst (near-duplicates too: a point whose content words are mostly
the standfirst's), never open on a pronoun that points nowhere or on "The 25-year-old",
and never cut a quote. An article over about 150 words, a feed item included, gets 3 to 5.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import STANDFIRST_ID, Article, Paragraph, Sentence

MIN_POINTS = 3
MAX_POINTS = 5
# An article longer than this always gets at least MIN_POINTS points.
LONG_ENOUGH_WORDS = 150
_OPENER = re.compile(
    r"^(?:in summary|in sum|to sum up|in conclusion|to conclude|overall|in short|en résumé|"
    r"en conclusion|"
    r"en resumen|zusammenfassend)\s*,?\s*",
    re.IGNORECASE,
)
_DANGLING = re.compile(
    r"^(?:the\s+(?:\d+|[a-z]+(?:-[a-z]+)?)[- ]year[- ]old|the\s+(?:latter|former|pair|duo)|"
    r"he|she|they|it|this|these|those|his|her|their|its|him|them|there|also|but|and|however|meanwhile|"
    r"moreover|furthermore|instead|il|elle|ils|elles|cependant|toutefois|de plus|él|ella|"
    r"ellos|además|"
    r"sin embargo|er|sie|es|außerdem|zudem|dabei|deshalb|jedoch|auch)\b",
    re.IGNORECASE,
)
# "Ankara (Türkei), 08.06.2015 – ", "Evansville, Indiana, United States - ": a dateline, not news.
_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Ý][\w.'’-]*(?:\s[A-ZÀ-Ý][\w.'’-]*)*(?:\s\([^)]{2,40}\))?,\s*){0,3}"
    r"(?:[A-ZÀ-Ý][\w.'’-]*(?:\s[A-ZÀ-Ý][\w.'’-]*)*(?:\s\([^)]{2,40}\))?,?\s*)?"
    r"(?:\d{1,2}\.\d{1,2}\.\d{2,4}\s*)?[–—-]\s+(?=[A-ZÀ-Ý])"
)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = frozenset(
    [
        "the",
        "and",
        "that",
        "with",
        "from",
        "this",
        "have",
        "has",
        "were",
        "was",
        "for",
        "are",
        "but",
        "not",
        "their",
        "they",
        "which",
        "will",
        "been",
        "also",
        "said",
        "its",
        "his",
        "her",
        "than",
        "into",
        "about",
        "after",
        "over",
        "more",
        "other",
        "some",
        "such",
    ]
)


def _balanced(text: str) -> bool:
    return not (
        text.count("“") != text.count("”")
        or text.count('"') % 2
        or text.count("«") != text.count("»")
    )


def clean_point(text: str) -> str:
    text = _OPENER.sub("", text.strip())
    dateline = _DATELINE.match(text)
    if dateline and dateline.end() < len(text) // 2:
        text = text[dateline.end() :]
    return text[:1].upper() + text[1:] if text else text


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


def _similar(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return a == b
    return len(wa & wb) / min(len(wa), len(wb)) > 0.6


def _stems(text: str) -> set[str]:
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in _words(text)}


def _restates(text: str, shown: set[str]) -> bool:
    """Whether a point says again what the standfirst above it says: most of its content
    words are already there (spread over the standfirst's sentences or not)."""
    words = _stems(text)
    return bool(words) and len(words & shown) / len(words) >= 0.6


def _usable(text: str) -> bool:
    n = len(text.split())
    return 6 <= n <= 60 and _balanced(text) and not _DANGLING.match(text) and not text.endswith("?")


def summarise(article: Article, sentences: tuple[Sentence, ...]) -> tuple[str, ...]:
    closing_ids = {b.id for b in article.body if isinstance(b, Paragraph) and b.role == "closing"}
    background_ids = {
        b.id for b in article.body if isinstance(b, Paragraph) and b.role in ("background", "note")
    }
    own = [s for s in sentences if s.block == STANDFIRST_ID]
    closing = [s for s in sentences if s.block in closing_ids]
    points: list[str] = []

    def add(text: str) -> None:
        text = clean_point(text)
        if (
            len(points) < MAX_POINTS
            and _usable(text)
            and not any(_similar(text, p) for p in points)
        ):
            points.append(text)

    shown = [clean_point(s.text) for s in own]
    shown_words = set().union(*(_stems(t) for t in shown)) if shown else set()

    def add_new(text: str) -> None:
        point = clean_point(text)
        if not any(_similar(point, t) for t in shown) and not _restates(point, shown_words):
            add(text)

    ranked = _ranked(sentences, skip=closing_ids | background_ids | {STANDFIRST_ID})
    # With a standfirst above them, four points fill the page without pushing the box off it.
    cap = MAX_POINTS - 1 if own else MAX_POINTS
    lead: list[str] = []
    for s in ranked:
        if len(points) >= (2 if closing else cap):
            break
        before = len(points)
        add_new(s.text)
        if len(points) > before:
            lead.append(s.id)
    # The news points in reading order keep the story's thread.
    order = {s.id: i for i, s in enumerate(sentences)}
    news = sorted(zip(lead, points, strict=False), key=lambda pair: order[pair[0]])
    points[: len(news)] = [p for _, p in news]
    for s in closing:
        if len(points) >= cap:
            break
        add_new(s.text)
    for s in ranked:
        if len(points) >= MIN_POINTS:
            break
        add_new(s.text)
    if sum(len(s.text.split()) for s in sentences) > LONG_ENOUGH_WORDS:
        _fill_to_minimum(points, sentences, shown, shown_words)
    for s in (*ranked, *own):  # a short article: say what it says, even if the standfirst did
        if len(points) >= MIN_POINTS:
            break
        add(s.text)
    return tuple(points)


def _fill_to_minimum(
    points: list[str], sentences: tuple[Sentence, ...], shown: list[str], shown_words: set[str]
) -> None:
    """An article of some length always gets three points: any new sentence in reading
    order, shorter or longer ones included (never a dangling or repeated one)."""
    for s in sentences:
        if len(points) >= MIN_POINTS:
            return
        point = clean_point(s.text)
        if (
            s.block != STANDFIRST_ID
            and 4 <= len(point.split()) <= 80
            and _balanced(point)
            and not _DANGLING.match(point)
            and not any(_similar(point, p) for p in points)
            and not any(_similar(point, t) for t in shown)
            and not _restates(point, shown_words)
        ):
            points.append(point)


def _ranked(sentences: tuple[Sentence, ...], skip: set[str]) -> list[Sentence]:
    body = [s for s in sentences if s.block not in skip] or list(sentences)
    freq: Counter[str] = Counter()
    for s in body:
        freq.update(_words(s.text))
    n = len(body)

    def score(i: int, s: Sentence) -> float:
        words = _words(s.text)
        central = sum(freq[w] for w in words) / (len(words) + 5)
        lead = 1.0 - i / max(n, 1)
        length = 1.0 if 10 <= len(s.text.split()) <= 40 else 0.5
        return 2.0 * lead + central / max(1, max(freq.values(), default=1)) * 3 + length

    order = sorted(range(n), key=lambda i: (-score(i, body[i]), i))
    top = sorted(order[: MAX_POINTS * 3])
    # Reading order among the best ones keeps the story's thread.
    return [body[i] for i in sorted(top, key=lambda i: (-score(i, body[i]), i))]
