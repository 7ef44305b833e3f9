"""What a briefing pack says, decided once for every format.

Renderers differ in how they draw; they must not differ in what the pack says.
A :class:`Briefing` is made once per render from the model, the theme and the
options: it resolves the title, the dates (only honest ones), the marking, the
labels in each article's language, the summary pages (standfirst, every
summary point, the key-facts box), the body outline with its heading levels,
the contents, the attribution, the running header and footer, which links
survive, and the cleaned text. The DOCX, PDF and EPUB renderers only draw it;
``tests/test_cross_format.py`` reads all three back and compares.

It also splits a block's inlines at sentence starts, so every renderer can put
an anchor where a fact's sentence begins.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

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
from ..theme_values import fill_template
from ..themes import Box, Theme
from . import cleaning
from .labels import Labels, labels
from .links import display_url as display_url
from .links import safe_url
from .outline import BodyItem, body_items, sections

# Box sections in the order they are shown, with their labels (msgids).
BOX_SECTIONS: tuple[tuple[str, str], ...] = (
    ("person", "People"),
    ("organisation", "Organisations"),
    ("place", "Places"),
    ("figure", "Figures"),
    ("date", "Dates"),
    ("quote", "Quote"),
)
DEFAULT_BOX_TITLE = "Key facts"  # the theme's default box title, said in the reader's language
# A marking is one short line at the top and bottom of every page.
MAX_MARKING = 200
FIXED_DATE = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
NO_FACTS = "No key facts were identified in this article."
NO_PACK_FACTS = "No key facts were identified in these articles."
BOX_HINT = "Each fact links to its sentence in the article."


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


BoxSections = list[tuple[str, list[FactLine]]]


@dataclass(frozen=True, slots=True)
class SummaryPage:
    """The first page of an article (or the cover of a pack): what it says."""

    title: str
    meta: str
    marking: str | None
    standfirst: str | None
    summary_heading: str
    points: tuple[str, ...]
    box_title: str
    box: BoxSections
    box_empty: str  # said in the box when it has no facts
    box_hint: str
    labels: Labels
    language: str  # BCP 47 tag of the page's text


# --------------------------------------------------------------------------- facts


def format_date(iso: str | None, language: str | None = None) -> str | None:
    """``2024-11-03`` -> ``3 November 2024`` (in ``language``); partial dates stay
    as precise as given."""
    return labels(language).date(iso)


def fact_line(fact: AnyFact, words: Labels | None = None) -> FactLine:
    words = words or labels(None)
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
            text = words.quote(fact.text)
            detail = fact.speaker
    return FactLine(text=text, detail=detail or None, sentence=fact.sentence, kind=fact.kind)


def box_sections(facts: tuple[AnyFact, ...], box: Box, words: Labels) -> BoxSections:
    """The key-facts box as labelled sections: featured facts only (the analysis
    decides which; none featured means an empty box, never a fallback to the
    rest), at most ``box.max_facts``, and only the leading quote."""
    featured = [f for f in facts if f.featured][: box.max_facts]
    out: BoxSections = []
    for kind, label in BOX_SECTIONS:
        lines = [fact_line(f, words) for f in featured if f.kind == kind]
        if kind == "quote":
            lines = lines[:1]
        if lines:
            out.append((words(label), lines))
    return out


def keywords(facts: tuple[AnyFact, ...], limit: int = 12) -> list[str]:
    """Names of the most important people, organisations and places."""
    out: list[str] = []
    for f in facts:
        if f.kind in ("person", "organisation", "place") and f.text not in out:
            out.append(f.text)
        if len(out) >= limit:
            break
    return out


# --------------------------------------------------------------------------- dates


def declared_published(article: Article) -> str | None:
    """The publication date, unless the reader only guessed it (a page that
    declares no date is not given one)."""
    if not article.published:
        return None
    for name, where in article.provenance:
        if name == "published" and "guess" in where.lower():
            return None
    return article.published


def _parse(value: str | None) -> _dt.datetime | None:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) <= 10:
            padded = text if len(text) == 10 else (text + "-01-01")[:10]
            d = _dt.date.fromisoformat(padded)
            return _dt.datetime(d.year, d.month, d.day, tzinfo=_dt.timezone.utc)
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    return moment.astimezone(_dt.timezone.utc)


def document_date(pack: Pack, epoch: int | None) -> _dt.datetime:
    """The one timestamp every format writes into its metadata: SOURCE_DATE_EPOCH,
    else the date the pack was prepared, else the newest declared publication
    date, else a fixed date. Never the clock."""
    if epoch is not None:
        try:
            return _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return FIXED_DATE
    prepared = _parse(pack.date)
    if prepared is not None:
        return prepared
    dates = [_parse(declared_published(a)) for a in pack.articles]
    known = [d for d in dates if d is not None]
    return max(known) if known else FIXED_DATE


# --------------------------------------------------------------------------- anchors


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


def sentences_by_block(article: Article) -> dict[str, tuple[Sentence, ...]]:
    """An article's sentences grouped by block, in one pass."""
    index: dict[str, list[Sentence]] = {}
    for s in article.sentences:
        index.setdefault(s.block, []).append(s)
    return {k: tuple(v) for k, v in index.items()}


