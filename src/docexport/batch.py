"""The run loop: inputs -> jobs -> bytes -> atomic writes -> manifest.

The pieces live in their own modules: :mod:`discovery` finds the inputs,
:mod:`naming` decides every output name before anything renders,
:mod:`incremental` says what an earlier run already made, :mod:`jobs` turns
bytes into bytes, :mod:`executors` runs jobs. This module reads the inputs
(the client reads, workers get bytes), writes outputs and the manifest, and
makes every way a run can end (done, Ctrl-C, SIGTERM, SIGHUP) leave a manifest
that lists exactly what was written.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType

from . import __version__
from .discovery import collect_inputs
from .errors import ConfigError, InputError, InputNotFoundError, OutputError
from .executors import Runner, make_runner
from .incremental import output_key, previous_manifest, sha256, still_there, theme_fingerprint
from .jobs import InputData, Job, JobResult, RenderSpec, render_job
from .manifest import FailureRecord, Manifest, OutputRecord, RunFacts
from .naming import Planned, cut_bytes, plan_names
from .output import MAX_STEM, atomic_write, output_path, remove_stale_temps, safe_stem
from .settings import Settings

# How long a run waits for another run's lock on the same output folder.
LOCK_WAIT_S = 60.0


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; ``signum`` says which."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = signum


@dataclass
class Progress:
    """Hooks a caller (the CLI's reporter) may set; all optional."""

    start: Callable[[int], None] | None = None
    # (input, output records written or unchanged, failures)
    done: Callable[[str, list[OutputRecord], int, list[FailureRecord]], None] | None = None


# --------------------------------------------------------------------------- reading


def read_input_file(path: Path, limit: int) -> bytes:
    """An input's bytes: only a regular file, at most ``limit`` bytes (a FIFO
    or device never hangs or floods the run; ``st_size`` is not trusted)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputNotFoundError("no such file", path=str(path), stage="read") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=str(path), stage="read") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=str(path), stage="read") from None
    try:
        info = os.fstat(fd)
        mode = info.st_mode
        if stat.S_ISREG(mode) and info.st_size > limit:
            # A regular file's size is known: refuse without reading it.
            raise InputError(
                f"input is {info.st_size:,} bytes, over the limit of {limit:,} "
                "(see --max-input-size)",
                path=str(path),
                stage="read",
            )
        if stat.S_ISDIR(mode):
            raise InputError("is a folder, not a file", path=str(path), stage="read")
        if not stat.S_ISREG(mode):
            raise InputError(
                "not a regular file (a pipe, socket or device)", path=str(path), stage="read"
            )
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=str(path), stage="read") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(
            f"input is over the limit of {limit:,} bytes (see --max-input-size)",
            path=str(path),
            stage="read",
        )
    return data


def _may_hold_many(path: Path, input_format: str | None) -> bool:
    """Whether an input may hold several articles (a feed, a JSON list): it then
    owns ``stem-NN`` names. Decided from its first bytes, as the readers do."""
    from .readers import sniff

    if input_format is not None:
        return input_format in ("feed", "json")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return False
            head = os.read(fd, 4096)
        finally:
            os.close(fd)
    except OSError:
        return False
    return sniff(head, path.name) in ("feed", "json")


# --------------------------------------------------------------------------- folders


def prepare_folder(folder: Path, what: str = "output folder") -> list[Path]:
    """Create the folder, or say in one line why it cannot be used; returns the
    folders it created (deepest last), so a run that wrote nothing removes them."""
    created = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{what} {folder}: exists and is not a folder") from None
    except NotADirectoryError:
        raise OutputError(f"{what} {folder}: a part of the path is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(f"{what} {folder}: cannot create it: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{what} {folder}: not writable")
    return created


def _remove_if_empty(folders: Sequence[Path]) -> None:
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only succeeds when empty


@contextlib.contextmanager
def folder_lock(folder: Path, wait_s: float = LOCK_WAIT_S) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` for the whole run, so two runs into
    one folder take turns (the second waits, then refuses with one line)
    instead of mixing their outputs and manifests. The lock is on the folder
    itself: no lock file is left among the outputs."""
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise OutputError(f"cannot lock {folder}: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputError(
                        f"another docexport run is writing to {folder} "
                        f"(waited {wait_s:.0f} s); try again when it ends"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def _locks(folders: Sequence[Path]) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        for f in sorted({f.resolve() for f in folders}):
            stack.enter_context(folder_lock(f))
        yield


# --------------------------------------------------------------------------- signals

_STOP_SIGNALS = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None
)


@contextlib.contextmanager
def stop_signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP end the run as Ctrl-C does (workers ended, manifest
    written), raising :class:`Interrupted` in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = {s: signal.signal(s, stop) for s in _STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP until the block ends, so an output is
    written and recorded together or not at all."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        pending.append(signum)

    held = (signal.SIGINT, *_STOP_SIGNALS)
    previous = {s: signal.signal(s, hold) for s in held}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if pending:
            signum = pending[0]
            raise Interrupted(signum)


# --------------------------------------------------------------------------- running


@dataclass
class _State:
    records: dict[str, list[OutputRecord]] = field(default_factory=dict)
    failures: list[FailureRecord] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)  # file name -> input
    rendered: int = 0
    unchanged: int = 0


def _window(runner: Runner, n_jobs: int) -> int:
    return max(2, 2 * n_jobs)


def _results(items: Iterator[Job | JobResult], runner: Runner, n_jobs: int) -> Iterator[JobResult]:
    """Each job's result as it finishes. Jobs are submitted a few at a time, so
    a large batch never holds every input's bytes in memory at once."""
    if runner.executor is None:
        for each in items:
            yield each if isinstance(each, JobResult) else render_job(each)
        return
    executor = runner.executor
    pending: dict[Future[JobResult], Job] = {}
    limit = _window(runner, n_jobs)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < limit:
                item: Job | JobResult | None = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, JobResult):
                    yield item
                else:
                    try:
                        pending[executor.submit(render_job, item)] = item
                    except Exception as exc:  # a broken pool
                        yield _worker_failure(item, exc)
            if not pending:
                return
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for fut in done:
                job = pending.pop(fut)
                try:
                    yield fut.result()
                except Exception as exc:  # the worker died: this input's failure
                    yield _worker_failure(job, exc)
    finally:
        for fut in pending:
            fut.cancel()


