"""A run's plan, decided before anything renders: which inputs, under which
output names, and which outputs are already up to date (their records are
taken from the earlier manifest and the input is never sent to a worker)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .discovery import collect_inputs
from .errors import ConfigError, InputError
from .incremental import output_key, previous_manifest, sha256, still_there, theme_fingerprint
from .jobs import InputData, Job, JobResult, RenderSpec
from .manifest import FailureRecord, Manifest, OutputRecord
from .naming import Planned, cut_bytes, plan_names
from .output import MAX_STEM, safe_stem
from .reading import may_hold_many, read_input_file
from .settings import Settings


@dataclass
class RunState:
    records: dict[str, list[OutputRecord]] = field(default_factory=dict)
    failures: list[FailureRecord] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)  # file name -> input
    rendered: int = 0
    unchanged: int = 0


def render_spec(settings: Settings) -> RenderSpec:
    return RenderSpec(
        theme=settings.theme,
        input_format=settings.input_format,
        reference_docx=settings.reference,
        max_input_size=settings.max_input_size,
        date=settings.prepared_date,
        marking=settings.marking,
        language=settings.language,
        source_date_epoch=settings.source_date_epoch,
        max_articles=settings.max_articles,
    )


def _key_options(settings: Settings) -> dict[str, object]:
    return {
        "input_format": settings.input_format,
        "reference_docx": settings.reference.digest if settings.reference else None,
        "date": settings.date,
        "marking": settings.marking,
        "language": settings.language,
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


@dataclass(frozen=True)
class Plan:
    """What a run will do, decided before anything renders."""

    out_dir: Path
    items: list[tuple[Planned, list[Path]]]  # (name plan, input paths)
    failures: list[FailureRecord]
    previous: dict[str, list[OutputRecord]]
    pack_title: str | None = None


def plan_export(specs: Sequence[str], settings: Settings) -> Plan:
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
    multi = [may_hold_many(p, settings.input_format) for p in inputs]
    claimed = {
        inp: [r.path for r in recs if Path(r.path).exists()] for inp, recs in previous.items()
    }
    planned = plan_names(names, multi=multi, previous=claimed)
    if settings.out_file is not None and planned:
        planned = [replace(planned[0], stem=settings.out_file.stem)]
    return Plan(
        out_dir=settings.out_dir,
        items=[(pl, [p]) for pl, p in zip(planned, inputs, strict=True)],
        failures=failures,
        previous=previous,
    )


def plan_pack(specs: Sequence[str], settings: Settings) -> Plan:
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
    return Plan(
        out_dir=out_dir,
        items=[(planned, inputs)] if inputs else [],
        failures=failures,
        previous=previous,
        pack_title=title,
    )


def jobs(plan: Plan, settings: Settings, state: RunState) -> Iterator[Job | JobResult]:
    """Read each input (the client reads; workers get bytes) and decide what
    must render. Unchanged outputs are recorded here and never sent out."""
    spec = render_spec(settings)
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
