"""The feed reader: RSS 0.9x/1.0/2.0 and Atom -> one article per item.

feedparser does the parsing from the bytes we hand it (a stream, so it never
treats the input as a URL or a file name). Before that, every DOCTYPE is cut
out: no entity, internal or external, is ever declared, so none is expanded
or fetched. An item's full content (``content:encoded``, Atom ``content``) is
used when present; otherwise its summary, with a note saying so.
"""

from __future__ import annotations

import html
import io
import re
from typing import Any

from ..errors import InputError
from ..furniture import is_furniture
from ..model import Article, Block, Paragraph, Source, Text, plain_text
from ..textutil import clean, collapse_spaces
from . import Reading
from .dates import iso_date
from .htmlblocks import BlockBuilder, with_roles
from .htmlsafe import parse_html_text
from .pagemeta import language_tag, split_byline

# The largest feed read; larger inputs are refused with a clear error.
MAX_FEED_BYTES = 20 * 1024 * 1024
MAX_ITEMS = 500
# feedparser repairs malformed XML with a slow pure-Python parser (about 60 µs a
# tag); a malformed feed with more tags than this is refused instead.
MAX_LOOSE_TAGS = 50_000
SUMMARY_NOTE = "Only a summary of this article was available in the feed; the full text was not."
# A DOCTYPE with or without an internal subset; the subset may hold ENTITY
# declarations (external ones would be fetched, nested ones expand
# exponentially), so the whole declaration goes.
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]*\[.*?\]\s*>|[^>]*>)", re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]{0,2000}>")


def strip_doctype(data: bytes) -> bytes:
    """``data`` without DOCTYPE declarations (and so without entity declarations)."""
    head, rest = data[:65536], data[65536:]
    head = _DOCTYPE.sub(b"", head)
    if _ENTITY.search(head):
        # An unterminated or malformed subset: drop every declaration line.
        head = re.sub(rb"<!ENTITY[^>]*>", b"", head, flags=re.IGNORECASE)
    return head + rest


def _text_of(value: Any, limit: int = 1000) -> str | None:
    """Plain text of a feed field that may hold HTML."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value
    if "<" in text:
        try:
            text = parse_html_text(f"<div>{text}</div>").text_content()
        except InputError:
            text = _TAGS.sub(" ", text)
    text = collapse_spaces(clean(text).replace("\n", " "))
    return text[:limit] or None


def _html_blocks(html: str, base: str | None) -> tuple[Block, ...]:
    root = parse_html_text(f"<html><body>{html}</body></html>")
    body = root.find(".//body")
    builder = BlockBuilder(base)
    builder.walk(body if body is not None else root)
    return builder.result()


def _content(entry: Any) -> tuple[str | None, str]:
    """The entry's full content (HTML or text) and its type, if it has any."""
    best: tuple[str | None, str] = (None, "")
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        if value.strip() and len(value) > len(best[0] or ""):
            best = (value, c.get("type") or "text/html")
    return best


def _body(value: str, kind: str, base: str | None) -> tuple[Block, ...]:
    # A summary typed as HTML but holding plain text keeps its blank-line paragraphs.
    if "html" in kind and re.search(r"<[A-Za-z!/]", value):
        return _html_blocks(value, base)
    if "html" in kind:
        value = html.unescape(value)
    paras = [collapse_spaces(clean(p)) for p in re.split(r"\n\s*\n", value)]
    # Credits and prompts in a plain-text item ("Follow us on Twitter") are not the article.
    paras = [p for p in paras if p and not is_furniture(p)]
    return with_roles(
        Paragraph(id=f"p{i + 1}", inlines=(Text(text=p),)) for i, p in enumerate(paras)
    )


