"""Batch export: inputs -> jobs -> bytes -> atomic writes -> manifest.

Each job is a pure function of one input (:func:`render_job`): it returns the
output bytes and never touches the output folder, so any
``concurrent.futures.Executor`` can run it (in-process for ``-j 1``, a process
pool by default, a Dask cluster for scale-out) and the client alone writes.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import DocexportError, InputError, OutputError
from .manifest import (
    FailureRecord,
    Manifest,
    OutputRecord,
    output_intact,
    read_manifest,
    write_manifest,
)
from .model import Pack
from .output import atomic_write, output_path, remove_stale_temps, safe_stem, sigint_deferred
from .readers import EXTENSIONS, Reading
from .themes import Theme

DEFAULT_FORMATS: tuple[str, ...] = ("docx", "pdf", "epub")


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportSettings:
    formats: tuple[str, ...] = DEFAULT_FORMATS
    out_dir: Path = Path("dist")
    theme: str | Path | None = None
    jobs: int = 1
    force: bool = False
    skip_unchanged: bool = False
    fail_fast: bool = False
    manifest_path: Path | None = None
    input_format: str | None = None
    reference_docx: Path | None = None
    max_input_size: int | None = None
    date: str | None = None
    marking: str | None = None
    executor: str = "process"  # process | dask
    scheduler: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """Everything a worker needs for one input; picklable."""

    input: str
    stem: str
    formats: tuple[str, ...]
    theme: str | None
    input_format: str | None = None
    reference_docx: str | None = None
    max_input_size: int | None = None
    date: str | None = None
    marking: str | None = None
    source_date_epoch: int | None = None
    theme_fingerprint: str = ""  # computed once by the client, not per job
    skip_keys: dict[str, str] = field(default_factory=dict)  # format -> key already up to date


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderedOutput:
    format: str
    name: str  # stem.extension, relative to the output folder
    data: bytes | None  # None when reused (unchanged)
    key: str
    pages: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class JobResult:
    input: str
    input_sha256: str = ""
    outputs: tuple[RenderedOutput, ...] = ()
    failures: tuple[FailureRecord, ...] = ()


# --------------------------------------------------------------------------- inputs


def collect_inputs(specs: Sequence[str]) -> tuple[list[Path], list[FailureRecord]]:
    """Files, folders (recursively, known input extensions) and globs -> input files.

    Order is stable (as given, folders sorted), duplicates removed. A spec that
    matches nothing is a failure, not a crash.
    """
    found: list[Path] = []
    failures: list[FailureRecord] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            found.append(p)

    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in EXTENSIONS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                failures.append(
                    FailureRecord(input=spec, stage="collect", error="no inputs in folder")
                )
            for p in files:
                add(p)
        elif path.exists():
            add(path)
        elif glob.has_magic(spec):
            matches = sorted(Path(m) for m in glob.glob(spec, recursive=True) if Path(m).is_file())
            if not matches:
                failures.append(
                    FailureRecord(input=spec, stage="collect", error="glob matches no file")
                )
            for p in matches:
                add(p)
        else:
            failures.append(FailureRecord(input=spec, stage="collect", error="no such file"))
    return found, failures


def output_stems(inputs: Sequence[Path]) -> list[str]:
    """One safe, unique output stem per input, named after the input file."""
    stems: list[str] = []
    used: set[str] = set()
    for p in inputs:
        base = safe_stem(p.stem)
        stem, n = base, 2
        while stem.lower() in used:
            stem = f"{base}-{n}"
            n += 1
        used.add(stem.lower())
        stems.append(stem)
    return stems


# --------------------------------------------------------------------------- jobs


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def theme_fingerprint(theme: Theme) -> str:
    """A hash of the theme's content, so editing a theme file invalidates outputs."""
    return _sha256(repr(theme).encode("utf-8"))[:16]


def output_key(job: Job, input_sha: str, fmt: str, theme_fp: str) -> str:
    options = {
        "format": fmt,
        "input_format": job.input_format,
        "reference_docx": _file_sha(job.reference_docx) if job.reference_docx else None,
        "date": job.date,
        "marking": job.marking,
        "epoch": job.source_date_epoch,
        "theme": theme_fp,
        "version": __version__,
        "input": input_sha,
    }
    return _sha256(json.dumps(options, sort_keys=True).encode("utf-8"))[:32]


def _file_sha(path: str) -> str:
    try:
        return _sha256(Path(path).read_bytes())
    except OSError:
        return "unreadable"