def _worker_failure(job: Job, exc: BaseException) -> JobResult:
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, BrokenProcessPool):
        cause = "the worker process ended unexpectedly (killed, or out of memory)"
    else:
        cause = f"{type(exc).__name__}: {exc}"
    return JobResult(
        input=job.label,
        failures=(FailureRecord(input=job.label, stage="worker", error=cause),),
    )


def _spec(settings: Settings) -> RenderSpec:
    return RenderSpec(
        theme=settings.theme,
        input_format=settings.input_format,
        reference_docx=settings.reference_docx_bytes,
        max_input_size=settings.max_input_size,
        date=settings.prepared_date,
        marking=settings.marking,
        source_date_epoch=settings.source_date_epoch,
        max_articles=settings.max_articles,
    )


def _key_options(settings: Settings) -> dict[str, object]:
    return {
        "input_format": settings.input_format,
        "reference_docx": sha256(settings.reference_docx_bytes)
        if settings.reference_docx_bytes
        else None,
        "date": settings.date,
        "marking": settings.marking,
        "epoch": settings.source_date_epoch,
        "theme": theme_fingerprint(settings.theme),
        "max_articles": settings.max_articles,
    }


def _records_by_input(manifest: Manifest | None) -> dict[str, list[OutputRecord]]:
    table: dict[str, list[OutputRecord]] = {}
    if manifest is not None:
        for rec in manifest.outputs:
            table.setdefault(rec.input, []).append(rec)
    return table


def _unchanged(
    settings: Settings, previous: list[OutputRecord], fmt: str, key: str
) -> list[OutputRecord] | None:
    """The earlier outputs of one input in one format, if all are up to date."""
    if not settings.skip_unchanged or settings.force:
        return None
    recs = [r for r in previous if r.format == fmt]
    if recs and all(r.key == key and still_there(r) for r in recs):
        return recs
    return None


