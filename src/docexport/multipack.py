"""``docexport pack``: many inputs (files, folders, feeds) -> one briefing pack."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

from .errors import DocexportError, DocexportWarning, InputError
from .model import Article


def gather_articles(
    inputs: Sequence[str],
    *,
    input_format: str | None = None,
) -> tuple[list[Article], list[str]]:
    """Every article of every input, in the order given; failures as one-line messages."""
    from .batch import collect_inputs
    from .loading import read_input

    paths, collect_failures = collect_inputs(inputs)
    failures = [f"{f.input}: {f.error}" for f in collect_failures]
    articles: list[Article] = []
    for path in paths:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                reading = read_input(path, name=str(path), input_format=input_format)
        except DocexportError as exc:
            failures.append(f"{path}: read: {exc}")
            continue
        for w in caught:  # say which input a warning is about
            if issubclass(w.category, DocexportWarning):
                warnings.warn(DocexportWarning(f"{path}: {w.message}"), stacklevel=1)
        articles.extend(reading.articles)
    return articles, failures


def order_articles(articles: list[Article], order: str) -> list[Article]:
    """``given`` keeps the input order; ``date`` puts the newest first, undated last."""
    if order == "date":
        dated = sorted(
            (a for a in articles if a.published), key=lambda a: a.published or "", reverse=True
        )
        return dated + [a for a in articles if not a.published]
    return articles


def build_multi_pack(
    inputs: Sequence[str],
    *,
    title: str,
    formats: Sequence[str],
    out: str | None,
    style: str | None,
    marking: str | None = None,
    date: str | None = None,
    order: str = "given",
    input_format: str | None = None,
    reference_docx: Path | None = None,
    max_articles: int = 200,
    language: str | None = None,
) -> tuple[list[Path], list[str]]:
    from .loading import build_pack, source_date_epoch
    from .output import atomic_write, safe_stem
    from .readers import Reading
    from .renderers import RenderOptions, get
    from .themes import load_theme

    articles, failures = gather_articles(inputs, input_format=input_format)
    if not articles:
        raise InputError("no articles to pack" + (f" ({failures[0]})" if failures else ""))
    if len(articles) > max_articles:
        raise InputError(
            f"{len(articles)} articles is over the limit of {max_articles} for one pack "
            "(see --max-articles)"
        )
    ordered = order_articles(articles, order)
    pack = build_pack(Reading(articles=tuple(ordered)), title=title, marking=marking, date=date)
    theme = load_theme(style)
    options = RenderOptions(
        source_date_epoch=source_date_epoch(), reference_docx=reference_docx, language=language
    )
    base = Path(out) if out else Path("dist") / safe_stem(title, "pack")
    target_dir, stem = base.parent, safe_stem(base.name, "pack")
    written: list[Path] = []
    for fmt in formats:
        renderer = get(fmt)
        try:
            data = renderer.render(pack, theme, options)
        except DocexportError as exc:
            failures.append(f"{title}: render {fmt}: {exc}")
            continue
        target = target_dir / f"{stem}.{renderer.extension}"
        atomic_write(target, data)
        written.append(target)
    return written, failures