def _pdf_pages(data: bytes) -> int | None:
    """Page count from the PDF's page tree root (``/Type /Pages ... /Count N``)."""
    import re

    counts = [int(m) for m in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    if not counts:
        counts = [int(m) for m in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    return max(counts) if counts else None


def render_job(job: Job) -> JobResult:
    """Read, analyse and render one input. Pure: returns bytes, writes nothing."""
    from .loading import DEFAULT_MAX_INPUT_SIZE, read_input, read_input_file
    from .renderers import RenderOptions, get
    from .themes import load_theme

    failures: list[FailureRecord] = []
    outputs: list[RenderedOutput] = []
    limit = job.max_input_size or DEFAULT_MAX_INPUT_SIZE
    try:
        # Refuse an oversized input from its size alone: reading it first would
        # hold all of it in memory just to say no.
        size = os.stat(job.input).st_size if job.input != "-" else 0
        if size > limit:
            return JobResult(
                input=job.input,
                failures=(
                    FailureRecord(
                        input=job.input,
                        stage="read",
                        error=f"input is {size:,} bytes, over the limit of {limit:,} "
                        "(see --max-input-size)",
                    ),
                ),
            )
        data = read_input_file(job.input, limit) if job.input != "-" else b""
    except (OSError, DocexportError) as exc:
        cause = getattr(exc, "strerror", None) or str(exc)
        return JobResult(
            input=job.input,
            failures=(FailureRecord(input=job.input, stage="read", error=cause),),
        )
    input_sha = _sha256(data)
    try:
        theme = load_theme(job.theme)
        theme_fp = job.theme_fingerprint or theme_fingerprint(theme)
    except DocexportError as exc:
        return JobResult(
            input=job.input,
            input_sha256=input_sha,
            failures=(FailureRecord(input=job.input, stage="theme", error=str(exc)),),
        )
    keys = {fmt: output_key(job, input_sha, fmt, theme_fp) for fmt in job.formats}
    todo = [f for f in job.formats if job.skip_keys.get(f) != keys[f]]
    for fmt in job.formats:
        if fmt not in todo:
            outputs.append(RenderedOutput(format=fmt, name="", data=None, key=keys[fmt]))
    if not todo:
        return JobResult(input=job.input, input_sha256=input_sha, outputs=tuple(outputs))
    stage = "read"
    try:
        with warnings.catch_warnings(record=True) as read_caught:
            warnings.simplefilter("always")
            reading = read_input(
                data,
                name=job.input,
                input_format=job.input_format,
                max_input_size=limit,
            )
            stage = "analyse"
            packs = _packs_for(reading, job)
        read_warnings = tuple(str(w.message) for w in read_caught if _ours(w))
    except DocexportError as exc:
        return JobResult(
            input=job.input,
            input_sha256=input_sha,
            failures=(FailureRecord(input=job.input, stage=stage, error=str(exc)),),
        )
    except RecursionError:
        return JobResult(
            input=job.input,
            input_sha256=input_sha,
            failures=(
                FailureRecord(input=job.input, stage=stage, error="input nested too deeply"),
            ),
        )
    options = RenderOptions(
        source_date_epoch=job.source_date_epoch,
        reference_docx=Path(job.reference_docx) if job.reference_docx else None,
    )
    for fmt in todo:
        renderer = get(fmt)
        for suffix, pack in packs:
            name = f"{job.stem}{suffix}.{renderer.extension}"
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    blob = renderer.render(pack, theme, options)
                messages = tuple(
                    dict.fromkeys([*read_warnings, *(str(w.message) for w in caught if _ours(w))])
                )
            except DocexportError as exc:
                failures.append(
                    FailureRecord(input=job.input, stage="render", error=str(exc), format=fmt)
                )
                continue
            except Exception as exc:  # a renderer bug must not stop the batch
                failures.append(
                    FailureRecord(
                        input=job.input,
                        stage="render",
                        error=f"internal error: {type(exc).__name__}: {exc}",
                        format=fmt,
                    )
                )
                continue
            outputs.append(
                RenderedOutput(
                    format=fmt,
                    name=name,
                    data=blob,
                    key=keys[fmt],
                    pages=_pdf_pages(blob) if fmt == "pdf" else None,
                    warnings=messages,
                )
            )
    return JobResult(
        input=job.input, input_sha256=input_sha, outputs=tuple(outputs), failures=tuple(failures)
    )


def _ours(w: warnings.WarningMessage) -> bool:
    from .errors import DocexportWarning

    return issubclass(w.category, DocexportWarning)


def _packs_for(reading: Reading, job: Job) -> list[tuple[str, Pack]]:
    """One pack per article: a single-article input keeps its name, a feed's
    articles get ``-01``, ``-02``... suffixes."""
    import dataclasses

    from .loading import build_pack

    if reading.pack is not None or len(reading.articles) <= 1:
        return [("", build_pack(reading, marking=job.marking, date=job.date))]
    width = max(2, len(str(len(reading.articles))))
    out: list[tuple[str, Pack]] = []
    for i, article in enumerate(reading.articles, 1):
        single = dataclasses.replace(reading, articles=(article,), title=None)
        out.append((f"-{i:0{width}d}", build_pack(single, marking=job.marking, date=job.date)))
    return out


# --------------------------------------------------------------------------- running


ProgressCallback = Callable[[str, JobResult | None], None]


def _executor(settings: ExportSettings, n_jobs: int) -> Executor | None:
    if settings.executor == "dask":
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise DocexportError(
                "the dask executor needs the dask extra: pip install 'docexport[dask]'"
            ) from None
        if settings.scheduler:
            client = Client(settings.scheduler)  # type: ignore[no-untyped-call]
        else:
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(1, settings.jobs),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)  # type: ignore[no-untyped-call]
        executor: Executor = client.get_executor()  # type: ignore[no-untyped-call]
        return executor
    if n_jobs <= 1:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver/spawn would re-import everything per worker; fork shares the
    # parent's imported modules, which is safe here because the parent holds no
    # threads or locks while jobs run.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    if method == "fork":
        _warm_up(settings)
    ctx = multiprocessing.get_context(method)
    return ProcessPoolExecutor(max_workers=n_jobs, mp_context=ctx)


# An article with each part the renderers draw: standfirst, quote, person with a
# title, an organisation with its acronym, a place, figures and a date.
_WARM_UP_ARTICLE = (
    "Warm-up headline for the workers\n"
    "A short standfirst that the renderers set in italics above the summary points.\n"
    "“The council will act on this,” said President Jane Doe of the Example Council (EC) "
    "in Nairobi on 3 March 2024, announcing 600 additional officers and $1.5 million.\n"
    "In summary, this text only prepares the renderers before the workers start.\n"
    "Original Source: example.org\n"
).encode()


def _warm_up(settings: ExportSettings) -> None:
    """Render a small article once in the parent before the pool forks, so the
    workers share its one-time setup (renderer imports, fonts, hyphenation
    patterns, the styled DOCX base, the analysis tables) instead of each paying
    it again. Output bytes do not depend on it; a failure here only costs time."""
    from .loading import load
    from .renderers import RenderOptions, get
    from .themes import load_theme

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pack = load(_WARM_UP_ARTICLE)
            theme = load_theme(str(settings.theme) if settings.theme else None)
            options = RenderOptions(reference_docx=settings.reference_docx)
            for fmt in settings.formats:
                get(fmt).render(pack, theme, options)
    except Exception:  # never let the warm-up stop a batch
        return


def _results(jobs: list[Job], executor: Executor | None) -> Iterator[JobResult]:
    if executor is None:
        for job in jobs:
            yield render_job(job)
        return
    from concurrent.futures import as_completed

    futures: dict[Future[JobResult], Job] = {executor.submit(render_job, j): j for j in jobs}
    try:
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                yield fut.result()
            except Exception as exc:  # a worker died: report it as this input's failure
                yield JobResult(
                    input=job.input,
                    failures=(
                        FailureRecord(
                            input=job.input, stage="worker", error=f"{type(exc).__name__}: {exc}"
                        ),
                    ),
                )
    finally:
        for fut in futures:
            fut.cancel()


def _previous_keys(settings: ExportSettings) -> dict[tuple[str, str], OutputRecord]:
    if not settings.skip_unchanged or settings.force or settings.manifest_path is None:
        return {}
    try:
        manifest = read_manifest(settings.manifest_path)
    except InputError:
        return {}
    table: dict[tuple[str, str], OutputRecord] = {}
    for rec in manifest.outputs:
        table[(rec.input, rec.format)] = rec
    return table


def _still_there(rec: OutputRecord) -> bool:
    """The recorded output exists with the recorded content."""
    return output_intact(rec)


def run_export(
    specs: Sequence[str],
    settings: ExportSettings,
    progress: ProgressCallback | None = None,
    on_start: Callable[[int], None] | None = None,
) -> Manifest:
    """Export every input; write outputs atomically; return (and write) the manifest.

    ``on_start`` hears the number of inputs found, before any job runs (for a
    progress bar); ``progress`` hears each finished input.
    """
    from .loading import source_date_epoch
    from .renderers import get

    for fmt in settings.formats:
        get(fmt)  # unknown formats fail before any work
    theme_ref = str(settings.theme) if settings.theme else None
    from .themes import load_theme

    theme = load_theme(theme_ref)  # a bad theme is a usage error, raised here
    inputs, failures = collect_inputs(specs)
    stems = output_stems(inputs)
    if on_start:
        on_start(len(inputs))
    theme_fp = theme_fingerprint(theme)
    previous = _previous_keys(settings)
    epoch = source_date_epoch()
    jobs: list[Job] = []
    for path, stem in zip(inputs, stems, strict=True):
        skip: dict[str, str] = {}
        for fmt in settings.formats:
            rec = previous.get((str(path), fmt))
            if rec is not None and _still_there(rec):
                skip[fmt] = rec.key
        jobs.append(
            Job(
                input=str(path),
                stem=stem,
                formats=settings.formats,
                theme=theme_ref,
                input_format=settings.input_format,
                reference_docx=str(settings.reference_docx) if settings.reference_docx else None,
                max_input_size=settings.max_input_size,
                date=settings.date,
                marking=settings.marking,
                source_date_epoch=epoch,
                theme_fingerprint=theme_fp,
                skip_keys=skip,
            )
        )
    out_dir = settings.out_dir
    n_jobs = min(settings.jobs, len(jobs)) if jobs else 1
    executor = _executor(settings, n_jobs)
    results: dict[str, JobResult] = {}
    records: dict[str, list[OutputRecord]] = {}
    interrupted = False
    try:
        for result in _results(jobs, executor):
            recs: list[OutputRecord] = []
            # Registered before writing: an interrupted run's manifest still
            # lists what this input already wrote.
            records[result.input] = recs
            job_failures = list(result.failures)
            for out in result.outputs:
                if out.data is None:
                    old = previous[(result.input, out.format)]
                    recs.append(_reused(old))
                    continue
                try:
                    target = output_path(out_dir, Path(out.name).stem, Path(out.name).suffix[1:])
                    with sigint_deferred():  # written and recorded, or neither
                        atomic_write(target, out.data)
                        recs.append(
                            OutputRecord(
                                input=result.input,
                                input_sha256=result.input_sha256,
                                format=out.format,
                                path=str(target),
                                bytes=len(out.data),
                                sha256=_sha256(out.data),
                                key=out.key,
                                pages=out.pages,
                                warnings=out.warnings,
                            )
                        )
                except OutputError as exc:
                    job_failures.append(
                        FailureRecord(
                            input=result.input, stage="write", error=str(exc), format=out.format
                        )
                    )
                    continue
            result = JobResult(
                input=result.input,
                input_sha256=result.input_sha256,
                outputs=result.outputs,
                failures=tuple(job_failures),
            )
            results[result.input] = result
            records[result.input] = recs
            if progress:
                progress(result.input, result)
            if settings.fail_fast and result.failures:
                break
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if executor is not None:
            try:
                executor.shutdown(wait=not interrupted, cancel_futures=True)
            except TypeError:  # Dask's ClientExecutor has no cancel_futures
                executor.shutdown(wait=not interrupted)
        remove_stale_temps(out_dir)
    order = {job.input: i for i, job in enumerate(jobs)}
    fmt_order = {f: i for i, f in enumerate(settings.formats)}
    all_outputs = sorted(
        (r for recs in records.values() for r in recs),
        key=lambda r: (order.get(r.input, 0), fmt_order.get(r.format, 0), r.path),
    )
    all_failures = failures + sorted(
        (f for res in results.values() for f in res.failures),
        key=lambda f: (order.get(f.input, 0), fmt_order.get(f.format or "", -1)),
    )
    manifest = Manifest(
        version=__version__,
        theme=theme.name,
        formats=settings.formats,
        outputs=tuple(all_outputs),
        failures=tuple(all_failures),
        interrupted=interrupted,
    )
    if settings.manifest_path is not None:
        write_manifest(manifest, settings.manifest_path)
    if interrupted:
        raise KeyboardInterrupt
    return manifest


def _reused(old: OutputRecord) -> OutputRecord:
    import dataclasses

    return dataclasses.replace(old, reused=True)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
