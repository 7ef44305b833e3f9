"""The command line: a thin typer app over :mod:`docexport.settings` and
:mod:`docexport.batch`.

Exit codes: 0 all done; 1 some inputs failed (the rest are written); 2 usage
error (bad option, unknown format, bad theme, unusable output folder); 130
interrupted by Ctrl-C (129 SIGHUP, 143 SIGTERM).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cliopts import (
    BATCH,
    CLUSTER,
    CONTENT,
    INPUT,
    OUTPUT,
    GroupedCommand,
    complete_executors,
    complete_formats,
    complete_input_formats,
    complete_order,
    complete_styles,
)
from .console import Reporter, err, printable, summary

if TYPE_CHECKING:
    from .manifest import Manifest
    from .settings import Flags

app = typer.Typer(
    name="docexport",
    help="Turn news articles into briefing packs: DOCX, PDF and EPUB.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_debug = False

# --------------------------------------------------------------------------- helpers


def _err(message: str) -> None:
    """One line on stderr; never a traceback unless --debug."""
    err(message)


def _usage_error(message: str) -> typer.Exit:
    _err(message)
    return typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        from .launcher import version_lines

        typer.echo("\n".join(version_lines()))
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version of docexport and its libraries, and exit.",
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks on errors (any command).")
    ] = False,
) -> None:
    global _debug
    _debug = _debug or debug


def _finish(manifest: Manifest, *, json_out: bool, quiet: bool, out_dir: Path) -> None:
    for f in manifest.failures:
        if f.stage == "collect":
            _err(f"{f.input}: {f.error}")
        elif f.stage == "manifest":
            _err(f"manifest {f.input}: write: {f.error}")
    if json_out:
        sys.stdout.write(manifest.to_json())
    elif not quiet:
        typer.echo(printable(f"{summary(manifest)}; output folder {out_dir}"), err=True)
    raise typer.Exit(0 if manifest.ok else 1)


def _exit_interrupted(exc: KeyboardInterrupt) -> typer.Exit:
    import signal

    signum = getattr(exc, "signum", signal.SIGINT)
    name = {signal.SIGINT: "Ctrl-C"}.get(signum) or signal.Signals(signum).name
    _err(f"interrupted ({name}): finished outputs kept and listed, no partial files left")
    return typer.Exit(128 + int(signum))


def _settings(flags: Flags, command: str) -> Any:
    from .config import load_config
    from .errors import ConfigError
    from .settings import build_settings

    try:
        return build_settings(flags, load_config(), command=command)
    except ConfigError as exc:
        if _debug:
            raise
        raise _usage_error(str(exc)) from None


# --------------------------------------------------------------------------- export

InputsArg = Annotated[
    list[str],
    typer.Argument(
        help="Input files, folders (searched recursively) or globs.", show_default=False
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "-f",
        "--format",
        help="Output formats, comma-separated: docx,pdf,epub (default all).",
        autocompletion=complete_formats,
        rich_help_panel=OUTPUT,
    ),
]
StyleOpt = Annotated[
    str | None,
    typer.Option(
        "--style",
        help="Theme name (see `docexport styles`) or a .toml path.",
        autocompletion=complete_styles,
        rich_help_panel=OUTPUT,
    ),
]
ManifestOpt = Annotated[
    Path | None,
    typer.Option(
        "--manifest", help="Write a JSON manifest of the run here.", rich_help_panel=BATCH
    ),
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print the manifest on stdout.", rich_help_panel=BATCH)
]
SkipOpt = Annotated[
    bool | None,
    typer.Option(
        "--skip-unchanged",
        help="Skip outputs whose input, theme, options and version match the manifest.",
        show_default=False,
        rich_help_panel=BATCH,
    ),
]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Render everything, even what --skip-unchanged would skip.",
        rich_help_panel=BATCH,
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        help="Skip files matching this glob in folders (repeatable): --exclude 'drafts/*'.",
        show_default=False,
        rich_help_panel=INPUT,
    ),
]
QuietOpt = Annotated[
    bool, typer.Option("-q", "--quiet", help="Only errors on stderr.", rich_help_panel=BATCH)
]
InputFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--input-format",
        help="Force the input kind: text, markdown, html, feed, json.",
        autocompletion=complete_input_formats,
        rich_help_panel=INPUT,
    ),
]
MaxInputOpt = Annotated[
    int | None,
    typer.Option(
        "--max-input-size",
        help="Largest input in bytes (default 20 MiB).",
        show_default=False,
        rich_help_panel=INPUT,
    ),
]
ReferenceOpt = Annotated[
    Path | None,
    typer.Option(
        "--reference-docx", help="Take Word styles from this .docx.", rich_help_panel=OUTPUT
    ),
]
MarkingOpt = Annotated[
    str | None,
    typer.Option(
        "--marking", help="A marking line (e.g. a classification).", rich_help_panel=CONTENT
    ),
]
LanguageOpt = Annotated[
    str | None,
    typer.Option(
        "--language",
        help="Labels, dates and typography in this language (e.g. fr); default: each article's.",
        rich_help_panel=CONTENT,
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Date prepared (YYYY-MM-DD); default reproducible.",
        rich_help_panel=CONTENT,
    ),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.", hidden=True)]

EXPORT_EPILOG = """\b
Examples:
  docexport export seeds/                    one pack per article into dist/
  docexport export notes/a.md -o brief.pdf   that one file, as pandoc does
  docexport export articles/ -f pdf,epub --manifest dist/manifest.json --skip-unchanged
  docexport export articles/ --exclude 'drafts/*' --prune
  docexport export articles/ --scheduler tcp://10.0.0.5:8786
