"""The command line: a thin typer app over :mod:`docexport.export` and friends.

Exit codes: 0 all done; 1 some inputs failed (the rest are written); 2 usage
error (bad option, unknown format, bad theme); 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import __version__

if TYPE_CHECKING:
    from .batch import JobResult
    from .manifest import Manifest

app = typer.Typer(
    name="docexport",
    help="Turn news articles into briefing packs: DOCX, PDF and EPUB.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_debug = False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"docexport {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    global _debug
    _debug = debug


def _err(message: str) -> None:
    """One line on stderr; never a traceback unless --debug."""
    line = " ".join(message.split())
    typer.echo(f"docexport: {line}", err=True)


def _usage_error(message: str) -> typer.Exit:
    _err(message)
    return typer.Exit(2)


def _formats(value: str | None, default: list[str]) -> tuple[str, ...]:
    from .renderers import available, is_known

    items = [f.strip().lower() for f in (value.split(",") if value else default) if f.strip()]
    for f in items:
        if not is_known(f):
            raise _usage_error(f"unknown format {f!r} (known: {', '.join(available())})")
    if not items:
        raise _usage_error("no format given")
    return tuple(dict.fromkeys(items))


def _check_theme(style: str | None) -> None:
    from .errors import ThemeError
    from .themes import load_theme

    try:
        load_theme(style)
    except ThemeError as exc:
        raise _usage_error(f"--style {style}: {exc}") from None


def _is_ci() -> bool:
    return bool(os.environ.get("CI")) and os.environ.get("CI", "").lower() not in ("0", "false")


class _Reporter:
    """Progress for people (rich bar on a terminal) or plain lines for logs."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.total = 0
        self.done = 0
        self.bar: Any = None  # a rich Progress, imported only for a terminal
        self.task: Any = None

    def start(self, total: int) -> None:
        """Called once the inputs are collected: a bar for more than one input."""
        self.total = total
        if not self.quiet and sys.stderr.isatty() and not _is_ci() and total > 1:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("[bold]export"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[current]}"),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("export", total=total, rate="", current="")

    def __call__(self, input_name: str, result: JobResult | None) -> None:
        self.done += 1
        if result is not None:
            for f in result.failures:
                where = f"{f.stage}" + (f" {f.format}" if f.format else "")
                self._print_err(f"{f.input}: {where}: {f.error}")
        if self.bar is not None and self.task is not None:
            elapsed = self.bar.tasks[0].elapsed or 0.0
            rate = f"{self.done / elapsed:.1f}/s" if elapsed > 0 else ""
            self.bar.update(self.task, advance=1, rate=rate, current=Path(input_name).name)
        elif not self.quiet and result is not None and not result.failures:
            names = ", ".join(o.name for o in result.outputs if o.name) or "unchanged"
            typer.echo(f"[{self.done}/{self.total}] {input_name} -> {names}", err=True)
        if not self.quiet and result is not None:
            for message in dict.fromkeys(w for o in result.outputs for w in o.warnings):
                self._print_err(f"warning: {input_name}: {message}")

    def _print_err(self, msg: str) -> None:
        if self.bar is not None:
            self.bar.console.print(
                f"docexport: {msg}", markup=False, highlight=False, soft_wrap=True
            )
        else:
            _err(msg)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _finish(manifest: Manifest, *, json_out: bool, quiet: bool) -> None:
    if json_out:
        sys.stdout.write(manifest.to_json())
    elif not quiet:
        n_in = len({o.input for o in manifest.outputs})
        typer.echo(
            f"{len(manifest.outputs)} outputs from {n_in} inputs, {len(manifest.failures)} failed",
            err=True,
        )
    raise typer.Exit(0 if manifest.ok else 1)


InputsArg = Annotated[
    list[str], typer.Argument(help="Input files, folders (searched recursively) or globs.")
]
FormatOpt = Annotated[
    str | None,
    typer.Option("-f", "--format", help="Comma-separated: docx,pdf,epub (default all)."),
]
OutOpt = Annotated[
    str | None,
    typer.Option("-o", "--out", help="Output folder (default dist/); '-' for stdout."),
]
StyleOpt = Annotated[
    str | None,
    typer.Option("--style", help="Theme name (see `docexport styles`) or a .toml path."),
]


