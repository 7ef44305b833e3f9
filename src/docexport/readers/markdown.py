"""The Markdown reader: YAML front matter + a CommonMark body -> one article.

Front matter keys: ``title``, ``source`` (a name, or ``{name, url}``), ``url``,
``date``, ``authors`` (or ``author``), ``language``, ``tags``, ``marking`` and
``standfirst``. The headline is ``title``, else the first ``# `` heading.

The standfirst is never guessed from ordinary text. It is taken from front
matter (``standfirst: "text"``, or ``standfirst: true`` for "the first
paragraph is the standfirst"), or when the first paragraph is clearly set
apart as a lead: written entirely in emphasis or strong (``*A short dek.*``)
and followed by more text.

Raw HTML is not interpreted (it stays visible as text); images are dropped
(they would be remote); tables become one text paragraph per row with a
warning, because the model has no table block.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from typing import Any

from ..errors import DocexportWarning, InputError
from ..limits import check_lines
from ..model import (
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    Inline,
    Link,
    ListBlock,
    Mark,
    Paragraph,
    Source,
    Text,
    plain_text,
)
from ..textutil import clean, collapse_spaces
from . import Reading
from .dates import iso_date
from .decode import decode
from .htmlblocks import resolve_link, with_roles
from .pagemeta import language_tag, split_byline

MAX_FRONT_MATTER = 64 * 1024
FRONT_MATTER_KEYS = {
    "title",
    "headline",
    "source",
    "url",
    "date",
    "published",
    "authors",
    "author",
    "language",
    "lang",
    "tags",
    "marking",
    "standfirst",
    "description",
}
_MARKS: dict[str, Mark] = {"em": "emphasis", "strong": "strong"}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The front matter mapping and the body after it."""
    if not text.startswith("---\n"):
        return {}, text
    end = -1
    for marker in ("\n---\n", "\n...\n", "\n---", "\n..."):
        end = text.find(marker, 3, MAX_FRONT_MATTER + 8)
        if end != -1 and (marker.endswith("\n") or end + len(marker) == len(text)):
            break
        end = -1
    if end == -1:
        if len(text) > MAX_FRONT_MATTER:
            raise InputError(f"front matter is not closed within {MAX_FRONT_MATTER:,} characters")
        raise InputError("front matter starts with '---' but has no closing '---' line")
    import yaml

    raw = text[4:end]
    body = text[end + 4 :].lstrip("\n") if end + 4 <= len(text) else ""
    try:
        meta = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(f"front matter is not valid YAML{where}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping of keys to values")
    return meta, body


def _scalar(meta: dict[str, Any], *keys: str, limit: int | None = None) -> str | None:
    """The first of ``keys`` that is set, as one line of text; cut to ``limit``
    characters only where a cut loses nothing that matters (a language tag).
    Titles, markings and sources are never cut: loading refuses them whole when
    they are over their limits, rather than print half a classification line."""
    for key in keys:
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, (_dt.date, _dt.datetime)):
            return value.isoformat()
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise InputError(f"front matter key {key!r} must be text")
        text = collapse_spaces(clean(str(value)))
        return text[:limit] or None
    return None


def _names(meta: dict[str, Any], *keys: str) -> tuple[str, ...]:
    for key in keys:
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            return split_byline(value)
        if isinstance(value, list):
            out: list[str] = []
            for item in value[:50]:
                if isinstance(item, dict):
                    item = item.get("name")
                if not isinstance(item, (str, int, float)):
                    raise InputError(f"front matter key {key!r} must be a list of names")
                text = collapse_spaces(clean(str(item)))
                if text:
                    out.append(text)
            return tuple(out)
        raise InputError(f"front matter key {key!r} must be a name or a list of names")
    return ()


