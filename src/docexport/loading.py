"""Input -> model: read a file (or text), build the pack, run the analysis."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from pathlib import Path

from .errors import InputError
from .limits import (
    MAX_ARTICLE_CHARS,
    MAX_BLOCKS,
    MAX_MARKING_CHARS,
    MAX_SOURCE_CHARS,
    MAX_SUMMARY_POINTS,
    MAX_TITLE_CHARS,
    MAX_URL_CHARS,
)
from .model import Article, CodeBlock, ListBlock, Pack, plain_text
from .readers import Reading, read_bytes
from .textutil import has_visible_text, strip_illegal

# The largest input read, in bytes; larger inputs are refused with a clear
# error rather than risking memory (``--max-input-size`` changes it).
DEFAULT_MAX_INPUT_SIZE = 20 * 1024 * 1024

# The longest paragraph (or headline, standfirst, list item, quote, code block),
# in characters. reportlab re-wraps the rest of a paragraph at every page break,
# so a paragraph's PDF time grows with the square of its length: 100,000
# characters (about 30 pages of one paragraph) take seconds, 1 MB took minutes.
# No real article comes near it; a longer one is almost surely not prose.
MAX_PARAGRAPH_CHARS = 100_000


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` from the environment, if set and valid. The rule
    lives in :func:`docexport.settings.resolve_epoch`; entry points resolve it
    once and pass it on, this is for callers that did not."""
    from .settings import resolve_epoch

    return resolve_epoch()


def prepared_date(articles: tuple[Article, ...], explicit: str | None = None) -> str | None:
    """The date a pack is prepared: explicit (--date), else SOURCE_DATE_EPOCH, else
    none (a source's publication date is not a date anyone prepared the pack).
    Never the clock, so the same input gives the same pack."""
    if explicit:
        return explicit
    epoch = source_date_epoch()
    if epoch is not None:
        return _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc).date().isoformat()
    return None


def _names_a_file(text: str) -> bool:
    """Whether a string is the path of an existing file rather than article text.
    Article text may be anything: too long a name, a NUL or a lone surrogate
    makes the file-system check fail, which means "not a path"."""
    if "\n" in text or "\r" in text or len(text) >= 4096:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def read_input(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    input_format: str | None = None,
    max_input_size: int = DEFAULT_MAX_INPUT_SIZE,
) -> Reading:
    """Read a path, raw bytes, or a string of article text into a :class:`Reading`."""
    if isinstance(source, bytes):
        data, label = source, name or "input"
    elif isinstance(source, Path) or (isinstance(source, str) and _names_a_file(source)):
        path = Path(source)
        label = name or str(path)
        from .reading import read_input_file

        data = read_input_file(path, max_input_size)
    else:
        # A str may hold lone surrogates, which have no UTF-8 form; no output
        # could hold them either, so they go before encoding.
        data, label = strip_illegal(str(source)).encode("utf-8"), name or "text"
    if len(data) > max_input_size:
        raise InputError(
            f"input is {len(data):,} bytes, over the limit of {max_input_size:,} "
            "(see --max-input-size)"
        )
    reading = read_bytes(data, name=label, input_format=input_format)
    articles = reading.pack.articles if reading.pack is not None else reading.articles
    check_paragraph_lengths(articles)
    check_article_limits(articles)
    return reading


def _texts(article: Article) -> list[tuple[str, str]]:
    """(where, text) for every run of text the renderers set as one paragraph."""
    out = [("headline", article.headline)]
    if article.standfirst:
        out.append(("standfirst", article.standfirst))
    for block in article.body:
        if isinstance(block, CodeBlock):
            out.append((f"block {block.id}", block.text))
        elif isinstance(block, ListBlock):
            out.extend((f"block {block.id}", plain_text(item)) for item in block.items)
        else:
            out.append((f"block {block.id}", plain_text(block.inlines)))
    return out


def check_paragraph_lengths(
    articles: tuple[Article, ...], limit: int = MAX_PARAGRAPH_CHARS
) -> None:
    """Refuse a paragraph longer than ``limit`` characters with a clear error."""
    for n, article in enumerate(articles, 1):
        for where, text in _texts(article):
            if len(text) > limit:
                which = f"article {n} " if len(articles) > 1 else ""
                raise InputError(
                    f"{which}{where} is {len(text):,} characters long, over the limit of "
                    f"{limit:,} for one paragraph; split it into paragraphs"
                )


def _too_long(what: str, text: str, limit: int) -> InputError:
    return InputError(f"{what} is {len(text):,} characters long, over the limit of {limit:,}")


