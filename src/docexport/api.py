"""The Python API for programs that attach packs to reports."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

from .manifest import Manifest
from .model import Pack
from .renderers import RenderOptions, get
from .themes import Theme, load_theme


def analyse(pack: Pack) -> Pack:
    """Run (or re-run) the analysis: sentences, language, summary and key facts."""
    from .analysis import analyse_pack

    cleared = dataclasses.replace(
        pack,
        articles=tuple(
            dataclasses.replace(a, summary=(), facts=(), sentences=()) for a in pack.articles
        ),
        summary=(),
        facts=(),
    )
    return analyse_pack(cleared)


def render(
    pack: Pack,
    format: str,
    *,
    theme: Theme | str | Path | None = None,
    options: RenderOptions | None = None,
) -> bytes:
    """The pack rendered to ``format`` (``"docx"``, ``"pdf"``, ``"epub"``) as bytes."""
    if not isinstance(theme, Theme):
        theme = load_theme(theme)
    if options is None:
        from .loading import source_date_epoch

        options = RenderOptions(source_date_epoch=source_date_epoch())
    return get(format).render(pack, theme, options)


def export(
    inputs: Iterable[str | Path],
    *,
    formats: Sequence[str] = ("docx", "pdf", "epub"),
    out_dir: str | Path = "dist",
    theme: str | Path | None = None,
    jobs: int = 1,
    force: bool = True,
) -> Manifest:
    """Export each input to each format in ``out_dir``; returns the manifest.

    Failures do not raise: they are listed in ``manifest.failures``.
    """
    from .export import ExportSettings, run_export

    settings = ExportSettings(
        formats=tuple(formats), out_dir=Path(out_dir), theme=theme, jobs=jobs, force=force
    )
    return run_export([str(i) for i in inputs], settings)
