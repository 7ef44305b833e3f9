"""The HTML reader: a saved web page -> one article.

The article body comes from trafilatura (run on an already parsed, safe lxml
tree, so it never fetches or re-parses anything); metadata comes first from
what the page states about itself (:mod:`.pagemeta`) and only then from
trafilatura's guesses. Navigation, ads, comments, scripts, images and frames
are left out; links are resolved against the canonical URL.
"""

from __future__ import annotations

import copy
import re
import warnings
from typing import Any
from urllib.parse import urlsplit

from ..errors import DocexportWarning, InputError
from ..model import Article, Block, Heading, Paragraph, Source, plain_text
from . import Reading
from .dates import iso_date
from .htmlblocks import blocks_from_element
from .htmlsafe import parse_html
from .pagemeta import PageMeta, page_meta, split_byline, strip_site_suffix

# A page with more elements than this is refused.
MAX_TREE_ELEMENTS = 200_000
# trafilatura's time grows with the square of a page's inline elements (links,
# bold, italics: 34,000 of them took 26 s, 68,000 took 93 s). On a larger page
# than this it is not run: the page's text is taken whole, less its furniture,
# with a warning.
MAX_EXTRACT_ELEMENTS = 30_000
_NORM = re.compile(r"\W+")
# Inline elements that only style text. trafilatura strips them itself, which
# leaves each paragraph's text in as many pieces as it had spans, and then
# reads and rewrites that text piece by piece: a page of paragraphs made of
# spans took minutes. The copy it extracts from loses them first, its text
# joined back into one piece per element; the page itself keeps them.
_STYLE_ONLY = ("span", "font", "big", "small", "tt", "bdi", "bdo", "wbr")


def strip_style_only(root: Any) -> None:
    """Remove style-only inline elements, keeping their text, in one piece."""
    from lxml import etree

    etree.strip_tags(root, *_STYLE_ONLY)
    for el in root.iter():
        if isinstance(el.tag, str) and el.text:
            el.text = el.text  # lxml joins the pieces when it sets the text
        if el.tail:
            el.tail = el.tail


def _web_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def _extract(root: Any, url: str | None) -> Any:
    """trafilatura's extraction (body and its metadata guesses), or None."""
    from trafilatura import bare_extraction
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_ELEMENTS))
    return bare_extraction(
        root,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
        include_links=True,
        include_formatting=True,
        deduplicate=False,
        config=config,
    )


# Class/id words of page furniture that extractors sometimes keep at the end of
# an article: "more stories", "most popular", share bars, comment boxes...
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:related|recommend\w*|more-?stories|other|popular|most-?read|mostread"
    r"|outbrain|taboola|promo|share|sharing|social|comments?|newsletter|sidebar|widget"
    r"|advert\w*|ads?|sponsor\w*|trending|subscribe|signup|breadcrumbs?|read-?next)(?:$|[\s_-])",
    re.IGNORECASE,
)


def prune_furniture(root: Any) -> int:
    """Remove page furniture by its class/id, never the article itself.

    An element is kept when it holds the page's ``<h1>``, an ``<article>`` or
    ``articleBody``, or more than a third of the page's paragraph text.
    """
    total = sum(len(p.text_content()) for p in root.iter("p")) or 1
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "article", "main"):
            continue
        label = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _FURNITURE.search(label):
            continue
        if el.get("itemprop") == "articleBody" or el.find(".//h1") is not None:
            continue
        if (
            el.find(".//article") is not None
            or el.find(".//*[@itemprop='articleBody']") is not None
        ):
            continue
        if sum(len(p.text_content()) for p in el.iter("p")) * 3 > total:
            continue
        doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text, unlike parent.remove()
    return len(doomed)


def _same_start(a: str, b: str, n: int = 60) -> bool:
    na, nb = _NORM.sub(" ", a.lower()).strip(), _NORM.sub(" ", b.lower()).strip()
    k = min(n, len(na), len(nb))
    return k > 0 and na[:k] == nb[:k]


