"""One settings builder for ``export``, ``pack`` and the Python API.

Defaults, then the configuration file, then flags (or API arguments): merged
and validated once, so the three entries cannot drift apart. Every problem is
a :class:`~docexport.errors.ConfigError` whose one-line message names the
option or key; the CLI turns it into exit code 2.

The build timestamp (``SOURCE_DATE_EPOCH``) is read here, once, at the entry
point; everything downstream receives it in the settings and render options.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config
from .errors import ConfigError, ThemeError
from .themes import Theme

if TYPE_CHECKING:
    from .renderers.docx.reference import ReferenceDocx

DEFAULT_FORMATS: tuple[str, ...] = ("docx", "pdf", "epub")
DEFAULT_MAX_ARTICLES = 200
MANIFEST_NAME = "docexport-manifest.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class Flags:
    """What a caller asked for; ``None`` means "not given" (config or default applies)."""

    formats: str | Sequence[str] | None = None
    out: str | Path | None = None
    style: str | Path | None = None
    jobs: int | None = None
    manifest: str | Path | None = None
    skip_unchanged: bool | None = None
    force: bool = False
    fail_fast: bool = False
    prune: bool | None = None
    input_format: str | None = None
    reference_docx: str | Path | None = None
    max_input_size: int | None = None
    date: str | None = None
    marking: str | None = None
    language: str | None = None
    executor: str | None = None
    scheduler: str | None = None
    exclude: Sequence[str] = ()
    # pack only
    title: str | None = None
    order: str | None = None
    max_articles: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Validated settings of one run."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    out_dir: Path = Path("dist")
    # ``-o NAME.EXT`` with one input: that exact file (pandoc's habit).
    out_file: Path | None = None
    style: str | None = None
    theme: Theme = field(default_factory=lambda: _default_theme())
    jobs: int = 1
    manifest_path: Path | None = None
    skip_unchanged: bool = False
    force: bool = False
    fail_fast: bool = False
    prune: bool = False
    input_format: str | None = None
    reference_docx: Path | None = None
    # the reference document reduced to the parts docexport uses (no path on workers)
    reference: ReferenceDocx | None = None
    max_input_size: int = 20 * 1024 * 1024
    date: str | None = None
    marking: str | None = None
    # --language: docexport's own words (labels, dates, typography) in this language
    language: str | None = None
    executor: str = "process"
    scheduler: str | None = None
    exclude: tuple[str, ...] = ()
    source_date_epoch: int | None = None
    # pack only
    title: str | None = None
    order: str = "given"
    max_articles: int = DEFAULT_MAX_ARTICLES

    @property
    def prepared_date(self) -> str | None:
        """The pack's "prepared" date when it does not depend on the input:
        ``--date``, else the build timestamp's day."""
        if self.date:
            return self.date
        if self.source_date_epoch is not None:
            return epoch_day(self.source_date_epoch)
        return None


def _default_theme() -> Theme:
    from .themes import load_theme

    return load_theme(None)


def epoch_day(epoch: int) -> str | None:
    try:
        return _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def resolve_epoch(environ: Mapping[str, str] | None = None) -> int | None:
    """``SOURCE_DATE_EPOCH`` if set to a whole number of seconds; read once per run."""
    raw = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit() or len(raw) > 12:
        return None
    return int(raw)


def parse_formats(value: str | Sequence[str], *, option: str = "--format") -> tuple[str, ...]:
    """``"pdf"``, ``"docx,pdf"`` or ``["docx", "pdf"]`` -> known format names, in order."""
    from .readers import INPUT_FORMATS
    from .renderers import available, is_known

    if isinstance(value, str):
        items = [v.strip().lower() for v in value.split(",")]
    elif isinstance(value, Iterable) and all(isinstance(v, str) for v in value):
        items = [v.strip().lower() for v in value]
    else:
        raise ConfigError(f"{option}: expected format names, got {value!r}")
    items = [v for v in items if v]
    if not items:
        raise ConfigError(f"{option}: no format given")
    for f in items:
        if not is_known(f):
            hint = ""
            if f in INPUT_FORMATS or f in ("md", "htm", "rss", "atom", "txt"):
                hint = f"; for the input kind use --input-format {_input_kind(f)}"
            raise ConfigError(
                f"{option}: unknown format {f!r} (known: {', '.join(available())}){hint}"
            )
    return tuple(dict.fromkeys(items))


