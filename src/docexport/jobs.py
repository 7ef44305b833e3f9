"""Jobs: one input's bytes (or a pack's inputs) -> output bytes.

A job carries everything it needs as data (input bytes, the theme, the
reference document's bytes, options) and :func:`render_job` is a pure
function of it: it never opens the inputs' paths nor touches the output
folder. Any ``concurrent.futures.Executor`` can run it: in-process, a process
pool, or a Dask worker on another machine with no shared disk.

Whatever goes wrong with one input (a reader's error, a library's exception,
``MemoryError``, too deep a recursion) becomes that input's failure, with the
stage it happened in and a plain cause. Only ``KeyboardInterrupt`` and
``SystemExit`` pass through.
"""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import DocexportError, InputError
from .manifest import FailureRecord
from .model import Article, Pack
from .naming import item_stem
from .readers import Reading
from .themes import Theme

if TYPE_CHECKING:
    from .renderers.docx.reference import ReferenceDocx


@dataclass(frozen=True, slots=True, kw_only=True)
class InputData:
    """One input as the client read it: its name as given and its bytes."""

    name: str
    data: bytes
    sha256: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderSpec:
    """What every job of a run shares."""

    theme: Theme
    input_format: str | None = None
    reference_docx: ReferenceDocx | None = None  # reduced by the client
    max_input_size: int = 20 * 1024 * 1024
    date: str | None = None  # --date, else the build timestamp's day
    marking: str | None = None
    language: str | None = None  # --language
    source_date_epoch: int | None = None
    max_articles: int = 200


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """One input to export, or (with ``pack_title``) many inputs to combine."""

    label: str  # the input's name; for a pack, "pack:<title>"
    inputs: tuple[InputData, ...]
    stem: str
    formats: tuple[str, ...]
    keys: dict[str, str] = field(default_factory=dict)  # format -> output key
    spec: RenderSpec
    single: bool = False  # -o NAME.EXT: exactly one article allowed
    pack_title: str | None = None
    order: str = "given"


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderedOutput:
    format: str
    name: str  # file name, relative to the output folder
    data: bytes
    key: str
    pages: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class JobResult:
    input: str
    input_sha256: str = ""
    outputs: tuple[RenderedOutput, ...] = ()
    failures: tuple[FailureRecord, ...] = ()


def plain_cause(exc: BaseException) -> str:
    """A one-line cause for any exception, without a traceback. Our own errors
    say what they mean; a library's exception is named with its message."""
    if isinstance(exc, DocexportError):
        text = str(exc)
    elif isinstance(exc, MemoryError):
        text = "out of memory while processing this input"
    elif isinstance(exc, RecursionError):
        text = "input nested too deeply"
    elif isinstance(exc, OverflowError):
        text = f"a value too large to handle ({exc})"
    elif isinstance(exc, OSError):
        text = exc.strerror or str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "..."


def _failure(
    job_label: str, stage: str, exc: BaseException, fmt: str | None = None
) -> FailureRecord:
    return FailureRecord(input=job_label, stage=stage, error=plain_cause(exc), format=fmt)


def _ours(w: warnings.WarningMessage) -> bool:
    from .errors import DocexportWarning

    return issubclass(w.category, DocexportWarning)


def has_text(article: Article) -> bool:
    """Whether an article has anything to read besides its headline."""
    from .model import plain_text

    if article.standfirst and article.standfirst.strip():
        return True
    for block in article.body:
        text = getattr(block, "text", None)
        if text is None:
            inlines = getattr(block, "inlines", None)
            if inlines is not None:
                text = plain_text(inlines)
            else:
                items = getattr(block, "items", ())
                text = " ".join(plain_text(i) for i in items)
        if text and text.strip():
            return True
    return False


def check_count(articles: tuple[Article, ...] | list[Article], max_articles: int) -> None:
    """Refuse more articles than one pack may hold (a JSON model too)."""
    if len(articles) > max_articles:
        raise InputError(
            f"{len(articles)} articles is over the limit of {max_articles} for one pack "
            "(see --max-articles)"
        )


def check_text(articles: tuple[Article, ...]) -> None:
    """Refuse an article with no headline or no text: it would make an empty pack."""
    for n, article in enumerate(articles, 1):
        which = f"article {n} " if len(articles) > 1 else "article "
        if not article.headline or not article.headline.strip():
            raise InputError(f"{which}has no headline")
        if not has_text(article):
            raise InputError(f"{which}has no text besides its headline")


def _read(item: InputData, spec: RenderSpec) -> tuple[Reading, tuple[str, ...]]:
    from .loading import read_input

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reading = read_input(
            item.data,
            name=item.name,
            input_format=spec.input_format,
            max_input_size=spec.max_input_size,
        )
    return reading, tuple(str(w.message) for w in caught if _ours(w))


def _build(reading: Reading, spec: RenderSpec, title: str | None = None) -> Pack:
    from .loading import build_pack

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_pack(reading, title=title, marking=spec.marking, date=spec.date)


