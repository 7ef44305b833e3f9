"""Multi-article packs: every article of many inputs in one pack.

``docexport pack`` is a kind of job (see :mod:`docexport.jobs` and
:func:`docexport.batch.run_pack`): it gets the configuration, validation,
manifest and ``--skip-unchanged`` of ``export``. This module keeps the
in-process helpers the Python API uses to build such a pack as a model.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from .errors import DocexportError, DocexportWarning, InputError
from .jobs import check_count, check_text, order_articles
from .model import Article, Pack

__all__ = ["combine", "gather_articles", "order_articles"]


def gather_articles(
    inputs: Sequence[str],
    *,
    input_format: str | None = None,
    max_input_size: int = 20 * 1024 * 1024,
) -> tuple[list[Article], list[str]]:
    """Every article of every input, in the order given; failures as one-line messages."""
    from .discovery import collect_inputs
    from .loading import read_input
    from .reading import read_input_file

    paths, collect_failures = collect_inputs(inputs)
    failures = [f"{f.input}: {f.error}" for f in collect_failures]
    articles: list[Article] = []
    for path in paths:
        try:
            data = read_input_file(path, max_input_size)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                reading = read_input(data, name=str(path), input_format=input_format)
            found = reading.pack.articles if reading.pack is not None else reading.articles
            check_text(found)
        except DocexportError as exc:
            failures.append(f"{path}: read: {exc}")
            continue
        for w in caught:  # say which input a warning is about
            if issubclass(w.category, DocexportWarning):
                warnings.warn(DocexportWarning(f"{path}: {w.message}"), stacklevel=1)
        articles.extend(found)
    return articles, failures


def combine(
    packs: Sequence[Pack],
    *,
    title: str,
    order: str = "given",
    marking: str | None = None,
    date: str | None = None,
    max_articles: int = 200,
) -> Pack:
    """One multi-article pack from the articles of ``packs`` (analysed again as a
    whole: combined key facts and a pack summary)."""
    import dataclasses

    from .loading import build_pack
    from .readers import Reading

    if not title or not title.strip():
        raise InputError("a pack needs a title")
    if order not in ("given", "date"):
        raise InputError(f"order {order!r} is not one of given, date")
    articles = [
        dataclasses.replace(a, summary=(), facts=(), sentences=())
        for p in packs
        for a in p.articles
    ]
    if not articles:
        raise InputError("no articles to pack")
    check_count(articles, max_articles)
    ordered = order_articles(articles, order)
    return build_pack(Reading(articles=tuple(ordered)), title=title, marking=marking, date=date)