"""


@app.command(cls=GroupedCommand, epilog=EXPORT_EPILOG)
def export(
    inputs: InputsArg,
    format: FormatOpt = None,
    out: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--out",
            help="Output folder (default dist/); NAME.pdf|.docx|.epub with one input "
            "writes that file; '-' for stdout.",
            rich_help_panel=OUTPUT,
        ),
    ] = None,
    style: StyleOpt = None,
    reference_docx: ReferenceOpt = None,
    input_format: InputFormatOpt = None,
    exclude: ExcludeOpt = None,
    max_input_size: MaxInputOpt = None,
    marking: MarkingOpt = None,
    language: LanguageOpt = None,
    date: DateOpt = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "-j",
            "--jobs",
            help="Parallel jobs (default: cores; 1 = in-process).",
            show_default=False,
            rich_help_panel=BATCH,
        ),
    ] = None,
    manifest: ManifestOpt = None,
    json_out: JsonOpt = False,
    skip_unchanged: SkipOpt = None,
    force: ForceOpt = False,
    prune: Annotated[
        bool | None,
        typer.Option(
            "--prune",
            help="Remove outputs whose input is gone (as the manifest records them).",
            show_default=False,
            rich_help_panel=BATCH,
        ),
    ] = None,
    fail_fast: Annotated[
        bool,
        typer.Option("--fail-fast", help="Stop at the first failed input.", rich_help_panel=BATCH),
    ] = False,
    quiet: QuietOpt = False,
    executor: Annotated[
        str | None,
        typer.Option(
            "--executor",
            help="process (default) or dask.",
            autocompletion=complete_executors,
            rich_help_panel=CLUSTER,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (tcp://host:8786); implies --executor dask.",
            rich_help_panel=CLUSTER,
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Export each input to one briefing pack per article, in each format."""
    from .settings import Flags

    _set_debug(debug)
    flags = Flags(
        formats=format,
        out=out if out != "-" else None,
        style=style,
        jobs=jobs,
        manifest=manifest,
        skip_unchanged=skip_unchanged,
        force=force,
        fail_fast=fail_fast,
        prune=prune,
        input_format=input_format,
        reference_docx=reference_docx,
        max_input_size=max_input_size,
        date=date,
        marking=marking,
        language=language,
        executor=executor,
        scheduler=scheduler,
        exclude=tuple(exclude or ()),
    )
    settings = _settings(flags, "export")
    if out == "-":
        _to_stdout(inputs, settings)
        return
    from .batch import run_export

    reporter = Reporter(quiet or json_out)
    result = _run(run_export, inputs, settings, reporter)
    _finish(result, json_out=json_out, quiet=quiet, out_dir=_shown_folder(settings))