def _packs_for(job: Job, reading: Reading) -> list[tuple[str, Pack]]:
    """(stem, pack) per article: a single-article input keeps its stem, a
    feed's articles get ``stem-01``, ``stem-02``..."""
    articles = reading.pack.articles if reading.pack is not None else reading.articles
    check_text(articles)
    if reading.pack is not None:
        check_count(articles, job.spec.max_articles)
        return [(job.stem, _build(reading, job.spec))]
    if len(articles) <= 1:
        return [(job.stem, _build(reading, job.spec))]
    if job.single:
        raise InputError(
            f"holds {len(articles)} articles but -o names one file; "
            "give -o a folder, or combine them with `docexport pack`"
        )
    out: list[tuple[str, Pack]] = []
    for i, article in enumerate(articles, 1):
        single = dataclasses.replace(reading, articles=(article,), title=None)
        out.append((item_stem(job.stem, i, len(articles)), _build(single, job.spec)))
    return out


def order_articles(articles: list[Article], order: str) -> list[Article]:
    """``given`` keeps the input order; ``date`` puts the newest first, undated last."""
    if order == "date":
        dated = sorted(
            (a for a in articles if a.published), key=lambda a: a.published or "", reverse=True
        )
        return dated + [a for a in articles if not a.published]
    return articles


def _pdf_pages(data: bytes) -> int | None:
    """Page count from the PDF's page tree root (``/Type /Pages ... /Count N``)."""
    import re

    counts = [int(m) for m in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    if not counts:
        counts = [int(m) for m in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    return max(counts) if counts else None


def render_job(job: Job) -> JobResult:
    """Read, analyse and render one job. Pure: bytes in, bytes out."""
    failures: list[FailureRecord] = []
    read_warnings: tuple[str, ...] = ()
    stage = "read"
    try:
        if job.pack_title is None:
            reading, read_warnings = _read(job.inputs[0], job.spec)
            stage = "analyse"
            packs = _packs_for(job, reading)
        else:
            packs, read_warnings, failures = _pack_of(job)
            if not packs:
                return JobResult(
                    input=job.label, input_sha256=_job_sha(job), failures=tuple(failures)
                )
    except (Exception, MemoryError, RecursionError) as exc:
        return JobResult(
            input=job.label,
            input_sha256=_job_sha(job),
            failures=(_failure(job.label, stage, exc),),
        )
    return _render_all(job, packs, read_warnings, failures)


def _job_sha(job: Job) -> str:
    if len(job.inputs) == 1:
        return job.inputs[0].sha256
    from .incremental import sha256

    return sha256("\n".join(i.sha256 for i in job.inputs).encode("ascii"))


def _pack_of(job: Job) -> tuple[list[tuple[str, Pack]], tuple[str, ...], list[FailureRecord]]:
    """A multi-article pack: every article of every input that could be read."""
    failures: list[FailureRecord] = []
    articles: list[Article] = []
    messages: list[str] = []
    for item in job.inputs:
        try:
            reading, found = _read(item, job.spec)
            got = reading.pack.articles if reading.pack is not None else reading.articles
            check_text(got)
        except (Exception, MemoryError, RecursionError) as exc:
            failures.append(_failure(item.name, "read", exc))
            continue
        messages.extend(f"{item.name}: {m}" for m in found)
        articles.extend(
            dataclasses.replace(a, summary=(), facts=(), sentences=())
            if reading.pack is not None
            else a
            for a in got
        )
    if not articles:
        first = f" ({failures[0].input}: {failures[0].error})" if failures else ""
        failures.append(
            FailureRecord(input=job.label, stage="read", error=f"no articles to pack{first}")
        )
        return [], (), failures
    check_count(articles, job.spec.max_articles)
    ordered = order_articles(articles, job.order)
    pack = _build(Reading(articles=tuple(ordered)), job.spec, title=job.pack_title)
    return [(job.stem, pack)], tuple(dict.fromkeys(messages)), failures


def _render_all(
    job: Job,
    packs: list[tuple[str, Pack]],
    read_warnings: tuple[str, ...],
    failures: list[FailureRecord],
) -> JobResult:
    from .renderers import RenderOptions, get

    outputs: list[RenderedOutput] = []
    options = RenderOptions(
        source_date_epoch=job.spec.source_date_epoch,
        reference_docx=job.spec.reference_docx,
        language=job.spec.language,
    )
    for fmt in job.formats:
        try:
            renderer = get(fmt)
        except (Exception, MemoryError) as exc:
            failures.append(_failure(job.label, "render", exc, fmt))
            continue
        for stem, pack in packs:
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    blob = renderer.render(pack, job.spec.theme, options)
            except (Exception, MemoryError, RecursionError) as exc:
                failures.append(_failure(job.label, "render", exc, fmt))
                continue
            messages = tuple(
                dict.fromkeys([*read_warnings, *(str(w.message) for w in caught if _ours(w))])
            )
            outputs.append(
                RenderedOutput(
                    format=fmt,
                    name=f"{stem}.{renderer.extension}",
                    data=blob,
                    key=job.keys.get(fmt, ""),
                    pages=_pdf_pages(blob) if fmt == "pdf" else None,
                    warnings=messages,
                )
            )
    return JobResult(
        input=job.label,
        input_sha256=_job_sha(job),
        outputs=tuple(outputs),
        failures=tuple(failures),
    )
