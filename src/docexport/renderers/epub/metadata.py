"""The package metadata: Dublin Core, the modification date, and the
schema.org accessibility statement (EPUB Accessibility 1.1).

Nothing here reads the clock or draws random numbers: the identifier is a
name-based UUID of the model's JSON and every date comes from the pack.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import uuid
from typing import Any

from ...model import Pack
from ...serialize import dumps
from .. import RenderOptions, briefing
from .lang import language_tag
from .plan import Plan
from .xhtml import safe_href, xml_safe

# Fixed namespace for docexport's name-based identifiers (uuid5).
_NAMESPACE = uuid.UUID("7c0e9d3a-2f4b-5b8e-9a61-d0c5e3b1a742")
FALLBACK_MODIFIED = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
CERTIFIED_BY = "docexport (automated generation)"
ACCESSIBILITY_FEATURES = (
    "structuralNavigation",
    "tableOfContents",
    "readingOrder",
    "displayTransformability",
    "unlocked",
)
ACCESSIBILITY_SUMMARY = (
    "A text-only briefing pack with no images, audio or video. Every document is "
    "marked with its language, headings follow the document structure without "
    "skipping levels, the table of contents lists every article and section, "
    "the key facts link to their source sentences and back, and text colours meet "
    "WCAG AA contrast. The layout reflows and follows the reader's font, size and "
    "colour settings."
)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def identifier(pack: Pack) -> str:
    """``urn:uuid:`` derived from the model, so the same pack keeps its identity."""
    # uuid5 by hand: the model may hold lone surrogates that strict UTF-8 refuses.
    name = dumps(pack, indent=None).encode("utf-8", "surrogatepass")
    digest = hashlib.sha1(_NAMESPACE.bytes + name).digest()
    return f"urn:uuid:{uuid.UUID(bytes=digest[:16], version=5)}"


def parse_date(value: str | None) -> _dt.datetime | None:
    """An ISO 8601 date or date-time (partial dates allowed) as UTC, or ``None``."""
    if not value:
        return None
    text = value.strip()
    try:
        if _DATE.match(text):
            padded = (text + "-01-01")[:10] if len(text) < 10 else text
            d = _dt.date.fromisoformat(padded)
            return _dt.datetime(d.year, d.month, d.day, tzinfo=_dt.timezone.utc)
        dt = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_dt.timezone.utc)
    return dt.astimezone(_dt.timezone.utc)


def w3c_date(value: str | None) -> str | None:
    """A date as epubcheck accepts it in ``dc:date`` (W3CDTF), or ``None``."""
    if not value:
        return None
    text = value.strip()
    if _DATE.match(text):
        return text if parse_date(text) else None
    dt = parse_date(text)
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ") if dt else None


def modified(pack: Pack, options: RenderOptions) -> _dt.datetime:
    """``dcterms:modified``: SOURCE_DATE_EPOCH, else the pack's or newest article's
    date, else a fixed date. Never before 1980 (zip timestamps cannot be)."""
    floor = _dt.datetime(1980, 1, 1, tzinfo=_dt.timezone.utc)
    if options.source_date_epoch is not None:
        try:
            when = _dt.datetime.fromtimestamp(options.source_date_epoch, _dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            when = FALLBACK_MODIFIED
        return max(when, floor)
    candidates = [parse_date(pack.date)]
    candidates += [parse_date(a.published) for a in pack.articles]
    dates = [d for d in candidates if d is not None]
    if not dates:
        return FALLBACK_MODIFIED
    chosen = parse_date(pack.date) or max(dates)
    return min(max(chosen, floor), _dt.datetime(2107, 12, 31, tzinfo=_dt.timezone.utc))


def apply(book: Any, plan: Plan) -> None:
    """Set the ebooklib book's metadata for ``plan`` (``book`` is an ``EpubBook``)."""
    from ebooklib.epub import NAMESPACES

    pack = plan.pack
    # ebooklib adds its own generator line; the output should not depend on it.
    book.metadata.get(NAMESPACES["OPF"], {}).pop("generator", None)
    book.set_identifier(identifier(pack))
    book.set_title(xml_safe(pack.title).strip() or "Untitled")
    languages = [plan.lang, *(ap.lang for ap in plan.articles)]
    book.language = plan.lang
    for lang in dict.fromkeys(language_tag(x) for x in languages):
        book.add_metadata("DC", "language", lang)
    if plan.dir == "rtl":
        book.set_direction("rtl")

    def dc(name: str, value: str | None) -> None:
        text = xml_safe(value).strip()
        if text:
            book.add_metadata("DC", name, text)

    single = plan.articles[0].article if not pack.is_multi else None
    dc("date", w3c_date(single.published if single else None) or w3c_date(pack.date))
    if single is not None:
        dc("description", briefing.document_subject(single))
    elif pack.summary:
        dc("description", " ".join(pack.summary))
    creators = [a for ap in plan.articles for a in ap.article.authors]
    for creator in dict.fromkeys(creators):
        dc("creator", creator)
    for name in dict.fromkeys(ap.article.source.name for ap in plan.articles):
        dc("publisher", name)
    for ap in plan.articles:
        dc("source", safe_href(ap.article.source.url) or ap.article.source.name)
    facts = (
        pack.facts
        if pack.is_multi and pack.facts
        else tuple(f for ap in plan.articles for f in ap.article.facts)
    )
    for keyword in briefing.keywords(facts):
        dc("subject", keyword)
    if pack.marking:
        dc("rights", pack.marking)

    def meta(prop: str, value: str) -> None:
        book.add_metadata(None, "meta", value, {"property": prop})

    meta("schema:accessMode", "textual")
    meta("schema:accessModeSufficient", "textual")
    for feature in ACCESSIBILITY_FEATURES:
        meta("schema:accessibilityFeature", feature)
    meta("schema:accessibilityHazard", "none")
    meta("schema:accessibilitySummary", ACCESSIBILITY_SUMMARY)
    meta("dcterms:conformsTo", CONFORMS_TO)
    meta("a11y:certifiedBy", CERTIFIED_BY)