def _shown_folder(settings: Any) -> Path:
    folder: Path = settings.out_file.parent if settings.out_file is not None else settings.out_dir
    return folder


def _run(runner: Any, inputs: list[str], settings: Any, reporter: Reporter) -> Manifest:
    from .batch import Progress
    from .errors import DocexportError

    try:
        return runner(inputs, settings, Progress(start=reporter.start, done=reporter.done))  # type: ignore[no-any-return]
    except KeyboardInterrupt as exc:
        reporter.close()
        raise _exit_interrupted(exc) from None
    except DocexportError as exc:
        reporter.close()
        if _debug:
            raise
        raise _usage_error(str(exc)) from None
    finally:
        reporter.close()


def _set_debug(flag: bool) -> None:
    global _debug
    _debug = _debug or flag


def _to_stdout(inputs: list[str], settings: Any) -> None:
    from .errors import InputError
    from .incremental import sha256
    from .jobs import InputData, Job, render_job

    if len(inputs) != 1 or len(settings.formats) != 1:
        raise _usage_error("-o - needs exactly one input and one format (-f)")
    if sys.stdout.isatty():
        raise _usage_error("-o - would write binary data to a terminal; redirect or pipe it")
    from .planning import render_spec
    from .reading import read_input_file

    name = inputs[0]
    try:
        if name == "-":
            data = sys.stdin.buffer.read(settings.max_input_size + 1)
            if len(data) > settings.max_input_size:
                raise InputError(
                    f"input is over the limit of {settings.max_input_size:,} bytes "
                    "(see --max-input-size)"
                )
            name = "stdin"
        else:
            data = read_input_file(Path(name), settings.max_input_size)
    except InputError as exc:
        _err(f"{name}: read: {exc}")
        raise typer.Exit(1) from None
    job = Job(
        label=name,
        inputs=(InputData(name=name, data=data, sha256=sha256(data)),),
        stem="stdout",
        formats=settings.formats,
        spec=render_spec(settings),
        single=True,
    )
    result = render_job(job)
    for f in result.failures:
        _err(f"{f.input}: {f.stage}" + (f" {f.format}" if f.format else "") + f": {f.error}")
    if result.failures or not result.outputs:
        raise typer.Exit(1)
    sys.stdout.buffer.write(result.outputs[0].data)
    sys.stdout.buffer.flush()


# --------------------------------------------------------------------------- pack

PACK_EPILOG = """\b
Examples:
  docexport pack articles/ --title "Haiti: the week" -o dist/haiti-week
  docexport pack feed.rss notes/*.md --title "Morning brief" --order date -f pdf
"""


