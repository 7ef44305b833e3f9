"""Metadata a web page states about itself: JSON-LD, OpenGraph, <meta>, <link>.

Each value comes with where it was found, for ``Article.provenance``. The
order of preference per field is explicit below: structured data (JSON-LD)
first, then OpenGraph/Twitter/Dublin Core and common publisher tags, then the
document itself (``<html lang>``, ``<h1>``, ``<title>``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..textutil import clean, collapse_spaces
from .dates import iso_date

_MAX_JSONLD = 512 * 1024
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:by|par|por|von|door|av|text by|written by|posted by)\s*:?\s+",
    re.IGNORECASE,
)
# A byline's parts: groups between commas (or in brackets), names joined inside a group.
# Connectors are matched in lower case only, so initials ("Y. Tanaka") survive.
_AUTHOR_GROUPS = re.compile(r"\s*[,;()]\s*")
_AUTHOR_JOINS = re.compile(r"\s*&\s*|\s+(?:and|et|y|und|with|avec|mit|con)\s+")
# A group may open on its connector: "A, B, and C", "A (avec B et C)".
_LEADING_JOIN = re.compile(r"^(?:and|et|y|und|with|avec|mit|con)\s+")
# Words of a credit or an outlet, never of a person's name.
_CREDIT_WORDS = frozenset(
    [
        *("staff", "agencies", "agency", "reporter", "reporters", "correspondent"),
        *("correspondents", "editor", "editors", "writer", "writers", "press", "news"),
        *("desk", "team", "wire", "wires", "bureau", "contributor", "contributors"),
        *("service", "services", "online", "media", "newsroom", "redaktion", "rédaction"),
        *("redacción", "agence", "agencia", "agentur"),
    ]
)
_NAME_PARTICLES = frozenset(
    [
        *("de", "da", "del", "della", "dei", "di", "du", "des", "la", "le", "van", "von"),
        *("der", "den", "ter", "ten", "bin", "ibn", "al", "el", "y", "e"),
    ]
)
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "report",
    "scholarlyarticle",
    "techarticle",
    "liveblogposting",
    "socialmediaposting",
}


@dataclass
class PageMeta:
    """Found values, each as ``(value, where)``."""

    fields: dict[str, tuple[Any, str]] = field(default_factory=dict)

    def offer(self, name: str, value: Any, where: str) -> None:
        """Keep ``value`` unless the field already has one (callers go best first)."""
        if name in self.fields or value in (None, "", (), []):
            return
        self.fields[name] = (value, where)

    def get(self, name: str) -> Any:
        found = self.fields.get(name)
        return found[0] if found else None

    def where(self, name: str) -> str | None:
        found = self.fields.get(name)
        return found[1] if found else None


def _text(value: Any, limit: int = 1000) -> str | None:
    if not isinstance(value, str):
        return None
    text = collapse_spaces(clean(value).replace("\n", " "))
    return text[:limit] if text else None


def _meta_map(root: Any) -> dict[str, str]:
    """``<meta>`` name/property -> content, first occurrence wins, keys lower-cased."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content is not None:
            found.setdefault(key.strip().lower(), content)
    return found


def _jsonld_objects(root: Any) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > _MAX_JSONLD:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        seen = 0
        while stack and seen < 200:
            item = stack.pop(0)
            seen += 1
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    names = t if isinstance(t, list) else [t]
    return {n.lower() for n in names if isinstance(n, str)}


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author value (string, object or list)."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items[:20]:
        name = item.get("name") if isinstance(item, dict) else item
        text = _text(name, 200)
        if text and not text.lower().startswith(("http://", "https://")):
            out.append(text)
    return out


def split_byline(byline: str | None) -> tuple[str, ...]:
    """``"By Jane Doe and John Roe"`` -> ``("Jane Doe", "John Roe")``.

    A byline is split only where each part is a person's name: "Staff and agencies" or
    "heise online" stays one credit, and what follows the names after a comma is a
    place or an outlet, not another author ("Jane Doe, Montreal, Quebec" -> "Jane Doe")."""
    text = _text(byline, 300)
    if not text or text.lower().startswith(("http://", "https://")):
        return ()
    text = _BYLINE_PREFIX.sub("", text)
    # Bylines often carry a date or role after a dash or pipe: keep the names.
    text = re.split(r"\s+[|–—-]\s+|\s*\|\s*", text)[0].strip(" .,;")
    groups = [_LEADING_JOIN.sub("", g.strip(" .")) for g in _AUTHOR_GROUPS.split(text)]
    groups = [g for g in groups if g]
    names: list[str] = []
    for n, group in enumerate(groups):
        parts = [p.strip(" .") for p in _AUTHOR_JOINS.split(group)]
        parts = [p for p in parts if p]
        if not parts or not all(_is_name(p) for p in parts) or (n and _is_place(group)):
            if n == 0:
                names = [text]  # a credit, not a list of names
            break  # after the names: a place or an outlet
        names.extend(parts)
    return tuple(n for n in names if len(n) <= 100 and "@" not in n and any(c.isalpha() for c in n))


def _is_name(part: str) -> bool:
    """Two to five words, each capitalised (or of a script without capitals) but for
    particles ("van", "de la"), no digit and no word of a credit ("Staff", "Press")."""
    words = part.split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in part):
        return False
    if any(w.casefold().strip(".") in _CREDIT_WORDS for w in words):
        return False
    for n, word in enumerate(words):
        first = word[0]
        if word.casefold() in _NAME_PARTICLES and 0 < n < len(words) - 1:
            continue
        if first.islower() or not (first.isalpha() or first == "'"):
            return False
    return True