# --------------------------------------------------------------------------- the pack


@dataclass
class Briefing:
    """What one pack says, for every format. Build it with :func:`brief`."""

    pack: Pack  # the cleaned model
    theme: Theme
    language: str | None  # the --language override, if any
    epoch: int | None
    labels: Labels  # for pack-level pages (cover, contents)
    _article_labels: dict[int, Labels] = field(default_factory=dict)
    _bodies: dict[int, list[BodyItem]] = field(default_factory=dict)

    # ----------------------------------------------------------------- language

    def words(self, article: Article | None) -> Labels:
        """The labels for an article's pages (the pack's for the cover)."""
        if article is None:
            return self.labels
        return self._article_labels.setdefault(id(article), labels_for(article, self.language))

    def language_tag(self, article: Article | None) -> str:
        """The language tag of the text on an article's pages (the pack's for the
        cover): a well-formed BCP 47 tag, else ``und`` (undetermined)."""
        if article is None:
            return pack_language(self.pack, self.language)
        return well_formed(article.language) or pack_language(self.pack, self.language)

    # ----------------------------------------------------------------- whole document

    @property
    def title(self) -> str:
        """The document's title in every format's metadata and cover."""
        return self.pack.title

    @property
    def marking(self) -> str | None:
        """The marking line, on every page of every format."""
        mark = self.pack.marking or self.theme.footer.marking
        if not mark:
            return None
        mark = cleaning.line(mark).strip()
        return mark if len(mark) <= MAX_MARKING else mark[: MAX_MARKING - 1] + "…"

    @property
    def prepared(self) -> str | None:
        """The date the pack was prepared: only as given (--date, SOURCE_DATE_EPOCH)."""
        return self.pack.date

    def timestamp(self) -> _dt.datetime:
        return document_date(self.pack, self.epoch)

    def subject(self) -> str:
        if not self.pack.articles:
            return self.pack.title
        if self.pack.is_multi:
            if self.pack.summary:
                return self.pack.summary[0]
            return "; ".join(a.headline for a in self.pack.articles)
        a = self.pack.articles[0]
        return a.standfirst or (a.summary[0] if a.summary else a.headline)

    def authors(self) -> list[str]:
        """The sources, as the document's author."""
        return list(dict.fromkeys(self.source(a) for a in self.pack.articles))

    def keywords(self) -> list[str]:
        if self.pack.is_multi or not self.pack.articles:
            return keywords(self.pack.facts)
        return keywords(self.pack.articles[0].facts)

    # ----------------------------------------------------------------- summary pages

    def source(self, article: Article) -> str:
        """The source as a reader would name it: the site, else its URL decoded."""
        if article.source.name:
            return article.source.name
        if article.source.url:
            return display_url(article.source.url)
        return self.words(article)("Source not given")

    def meta(self, article: Article | None) -> str:
        """``Source: allafrica.com · By … · Published 3 November 2024 · Prepared …``."""
        words = self.words(article)
        parts: list[str] = []
        if article is not None:
            parts.append(words("Source: {source}", source=self.source(article)))
            if article.authors:
                parts.append(words("By {authors}", authors=", ".join(article.authors)))
            published = words.date(declared_published(article))
            if published:
                parts.append(words("Published {date}", date=published))
        else:
            parts.append(words("{n} articles", n=len(self.pack.articles)))
        prepared = words.date(self.prepared)
        if prepared:
            parts.append(words("Prepared {date}", date=prepared))
        return " · ".join(parts)

    def box_title(self, words: Labels) -> str:
        title = self.theme.box.title
        return words(title) if title == DEFAULT_BOX_TITLE else title

    def _points_that_fit(
        self,
        title: str,
        meta: str,
        standfirst: str | None,
        points: tuple[str, ...],
        box: BoxSections,
        words: Labels,
    ) -> tuple[str, ...]:
        """The summary points the first page shows: all of them, unless the box
        would then be pushed off the page; then the last points give way (three
        stay) in every format alike. The body keeps every word."""
        from .docx import fit

        theme = self.theme
        page = theme.page
        width = page.width - page.margin_left - page.margin_right
        height = page.height - page.margin_top - page.margin_bottom
        used = fit.paragraph_height(title, theme.role("title"), width)
        used += fit.paragraph_height(meta, theme.role("meta"), width)
        if standfirst:
            used += fit.paragraph_height(standfirst, theme.role("standfirst"), width)
        used += fit.paragraph_height(words("Summary"), theme.role("heading2"), width)
        used += fit.box_height(theme, box, width) + 12
        sizes = [fit.paragraph_height(p, theme.role("summary"), width - 18) for p in points]
        kept = len(points)
        while kept > 3 and used + sum(sizes[:kept]) > height:
            kept -= 1
        return points[:kept]

    def summary_page(self, article: Article | None) -> SummaryPage:
        """The summary page of ``article``, or the pack's cover for ``None``."""
        words = self.words(article)
        if article is None:
            pack = self.pack
            box = box_sections(pack.facts, self.theme.box, words)
            meta = self.meta(None)
            return SummaryPage(
                title=pack.title,
                meta=meta,
                marking=self.marking,
                standfirst=None,
                summary_heading=words("Summary"),
                points=self._points_that_fit(pack.title, meta, None, pack.summary, box, words),
                box_title=self.box_title(words),
                box=box,
                box_empty=words(NO_PACK_FACTS),
                box_hint=words(BOX_HINT),
                labels=words,
                language=self.language_tag(None),
            )
        box = box_sections(article.facts, self.theme.box, words)
        meta = self.meta(article)
        points = self._points_that_fit(
            article.headline, meta, article.standfirst, article.summary, box, words
        )
        return SummaryPage(
            title=article.headline,
            meta=meta,
            marking=self.marking,
            standfirst=article.standfirst,
            summary_heading=words("Summary"),
            points=points,
            box_title=self.box_title(words),
            box=box,
            box_empty=words(NO_FACTS),
            box_hint=words(BOX_HINT),
            labels=words,
            language=self.language_tag(article),
        )

    def linked_sentences(self) -> set[str]:
        """The sentence ids the drawn boxes link to: where a renderer needs a target."""
        pages = [self.summary_page(a) for a in self.pack.articles]
        if self.pack.is_multi:
            pages.append(self.summary_page(None))
        return {
            line.sentence for p in pages for _, lines in p.box for line in lines if line.sentence
        }

    # ----------------------------------------------------------------- body

    def body(self, article: Article) -> list[BodyItem]:
        """The article's body: blocks, levelled headings, the Background heading."""
        key = id(article)
        if key not in self._bodies:
            self._bodies[key] = body_items(article, self.words(article)("Background"))
        return self._bodies[key]

    def contents(self) -> list[tuple[int, str, int]]:
        """The pack's contents: (article number, title, level) — each article's
        headline at level 1, then its level-2 sections."""
        out: list[tuple[int, str, int]] = []
        for n, article in enumerate(self.pack.articles):
            out.append((n, article.headline, 1))
            out.extend((n, title, 2) for level, title in sections(self.body(article)) if level == 2)
        return out

    def attribution(self, article: Article) -> tuple[str, str | None]:
        """The attribution line's text and the link it carries (``None``: no link)."""
        words = self.words(article)
        name, url = article.source.name, article.source.url
        href = safe_url(url)
        shown = display_url(url) if url else None
        if name and shown:
            return words("Source: {source} — {url}", source=name, url=shown), href
        if shown:
            return words("Source: {source}", source=shown), href
        if name:
            return words("Source: {source}", source=name), None
        return words("Source: {source}", source=words("Source not given")), None

    def link(self, url: str | None) -> str | None:
        return safe_url(url)

    # ----------------------------------------------------------------- page furniture

    def _template(self, template: str, article: Article | None) -> str:
        source = self.source(article) if article is not None else ", ".join(self.authors())
        date = self.words(article).date(self.prepared) or ""
        text = fill_template(template, {"source": source, "title": self.pack.title, "date": date})
        return cleaning.line(text).strip()

    def header(self, article: Article | None) -> str:
        """The running header's text (the marking is drawn beside it)."""
        return self._template(self.theme.header.text, article)

    def footer(self, article: Article | None) -> str:
        return self._template(self.theme.footer.text, article)

    def page_label(self, article: Article | None, n: int | str, total: int | str) -> str:
        return self.words(article)("Page {n} of {total}", n=n, total=total)


