"""The intermediate document model: the seam between readers and renderers.

Plain, typed, immutable data. Readers build it, the analysis fills in summary,
sentences and facts, renderers read it. Change a value with
``dataclasses.replace``. The JSON form lives in :mod:`docexport.serialize`.

Shape::

    Pack -> Article* -> (metadata, summary, facts, sentences, body blocks)

Blocks and inlines are small closed unions (as in pandoc): renderers ``match``
over them. Every block carries an ``id`` so that facts can point at the
sentence they came from (``Sentence.block`` + character offsets).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Literal

SCHEMA_VERSION = "1.1"

Mark = Literal["emphasis", "strong", "code"]
ParagraphRole = Literal["body", "lead", "background", "closing", "note"]
FactKind = Literal["person", "organisation", "place", "figure", "date", "quote"]

PARAGRAPH_ROLES: tuple[str, ...] = ("body", "lead", "background", "closing", "note")
FACT_KINDS: tuple[str, ...] = ("person", "organisation", "place", "figure", "date", "quote")
MARKS: tuple[str, ...] = ("emphasis", "strong", "code")

# The id of the pseudo-block that holds the standfirst, so facts found in the
# standfirst can point at it like at any body block.
STANDFIRST_ID = "standfirst"


# --------------------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True, kw_only=True)
class Text:
    """A run of text with optional marks (emphasis, strong, code)."""

    text: str
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """A hyperlink: visible text and its target URL."""

    text: str
    url: str
    marks: tuple[Mark, ...] = ()


Inline = Text | Link


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The text of a run of inlines, without marks or link targets."""
    return "".join(i.text for i in inlines)


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    id: str
    level: int
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    id: str
    inlines: tuple[Inline, ...]
    role: ParagraphRole = "body"


@dataclass(frozen=True, slots=True, kw_only=True)
class BlockQuote:
    id: str
    inlines: tuple[Inline, ...]
    speaker: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ListBlock:
    id: str
    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeBlock:
    id: str
    text: str


Block = Heading | Paragraph | BlockQuote | ListBlock | CodeBlock


def block_text(block: Block) -> str:
    """The plain text of a block, list items joined by newlines."""
    match block:
        case Heading() | Paragraph() | BlockQuote():
            return plain_text(block.inlines)
        case ListBlock():
            return "\n".join(plain_text(item) for item in block.items)
        case CodeBlock():
            return block.text
    raise TypeError(f"not a block: {block!r}")


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """One sentence of the article: where it is, so a fact can point at it."""

    id: str
    block: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """Common fields of every key fact.

    ``sentence`` is the id of the :class:`Sentence` the fact came from;
    ``featured`` marks the facts the key-facts box shows (the analysis ranks
    facts, most important first, and features the top ones that are confident
    enough to box). ``confidence`` (0 to 1) is how sure the analysis is that the
    fact is right and says what it is, built from ``evidence``: the names of the
    rules and cues that found it ("title", "gazetteer", "acronym-definition").
    """

    kind: ClassVar[FactKind]
    id: str
    text: str
    sentence: str | None = None
    score: float = 0.0
    featured: bool = False
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(Fact):
    kind: ClassVar[FactKind] = "person"
    role: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation(Fact):
    kind: ClassVar[FactKind] = "organisation"
    acronym: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Place(Fact):
    kind: ClassVar[FactKind] = "place"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure(Fact):
    """A number with its unit and what it counts: ``600`` police officers."""

    kind: ClassVar[FactKind] = "figure"
    value: float | None = None
    unit: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DateFact(Fact):
    """A date or period as written, with its ISO form when it resolves."""

    kind: ClassVar[FactKind] = "date"
    iso: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote(Fact):
    kind: ClassVar[FactKind] = "quote"
    speaker: str | None = None


AnyFact = Person | Organisation | Place | Figure | DateFact | Quote

FACT_TYPES: dict[str, type[AnyFact]] = {
    "person": Person,
    "organisation": Organisation,
    "place": Place,
    "figure": Figure,
    "date": DateFact,
    "quote": Quote,
}


# --------------------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where the article came from: a site name and, if known, its URL."""

    name: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    headline: str
    standfirst: str | None = None
    source: Source = field(default_factory=Source)
    published: str | None = None  # ISO 8601 date or date-time, as precise as known
    authors: tuple[str, ...] = ()
    language: str | None = None  # BCP 47 tag, e.g. "en"
    tags: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    facts: tuple[AnyFact, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    body: tuple[Block, ...] = ()
    notes: tuple[str, ...] = ()  # remarks for the reader, e.g. "only a summary was available"
    provenance: tuple[tuple[str, str], ...] = ()  # (field, where it came from)

    @property
    def featured_facts(self) -> tuple[AnyFact, ...]:
        return tuple(f for f in self.facts if f.featured)

    def sentence(self, sentence_id: str) -> Sentence | None:
        for s in self.sentences:
            if s.id == sentence_id:
                return s
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Pack:
    """A briefing pack: one or more articles with a title and a date prepared."""

    title: str
    articles: tuple[Article, ...]
    date: str | None = None  # the date the pack was prepared, ISO 8601
    marking: str | None = None  # e.g. a classification line shown in headers
    language: str | None = None
    summary: tuple[str, ...] = ()  # pack-level summary (multi-article packs)
    facts: tuple[AnyFact, ...] = ()  # combined key facts (multi-article packs)

    @property
    def is_multi(self) -> bool:
        return len(self.articles) > 1

    def __repr__(self) -> str:
        # Short: the dataclass default prints every block and fact of every article.
        title = self.title if len(self.title) <= 60 else self.title[:57] + "..."
        n = len(self.articles)
        facts = len(self.facts) if self.is_multi else sum(len(a.facts) for a in self.articles)
        parts = [f"{n} article{'' if n == 1 else 's'}", f"{facts} facts"]
        if self.date:
            parts.append(self.date)
        if self.language:
            parts.append(self.language)
        return f"<Pack {title!r}: {', '.join(parts)}>"

    def _repr_html_(self) -> str:
        """A notebook's view: title, marking, date, summary points and key facts."""
        from html import escape

        head = [f"<strong>{escape(self.title)}</strong>"]
        if self.marking:
            head.append(f"<em>{escape(self.marking)}</em>")
        if self.date:
            head.append(escape(self.date))
        rows = [f"<div>{' · '.join(head)}</div>"]
        points = self.summary or (self.articles[0].summary if self.articles else ())
        if points:
            items = "".join(f"<li>{escape(p)}</li>" for p in points)
            rows.append(f"<ul>{items}</ul>")
        facts = self.facts or tuple(f for a in self.articles for f in a.facts)
        if facts:
            cells = "".join(
                f"<tr><td>{escape(f.kind)}</td><td>{escape(f.text)}</td></tr>" for f in facts[:14]
            )
            rows.append(f"<table>{cells}</table>")
        if self.is_multi:
            heads = "".join(f"<li>{escape(a.headline)}</li>" for a in self.articles)
            rows.append(f"<ol>{heads}</ol>")
        return "".join(rows)