def _is_place(group: str) -> bool:
    """A known country, region or city: the place of a dateline, not an author."""
    from ..analysis.places import normalise
    from ..analysis.worldnames import city

    return normalise(group) is not None or city(group, cued=True) is not None


def language_tag(value: str | None) -> str | None:
    """A BCP 47 tag from ``en_US``/``en-us``/``EN``; None when it is not one."""
    text = (value or "").strip().split(",")[0].strip()
    if not text or not _LANG.match(text):
        return None
    parts = text.replace("_", "-").split("-")
    tag = [parts[0].lower()]
    for p in parts[1:]:
        tag.append(p.upper() if len(p) == 2 else p.lower() if len(p) != 4 else p.title())
    return "-".join(tag)


def page_meta(root: Any) -> PageMeta:
    """What the page says about itself."""
    meta = PageMeta()
    metas = _meta_map(root)

    # Structured data first.
    for obj in _jsonld_objects(root):
        types = _types(obj)
        if types & _ARTICLE_TYPES:
            meta.offer(
                "headline", _text(obj.get("headline") or obj.get("name"), 400), "JSON-LD headline"
            )
            meta.offer("published", iso_date(obj.get("datePublished")), "JSON-LD datePublished")
            meta.offer("authors", tuple(_names(obj.get("author"))), "JSON-LD author")
            publisher = obj.get("publisher")
            if isinstance(publisher, dict):
                meta.offer("site", _text(publisher.get("name"), 200), "JSON-LD publisher")
            meta.offer(
                "language", language_tag(_text(obj.get("inLanguage"), 40)), "JSON-LD inLanguage"
            )
            meta.offer("description", _text(obj.get("description")), "JSON-LD description")
        elif "website" in types or "newsmediaorganization" in types or "organization" in types:
            meta.offer("site", _text(obj.get("name"), 200), "JSON-LD " + sorted(types)[0])

    # OpenGraph, Twitter cards, Dublin Core and common publisher tags.
    for key in ("og:title", "twitter:title", "dc.title", "sailthru.title", "parsely-title"):
        meta.offer("headline", _text(metas.get(key), 400), f"<meta {key}>")
    for key in (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "article.published",
        "og:published_time",
        "publication_date",
    ):
        meta.offer("published", iso_date(metas.get(key)), f"<meta {key}>")
    for key in (
        "author",
        "article:author",
        "byl",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "twitter:creator",
    ):
        value = metas.get(key)
        if key == "twitter:creator" and value and value.startswith("@"):
            continue
        meta.offer("authors", split_byline(value), f"<meta {key}>")
    meta.offer("site", _text(metas.get("og:site_name"), 200), "<meta og:site_name>")
    meta.offer("site", _text(metas.get("application-name"), 200), "<meta application-name>")
    for key in ("og:description", "description", "twitter:description", "dc.description"):
        meta.offer("description", _text(metas.get(key)), f"<meta {key}>")
    for key in ("news_keywords", "keywords"):
        raw = _text(metas.get(key), 1000)
        if raw:
            tags = tuple(t.strip() for t in raw.split(",") if t.strip())[:20]
            meta.offer("tags", tags, f"<meta {key}>")

    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel:
            meta.offer("url", _text(link.get("href"), 2048), "<link rel=canonical>")
    meta.offer("url", _text(metas.get("og:url"), 2048), "<meta og:url>")

    # The document itself.
    html_lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    meta.offer("language", language_tag(html_lang), "<html lang>")
    meta.offer(
        "language",
        language_tag(metas.get("content-language")),
        "<meta http-equiv=content-language>",
    )
    meta.offer("language", language_tag(metas.get("og:locale")), "<meta og:locale>")
    parsely = metas.get("parsely-page")
    if parsely and len(parsely) < 20_000:
        try:
            data = json.loads(parsely)
        except ValueError:
            data = None
        if isinstance(data, dict):
            meta.offer("published", iso_date(data.get("pub_date")), "<meta parsely-page>")
            meta.offer("authors", tuple(_names(data.get("author"))), "<meta parsely-page>")
    for el in root.iter("time"):
        if el.get("pubdate") is not None or (el.get("itemprop") or "") == "datePublished":
            meta.offer("published", iso_date(el.get("datetime")), "<time pubdate>")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("itemprop") == "datePublished":
            meta.offer(
                "published",
                iso_date(el.get("content") or el.get("datetime")),
                "itemprop=datePublished",
            )
        if (
            "author" in (el.get("itemprop") or "").split()
            or "author" in (el.get("rel") or "").split()
        ):
            meta.offer("authors", split_byline(el.text_content()), "author mark-up")
    for article in root.iter("article"):
        for el in article.iter("time"):
            meta.offer("published", iso_date(el.get("datetime")), "first <time> in <article>")
            break
        break
    for h1 in root.iter("h1"):
        meta.offer("h1", _text(h1.text_content(), 400), "<h1>")
        break
    title = root.find(".//title")
    if title is not None:
        meta.offer("title", _text(title.text_content(), 400), "<title>")
    return meta


def strip_site_suffix(title: str, site: str | None) -> str:
    """``"Story | Site"`` -> ``"Story"`` when the tail is the site's name or short."""
    parts = re.split(r"\s+[|–—:-]\s+|\s*\|\s*", title)
    if len(parts) < 2:
        return title
    tail = parts[-1].strip()
    site_l = (site or "").lower()
    if (site_l and (tail.lower() in site_l or site_l in tail.lower())) or (
        len(tail) <= 30 and len(parts[-1]) < len(title) / 2
    ):
        head = title[: title.rfind(parts[-1])].rstrip(" |–—:-")
        return head or title
    return title
