"""Input -> model: read a file (or text), build the pack, run the analysis."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from pathlib import Path

from .errors import InputError
from .model import Article, Pack
from .readers import Reading, read_bytes

# The largest input read, in bytes; larger inputs are refused with a clear
# error rather than risking memory (``--max-input-size`` changes it).
DEFAULT_MAX_INPUT_SIZE = 20 * 1024 * 1024


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
    elif isinstance(source, Path) or (
        isinstance(source, str) and "\n" not in source and len(source) < 4096
        and Path(source).is_file()
    ):
        path = Path(source)
        label = name or str(path)
        try:
            size = path.stat().st_size
            if size > max_input_size:
                raise InputError(
                    f"input is {size:,} bytes, over the limit of {max_input_size:,} "
                    "(see --max-input-size)"
                )
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError("no such file") from None
        except IsADirectoryError:
            raise InputError("is a folder, not a file") from None
        except PermissionError:
            raise InputError("permission denied") from None
    else:
        data, label = str(source).encode("utf-8"), name or "text"
    if len(data) > max_input_size:
        raise InputError(
            f"input is {len(data):,} bytes, over the limit of {max_input_size:,} "
            "(see --max-input-size)"
        )
    return read_bytes(data, name=label, input_format=input_format)


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