def _check_manifest_path(path: Path | None) -> list[Path]:
    if path is None:
        return []
    if path.is_dir():
        raise OutputError(f"--manifest {path}: is a folder, not a file")
    return prepare_folder(path.parent, "manifest folder")


def _write(
    state: _State, settings: Settings, out_dir: Path, result: JobResult
) -> tuple[list[OutputRecord], list[FailureRecord]]:
    """Write one job's outputs; an output name another input already wrote in
    this run is refused, never overwritten."""
    recs = state.records.setdefault(result.input, [])
    failures = list(result.failures)
    written: list[OutputRecord] = []
    for out in result.outputs:
        owner = state.written.get(out.name.lower())
        if owner is not None and owner != result.input:
            failures.append(
                FailureRecord(
                    input=result.input,
                    stage="write",
                    error=f"output name {out.name} is already taken by {owner} in this run",
                    format=out.format,
                )
            )
            continue
        try:
            stem, _, ext = out.name.rpartition(".")
            target = output_path(out_dir, stem, ext)
            with signals_deferred():  # written and recorded, or neither
                atomic_write(target, out.data)
                rec = OutputRecord(
                    input=result.input,
                    input_sha256=result.input_sha256,
                    format=out.format,
                    path=str(target),
                    bytes=len(out.data),
                    sha256=sha256(out.data),
                    key=out.key,
                    pages=out.pages,
                    warnings=out.warnings,
                )
                recs.append(rec)
                state.written[out.name.lower()] = result.input
        except OutputError as exc:
            failures.append(
                FailureRecord(input=result.input, stage="write", error=str(exc), format=out.format)
            )
            continue
        written.append(rec)
    state.rendered += len(written)
    state.failures.extend(failures)
    return written, failures


def _prune(
    settings: Settings, previous: dict[str, list[OutputRecord]], out_dir: Path
) -> tuple[str, ...]:
    """Remove outputs an earlier run made from inputs that are gone. Only files
    inside the output folder that still hold the recorded bytes are removed."""
    if not settings.prune:
        return ()
    root = out_dir.resolve()
    removed: list[str] = []
    for inp, recs in previous.items():
        if inp.startswith("pack:") or Path(inp).exists():
            continue
        for rec in recs:
            path = Path(rec.path)
            if path.resolve().parent != root or not still_there(rec):
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(rec.path)
    return tuple(sorted(removed))


@dataclass(frozen=True)
class _Plan:
    """What a run will do, decided before anything renders."""

    out_dir: Path
    items: list[tuple[Planned, list[Path]]]  # (name plan, input paths)
    failures: list[FailureRecord]
    previous: dict[str, list[OutputRecord]]
    pack_title: str | None = None


def _plan_export(specs: Sequence[str], settings: Settings) -> _Plan:
    manifest = previous_manifest(settings.manifest_path)
    previous = _records_by_input(manifest)
    skip_files = [settings.manifest_path] if settings.manifest_path else []
    inputs, failures = collect_inputs(
        specs,
        exclude=settings.exclude,
        skip_folders=[settings.out_dir],
        skip_files=skip_files,
    )
    if settings.out_file is not None and len(inputs) > 1:
        raise ConfigError(
            f"-o {settings.out_file} names one file but {len(inputs)} inputs were found; "
            "give -o a folder"
        )
    names = [str(p) for p in inputs]
    multi = [_may_hold_many(p, settings.input_format) for p in inputs]
    claimed = {
        inp: [r.path for r in recs if Path(r.path).exists()] for inp, recs in previous.items()
    }
    planned = plan_names(names, multi=multi, previous=claimed)
    if settings.out_file is not None and planned:
        planned = [replace(planned[0], stem=settings.out_file.stem)]
    return _Plan(
        out_dir=settings.out_dir,
        items=[(pl, [p]) for pl, p in zip(planned, inputs, strict=True)],
        failures=failures,
        previous=previous,
    )