def check_article_limits(articles: tuple[Article, ...]) -> None:
    """Refuse an article the renderers could not lay out in bounded time, or with
    nothing to show: more than ``MAX_BLOCKS`` paragraphs or ``MAX_ARTICLE_CHARS``
    characters, a headline with no visible character or over ``MAX_TITLE_CHARS``,
    a source or author name over ``MAX_SOURCE_CHARS``, a URL over ``MAX_URL_CHARS``."""
    for n, article in enumerate(articles, 1):
        which = f"article {n} " if len(articles) > 1 else ""
        if not has_visible_text(article.headline):
            raise InputError(f"{which}headline has no visible text")
        if len(article.headline) > MAX_TITLE_CHARS:
            raise _too_long(f"{which}headline", article.headline, MAX_TITLE_CHARS)
        texts = _texts(article)
        blocks = len(texts) - (2 if article.standfirst else 1)  # less headline, standfirst
        if blocks > MAX_BLOCKS:
            raise InputError(
                f"{which}body has {blocks:,} paragraphs (counting list items), over the "
                f"limit of {MAX_BLOCKS:,} for one article"
            )
        total = sum(len(text) for _, text in texts)
        if total > MAX_ARTICLE_CHARS:
            raise InputError(
                f"{which}text is {total:,} characters long, over the limit of "
                f"{MAX_ARTICLE_CHARS:,} for one article (about 250 pages)"
            )
        _check_summary(f"{which}summary", article.summary)
        names = [("source name", article.source.name or "")]
        names += [("author name", a) for a in article.authors]
        for what, name in names:
            if len(name) > MAX_SOURCE_CHARS:
                raise _too_long(f"{which}{what}", name, MAX_SOURCE_CHARS)
        url = article.source.url or ""
        if len(url) > MAX_URL_CHARS:
            raise _too_long(f"{which}source URL", url, MAX_URL_CHARS)


def _check_summary(what: str, points: tuple[str, ...]) -> None:
    if len(points) > MAX_SUMMARY_POINTS:
        raise InputError(
            f"{what} has {len(points):,} points, over the limit of {MAX_SUMMARY_POINTS}"
        )


def check_marking(marking: str | None) -> None:
    """Refuse a marking line over ``MAX_MARKING_CHARS`` characters (it is set on
    every page). For the command line to call on ``--marking`` before any work."""
    if marking and len(marking) > MAX_MARKING_CHARS:
        raise _too_long("marking", marking, MAX_MARKING_CHARS)


def check_pack_values(pack: Pack) -> None:
    """The pack's own lines: a visible title of at most ``MAX_TITLE_CHARS``
    characters and a marking of at most ``MAX_MARKING_CHARS``."""
    if not has_visible_text(pack.title):
        raise InputError("pack title has no visible text")
    if len(pack.title) > MAX_TITLE_CHARS:
        raise _too_long("pack title", pack.title, MAX_TITLE_CHARS)
    check_marking(pack.marking)
    _check_summary("pack summary", pack.summary)


def build_pack(
    reading: Reading,
    *,
    title: str | None = None,
    marking: str | None = None,
    date: str | None = None,
    analyse: bool = True,
) -> Pack:
    """A pack from what a reader found; the analysis runs unless the input was a model."""
    if reading.pack is not None:
        pack = dataclasses.replace(
            reading.pack,
            title=title or reading.pack.title,
            marking=marking or reading.pack.marking,
            date=date or reading.pack.date,
        )
        check_pack_values(pack)
        return pack
    if not reading.articles:
        raise InputError("no articles found")
    articles = reading.articles
    pack_title = title or reading.title or articles[0].headline
    pack = Pack(
        title=pack_title,
        articles=articles,
        date=prepared_date(articles, date or reading.date),
        marking=marking or reading.marking,
        language=articles[0].language,
    )
    check_pack_values(pack)
    if analyse:
        from .analysis import analyse_pack

        pack = analyse_pack(pack)
    return pack


def load(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    input_format: str | None = None,
    title: str | None = None,
    marking: str | None = None,
    date: str | None = None,
    analyse: bool = True,
    max_input_size: int = DEFAULT_MAX_INPUT_SIZE,
) -> Pack:
    """Read one input (a path, bytes, or article text) into an analysed :class:`Pack`."""
    reading = read_input(
        source, name=name, input_format=input_format, max_input_size=max_input_size
    )
    return build_pack(reading, title=title, marking=marking, date=date, analyse=analyse)
