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
    manifest: str | Path | None = None,
    skip_unchanged: bool = False,
    force: bool = False,
    fail_fast: bool = False,
    executor: str = "process",
    scheduler: str | None = None,
) -> Manifest:
    """Export each input to each format in ``out_dir``; returns the manifest.

    Failures do not raise: they are listed in ``manifest.failures``. ``jobs``
    above 1 uses a process pool; ``executor="dask"`` runs the same jobs on a
    Dask cluster (``scheduler`` address, else a local cluster), writing here.
    """
    from .batch import ExportSettings, run_export

    out = Path(out_dir)
    manifest_path = Path(manifest) if manifest else None
    if skip_unchanged and manifest_path is None:
        manifest_path = out / "docexport-manifest.json"
    settings = ExportSettings(
        formats=tuple(formats),
        out_dir=out,
        theme=theme,
        jobs=jobs,
        manifest_path=manifest_path,
        skip_unchanged=skip_unchanged,
        force=force,
        fail_fast=fail_fast,
        executor=executor,
        scheduler=scheduler,
    )
    return run_export([str(i) for i in inputs], settings)
