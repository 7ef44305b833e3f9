"""Keyed inputs of an evaluation set: which files count, and which article each key is about.

An input is ``<slug>.<ext>`` next to ``<slug>.key.json``, in a set's folder or any of its
sub-folders, of any kind docexport reads (plain text, Markdown, saved pages, feeds). Each is
read as bytes by the ordinary readers (``docexport.load(path, analyse=False)``), which pick
the kind from content and extension and honour a declared encoding (a GB2312 feed).

A key is about one article, except:

- a feed's key with ``"feed": true`` and ``"items"``: one item key per kept item, in feed
  order, each with the usual article fields plus ``"item_link"`` and ``"item_title"``. An
  item is paired with the reader's article whose source URL is the item's link, or else
  whose headline is the item's title, and scored as one article; an item with no partner
  is scored as found empty (every fact of it missed).
- a key with ``"item": N`` (from 1): the N-th article of the input (an older convention).

``"published"`` may be null (the text gives no date): the reader's own date stands then.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INPUT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom")
# A feed's top-level fields its items inherit when they do not give their own.
_INHERITED = ("language", "source", "batch", "blind", "heldout", "dev")


@dataclass(frozen=True)
class Keyed:
    """One scored article: its label in reports, its key, and the reader's article (None
    when a feed item of the key is not in the feed)."""

    label: str
    key: dict[str, Any]
    article: Any | None
    path: Path


def key_path(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + ".key.json")


def inputs(folder: Path, *, recursive: bool = True) -> list[Path]:
    """The keyed inputs of ``folder`` (and, by default, of its sub-folders), sorted."""
    found = folder.rglob("*") if recursive else folder.glob("*")
    return sorted(
        p
        for p in found
        if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and key_path(p).exists()
    )


def _published(article: Any, key: dict[str, Any]) -> Any:
    return dataclasses.replace(article, published=key.get("published") or article.published)


def _pair(item: dict[str, Any], articles: list[Any], taken: set[int]) -> int | None:
    """The index of the reader's article an item key is about: by link, then by title."""
    link, title = item.get("item_link"), item.get("item_title")
    for field, want in (("url", link), ("headline", title)):
        if not want:
            continue
        for n, article in enumerate(articles):
            got = article.source.url if field == "url" else article.headline
            if n not in taken and got is not None and got.strip() == str(want).strip():
                return n
    return None


def _feed_items(path: Path, key: dict[str, Any], articles: list[Any]) -> Iterator[Keyed]:
    taken: set[int] = set()
    for n, item in enumerate(key["items"], start=1):
        item_key = {**{k: key[k] for k in _INHERITED if k in key}, **item}
        item_key.setdefault("slug", f"{key['slug']}#{n}")
        label = f"{key['slug']}#{n}"
        hit = _pair(item, articles, taken)
        if hit is None:
            yield Keyed(label, item_key, None, path)
            continue
        taken.add(hit)
        yield Keyed(label, item_key, _published(articles[hit], item_key), path)


def keyed_articles(path: Path) -> Iterator[Keyed]:
    """The articles one keyed input holds, each with its key."""
    from docexport import load

    key = json.loads(key_path(path).read_text(encoding="utf-8"))
    articles = list(load(path, analyse=False).articles)
    if key.get("feed") and "items" in key:
        yield from _feed_items(path, key, articles)
        return
    article = articles[int(key.get("item", 1)) - 1]
    yield Keyed(key["slug"], key, _published(article, key), path)