def _input_kind(word: str) -> str:
    return {"md": "markdown", "htm": "html", "rss": "feed", "atom": "feed", "txt": "text"}.get(
        word, word
    )


def check_date(value: str, option: str = "--date") -> str:
    try:
        _dt.date.fromisoformat(value)
    except (ValueError, TypeError):
        raise ConfigError(f"{option} {value!r} is not a date like 2024-11-03") from None
    return value


def _theme(style: str | None, option: str) -> Theme:
    from .themes import load_theme

    try:
        return load_theme(style)
    except ThemeError as exc:
        raise ConfigError(f"{option} {style}: {exc}") from None


def reference_document(path: Path) -> ReferenceDocx:
    """The reference document, read (bounded, a regular file only) and reduced by
    the client to the parts docexport uses, so workers need no shared disk and a
    bad document is one usage error before any input is read."""
    from .errors import RenderError
    from .renderers.docx.reference import load_reference

    try:
        return load_reference(path)
    except RenderError as exc:
        message = str(exc).removeprefix(f"reference docx {path}: ")
        raise ConfigError(f"--reference-docx {path}: {message}") from None


def output_file_format(out: str) -> str | None:
    """The format ``-o NAME.EXT`` names, if its extension is a known format's."""
    from .renderers import available, get

    suffix = Path(out).suffix.lower().lstrip(".")
    if not suffix:
        return None
    for name in available():
        try:
            if get(name).extension == suffix:
                return name
        except Exception:  # a broken plug-in is reported when it is used, not here
            continue
    return None