def _plan_pack(specs: Sequence[str], settings: Settings) -> _Plan:
    manifest = previous_manifest(settings.manifest_path)
    previous = _records_by_input(manifest)
    skip_files = [settings.manifest_path] if settings.manifest_path else []
    out_file = settings.out_file
    title = settings.title or "pack"
    out_dir = out_file.parent if out_file is not None else settings.out_dir
    stem = out_file.name if out_file is not None else cut_bytes(safe_stem(title, "pack"), MAX_STEM)
    inputs, failures = collect_inputs(
        specs, exclude=settings.exclude, skip_folders=[out_dir], skip_files=skip_files
    )
    label = f"pack:{stem}"
    planned = Planned(label, cut_bytes(safe_stem(stem, "pack"), MAX_STEM), False)
    return _Plan(
        out_dir=out_dir,
        items=[(planned, inputs)] if inputs else [],
        failures=failures,
        previous=previous,
        pack_title=title,
    )


def _jobs(plan: _Plan, settings: Settings, state: _State) -> Iterator[Job | JobResult]:
    """Read each input (the client reads; workers get bytes) and decide what
    must render. Unchanged outputs are recorded here and never sent out."""
    spec = _spec(settings)
    options = _key_options(settings)
    for planned, paths in plan.items:
        datas: list[InputData] = []
        read_failures: list[FailureRecord] = []
        for path in paths:
            try:
                data = read_input_file(path, settings.max_input_size)
            except InputError as exc:
                read_failures.append(FailureRecord(input=str(path), stage="read", error=str(exc)))
                continue
            datas.append(InputData(name=str(path), data=data, sha256=sha256(data)))
        if plan.pack_title is None and read_failures:
            yield JobResult(input=planned.input, failures=tuple(read_failures))
            continue
        if plan.pack_title is not None:
            state.failures.extend(read_failures)
            if not datas:
                yield JobResult(
                    input=planned.input,
                    failures=(
                        FailureRecord(
                            input=planned.input, stage="read", error="no articles to pack"
                        ),
                    ),
                )
                continue
            job_sha = sha256("\n".join(d.sha256 for d in datas).encode("ascii"))
            job_options = {**options, "title": plan.pack_title, "order": settings.order}
        else:
            job_sha = datas[0].sha256
            job_options = options
        keys = {fmt: output_key(fmt, job_sha, job_options) for fmt in settings.formats}
        todo: list[str] = []
        reused: list[OutputRecord] = []
        old = plan.previous.get(planned.input, [])
        for fmt in settings.formats:
            recs = _unchanged(settings, old, fmt, keys[fmt])
            if recs is None:
                todo.append(fmt)
            else:
                reused.extend(recs)
        if reused:
            state.records.setdefault(planned.input, []).extend(reused)
            state.unchanged += len(reused)
            for r in reused:
                state.written[Path(r.path).name.lower()] = planned.input
        if not todo:
            yield JobResult(input=planned.input, input_sha256=job_sha)
            continue
        yield Job(
            label=planned.input,
            inputs=tuple(datas),
            stem=planned.stem,
            formats=tuple(todo),
            keys=keys,
            spec=spec,
            single=settings.out_file is not None and plan.pack_title is None,
            pack_title=plan.pack_title,
            order=settings.order,
        )


def run_export(
    specs: Sequence[str], settings: Settings, progress: Progress | None = None
) -> Manifest:
    """Export every input; write outputs atomically; return (and write) the manifest.

    Raises :class:`ConfigError` or :class:`OutputError` before any work when the
    run cannot start (no usable output folder, unreachable scheduler), and
    :class:`Interrupted` after writing the manifest when stopped.
    """
    return _run(specs, settings, _plan_export, progress)


def run_pack(
    specs: Sequence[str], settings: Settings, progress: Progress | None = None
) -> Manifest:
    """Combine every article of every input into one pack, rendered per format."""
    return _run(specs, settings, _plan_pack, progress)