def _entry_article(entry: Any, index: int, feed: Any) -> Article:
    provenance: list[tuple[str, str]] = []
    headline = _text_of(entry.get("title"), 400)
    if headline:
        provenance.append(("headline", "item title"))
    else:
        headline = f"Untitled item {index}"
        provenance.append(("headline", "item position (the item has no title)"))
    link = entry.get("link")
    base = link if isinstance(link, str) and link.startswith(("http://", "https://")) else None

    content, kind = _content(entry)
    summary_html = entry.get("summary") or ""
    summary_kind = (entry.get("summary_detail") or {}).get("type") or "text/html"
    notes: tuple[str, ...] = ()
    standfirst = None
    if content:
        body = _body(content, kind, base)
        provenance.append(("body", "item full content (content:encoded / atom:content)"))
        summary = _text_of(summary_html, 600)
        first = next((plain_text(b.inlines) for b in body if isinstance(b, Paragraph)), "")
        if summary and not first.startswith(summary[:60]) and summary != _text_of(content, 600):
            standfirst = summary
            provenance.append(("standfirst", "item summary"))
    elif summary_html.strip():
        body = _body(summary_html, summary_kind, base)
        body = (Paragraph(id="n1", inlines=(Text(text=SUMMARY_NOTE),), role="note"), *body)
        notes = ("only a summary was available",)
        provenance.append(("body", "item summary (no full content in the feed)"))
    else:
        body = (
            Paragraph(id="n1", inlines=(Text(text="The feed item has no text."),), role="note"),
        )
        notes = ("the feed item has no text",)
        provenance.append(("body", "none: the item has neither content nor summary"))

    published = None
    for key in ("published", "updated", "created"):
        published = iso_date(entry.get(key)) or iso_date(entry.get(f"{key}_parsed"))
        if published:
            provenance.append(("published", f"item <{key}>"))
            break

    authors: tuple[str, ...] = ()
    for a in entry.get("authors") or []:
        name = a.get("name") if isinstance(a, dict) else None
        authors += split_byline(name) if name else ()
    if not authors and entry.get("author"):
        authors = split_byline(entry.get("author"))
    if authors:
        provenance.append(("authors", "item author"))
    else:
        detail = feed.get("author_detail") or {}
        authors = split_byline(detail.get("name") or feed.get("author"))
        if authors:
            provenance.append(("authors", "feed author"))

    language = None
    for c in entry.get("content") or []:
        language = language or language_tag(c.get("language"))
    language = language or language_tag(feed.get("language"))
    if language:
        provenance.append(("language", "feed language"))
    site = _text_of(feed.get("title"), 200)
    if site:
        provenance.append(("source.name", "feed title"))
    if base:
        provenance.append(("source.url", "item link"))
    tags = tuple(
        t for t in (_text_of(tag.get("term"), 80) for tag in entry.get("tags") or []) if t
    )[:20]
    return Article(
        headline=headline,
        standfirst=standfirst,
        source=Source(name=site, url=base),
        published=published,
        authors=authors,
        language=language,
        tags=tags,
        body=body,
        notes=notes,
        provenance=tuple(provenance),
    )


def _well_formed(data: bytes) -> bool:
    """True when ``data`` parses as XML (no DTD loaded, no entity resolved, no network)."""
    import lxml.etree

    parser = lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        lxml.etree.fromstring(data, parser=parser)
    except lxml.etree.XMLSyntaxError:
        return False
    return True


def read_feed(data: bytes, *, name: str = "input") -> Reading:
    import feedparser

    if len(data) > MAX_FEED_BYTES:
        raise InputError(
            f"feed is {len(data):,} bytes, over the reader's limit of {MAX_FEED_BYTES:,}"
        )
    # feedparser's own HTML sanitiser and URI resolver (sgmllib, pure Python) are
    # slow on tag-heavy input; item HTML is parsed by lxml and cleaned by our
    # block walker instead (scripts, frames, media dropped; links resolved).
    data = strip_doctype(data)
    tags = data.count(b"<")
    if tags > MAX_LOOSE_TAGS and not _well_formed(data):
        raise InputError(
            f"feed is not well-formed XML and too large to repair ({tags:,} tags, "
            f"limit {MAX_LOOSE_TAGS:,})"
        )
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        cause = parsed.get("bozo_exception")
        detail = f": {collapse_spaces(str(cause))[:200]}" if cause else ""
        raise InputError(f"no feed items found{detail}")
    if len(entries) > MAX_ITEMS:
        raise InputError(f"feed has {len(entries)} items, over the limit of {MAX_ITEMS}")
    feed = parsed.get("feed") or {}
    articles = tuple(_entry_article(e, i + 1, feed) for i, e in enumerate(entries))
    return Reading(articles=articles, title=_text_of(feed.get("title"), 300))
