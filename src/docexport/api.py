"""The Python API for programs that attach packs to reports.

Paths and text have separate entries (:func:`load`, :func:`load_text`,
:func:`load_bytes`); a single ``str`` or ``Path`` where inputs are expected is
one input; ``formats`` takes ``"pdf"`` as well as a list. Settings go through
the same builder as the command line (:mod:`docexport.settings`), and errors
are the classes exported from :mod:`docexport`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from .config import Config
from .errors import DocexportError, InputError, InputNotFoundError
from .loading import DEFAULT_MAX_INPUT_SIZE
from .manifest import Manifest
from .model import Pack
from .renderers import RenderOptions, get
from .themes import Theme, load_theme

PathLike = str | os.PathLike[str]
Inputs = PathLike | Iterable[PathLike]


def _as_input_list(inputs: Inputs) -> list[str]:
    """One ``str``/``Path`` is one input, never its characters."""
    if isinstance(inputs, (str, os.PathLike)):
        return [os.fspath(inputs)]
    if isinstance(inputs, (bytes, bytearray)):
        raise TypeError("inputs are paths; to render bytes use load_bytes() and render()")
    out = []
    for item in inputs:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"an input must be a path (str or Path), got {type(item).__name__}")
        out.append(os.fspath(item))
    return out


def _with_context(exc: DocexportError, path: str | None, stage: str) -> InputError:
    if isinstance(exc, InputError):
        exc.path = exc.path or path
        exc.stage = exc.stage or stage
        return exc
    return InputError(str(exc), path=path, stage=stage)


def _load_data(
    data: bytes,
    *,
    name: str,
    path: str | None,
    input_format: str | None,
    title: str | None,
    marking: str | None,
    date: str | None,
    analyse: bool,
    max_input_size: int,
) -> Pack:
    from .jobs import check_text
    from .loading import build_pack, read_input
    from .settings import check_date, resolve_epoch

    if date is not None:
        check_date(date, "date")
    if len(data) > max_input_size:
        raise InputError(
            f"input is over the limit of {max_input_size:,} bytes", path=path, stage="read"
        )
    try:
        reading = read_input(data, name=name, input_format=input_format)
        articles = reading.pack.articles if reading.pack is not None else reading.articles
        check_text(articles)
    except DocexportError as exc:
        raise _with_context(exc, path, "read") from None
    if date is None and reading.pack is None:
        from .settings import epoch_day

        epoch = resolve_epoch()
        date = epoch_day(epoch) if epoch is not None else None
    try:
        return build_pack(reading, title=title, marking=marking, date=date, analyse=analyse)
    except DocexportError as exc:
        raise _with_context(exc, path, "analyse") from None


def load(
    path: PathLike | bytes,
    *,
    input_format: str | None = None,
    title: str | None = None,
    marking: str | None = None,
    date: str | None = None,
    analyse: bool = True,
    max_input_size: int = DEFAULT_MAX_INPUT_SIZE,
) -> Pack:
    """Read the file at ``path`` into an analysed :class:`Pack`. A ``str`` is
    always a path: for article text use :func:`load_text`. (``bytes`` are an
    input's content, as with :func:`load_bytes`.)

    A missing file raises :class:`InputNotFoundError` (also a
    ``FileNotFoundError``); every input error has ``.path`` and ``.stage``.
    """
    if isinstance(path, (bytes, bytearray)):
        return load_bytes(
            bytes(path),
            input_format=input_format,
            title=title,
            marking=marking,
            date=date,
            analyse=analyse,
            max_input_size=max_input_size,
        )
    from .reading import read_input_file

    name = os.fspath(path)
    data = read_input_file(Path(name), max_input_size)
    return _load_data(
        data,
        name=name,
        path=name,
        input_format=input_format,
        title=title,
        marking=marking,
        date=date,
        analyse=analyse,
        max_input_size=max_input_size,
    )


def load_text(
    text: str,
    *,
    name: str = "text",
    input_format: str | None = None,
    title: str | None = None,
    marking: str | None = None,
    date: str | None = None,
    analyse: bool = True,
    max_input_size: int = DEFAULT_MAX_INPUT_SIZE,
) -> Pack:
    """Article text (plain text, Markdown, HTML, a feed or JSON) into an analysed pack."""
    from .textutil import strip_illegal

    if not isinstance(text, str):
        raise TypeError(f"load_text() takes a str, got {type(text).__name__}")
    return _load_data(
        strip_illegal(text).encode("utf-8"),
        name=name,
        path=None,
        input_format=input_format,
        title=title,
        marking=marking,
        date=date,
        analyse=analyse,
        max_input_size=max_input_size,
    )


def load_bytes(
    data: bytes,
    *,
    name: str = "input",
    input_format: str | None = None,
    title: str | None = None,
    marking: str | None = None,
    date: str | None = None,
    analyse: bool = True,
    max_input_size: int = DEFAULT_MAX_INPUT_SIZE,
) -> Pack:
    """An input's raw bytes (any encoding) into an analysed pack; ``name``'s
    extension helps decide the input kind."""
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"load_bytes() takes bytes, got {type(data).__name__}")
    return _load_data(
        bytes(data),
        name=name,
        path=None,
        input_format=input_format,
        title=title,
        marking=marking,
        date=date,
        analyse=analyse,
        max_input_size=max_input_size,
    )


def combine(
    packs: Sequence[Pack],
    *,
    title: str,
    order: str = "given",
    marking: str | None = None,
    date: str | None = None,
    max_articles: int = 200,
) -> Pack:
    """One multi-article pack (cover, pack summary, combined key facts, contents)
    from the articles of ``packs``; ``order="date"`` puts the newest first."""
    from .multipack import combine as _combine

    return _combine(
        packs, title=title, order=order, marking=marking, date=date, max_articles=max_articles
    )


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
    reference_docx: PathLike | None = None,
) -> bytes:
    """The pack rendered to ``format`` (``"docx"``, ``"pdf"``, ``"epub"``) as bytes."""
    from .settings import resolve_epoch

    if not isinstance(theme, Theme):
        theme = load_theme(theme)
    if options is None:
        options = RenderOptions(
            source_date_epoch=resolve_epoch(),
            reference_docx=Path(os.fspath(reference_docx)) if reference_docx else None,
        )
    elif reference_docx is not None:
        options = dataclasses.replace(options, reference_docx=Path(os.fspath(reference_docx)))
    return get(format.lower()).render(pack, theme, options)


def to_json(pack: Pack, *, indent: int | None = 2) -> str:
    """The pack as JSON (the model, as ``docexport inspect --json`` prints it)."""
    from .serialize import dumps

    return dumps(pack, indent=indent)


def from_json(text: str) -> Pack:
    """A pack from its JSON (``to_json``'s output, possibly edited); not re-analysed."""
    from .serialize import loads

    return loads(text)


def export(
    inputs: Inputs,
    *,
    formats: str | Sequence[str] | None = None,
    out_dir: PathLike | None = None,
    theme: str | Path | None = None,
    jobs: int = 1,
    manifest: PathLike | None = None,
    skip_unchanged: bool = False,
    force: bool = False,
    fail_fast: bool = False,
    prune: bool = False,
    exclude: str | Sequence[str] = (),
    input_format: str | None = None,
    reference_docx: PathLike | None = None,
    max_input_size: int | None = None,
    marking: str | None = None,
    language: str | None = None,
    date: str | None = None,
    executor: str | None = None,
    scheduler: str | None = None,
    use_config: bool = False,
) -> Manifest:
    """Export each input to each format in ``out_dir`` (default ``dist``); returns
    the manifest, also written to ``manifest`` when given.

    Failures of single inputs do not raise: they are in ``manifest.failures``.
    Settings that cannot work raise :class:`ConfigError`, an unusable output
    folder :class:`OutputError`. ``out_dir="brief.pdf"`` with one input writes
    that file. ``jobs`` above 1 uses a process pool; ``executor="dask"`` (or a
    ``scheduler`` address) runs the same jobs on a Dask cluster, whose workers
    need none of the files. ``use_config=True`` also reads ``[tool.docexport]``.
    """
    from .batch import run_export
    from .settings import Flags, build_settings

    flags = Flags(
        formats=formats,
        out=os.fspath(out_dir) if out_dir is not None else None,
        style=theme,
        jobs=jobs,
        manifest=os.fspath(manifest) if manifest is not None else None,
        skip_unchanged=skip_unchanged,
        force=force,
        fail_fast=fail_fast,
        prune=prune,
        exclude=(exclude,) if isinstance(exclude, str) else tuple(exclude),
        input_format=input_format,
        reference_docx=os.fspath(reference_docx) if reference_docx is not None else None,
        max_input_size=max_input_size,
        marking=marking,
        language=language,
        date=date,
        executor=executor,
        scheduler=scheduler,
    )
    settings = build_settings(flags, _config(use_config), command="export")
    return run_export(_as_input_list(inputs), settings)


def export_pack(
    inputs: Inputs,
    *,
    title: str,
    formats: str | Sequence[str] | None = None,
    out: PathLike | None = None,
    theme: str | Path | None = None,
    order: str = "given",
    manifest: PathLike | None = None,
    skip_unchanged: bool = False,
    force: bool = False,
    exclude: str | Sequence[str] = (),
    input_format: str | None = None,
    reference_docx: PathLike | None = None,
    max_input_size: int | None = None,
    max_articles: int = 200,
    marking: str | None = None,
    language: str | None = None,
    date: str | None = None,
    use_config: bool = False,
) -> Manifest:
    """Combine every article of ``inputs`` into one pack and write it in each
    format as ``out.<ext>`` (default ``dist/<title>``); returns the manifest."""
    from .batch import run_pack
    from .settings import Flags, build_settings

    flags = Flags(
        formats=formats,
        out=os.fspath(out) if out is not None else None,
        style=theme,
        jobs=1,
        manifest=os.fspath(manifest) if manifest is not None else None,
        skip_unchanged=skip_unchanged,
        force=force,
        exclude=(exclude,) if isinstance(exclude, str) else tuple(exclude),
        input_format=input_format,
        reference_docx=os.fspath(reference_docx) if reference_docx is not None else None,
        max_input_size=max_input_size,
        marking=marking,
        language=language,
        date=date,
        title=title,
        order=order,
        max_articles=max_articles,
    )
    settings = build_settings(flags, _config(use_config), command="pack")
    return run_pack(_as_input_list(inputs), settings)


def _config(use: bool) -> Config:
    from .config import load_config

    return load_config() if use else Config()


__all__ = [
    "InputNotFoundError",
    "analyse",
    "combine",
    "export",
    "export_pack",
    "from_json",
    "load",
    "load_bytes",
    "load_text",
    "render",
    "to_json",
]
