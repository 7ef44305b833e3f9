"""The package metadata: Dublin Core, the modification date, and the
schema.org accessibility statement (EPUB Accessibility 1.1).

The accessibility statement claims only what docexport checks itself: the
book is text only, every document is tagged with its language, headings never
skip a level, the nav lists every section, colours are darkened until they
reach 4.5:1 contrast. No conformance to WCAG is claimed (``dcterms:conformsTo``)
and no one is named as having certified it: nobody has evaluated the output.

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
from ..briefing import Briefing, declared_published
from .lang import language_tag
from .plan import Plan
from .xhtml import safe_href, xml_safe

# Fixed namespace for docexport's name-based identifiers (uuid5).
_NAMESPACE = uuid.UUID("7c0e9d3a-2f4b-5b8e-9a61-d0c5e3b1a742")
FALLBACK_MODIFIED = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
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
    "the key facts link to their source sentences and back, and text colours are "
    "set to at least 4.5:1 contrast. The layout reflows and follows the reader's "
    "font, size and colour settings. No conformance claim is made: the book has "
    "not been evaluated against WCAG."
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


def modified(b: Briefing) -> _dt.datetime:
    """``dcterms:modified``: the pack's one document date (see
    :meth:`Briefing.timestamp`), kept where zip timestamps can go (1980-2107)."""
    floor = _dt.datetime(1980, 1, 1, tzinfo=_dt.timezone.utc)
    ceiling = _dt.datetime(2107, 12, 31, tzinfo=_dt.timezone.utc)
    return min(max(b.timestamp(), floor), ceiling)


def apply(book: Any, plan: Plan) -> None:
    """Set the ebooklib book's metadata for ``plan`` (``book`` is an ``EpubBook``)."""
    from ebooklib.epub import NAMESPACES

    pack = plan.pack
    b = plan.b
    # ebooklib adds its own generator line; the output should not depend on it.
    book.metadata.get(NAMESPACES["OPF"], {}).pop("generator", None)
    book.set_identifier(identifier(pack))
    book.set_title(xml_safe(b.title).strip() or b.words(None)("Untitled"))
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
    published = declared_published(single) if single is not None else None
    dc("date", w3c_date(published) or w3c_date(b.prepared))
    dc("description", b.subject())
    creators = [a for ap in plan.articles for a in ap.article.authors]
    for creator in dict.fromkeys(creators):
        dc("creator", creator)
    for name in dict.fromkeys(ap.article.source.name for ap in plan.articles):
        dc("publisher", name)
    for ap in plan.articles:
        dc("source", safe_href(ap.article.source.url) or ap.article.source.name)
    for keyword in b.keywords():
        dc("subject", keyword)
    if b.marking:
        dc("rights", b.marking)

    def meta(prop: str, value: str) -> None:
        book.add_metadata(None, "meta", value, {"property": prop})

    meta("schema:accessMode", "textual")
    meta("schema:accessModeSufficient", "textual")
    for feature in ACCESSIBILITY_FEATURES:
        meta("schema:accessibilityFeature", feature)
    meta("schema:accessibilityHazard", "none")
    meta("schema:accessibilitySummary", ACCESSIBILITY_SUMMARY)