def _run(
    specs: Sequence[str],
    settings: Settings,
    planner: Callable[[Sequence[str], Settings], _Plan],
    progress: Progress | None,
) -> Manifest:
    from .renderers import get

    for fmt in settings.formats:
        get(fmt)  # unknown formats fail before any work
    progress = progress or Progress()
    out_dir = settings.out_file.parent if settings.out_file is not None else settings.out_dir
    created = prepare_folder(out_dir)
    try:
        created += _check_manifest_path(settings.manifest_path)
    except OutputError:
        _remove_if_empty(created)
        raise
    lock_folders = [out_dir]
    if settings.manifest_path is not None:
        lock_folders.append(settings.manifest_path.parent)
    try:
        with _locks(lock_folders), stop_signals_interrupt():
            return _run_locked(specs, settings, planner, progress)
    finally:
        # A run that wrote nothing leaves no empty folder behind.
        _remove_if_empty(created)


def _run_locked(
    specs: Sequence[str],
    settings: Settings,
    planner: Callable[[Sequence[str], Settings], _Plan],
    progress: Progress,
) -> Manifest:
    plan = planner(specs, settings)
    state = _State()
    if progress.start:
        progress.start(len(plan.items))
    n_jobs = max(1, min(settings.jobs, len(plan.items)))
    interrupted: Interrupted | None = None
    runner: Runner | None = None
    try:
        runner = make_runner(settings, n_jobs if settings.executor == "process" else settings.jobs)
        for result in _results(_jobs(plan, settings, state), runner, n_jobs):
            written, failures = _write(state, settings, plan.out_dir, result)
            if progress.done:
                recs = state.records.get(result.input, [])
                unchanged = len(recs) - len(written)
                progress.done(result.input, recs, unchanged, failures)
            if settings.fail_fast and failures:
                break
    except KeyboardInterrupt as exc:
        interrupted = exc if isinstance(exc, Interrupted) else Interrupted(signal.SIGINT)
    finally:
        if runner is not None:
            runner.close(interrupted=interrupted is not None)
        with contextlib.suppress(OSError):
            remove_stale_temps(plan.out_dir)
    pruned = _prune(settings, plan.previous, plan.out_dir) if interrupted is None else ()
    manifest = _manifest(plan, settings, state, pruned, interrupted is not None)
    manifest = _write_manifest(settings, manifest)
    if interrupted is not None:
        raise interrupted
    return manifest


def _manifest(
    plan: _Plan, settings: Settings, state: _State, pruned: tuple[str, ...], interrupted: bool
) -> Manifest:
    order = {pl.input: i for i, (pl, _) in enumerate(plan.items)}
    fmt_order = {f: i for i, f in enumerate(settings.formats)}
    outputs = sorted(
        (r for recs in state.records.values() for r in recs),
        key=lambda r: (order.get(r.input, 0), fmt_order.get(r.format, 0), r.path),
    )
    # Outputs an earlier run made from other inputs stay on record while they
    # are there unchanged: the manifest describes the folder, not one run.
    gone = set(pruned)
    carried = sorted(
        (
            r
            for inp, recs in plan.previous.items()
            if inp not in order
            for r in recs
            if r.path not in gone and still_there(r)
        ),
        key=lambda r: (r.input, fmt_order.get(r.format, len(fmt_order)), r.path),
    )
    failures = plan.failures + sorted(
        state.failures,
        key=lambda f: (order.get(f.input, -1), fmt_order.get(f.format or "", -1), f.input),
    )
    return Manifest(
        version=__version__,
        theme=settings.theme.name,
        formats=settings.formats,
        outputs=tuple(outputs + carried),
        failures=tuple(failures),
        interrupted=interrupted,
        run=RunFacts(
            rendered=state.rendered,
            unchanged=state.unchanged,
            failed=len({f.input for f in failures}),
            pruned=pruned,
        ),
    )


def _write_manifest(settings: Settings, manifest: Manifest) -> Manifest:
    """Write the manifest; a failure is recorded in the returned manifest with
    the file and the stage, so the caller says which file could not be written."""
    path = settings.manifest_path
    if path is None:
        return manifest
    try:
        with signals_deferred():
            atomic_write(path, manifest.to_json().encode("utf-8"))
    except OutputError as exc:
        failure = FailureRecord(input=str(path), stage="manifest", error=str(exc))
        return replace(manifest, failures=(*manifest.failures, failure))
    return manifest