def _whole(value: object, option: str, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{option} must be {what} of at least 1, got {value!r}")
    return value


def _output(flags: Flags, cfg: Config, command: str) -> tuple[Path, Path | None]:
    """(output folder, output file): ``export -o NAME.pdf`` names a file, as
    pandoc does; ``pack -o dist/name`` names the pack's path without extension."""
    if flags.out is None:
        return Path(str(cfg.get("out"))), None
    out = Path(str(flags.out))
    if command == "pack":
        stem = Path(out.name).stem if output_file_format(out.name) else out.name
        return out.parent, out.parent / stem
    if str(flags.out) == "-":
        raise ConfigError("-o -: writing to stdout is decided before the settings")
    if output_file_format(str(out)) is not None and not out.is_dir():
        return out.parent, out
    return out, None


def _formats(flags: Flags, cfg: Config, out_file: Path | None) -> tuple[str, ...]:
    """``-f``, else the configuration; ``export -o NAME.EXT`` decides alone."""
    file_fmt = output_file_format(str(out_file)) if out_file is not None else None
    if file_fmt is not None:
        if flags.formats is not None:
            asked = parse_formats(flags.formats)
            if asked != (file_fmt,):
                raise ConfigError(
                    f"-o {out_file} names a {file_fmt} file but --format asks for "
                    f"{','.join(asked)}; give a folder to -o for several formats"
                )
        return (file_fmt,)
    if flags.formats is not None:
        return parse_formats(flags.formats)
    return parse_formats(cfg.get("formats"), option=_cfg_option(cfg, "formats"))


def _executor(flags: Flags, cfg: Config) -> tuple[str, str | None]:
    """(executor, scheduler): a scheduler address implies Dask."""
    scheduler = flags.scheduler or cfg.get("scheduler") or None
    if flags.executor is None:
        return ("dask" if scheduler else str(cfg.get("executor"))), scheduler
    if flags.executor not in ("process", "dask"):
        raise ConfigError(f"--executor {flags.executor!r} is not one of process, dask")
    if scheduler and flags.executor != "dask":
        raise ConfigError("--scheduler needs the dask executor; drop --executor process")
    return flags.executor, scheduler


def _switch(flag: bool | None, cfg: Config, key: str) -> bool:
    return bool(flag) if flag is not None else bool(cfg.get(key))


def build_settings(
    flags: Flags,
    config: Config | None = None,
    *,
    command: str = "export",
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Merge defaults, ``config`` and ``flags`` (flags win) and validate once.
    ``command`` is ``export`` or ``pack`` (which needs a title)."""
    from .readers import INPUT_FORMATS

    cfg = config or Config()
    out_dir, out_file = _output(flags, cfg, command)
    formats = _formats(flags, cfg, out_file if command == "export" else None)

    style_value = flags.style if flags.style is not None else cfg.get("style")
    style = str(style_value) if style_value else None
    theme = _theme(style, "--style" if flags.style is not None else _cfg_option(cfg, "style"))

    if flags.jobs is not None:
        jobs = _whole(flags.jobs, "--jobs", "a whole number")
    else:
        jobs = int(cfg.get("jobs")) or cpu_count()
    if flags.max_input_size is not None:
        max_input_size = _whole(flags.max_input_size, "--max-input-size", "a number of bytes")
    else:
        max_input_size = int(cfg.get("max_input_size"))

    input_format = flags.input_format or cfg.get("input_format") or None
    if input_format is not None and input_format not in INPUT_FORMATS:
        raise ConfigError(
            f"--input-format {input_format!r} is not one of {', '.join(INPUT_FORMATS)}"
        )
    date = check_date(flags.date) if flags.date is not None else None
    marking = flags.marking if flags.marking is not None else (cfg.get("marking") or None)
    _check_marking(marking)
    language_value = flags.language if flags.language is not None else cfg.get("language")
    language = check_language(language_value) if language_value else None
    executor, scheduler = _executor(flags, cfg)

    ref_value = flags.reference_docx or cfg.get("reference_docx") or None
    reference_docx = Path(str(ref_value)) if ref_value else None
    reference = reference_document(reference_docx) if reference_docx else None

    skip = _switch(flags.skip_unchanged, cfg, "skip_unchanged")
    prune = _switch(flags.prune, cfg, "prune")
    manifest_value = flags.manifest or cfg.get("manifest") or None
    manifest_path = Path(str(manifest_value)) if manifest_value else None
    if (skip or prune) and manifest_path is None:
        manifest_path = out_dir / MANIFEST_NAME

    order = flags.order or "given"
    max_articles = flags.max_articles if flags.max_articles is not None else DEFAULT_MAX_ARTICLES
    if command == "pack":
        if not flags.title or not flags.title.strip():
            raise ConfigError("--title: a pack needs a title")
        if order not in ("given", "date"):
            raise ConfigError(f"--order {order!r} is not one of given, date")
        max_articles = _whole(max_articles, "--max-articles", "a number")

    return Settings(
        formats=formats,
        out_dir=out_dir,
        out_file=out_file,
        style=style,
        theme=theme,
        jobs=jobs,
        manifest_path=manifest_path,
        skip_unchanged=skip,
        force=flags.force,
        fail_fast=flags.fail_fast,
        prune=prune,
        input_format=input_format,
        reference_docx=reference_docx,
        reference=reference,
        max_input_size=max_input_size,
        date=date,
        marking=marking,
        language=language,
        executor=executor,
        scheduler=scheduler,
        exclude=tuple(flags.exclude) + tuple(cfg.get("exclude")),
        source_date_epoch=resolve_epoch(environ),
        title=flags.title,
        order=order,
        max_articles=max_articles,
    )


def _check_marking(marking: str | None) -> None:
    from .errors import InputError
    from .loading import check_marking

    try:
        check_marking(marking)
    except InputError as exc:
        raise ConfigError(f"--marking: {exc}") from None


def check_language(value: object, option: str = "--language") -> str:
    """A BCP 47 language tag such as ``fr`` or ``pt-BR``."""
    import re

    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", value):
        raise ConfigError(f"{option} {value!r} is not a language tag like fr or pt-BR")
    return value


def _cfg_option(cfg: Config, key: str) -> str:
    return f"{cfg.path}: {key}" if cfg.has(key) and cfg.path else key


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