class _Body:
    """markdown-it tokens -> blocks."""

    def __init__(self, base_url: str | None) -> None:
        self.base = base_url
        self.blocks: list[Block] = []
        self.counts: dict[str, int] = {}
        self.tables = 0

    def _id(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"

    def inlines(self, token: Any) -> tuple[Inline, ...]:
        runs: list[Inline] = []
        # How deep each mark is open, in the order first opened. Emphasis may
        # nest 50,000 deep; a list of every open mark made each run cost the
        # depth, and a paragraph quadratic time.
        marks: dict[Mark, int] = {}
        link: str | None = None
        link_text: list[str] = []
        pending: list[str] = []  # text of the run being built, joined once

        def flush() -> None:
            last = runs[-1] if runs else None
            if pending and isinstance(last, Text):
                runs[-1] = Text(text=last.text + "".join(pending), marks=last.marks)
            pending.clear()

        def add(text: str, extra: tuple[Mark, ...] = ()) -> None:
            if not text:
                return
            if link is not None:
                link_text.append(text)
                return
            m = tuple(dict.fromkeys((*marks, *extra)))
            last = runs[-1] if runs else None
            if isinstance(last, Text) and last.marks == m:
                pending.append(text)
            else:
                flush()
                runs.append(Text(text=text, marks=m))

        for child in token.children or []:
            kind = child.type
            if kind == "text":
                add(clean(child.content))
            elif kind in ("softbreak", "hardbreak"):
                add(" ")
            elif kind == "code_inline":
                add(clean(child.content), ("code",))
            elif kind.endswith("_open") and kind[:-5] in _MARKS:
                mark = _MARKS[kind[:-5]]
                marks[mark] = marks.get(mark, 0) + 1
            elif kind.endswith("_close") and kind[:-6] in _MARKS:
                mark = _MARKS[kind[:-6]]
                if marks.get(mark, 0) > 1:
                    marks[mark] -= 1
                else:
                    marks.pop(mark, None)
            elif kind == "link_open":
                link = resolve_link(str(child.attrs.get("href") or ""), self.base) or ""
                link_text = []
            elif kind == "link_close":
                text, url = "".join(link_text), link
                link = None
                if url:
                    flush()
                    runs.append(Link(text=text, url=url, marks=tuple(marks)))
                else:
                    add(text)
            elif kind == "image":
                continue  # a remote picture: never fetched, not shown
            else:
                add(clean(child.content))
        flush()
        return _tidy(runs)

    def build(self, tokens: list[Any]) -> tuple[Block, ...]:
        quote = 0
        list_depth = 0
        items: list[tuple[Inline, ...]] = []
        item: list[Inline] = []
        ordered = False
        row: list[str] | None = None
        heading_level = 0
        for tok in tokens:
            t = tok.type
            if t == "heading_open":
                heading_level = int(tok.tag[1:])
            elif t == "heading_close":
                heading_level = 0
            elif t == "blockquote_open":
                quote += 1
            elif t == "blockquote_close":
                quote -= 1
            elif t in ("bullet_list_open", "ordered_list_open"):
                if list_depth == 0:
                    items, ordered = [], t == "ordered_list_open"
                list_depth += 1
            elif t in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
                if list_depth == 0 and items:
                    self.blocks.append(
                        ListBlock(id=self._id("l"), items=tuple(items), ordered=ordered)
                    )
                    items = []
            elif t == "list_item_open" or t == "list_item_close":
                if item:
                    items.append(_tidy(item))
                item = []
            elif t == "tr_open":
                row = []
            elif t == "tr_close":
                line = " | ".join(c for c in (row or []) if c)
                if line:
                    self.blocks.append(Paragraph(id=self._id("p"), inlines=(Text(text=line),)))
                row = None
            elif t == "table_open":
                self.tables += 1
            elif t in ("fence", "code_block"):
                text = clean(tok.content).rstrip("\n")
                if text.strip():
                    if list_depth:
                        item.extend([Text(text=" "), Text(text=text, marks=("code",))])
                    else:
                        self.blocks.append(CodeBlock(id=self._id("c"), text=text))
            elif t == "html_block":
                self._paragraph(_tidy([Text(text=clean(tok.content))]), quote)
            elif t == "inline":
                inl = self.inlines(tok)
                if row is not None:
                    row.append(plain_text(inl))
                elif heading_level:
                    if inl:
                        self.blocks.append(
                            Heading(id=self._id("h"), level=min(heading_level, 6), inlines=inl)
                        )
                elif list_depth:
                    if item and inl:
                        item.append(Text(text=" "))
                    item.extend(inl)
                else:
                    self._paragraph(inl, quote)
        if self.tables:
            warnings.warn(
                DocexportWarning(
                    f"{self.tables} Markdown table(s) shown as text, one paragraph per row "
                    "(the model has no table block)"
                ),
                stacklevel=3,
            )
        return tuple(self.blocks)

    def _paragraph(self, inl: tuple[Inline, ...], quote: int) -> None:
        if not inl:
            return
        if quote:
            self.blocks.append(BlockQuote(id=self._id("q"), inlines=inl))
        else:
            self.blocks.append(Paragraph(id=self._id("p"), inlines=inl))


def _tidy(runs: list[Inline]) -> tuple[Inline, ...]:
    """Merge neighbouring runs and collapse white space."""
    out: list[Inline] = []
    for run in runs:
        text = collapse_spaces(run.text.replace("\n", " ")) if run.marks != ("code",) else run.text
        if run.text[:1].isspace():
            text = " " + text
        if run.text[-1:].isspace() and text.strip():
            text = text + " "
        if not text:
            continue
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not out:
            text = text.lstrip()
        if not text:
            continue
        if isinstance(run, Link):
            out.append(Link(text=text, url=run.url, marks=run.marks))
        elif out and isinstance(out[-1], Text) and out[-1].marks == run.marks:
            out[-1] = Text(text=out[-1].text + text, marks=run.marks)
        else:
            out.append(Text(text=text, marks=run.marks))
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        last = out[-1]
        stripped = last.text.rstrip()
        out[-1] = (
            Link(text=stripped, url=last.url, marks=last.marks)
            if isinstance(last, Link)
            else Text(text=stripped, marks=last.marks)
        )
    return tuple(out)


def _text_of(block: Block) -> str:
    return plain_text(block.inlines) if isinstance(block, (Paragraph, Heading)) else ""


def _is_lead(block: Block) -> bool:
    """A paragraph written entirely in emphasis or strong: a dek set apart by its author."""
    if not isinstance(block, Paragraph) or not block.inlines:
        return False
    return all(
        isinstance(i, Text) and ("emphasis" in i.marks or "strong" in i.marks)
        for i in block.inlines
        if i.text.strip()
    )


def read_markdown(data: bytes, *, name: str = "input") -> Reading:
    from markdown_it import MarkdownIt

    text = decode(data)
    check_lines(text)  # the parser's tokens take memory before blocks can be counted
    meta, body_text = split_front_matter(text)
    unknown = sorted(set(map(str, meta)) - FRONT_MATTER_KEYS)
    if unknown:
        warnings.warn(
            DocexportWarning(f"front matter key(s) ignored: {', '.join(unknown[:10])}"),
            stacklevel=2,
        )
    provenance: list[tuple[str, str]] = []
    url = _scalar(meta, "url")
    source_raw = meta.get("source")
    source_name = None
    if isinstance(source_raw, dict):
        source_name = _scalar(source_raw, "name")
        url = url or _scalar(source_raw, "url")
    else:
        source_name = _scalar(meta, "source")
    base = resolve_link(url, None) if url else None

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    blocks = list(_Body(base).build(md.parse(body_text)))

    headline = _scalar(meta, "title", "headline")
    if headline:
        provenance.append(("headline", "front matter 'title'"))
        first = blocks[0] if blocks else None
        if isinstance(first, Heading) and plain_text(first.inlines) == headline:
            blocks = blocks[1:]  # the title repeated as '# ' under the front matter
    else:
        first = blocks[0] if blocks else None
        if isinstance(first, Heading):
            headline = plain_text(first.inlines)
            blocks = blocks[1:]
            provenance.append(("headline", f"first heading (level {first.level})"))
        else:
            raise InputError("no headline: no 'title' in front matter and no '# ' heading first")
    assert headline is not None

    standfirst = None
    sf = meta.get("standfirst", meta.get("description"))
    first_para = next((i for i, b in enumerate(blocks[:3]) if isinstance(b, Paragraph)), None)
    if isinstance(sf, str) and sf.strip():
        standfirst = _scalar(meta, "standfirst", "description")
        provenance.append(("standfirst", "front matter 'standfirst'"))
    elif sf is True and first_para is not None:
        standfirst = _text_of(blocks.pop(first_para))
        provenance.append(("standfirst", "first paragraph (front matter 'standfirst: true')"))
    elif (
        sf is None
        and first_para is not None
        and all(isinstance(b, Heading) for b in blocks[:first_para])
        and len(blocks) > first_para + 1
        and _is_lead(blocks[first_para])
    ):
        standfirst = _text_of(blocks.pop(first_para))
        provenance.append(("standfirst", "first paragraph, set entirely in emphasis/strong"))
    elif sf not in (None, False, True):
        raise InputError("front matter key 'standfirst' must be text or true/false")

    published = None
    raw_date = _scalar(meta, "date", "published", limit=2000)
    if raw_date:
        published = iso_date(raw_date)
        if not published:
            raise InputError(f"front matter date {raw_date[:40]!r} is not a date (use YYYY-MM-DD)")
        provenance.append(("published", "front matter 'date'"))
    authors = _names(meta, "authors", "author")
    if authors:
        provenance.append(("authors", "front matter 'authors'"))
    language = None
    raw_lang = _scalar(meta, "language", "lang", limit=40)
    if raw_lang:
        language = language_tag(raw_lang)
        if not language:
            raise InputError(f"front matter language {raw_lang!r} is not a language tag")
        provenance.append(("language", "front matter 'language'"))
    tags_raw = meta.get("tags")
    if isinstance(tags_raw, str):
        tags = tuple(t.strip() for t in tags_raw.split(",") if t.strip())
    elif isinstance(tags_raw, list):
        if not all(isinstance(t, (str, int, float)) for t in tags_raw[:50]):
            raise InputError("front matter key 'tags' must be a list of words")
        tags = tuple(collapse_spaces(clean(str(t))) for t in tags_raw[:50])
    elif tags_raw is None:
        tags = ()
    else:
        raise InputError("front matter key 'tags' must be a list")
    if tags:
        provenance.append(("tags", "front matter 'tags'"))
    if source_name:
        provenance.append(("source.name", "front matter 'source'"))
    if base:
        provenance.append(("source.url", "front matter 'url'"))
    marking = _scalar(meta, "marking")
    if not blocks and not standfirst:
        raise InputError("no text: the Markdown has a headline but no body")
    provenance.append(("body", "CommonMark body"))
    return Reading(
        articles=(
            Article(
                headline=headline,
                standfirst=standfirst,
                source=Source(name=source_name, url=base),
                published=published,
                authors=authors,
                language=language,
                tags=tuple(t for t in tags if t),
                body=with_roles(blocks),
                provenance=tuple(provenance),
            ),
        ),
        marking=marking,
    )