@app.command(cls=GroupedCommand, epilog=PACK_EPILOG)
def pack(
    inputs: InputsArg,
    title: Annotated[
        str, typer.Option("--title", help="The pack's title.", rich_help_panel=CONTENT)
    ],
    format: FormatOpt = None,
    out: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--out",
            help="Output path without extension (default <out folder>/<title>).",
            rich_help_panel=OUTPUT,
        ),
    ] = None,
    style: StyleOpt = None,
    reference_docx: ReferenceOpt = None,
    marking: MarkingOpt = None,
    language: LanguageOpt = None,
    date: DateOpt = None,
    order: Annotated[
        str,
        typer.Option(
            "--order",
            help="Article order: given (default) or date.",
            autocompletion=complete_order,
            rich_help_panel=CONTENT,
        ),
    ] = "given",
    input_format: InputFormatOpt = None,
    exclude: ExcludeOpt = None,
    max_input_size: MaxInputOpt = None,
    max_articles: Annotated[
        int,
        typer.Option("--max-articles", help="Most articles in one pack.", rich_help_panel=INPUT),
    ] = 200,
    manifest: ManifestOpt = None,
    json_out: JsonOpt = False,
    skip_unchanged: SkipOpt = None,
    force: ForceOpt = False,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Build one multi-article pack from many inputs (files, folders, feeds)."""
    from .batch import run_pack
    from .settings import Flags

    _set_debug(debug)
    flags = Flags(
        formats=format,
        out=out,
        style=style,
        jobs=1,
        manifest=manifest,
        skip_unchanged=skip_unchanged,
        force=force,
        input_format=input_format,
        reference_docx=reference_docx,
        max_input_size=max_input_size,
        date=date,
        marking=marking,
        language=language,
        exclude=tuple(exclude or ()),
        title=title,
        order=order,
        max_articles=max_articles,
    )
    settings = _settings(flags, "pack")
    reporter = Reporter(True, failures=False)
    result = _run(run_pack, inputs, settings, reporter)
    for f in result.failures:
        if f.stage not in ("collect", "manifest"):
            where = f.stage + (f" {f.format}" if f.format else "")
            _err(f"{f.input}: {where}: {f.error}")
    if not json_out:
        # One line per written file on stdout, for scripts; no summary line.
        for rec in result.outputs:
            if rec.input.startswith("pack:"):
                typer.echo(printable(rec.path))
    _finish(result, json_out=json_out, quiet=True, out_dir=_shown_folder(settings))


# --------------------------------------------------------------------------- others


@app.command()
def inspect(
    input: Annotated[str, typer.Argument(help="One input file.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the model as JSON.")] = False,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format",
            help="Force the input kind.",
            autocompletion=complete_input_formats,
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Show the model of one input: metadata, summary, key facts, provenance."""
    from .api import load
    from .errors import DocexportError

    _set_debug(debug)
    try:
        the_pack = load(input, input_format=input_format)
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
    debug: DebugOpt = False,
) -> None:
    """Print the JSON Schema of the model (or of the manifest)."""
    import json

    _set_debug(debug)
    if manifest:
        from .manifest import manifest_schema

        data = manifest_schema()
    else:
        from .serialize import json_schema

        data = json_schema()
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@app.command()
def styles(
    show: Annotated[
        str | None,
        typer.Option(
            "--show",
            help="Print a theme's every key as TOML to start from (a built-in name or a path).",
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """List the built-in themes (or print one in full with --show)."""
    from .themes import builtin_themes, load_theme

    _set_debug(debug)
    if show is not None:
        _show_style(show)
        return
    for name in builtin_themes():
        t = load_theme(name)
        typer.echo(f"{name:<12} {t.description}")


def _show_style(name: str) -> None:
    """``docexport styles --show NAME``: a theme's every key, as TOML to start from."""
    from .errors import ThemeError
    from .theme_toml import theme_toml
    from .themes import load_theme

    try:
        theme = load_theme(name)
    except ThemeError as exc:
        raise _usage_error(f"--show {name}: {exc}") from None
    sys.stdout.write(theme_toml(theme))


@app.command()
def config(debug: DebugOpt = False) -> None:
    """Show the effective settings and where each came from."""
    from .config import KEYS, ConfigError, load_config

    _set_debug(debug)
    try:
        cfg = load_config()
    except ConfigError as exc:
        raise _usage_error(str(exc)) from None
    for key in KEYS:
        value = cfg.get(key)
        if isinstance(value, list):
            value = ",".join(value)
        if key == "jobs" and not value:
            from .settings import cpu_count

            value = f"{cpu_count()} (cores)"
        typer.echo(printable(f"{key:<15} {value!s:<24} {cfg.origin(key)}"))


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

    global _debug
    warnings.showwarning = _show_warning
    _debug = "--debug" in sys.argv[1:]
    try:
        app(prog_name="docexport")
    except KeyboardInterrupt as exc:
        # Ctrl-C outside a run (while starting, or in a command without one).
        code = _exit_interrupted(exc).exit_code
        raise SystemExit(code) from None
    except Exception as exc:  # a bug: one line for users, the traceback with --debug
        if _debug:
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
        raise SystemExit(1) from None
    finally:
        # The work is done (or reported): a Ctrl-C during the interpreter's
        # shutdown must not print a traceback or change the exit code.
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
