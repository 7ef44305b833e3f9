"""Every text of a pack cleaned once, the same way for every format.

A model from JSON or the API may hold what readers never produce: characters
XML cannot hold, tabs and line breaks inside a paragraph, text not in NFC. Each
renderer used to decide for itself (DOCX turned a tab into a tab stop, the PDF
into a space, the EPUB kept it); now the pack is cleaned here before any of
them sees it. Inline text keeps its length wherever it can (one white-space
character for another), so sentence offsets still point at the same words.
Article text also gets its language's typography (:meth:`Labels.typeset`).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable

from ..model import (
    AnyFact,
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Figure,
    Heading,
    Inline,
    Link,
    ListBlock,
    Organisation,
    Pack,
    Paragraph,
    Person,
    Quote,
    Source,
    Text,
)
from ..textutil import strip_illegal

_BREAKS = re.compile("[\t\n\r\f\v\x85\u2028\u2029]")
_NEEDS_WORK = re.compile(
    "[\t\n\r\f\v\x85\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
)

Typeset = Callable[[str], str]


def line(text: str) -> str:
    """One line of text: NFC, nothing XML cannot hold, line breaks and tabs as spaces."""
    if _NEEDS_WORK.search(text):
        text = _BREAKS.sub(" ", strip_illegal(text))
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def code(text: str) -> str:
    """A code block: lines kept, tabs expanded, nothing XML cannot hold."""
    text = strip_illegal(text.replace("\r\n", "\n").replace("\r", "\n")).expandtabs(4)
    return unicodedata.normalize("NFC", text)


def _opt(text: str | None, typeset: Typeset) -> str | None:
    return None if text is None else typeset(line(text))


def _inlines(items: tuple[Inline, ...], typeset: Typeset) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for item in items:
        text = typeset(line(item.text))
        if text == item.text:
            out.append(item)
        elif isinstance(item, Link):
            out.append(Link(text=text, url=item.url, marks=item.marks))
        else:
            out.append(Text(text=text, marks=item.marks))
    return tuple(out)


def _block(block: Block, typeset: Typeset) -> Block:
    match block:
        case Heading() | Paragraph() | BlockQuote():
            inlines = _inlines(block.inlines, typeset)
            changes: dict[str, object] = {}
            if inlines != block.inlines:
                changes["inlines"] = inlines
            if isinstance(block, BlockQuote) and block.speaker is not None:
                speaker = line(block.speaker)
                if speaker != block.speaker:
                    changes["speaker"] = speaker
            return dataclasses.replace(block, **changes) if changes else block  # type: ignore[arg-type]
        case ListBlock():
            items = tuple(_inlines(item, typeset) for item in block.items)
            return dataclasses.replace(block, items=items) if items != block.items else block
        case CodeBlock():
            text = code(block.text)
            return dataclasses.replace(block, text=text) if text != block.text else block
    return block  # pragma: no cover - closed union


def _fact(fact: AnyFact, typeset: Typeset) -> AnyFact:
    changes: dict[str, object] = {"text": typeset(line(fact.text))}
    if isinstance(fact, Person) and fact.role:
        changes["role"] = typeset(line(fact.role))
    elif isinstance(fact, Organisation) and fact.acronym:
        changes["acronym"] = line(fact.acronym)
    elif isinstance(fact, Figure) and fact.label:
        changes["label"] = typeset(line(fact.label))
    elif isinstance(fact, Quote) and fact.speaker:
        changes["speaker"] = line(fact.speaker)
    return dataclasses.replace(fact, **changes)  # type: ignore[arg-type]


def localise_notes(article: Article, translate: Callable[[str], str]) -> Article:
    """docexport's own notes in the reader's language: a note paragraph the reader wrote
    ("Only a summary of this article was available in the feed ...") and the article's
    notes are messages of the label catalogue, translated like "Summary"; a note the
    catalogue does not hold stays as it is."""
    body = tuple(
        dataclasses.replace(block, inlines=(Text(text=translate(block.inlines[0].text)),))
        if isinstance(block, Paragraph)
        and block.role == "note"
        and len(block.inlines) == 1
        and type(block.inlines[0]) is Text
        and not block.inlines[0].marks
        else block
        for block in article.body
    )
    notes = tuple(translate(n) for n in article.notes)
    if body == article.body and notes == article.notes:
        return article
    return dataclasses.replace(article, body=body, notes=notes)


def clean_article(article: Article, typeset: Typeset) -> Article:
    return dataclasses.replace(
        article,
        headline=typeset(line(article.headline)),
        standfirst=_opt(article.standfirst, typeset),
        source=Source(
            name=None if article.source.name is None else line(article.source.name),
            url=article.source.url,
        ),
        authors=tuple(line(a) for a in article.authors),
        summary=tuple(typeset(line(p)) for p in article.summary),
        facts=tuple(_fact(f, typeset) for f in article.facts),
        body=tuple(_block(b, typeset) for b in article.body),
        notes=tuple(typeset(line(n)) for n in article.notes),
    )


def clean_pack(
    pack: Pack, article_typeset: Callable[[Article], Typeset], pack_typeset: Typeset
) -> Pack:
    """The pack with every text cleaned; article text typeset for its language."""
    return dataclasses.replace(
        pack,
        title=pack_typeset(line(pack.title)),
        marking=None if pack.marking is None else line(pack.marking),
        summary=tuple(pack_typeset(line(p)) for p in pack.summary),
        facts=tuple(_fact(f, pack_typeset) for f in pack.facts),
        articles=tuple(clean_article(a, article_typeset(a)) for a in pack.articles),
    )