@app.command()
def export(
    inputs: InputsArg,
    format: FormatOpt = None,
    out: OutOpt = None,
    style: StyleOpt = None,
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", help="Parallel jobs (default: cores; 1 = in-process)."),
    ] = None,
    manifest: Annotated[
        Path | None, typer.Option("--manifest", help="Write a JSON manifest of the run here.")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the manifest on stdout.")] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Render everything, even what --skip-unchanged would skip."),
    ] = False,
    skip_unchanged: Annotated[
        bool,
        typer.Option(
            "--skip-unchanged",
            help="Skip outputs whose input, theme, options and version match the manifest.",
        ),
    ] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first failed input.")
    ] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Only errors on stderr.")] = False,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format", help="Force the input kind: text, markdown, html, feed, json."
        ),
    ] = None,
    reference_docx: Annotated[
        Path | None, typer.Option("--reference-docx", help="Take Word styles from this .docx.")
    ] = None,
    marking: Annotated[
        str | None, typer.Option("--marking", help="A marking line (e.g. a classification).")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Date prepared (YYYY-MM-DD); default reproducible."),
    ] = None,
    max_input_size: Annotated[
        int | None,
        typer.Option("--max-input-size", help="Largest input in bytes (default 20 MiB)."),
    ] = None,
    executor: Annotated[
        str, typer.Option("--executor", help="process (default) or dask.")
    ] = "process",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786).")
    ] = None,
) -> None:
    """Export each input to one briefing pack per article, in each format."""
    from .batch import ExportSettings, cpu_count, run_export
    from .config import ConfigError, load_config
    from .errors import DocexportError

    try:
        cfg = load_config()
    except ConfigError as exc:
        raise _usage_error(str(exc)) from None
    fmts = _formats(format, cfg.get("formats"))
    style = style or cfg.get("style")
    _check_theme(style)
    if input_format is not None:
        from .readers import INPUT_FORMATS

        if input_format not in INPUT_FORMATS:
            raise _usage_error(
                f"--input-format {input_format!r} is not one of {', '.join(INPUT_FORMATS)}"
            )
    if executor not in ("process", "dask"):
        raise _usage_error(f"--executor {executor!r} is not one of process, dask")
    if date is not None:
        import datetime as _dt

        try:
            _dt.date.fromisoformat(date)
        except ValueError:
            raise _usage_error(f"--date {date!r} is not a date like 2024-11-03") from None
    if reference_docx is not None and not reference_docx.is_file():
        raise _usage_error(f"--reference-docx {reference_docx}: no such file")
    out = out or cfg.get("out")
    if out == "-":
        _to_stdout(inputs, fmts, style, input_format, reference_docx, marking, date, max_input_size)
        return
    n_jobs = jobs if jobs is not None else (cfg.get("jobs") or cpu_count())
    if n_jobs < 1:
        raise _usage_error("--jobs must be at least 1")
    manifest_path = manifest or (Path(cfg.get("manifest")) if cfg.get("manifest") else None)
    skip = skip_unchanged or bool(cfg.get("skip_unchanged"))
    if skip and manifest_path is None:
        manifest_path = Path(out) / "docexport-manifest.json"
    settings = ExportSettings(
        formats=fmts,
        out_dir=Path(out),
        theme=style,
        jobs=n_jobs,
        force=force,
        skip_unchanged=skip,
        fail_fast=fail_fast,
        manifest_path=manifest_path,
        input_format=input_format,
        reference_docx=reference_docx,
        max_input_size=max_input_size or cfg.get("max_input_size"),
        date=date,
        marking=marking or cfg.get("marking") or None,
        executor=executor,
        scheduler=scheduler,
    )
    reporter = _Reporter(quiet or json_out)
    try:
        result = run_export(inputs, settings, progress=reporter, on_start=reporter.start)
    except KeyboardInterrupt:
        reporter.close()
        _err("interrupted: finished outputs kept, no partial files left")
        raise typer.Exit(130) from None
    except DocexportError as exc:
        reporter.close()
        if _debug:
            raise
        raise _usage_error(str(exc)) from None
    reporter.close()
    for f in result.failures:
        if f.stage == "collect":
            _err(f"{f.input}: {f.error}")
    _finish(result, json_out=json_out, quiet=quiet)


def _to_stdout(
    inputs: list[str],
    fmts: tuple[str, ...],
    style: str | None,
    input_format: str | None,
    reference_docx: Path | None,
    marking: str | None,
    date: str | None,
    max_input_size: int | None,
) -> None:
    from .errors import DocexportError
    from .loading import DEFAULT_MAX_INPUT_SIZE, load, source_date_epoch
    from .renderers import RenderOptions, get
    from .themes import load_theme

    if len(inputs) != 1 or len(fmts) != 1:
        raise _usage_error("-o - needs exactly one input and one format (-f)")
    if sys.stdout.isatty():
        raise _usage_error("-o - would write binary data to a terminal; redirect or pipe it")
    source: str | bytes = inputs[0]
    name = inputs[0]
    try:
        if inputs[0] == "-":
            from .loading import read_input_file

            name = "stdin"
            source = read_input_file("-", max_input_size or DEFAULT_MAX_INPUT_SIZE)
        pack = load(
            source if isinstance(source, bytes) else Path(source),
            name=name,
            input_format=input_format,
            marking=marking,
            date=date,
            max_input_size=max_input_size or DEFAULT_MAX_INPUT_SIZE,
        )
        data = get(fmts[0]).render(
            pack,
            load_theme(style),
            RenderOptions(source_date_epoch=source_date_epoch(), reference_docx=reference_docx),
        )
    except DocexportError as exc:
        if _debug:
            raise
        _err(f"{name}: {exc}")
        raise typer.Exit(1) from None
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


