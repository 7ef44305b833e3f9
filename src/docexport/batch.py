"""The run loop: inputs -> jobs -> bytes -> atomic writes -> manifest.

The pieces live in their own modules: :mod:`discovery` finds the inputs,
:mod:`reading` reads their bytes (the client reads, workers get bytes),
:mod:`naming` and :mod:`planning` decide every output name and what is
already up to date before anything renders, :mod:`jobs` turns bytes into
bytes, :mod:`executors` runs jobs, :mod:`runcontrol` guards folders and
signals. This module runs the plan, writes outputs and the manifest, and makes
every way a run can end (done, Ctrl-C, SIGTERM, SIGHUP) leave a manifest that
lists exactly what was written.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, replace
from pathlib import Path

from . import __version__
from .errors import OutputError
from .executors import Runner, make_runner
from .incremental import sha256, still_there
from .jobs import Job, JobResult, render_job
from .manifest import FailureRecord, Manifest, OutputRecord, RunFacts
from .output import atomic_write, check_replaceable, output_path, remove_stale_temps
from .planning import Plan, RunState, jobs, plan_export, plan_pack
from .reading import read_input_file
from .runcontrol import (
    Interrupted,
    locks,
    prepare_folder,
    remove_if_empty,
    signals_deferred,
    stop_signals_interrupt,
)
from .settings import Settings

__all__ = ["Interrupted", "Progress", "read_input_file", "run_export", "run_pack"]


@dataclass
class Progress:
    """Hooks a caller (the CLI's reporter) may set; all optional."""

    start: Callable[[int], None] | None = None
    # (input, output records written or unchanged, failures)
    done: Callable[[str, list[OutputRecord], int, list[FailureRecord]], None] | None = None


# --------------------------------------------------------------------------- running


def _window(runner: Runner, n_jobs: int) -> int:
    return max(2, 2 * n_jobs)


# A job held by this many broken pools (the last time alone) is what breaks them.
_MAX_BREAKS = 2


def _results(items: Iterator[Job | JobResult], runner: Runner, n_jobs: int) -> Iterator[JobResult]:
    """Each job's result as it finishes. Jobs are submitted a few at a time, so
    a large batch never holds every input's bytes in memory at once. When a
    worker dies, the pool is replaced and the jobs it held run again, one at a
    time; a job that breaks the pool again, alone, is that input's failure."""
    from concurrent.futures import BrokenExecutor

    if runner.executor is None:
        for each in items:
            yield each if isinstance(each, JobResult) else render_job(each)
        return
    pending: dict[Future[JobResult], Job] = {}
    retry: list[Job] = []
    breaks: dict[str, int] = {}
    limit = _window(runner, n_jobs)
    exhausted = False
    broken = False

    def submit(job: Job) -> JobResult | None:
        nonlocal broken
        assert runner.executor is not None
        try:
            pending[runner.executor.submit(render_job, job)] = job
        except BrokenExecutor:
            broken = True
            retry.append(job)
        except Exception as exc:
            return _worker_failure(job, exc)
        return None

    try:
        while True:
            # After a breakdown the jobs the pool held run one at a time, so
            # only the one that breaks it again is blamed.
            while retry and not broken and not pending:
                failed = submit(retry.pop(0))
                if failed is not None:
                    yield failed
            while not exhausted and not retry and not broken and len(pending) < limit:
                item: Job | JobResult | None = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, JobResult):
                    yield item
                else:
                    failed = submit(item)
                    if failed is not None:
                        yield failed
            if not pending and not retry:
                return
            if pending:
                done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                for fut in done:
                    job = pending.pop(fut)
                    try:
                        yield fut.result()
                    except BrokenExecutor as exc:
                        broken = True
                        breaks[job.label] = breaks.get(job.label, 0) + 1
                        if breaks[job.label] >= _MAX_BREAKS:
                            yield _worker_failure(job, exc)
                        else:
                            retry.append(job)
                    except Exception as exc:  # an error the executor itself raised
                        yield _worker_failure(job, exc)
            if broken and not pending:
                # Every job the dead pool held has come back: a fresh pool.
                broken = False
                if not runner.restart():
                    for job in retry:
                        yield _worker_failure(job, BrokenExecutor())
                    retry.clear()
    finally:
        for fut in pending:
            fut.cancel()


def _worker_failure(job: Job, exc: BaseException) -> JobResult:
    from concurrent.futures import BrokenExecutor

    if isinstance(exc, BrokenExecutor):
        cause = "the worker process ended unexpectedly (killed, or out of memory)"
    else:
        cause = f"{type(exc).__name__}: {exc}"
    return JobResult(
        input=job.label,
        failures=(FailureRecord(input=job.label, stage="worker", error=cause),),
    )


def _check_manifest_path(path: Path | None) -> list[Path]:
    if path is None:
        return []
    if path.is_dir():
        raise OutputError(f"--manifest {path}: is a folder, not a file")
    created = prepare_folder(path.parent, "manifest folder")
    try:
        # Before any work: a device or a pipe named as the manifest is refused now,
        # not after every output was rendered (and it is never replaced).
        check_replaceable(path)
    except OutputError as exc:
        remove_if_empty(created)
        raise OutputError(f"--manifest {exc}") from None
    return created


def _write(
    state: RunState, settings: Settings, out_dir: Path, result: JobResult
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


def run_export(
    specs: Sequence[str], settings: Settings, progress: Progress | None = None
) -> Manifest:
    """Export every input; write outputs atomically; return (and write) the manifest.

    Raises :class:`ConfigError` or :class:`OutputError` before any work when the
    run cannot start (no usable output folder, unreachable scheduler), and
    :class:`Interrupted` after writing the manifest when stopped.
    """
    return _run(specs, settings, plan_export, progress)


def run_pack(
    specs: Sequence[str], settings: Settings, progress: Progress | None = None
) -> Manifest:
    """Combine every article of every input into one pack, rendered per format."""
    return _run(specs, settings, plan_pack, progress)


def _run(
    specs: Sequence[str],
    settings: Settings,
    planner: Callable[[Sequence[str], Settings], Plan],
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
        remove_if_empty(created)
        raise
    lock_folders = [out_dir]
    if settings.manifest_path is not None:
        lock_folders.append(settings.manifest_path.parent)
    try:
        with locks(lock_folders), stop_signals_interrupt():
            return _run_locked(specs, settings, planner, progress)
    finally:
        # A run that wrote nothing leaves no empty folder behind.
        remove_if_empty(created)


def _run_locked(
    specs: Sequence[str],
    settings: Settings,
    planner: Callable[[Sequence[str], Settings], Plan],
    progress: Progress,
) -> Manifest:
    plan = planner(specs, settings)
    state = RunState()
    if progress.start:
        progress.start(len(plan.items))
    n_jobs = max(1, min(settings.jobs, len(plan.items)))
    interrupted: Interrupted | None = None
    runner: Runner | None = None
    try:
        runner = make_runner(settings, n_jobs if settings.executor == "process" else settings.jobs)
        for result in _results(jobs(plan, settings, state), runner, n_jobs):
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
    plan: Plan, settings: Settings, state: RunState, pruned: tuple[str, ...], interrupted: bool
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
