"""JSON input: the model itself (as ``docexport inspect --json`` prints it), or a
simple article object ``{"headline": ..., "body": ...}`` from other programs."""

from __future__ import annotations

import json as _json
from typing import Any

from ..errors import InputError
from ..limits import check_block_count, check_json_size
from ..model import Article, Paragraph, Source, Text
from ..serialize import pack_from_dict
from ..textutil import clean, collapse_spaces, strip_illegal
from . import Reading
from .decode import decode

_SIMPLE_KEYS = {
    "headline",
    "title",
    "standfirst",
    "body",
    "text",
    "source",
    "url",
    "date",
    "published",
    "authors",
    "author",
    "language",
    "tags",
}


def read_json(data: bytes, *, name: str = "input") -> Reading:
    text = decode(data)
    check_json_size(text)  # before parsing: the parsed form is many times larger
    try:
        obj = _strip_strings(_json.loads(text))
    except _json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise InputError("JSON nested too deeply") from None
    if isinstance(obj, dict) and "articles" in obj:
        pack = pack_from_dict(obj)
        return Reading(articles=pack.articles, pack=pack, analysed=True)
    if isinstance(obj, dict):
        return Reading(articles=(simple_article(obj),))
    if isinstance(obj, list) and obj and all(isinstance(o, dict) for o in obj):
        return Reading(articles=tuple(simple_article(o) for o in obj))
    raise InputError("JSON is neither a docexport model nor an article object")


def _strip_strings(obj: Any) -> Any:
    """Every string without the characters XML cannot hold: JSON escapes such as
    ``\\ud800`` or ``\\u0000`` put them back after decoding. Only removal, no
    normalisation, so sentence offsets in a clean model stay as they were."""
    if isinstance(obj, str):
        return strip_illegal(obj)
    if isinstance(obj, list):
        return [_strip_strings(v) for v in obj]
    if isinstance(obj, dict):
        return {strip_illegal(str(k)): _strip_strings(v) for k, v in obj.items()}
    return obj


def _str(obj: dict[str, Any], *keys: str) -> str | None:
    for k in keys:
        v = obj.get(k)
        if v is not None:
            if not isinstance(v, (str, int, float)):
                raise InputError(f"article JSON field {k!r} must be a string")
            return collapse_spaces(clean(str(v))) or None
    return None


def simple_article(obj: dict[str, Any]) -> Article:
    """An article from ``{"headline", "body", "standfirst", "source", "url", ...}``."""
    unknown = set(obj) - _SIMPLE_KEYS
    if unknown:
        raise InputError(f"article JSON has an unknown field {sorted(unknown)[0]!r}")
    headline = _str(obj, "headline", "title")
    if not headline:
        raise InputError("article JSON has no 'headline'")
    body_raw = obj.get("body", obj.get("text", ""))
    if isinstance(body_raw, list):
        paras = [clean(str(p)) for p in body_raw]
    elif isinstance(body_raw, str):
        paras = clean(body_raw).replace("\r\n", "\n").split("\n")
    else:
        raise InputError("article JSON field 'body' must be a string or a list of strings")
    paras = [collapse_spaces(p) for p in paras if p.strip()]
    check_block_count(len(paras))
    authors_raw = obj.get("authors", obj.get("author", []))
    authors = (authors_raw,) if isinstance(authors_raw, str) else tuple(map(str, authors_raw))
    tags_raw = obj.get("tags", [])
    source_raw = obj.get("source")
    if isinstance(source_raw, dict):
        source = Source(name=source_raw.get("name"), url=source_raw.get("url"))
    else:
        source = Source(name=_str(obj, "source"), url=_str(obj, "url"))
    return Article(
        headline=headline,
        standfirst=_str(obj, "standfirst"),
        source=source,
        published=_str(obj, "published", "date"),
        authors=authors,
        language=_str(obj, "language"),
        tags=tuple(map(str, tags_raw)) if isinstance(tags_raw, list) else (),
        body=tuple(Paragraph(id=f"p{i + 1}", inlines=(Text(text=p),)) for i, p in enumerate(paras)),
        provenance=(("headline", "JSON field"),),
    )
