"""Input -> model: read a file (or text), build the pack, run the analysis."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from pathlib import Path

from .errors import InputError
from .model import Article, CodeBlock, ListBlock, Pack, plain_text
from .readers import Reading, read_bytes
from .textutil import strip_illegal

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
    """``SOURCE_DATE_EPOCH`` from the environment, if set and valid."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if value >= 0 else None


def prepared_date(articles: tuple[Article, ...], explicit: str | None = None) -> str | None:
    """The date a pack is prepared: explicit, else SOURCE_DATE_EPOCH, else the newest
    publication date. Never the clock, so the same input gives the same pack."""
    if explicit:
        return explicit
    epoch = source_date_epoch()
    if epoch is not None:
        return _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc).date().isoformat()
    dates = sorted(a.published[:10] for a in articles if a.published)
    return dates[-1] if dates else None


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


def read_input_file(path: str | Path, max_input_size: int = DEFAULT_MAX_INPUT_SIZE) -> bytes:
    """The bytes of one input file (``-``: the standard input): only a regular file,
    at most ``max_input_size`` bytes, never trusting the size the file system
    reports (a pipe, ``/dev/zero`` or an endless stdin is refused, not read whole).
    Raises :class:`InputError` with the cause; the caller names the input."""
    from .readfile import read_file

    return read_file(path, max_input_size, hint=" (see --max-input-size)")


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
        pack = reading.pack
        return dataclasses.replace(
            pack,
            title=title or pack.title,
            marking=marking or pack.marking,
            date=date or pack.date,
        )
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