_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def well_formed(tag: str | None) -> str | None:
    """``tag`` when it is a well-formed BCP 47 tag (``_`` read as ``-``), else None."""
    if not tag:
        return None
    tag = tag.strip().replace("_", "-")
    return tag if len(tag) <= 35 and _TAG.fullmatch(tag) else None


def pack_language(pack: Pack, override: str | None = None) -> str:
    first = pack.articles[0].language if pack.articles else None
    for tag in (override, pack.language, first):
        if well_formed(tag):
            return str(well_formed(tag))
    return "und"


def labels_for(article: Article, override: str | None) -> Labels:
    return labels(well_formed(override) or well_formed(article.language))


def brief(
    pack: Pack, theme: Theme, *, language: str | None = None, epoch: int | None = None
) -> Briefing:
    """The pack's :class:`Briefing`: the model cleaned, everything it says decided."""
    pack_words = labels(pack_language(pack, language))
    # docexport's own notes are labels: in the language the article's labels are in.
    pack = replace(
        pack,
        articles=tuple(cleaning.localise_notes(a, labels_for(a, language)) for a in pack.articles),
    )
    # Typography follows the text's own language, whatever --language says.
    cleaned = cleaning.clean_pack(
        pack, lambda a: labels(well_formed(a.language)).typeset, labels(pack_language(pack)).typeset
    )
    return Briefing(pack=cleaned, theme=theme, language=language, epoch=epoch, labels=pack_words)


def box_links(boxes: Iterable[BoxSections]) -> set[str]:
    return {line.sentence for box in boxes for _, lines in box for line in lines if line.sentence}
