"""What a briefing pack says, decided once for every format.

Renderers differ in how they draw; they must not differ in what the summary
page, the key-facts box, the attribution and the footer say. This module turns
the model into those texts, and splits a block's inlines at sentence starts so
every renderer can put an anchor where a fact's sentence begins.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import (
    AnyFact,
    Article,
    DateFact,
    Figure,
    Inline,
    Link,
    Organisation,
    Pack,
    Person,
    Place,
    Quote,
    Sentence,
    Text,
)
from ..themes import Theme

# Box sections in the order they are shown, with their labels.
BOX_SECTIONS: tuple[tuple[str, str], ...] = (
    ("person", "People"),
    ("organisation", "Organisations"),
    ("place", "Places"),
    ("figure", "Figures"),
    ("date", "Dates"),
    ("quote", "Quote"),
)


@dataclass(frozen=True, slots=True)
class FactLine:
    """One line of the key-facts box: the fact, an optional detail, its sentence."""

    text: str
    detail: str | None
    sentence: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Anchor:
    """Marks where a sentence starts inside a run of inlines."""

    id: str


def format_date(iso: str | None) -> str | None:
    """``2024-11-03`` -> ``3 November 2024``; partial dates stay as precise as given."""
    if not iso:
        return None
    try:
        if len(iso) == 4:
            return iso
        if len(iso) == 7:
            d = _dt.date.fromisoformat(iso + "-01")
            return d.strftime("%B %Y")
        d = _dt.date.fromisoformat(iso[:10])
        return f"{d.day} {d.strftime('%B %Y')}"
    except ValueError:
        return iso


def fact_line(fact: AnyFact) -> FactLine:
    detail: str | None = None
    text = fact.text
    match fact:
        case Person():
            detail = fact.role
        case Organisation():
            if fact.acronym and fact.acronym not in fact.text:
                text = f"{fact.text} ({fact.acronym})"
        case Place():
            pass
        case Figure():
            detail = fact.label
        case DateFact():
            pass
        case Quote():
            text = f"“{fact.text.strip(chr(0x201C) + chr(0x201D) + chr(34))}”"
            detail = fact.speaker
    return FactLine(text=text, detail=detail, sentence=fact.sentence, kind=fact.kind)


def box_sections(facts: tuple[AnyFact, ...], theme: Theme) -> list[tuple[str, list[FactLine]]]:
    """The key-facts box as labelled sections, featured facts only, capped by the theme.

    Only the leading quote is shown: the box is a summary, not an anthology.
    """
    featured = [f for f in facts if f.featured] or list(facts)
    featured = featured[: theme.box.max_facts]
    out: list[tuple[str, list[FactLine]]] = []
    for kind, label in BOX_SECTIONS:
        lines = [fact_line(f) for f in featured if f.kind == kind]
        if kind == "quote":
            lines = lines[:1]
        if lines:
            out.append((label, lines))
    return out


def headline(pack: Pack, article: Article | None = None) -> str:
    if article is not None:
        return article.headline
    return pack.title


def source_label(article: Article) -> str:
    """The source as a reader would name it: the site, else its URL decoded for display."""
    if article.source.name:
        return article.source.name
    if article.source.url:
        from urllib.parse import unquote

        return unquote(article.source.url)
    return "source not given"


def meta_line(pack: Pack, article: Article | None) -> str:
    """``Source: allafrica.com · Published 3 November 2024 · Prepared ...``."""
    parts: list[str] = []
    if article is not None:
        parts.append(f"Source: {source_label(article)}")
        if article.authors:
            parts.append("By " + ", ".join(article.authors))
        published = format_date(article.published)
        if published:
            parts.append(f"Published {published}")
    else:
        parts.append(f"{len(pack.articles)} articles")
    prepared = format_date(pack.date)
    if prepared:
        parts.append(f"Prepared {prepared}")
    return " · ".join(parts)


def marking(pack: Pack, theme: Theme) -> str | None:
    return pack.marking or theme.footer.marking


def footer_text(pack: Pack, article: Article | None, theme: Theme) -> str:
    source = source_label(article) if article else pack.title
    from ..theme_values import fill_template

    return fill_template(
        theme.footer.text,
        {"source": source, "title": pack.title, "date": format_date(pack.date) or ""},
    )


def attribution(article: Article) -> tuple[str, str | None]:
    """The attribution line's text and the link it carries."""
    name = article.source.name
    url = article.source.url
    if name and url:
        return f"Source: {name} — {url}", url
    if url:
        return f"Source: {url}", url
    if name:
        return f"Source: {name}", None
    return "Source: not given", None


def document_subject(article: Article) -> str:
    return article.standfirst or (article.summary[0] if article.summary else article.headline)


def linked_sentences(boxes: Iterable[tuple[AnyFact, ...]], theme: Theme) -> set[str]:
    """The sentence ids the drawn boxes link to: where a renderer needs a target."""
    return {
        line.sentence
        for facts in boxes
        for _label, lines in box_sections(facts, theme)
        for line in lines
        if line.sentence
    }


def keywords(facts: tuple[AnyFact, ...], limit: int = 12) -> list[str]:
    """Names of the most important people, organisations and places."""
    out: list[str] = []
    for f in facts:
        if f.kind in ("person", "organisation", "place") and f.text not in out:
            out.append(f.text)
        if len(out) >= limit:
            break
    return out


def with_anchors(
    inlines: tuple[Inline, ...], block_id: str, sentences: tuple[Sentence, ...]
) -> list[Inline | Anchor]:
    """The inlines with an :class:`Anchor` before each sentence of ``block_id``.

    Inlines are split at sentence starts, keeping their marks and links, so the
    text is unchanged and a renderer only has to draw an anchor at each Anchor.
    """
    starts = _block_starts(sentences).get(block_id, [])
    if not starts:
        return list(inlines)
    out: list[Inline | Anchor] = []
    pos = 0
    k = 0
    for inline in inlines:
        text = inline.text
        end = pos + len(text)
        cut = 0
        while k < len(starts) and starts[k][0] < end:
            offset = max(starts[k][0] - pos, cut)
            if offset > cut:
                out.append(_piece(inline, text[cut:offset]))
                cut = offset
            out.append(Anchor(starts[k][1]))
            k += 1
        if cut < len(text):
            out.append(_piece(inline, text[cut:]))
        pos = end
    while k < len(starts):  # a sentence starting at the very end: anchor it anyway
        out.append(Anchor(starts[k][1]))
        k += 1
    return out


# The last sentence tuple indexed by block: renderers pass an article's whole tuple
# for each of its blocks, and scanning it every time was quadratic in the length.
_STARTS: tuple[tuple[Sentence, ...], dict[str, list[tuple[int, str]]]] | None = None


def _block_starts(sentences: tuple[Sentence, ...]) -> dict[str, list[tuple[int, str]]]:
    global _STARTS
    cached = _STARTS
    if cached is None or cached[0] is not sentences:
        index: dict[str, list[tuple[int, str]]] = {}
        for s in sentences:
            index.setdefault(s.block, []).append((s.start, s.id))
        for starts in index.values():
            starts.sort()
        cached = _STARTS = (sentences, index)
    return cached[1]


def _piece(inline: Inline, text: str) -> Inline:
    if isinstance(inline, Link):
        return Link(text=text, url=inline.url, marks=inline.marks)
    return Text(text=text, marks=inline.marks)


def sentence_block(article: Article, sentence_id: str | None) -> str | None:
    if sentence_id is None:
        return None
    s = article.sentence(sentence_id)
    return s.block if s else None