def read_html(data: bytes, *, name: str = "input") -> Reading:
    root = parse_html(data)
    if sum(1 for _ in root.iter()) > MAX_TREE_ELEMENTS:
        raise InputError(f"HTML page has more than {MAX_TREE_ELEMENTS:,} elements")
    meta = page_meta(root)
    provenance: list[tuple[str, str]] = []
    canonical = _web_url(meta.get("url"))
    base = canonical
    if base is None:
        base_el = root.find(".//base")
        base = _web_url(base_el.get("href")) if base_el is not None else None

    work = copy.deepcopy(root)
    prune_furniture(work)
    strip_style_only(work)
    elements = sum(1 for _ in work.iter())
    doc = _extract(work, canonical) if elements <= MAX_EXTRACT_ELEMENTS else None
    body_el = getattr(doc, "body", None) if doc is not None else None
    blocks: tuple[Block, ...] = ()
    if body_el is not None:
        blocks = blocks_from_element(body_el, base_url=base)
        provenance.append(("body", "trafilatura main-content extraction"))
    if not any(isinstance(b, Paragraph) for b in blocks):
        page = work if doc is None else root
        page_body = page.find(".//body")
        blocks = blocks_from_element(page_body if page_body is not None else page, base_url=base)
        if not blocks:
            raise InputError("no article text found in the HTML page")
        why = (
            f"the page has {elements:,} elements, too many to look for its article "
            f"(at most {MAX_EXTRACT_ELEMENTS:,})"
            if doc is None
            else "no article found in the page"
        )
        warnings.warn(DocexportWarning(f"{why}: all its text is used"), stacklevel=2)
        provenance.append(("body", "whole page text (no article found)"))

    site = meta.get("site") or (doc.sitename if doc is not None else None)
    headline, where = _headline(meta, doc, site, blocks)
    provenance.insert(0, ("headline", where))
    standfirst = _standfirst(meta, blocks)
    # The page's own title and dek often open the extracted body again.
    while (
        blocks
        and isinstance(blocks[0], Heading)
        and any(
            _same_start(plain_text(blocks[0].inlines), t, 400) for t in (headline, standfirst) if t
        )
    ):
        blocks = blocks[1:]
    if not blocks and not standfirst:
        # e.g. nesting deeper than the parser keeps (256 levels): the text was lost
        raise InputError("no article text found in the HTML page (only its title)")

    # A publisher named as author (common in JSON-LD) is not a byline.
    not_site = {(site or "").casefold(), (meta.get("site") or "").casefold()}
    authors: tuple[str, ...] = tuple(
        a for a in (meta.get("authors") or ()) if a.casefold() not in not_site
    )
    if authors:
        provenance.append(("authors", meta.where("authors") or ""))
    elif doc is not None and doc.author:
        authors = tuple(
            a
            for part in doc.author.split(";")
            for a in split_byline(part)
            if a.casefold() not in not_site
        )
        if authors:
            provenance.append(("authors", "trafilatura byline guess"))

    published = meta.get("published")
    if published:
        provenance.append(("published", meta.where("published") or ""))
    elif doc is not None and iso_date(doc.date):
        published = iso_date(doc.date)
        provenance.append(("published", "trafilatura/htmldate date guess"))

    if meta.get("site"):
        provenance.append(("source.name", meta.where("site") or ""))
    elif site:
        provenance.append(("source.name", "trafilatura site name guess"))
    elif canonical:
        site = urlsplit(canonical).hostname
        provenance.append(("source.name", "canonical URL host"))
    if canonical:
        provenance.append(("source.url", meta.where("url") or ""))

    language = meta.get("language")
    if language:
        provenance.append(("language", meta.where("language") or ""))

    if standfirst:
        provenance.append(("standfirst", meta.where("description") or ""))

    tags: tuple[str, ...] = meta.get("tags") or ()
    if tags:
        provenance.append(("tags", meta.where("tags") or ""))
    return Reading(
        articles=(
            Article(
                headline=headline,
                standfirst=standfirst,
                source=Source(name=site, url=canonical),
                published=published,
                authors=authors,
                language=language,
                tags=tags,
                body=blocks,
                provenance=tuple(provenance),
            ),
        )
    )


def _headline(
    meta: PageMeta, doc: Any, site: str | None, blocks: tuple[Block, ...]
) -> tuple[str, str]:
    for key in ("headline", "h1", "title"):
        value = meta.get(key)
        if value:
            return strip_site_suffix(value, site), meta.where(key) or key
    if doc is not None and doc.title:
        return str(doc.title), "trafilatura title guess"
    for b in blocks:
        if isinstance(b, Heading):
            return plain_text(b.inlines), "first heading of the body"
    raise InputError("no headline: the page has no title, og:title or <h1>")


def _standfirst(meta: PageMeta, blocks: tuple[Block, ...]) -> str | None:
    """The page's description, unless it only repeats (or truncates) the first paragraph."""
    desc = meta.get("description")
    if not desc or len(desc) < 30 or len(desc) > 600:
        return None
    text = desc.rstrip(" .…").removesuffix("...")
    for b in blocks[:4]:
        if isinstance(b, Paragraph) and _same_start(plain_text(b.inlines), text):
            return None
    return str(desc)