@app.command()
def pack(
    inputs: InputsArg,
    title: Annotated[str, typer.Option("--title", help="The pack's title.")],
    format: FormatOpt = None,
    out: Annotated[
        str | None,
        typer.Option("-o", "--out", help="Output path without extension (default dist/<title>)."),
    ] = None,
    style: StyleOpt = None,
    marking: Annotated[str | None, typer.Option("--marking", help="A marking line.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Date prepared (YYYY-MM-DD).")] = None,
    order: Annotated[
        str, typer.Option("--order", help="Article order: given (default) or date.")
    ] = "given",
    input_format: Annotated[
        str | None, typer.Option("--input-format", help="Force the input kind.")
    ] = None,
    reference_docx: Annotated[
        Path | None, typer.Option("--reference-docx", help="Take Word styles from this .docx.")
    ] = None,
    max_articles: Annotated[
        int, typer.Option("--max-articles", help="Most articles in one pack.")
    ] = 200,
) -> None:
    """Build one multi-article pack from many inputs (files, folders, feeds)."""
    from .errors import DocexportError
    from .multipack import build_multi_pack

    fmts = _formats(format, ["docx", "pdf", "epub"])
    _check_theme(style)
    if order not in ("given", "date"):
        raise _usage_error(f"--order {order!r} is not one of given, date")
    try:
        written, failures = build_multi_pack(
            inputs,
            title=title,
            formats=fmts,
            out=out,
            style=style,
            marking=marking,
            date=date,
            order=order,
            input_format=input_format,
            reference_docx=reference_docx,
            max_articles=max_articles,
        )
    except DocexportError as exc:
        if _debug:
            raise
        _err(str(exc))
        raise typer.Exit(1) from None
    for f in failures:
        _err(f)
    for p in written:
        typer.echo(str(p))
    raise typer.Exit(1 if failures else 0)


@app.command()
def inspect(
    input: Annotated[str, typer.Argument(help="One input file.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the model as JSON.")] = False,
    input_format: Annotated[
        str | None, typer.Option("--input-format", help="Force the input kind.")
    ] = None,
) -> None:
    """Show the model of one input: metadata, summary, key facts, provenance."""
    from .errors import DocexportError
    from .loading import load

    try:
        the_pack = load(Path(input), name=input, input_format=input_format)
    except DocexportError as exc:
        if _debug:
            raise
        _err(f"{input}: {exc}")
        raise typer.Exit(1) from None
    if json_out:
        from .serialize import dumps

        sys.stdout.write(dumps(the_pack))
        return
    from .inspect_view import show

    show(the_pack)


@app.command()
def schema(
    manifest: Annotated[
        bool, typer.Option("--manifest", help="The manifest's schema instead of the model's.")
    ] = False,
) -> None:
    """Print the JSON Schema of the model (or of the manifest)."""
    import json

    if manifest:
        from .manifest import manifest_schema

        data = manifest_schema()
    else:
        from .serialize import json_schema

        data = json_schema()
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@app.command()
def styles() -> None:
    """List the built-in themes."""
    from .themes import builtin_themes, load_theme

    for name in builtin_themes():
        t = load_theme(name)
        typer.echo(f"{name:<12} {t.description}")


@app.command()
def config() -> None:
    """Show the effective settings and where each came from."""
    from .config import KEYS, ConfigError, load_config

    try:
        cfg = load_config()
    except ConfigError as exc:
        raise _usage_error(str(exc)) from None
    for key in KEYS:
        value = cfg.get(key)
        if key == "formats":
            value = ",".join(value)
        if key == "jobs" and not value:
            from .batch import cpu_count

            value = f"{cpu_count()} (cores)"
        typer.echo(f"{key:<15} {value!s:<24} {cfg.origin(key)}")


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: object = None,
    line: str | None = None,
) -> None:
    """Our warnings as one line each; other libraries' noise is not the user's business."""
    from .errors import DocexportWarning

    if issubclass(category, DocexportWarning):
        _err(f"warning: {message}")


def main() -> None:
    import warnings

    warnings.showwarning = _show_warning
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        raise SystemExit(130) from None
    except Exception as exc:  # a bug: one line for users, the traceback with --debug
        if _debug or "--debug" in sys.argv:
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        raise SystemExit(1) from None
