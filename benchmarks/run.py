"""docexport's speed and memory, measured as whole processes, against pandoc
and against the bare libraries' floor.

    python benchmarks/run.py                  # everything, writes benchmarks/RESULTS.md
    python benchmarks/run.py --only seed,long # some sections
    python benchmarks/run.py --quick          # 1 run, tiny inputs (the smoke test)

Every figure is the median of ``--runs`` runs of a whole process (min and max
beside it), after one untimed warm-up run of the cheap ones. Wall time is taken
around the process; peak memory (max RSS) comes from GNU ``/usr/bin/time``,
which reports the largest of the process and the children it waited for; the
peak of each worker process comes from polling ``/proc/<pid>/status`` (VmHWM)
of every descendant while a batch runs.

Sections: startup, seed, long, batch, pandoc, floor, memory (see ``--help``).
The inputs are generated into a temporary folder by ``_corpus.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import _corpus  # noqa: E402

SECTIONS = ("startup", "seed", "long", "batch", "pandoc", "floor", "memory")
FORMATS = ("docx", "pdf", "epub")
RESULTS = HERE / "RESULTS.md"
PROFILE_HEADING = "## Profile"
KEPT_HEADINGS = ("## Earlier runs", PROFILE_HEADING)
GNU_TIME = "/usr/bin/time"
MIB = 1024.0
BYTECODE = "as found"


# --------------------------------------------------------------------------- measuring


@dataclass
class Run:
    wall: float
    cpu: float | None
    maxrss_kib: int | None  # largest of the process and the children it reaped
    main_kib: int | None = None  # the docexport process itself (polled)
    worker_kib: int | None = None  # the largest worker process (polled)
    workers: int = 0


@dataclass
class Measure:
    label: str
    runs: list[Run] = field(default_factory=list)
    error: str | None = None
    pages: int | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.runs)

    def _walls(self) -> list[float]:
        return [r.wall for r in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self._walls())

    @property
    def min(self) -> float:
        return min(self._walls())

    @property
    def max(self) -> float:
        return max(self._walls())

    @property
    def cpu(self) -> float | None:
        vals = [r.cpu for r in self.runs if r.cpu is not None]
        return statistics.median(vals) if vals else None

    @property
    def peak_mib(self) -> float | None:
        vals = [r.maxrss_kib for r in self.runs if r.maxrss_kib]
        return max(vals) / MIB if vals else None

    @property
    def worker_mib(self) -> float | None:
        vals = [r.worker_kib for r in self.runs if r.worker_kib]
        return max(vals) / MIB if vals else None

    @property
    def main_mib(self) -> float | None:
        vals = [r.main_kib for r in self.runs if r.main_kib]
        return max(vals) / MIB if vals else None


def _status_kib(pid: int, key: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                out += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return out


class Poller(threading.Thread):
    """Samples the peak RSS (VmHWM) of every descendant of ``root`` every 20 ms.

    VmHWM only grows, so a sample taken late enough in a long-lived worker's
    life is its peak; the last few milliseconds before it exits may be missed.
    """

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peaks: dict[int, tuple[int, int]] = {}  # pid -> (depth, kib)
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(0.02):
            self.sample()

    def sample(self) -> None:
        stack = [(self.root, 0)]
        while stack:
            pid, depth = stack.pop()
            kib = _status_kib(pid, "VmHWM:")
            if kib is not None:
                old = self.peaks.get(pid, (depth, 0))[1]
                self.peaks[pid] = (depth, max(old, kib))
            stack += [(c, depth + 1) for c in _children(pid)]

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


_RUNNING: list[subprocess.Popen[bytes]] = []


def _on_term(signum: int, _frame: object) -> None:
    """Stop the measured process too, and leave through ``finally`` (temp files)."""
    for proc in _RUNNING:
        proc.kill()
    sys.exit(128 + signum)


def run_once(
    cmd: Sequence[str], *, env: dict[str, str], poll: bool = False
) -> tuple[Run, int, str]:
    """One whole process: (measurements, exit code, stderr tail)."""
    use_time = os.access(GNU_TIME, os.X_OK)
    with tempfile.TemporaryDirectory(prefix="dxb-run-") as tmp:
        tfile = Path(tmp) / "time.txt"
        efile = Path(tmp) / "stderr.txt"
        full = [GNU_TIME, "-f", "%M %U %S", "-o", str(tfile), *cmd] if use_time else list(cmd)
        with open(efile, "wb") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=err, env=env)
            _RUNNING[:] = [proc]
            poller = Poller(proc.pid) if poll else None
            if poller:
                poller.start()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
            _RUNNING.clear()
            if poller:
                poller.stop()
        stderr = efile.read_text(encoding="utf-8", errors="replace")[-2000:]
        maxrss: int | None = None
        cpu: float | None = usage.ru_utime + usage.ru_stime
        if use_time:
            lines = [ln for ln in tfile.read_text().splitlines() if ln.strip()]
            try:
                m, u, s = lines[-1].split()
                maxrss, cpu = int(m), float(u) + float(s)
            except (IndexError, ValueError):
                pass
        else:
            # without GNU time, wait4's figure (may include this harness's own
            # size from before the child's exec)
            maxrss = usage.ru_maxrss
    run = Run(wall=wall, cpu=cpu, maxrss_kib=maxrss)
    if poller:
        # GNU time is depth 0, so the measured command is depth 1 and its workers 2.
        main_depth = 1 if use_time else 0
        mains = [k for d, k in poller.peaks.values() if d == main_depth]
        workers = [k for d, k in poller.peaks.values() if d == main_depth + 1]
        run.main_kib = max(mains) if mains else None
        run.worker_kib = max(workers) if workers else None
        run.workers = len(workers)
    return run, proc.returncode, stderr


_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)")
_PAGES_ALT = re.compile(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")


def pdf_pages(path: Path) -> int | None:
    data = path.read_bytes()
    counts = [int(m) for m in _PAGES.findall(data)] or [int(m) for m in _PAGES_ALT.findall(data)]
    return max(counts) if counts else None


# --------------------------------------------------------------------------- the bench


@dataclass
class Row:
    section: str
    label: str
    m: Measure | None = None
    rate: str = ""  # articles/s, ratio...
    memory: str = ""  # overrides the peak RSS cell
    target: str = ""
    verdict: str = ""  # ✓ / ✗ / ""


@dataclass
class Config:
    runs: int
    heavy_runs: int
    warmup: bool
    batch_size: int
    long_repeats: int
    memory_articles: int
    memory_step: int
    install_pandoc: bool
    sections: tuple[str, ...]
    budget: float = 150.0  # seconds per figure: stop adding runs past this


class Bench:
    def __init__(self, cfg: Config, work: Path) -> None:
        self.cfg = cfg
        self.work = work
        self.rows: list[Row] = []
        self.notes: list[str] = []
        self.cache: dict[str, Measure] = {}
        self.env = dict(os.environ)
        # plain log lines, no colour, no progress bar; a fixed date so runs are comparable
        self.env.update(CI="1", NO_COLOR="1", SOURCE_DATE_EPOCH="1700000000")
        self.env.pop("PYTHONPROFILEIMPORTTIME", None)
        self.exe = docexport_command()
        self.corpus = _corpus.build(work, batch_size=cfg.batch_size, long_repeats=cfg.long_repeats)
        self.fonts: str | None = None
        self.load_at_start = os.getloadavg()

    # ---- helpers

    def dx(self, *args: str) -> list[str]:
        return [*self.exe, *args]

    def measure(
        self,
        key: str,
        label: str,
        make_cmd: Callable[[Path], list[str]],
        *,
        expect: int | None = None,
        heavy: bool = False,
        poll: bool = False,
        pages: bool = False,
    ) -> Measure:
        """Run ``make_cmd(out_dir)`` several times; cached by ``key`` within this run."""
        if key in self.cache:
            return self.cache[key]
        m = Measure(label)
        runs = self.cfg.heavy_runs if heavy else self.cfg.runs
        warm = 1 if (self.cfg.warmup and not heavy) else 0
        print(f"  {label} ...", end="", flush=True, file=sys.stderr)
        for i in range(warm + runs):
            out = Path(tempfile.mkdtemp(prefix="out-", dir=self.work))
            try:
                run, rc, err = run_once(make_cmd(out), env=self.env, poll=poll)
                produced = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
                produced = [p for p in produced if p.suffix in (".docx", ".pdf", ".epub")]
                if rc != 0:
                    m.error = f"exit {rc}: {_last_line(err)}"
                elif expect is not None and len(produced) != expect:
                    m.error = f"{len(produced)} outputs, expected {expect}: {_last_line(err)}"
                if pages and m.pages is None:
                    pdfs = [p for p in produced if p.suffix == ".pdf"]
                    if pdfs:
                        m.pages = pdf_pages(pdfs[0])
            finally:
                shutil.rmtree(out, ignore_errors=True)
            if m.error:
                break
            if i >= warm:
                m.runs.append(run)
            print(f" {run.wall:.2f}s", end="", flush=True, file=sys.stderr)
            if m.runs and sum(r.wall for r in m.runs) > self.cfg.budget:
                break  # slow figure: fewer runs (the table says how many)
        print(" FAILED: " + m.error if m.error else "", file=sys.stderr)
        self.cache[key] = m
        return m

    def add(self, section: str, label: str, m: Measure | None, **kw: str) -> Row:
        row = Row(section, label, m, **kw)
        self.rows.append(row)
        return row

    def export_cmd(
        self, inputs: str, fmts: str, jobs: int | None = None
    ) -> Callable[[Path], list[str]]:
        def make(out: Path) -> list[str]:
            args = ["export", inputs, "-f", fmts, "-o", str(out), "-q"]
            if jobs is not None:
                args += ["-j", str(jobs)]
            return self.dx(*args)

        return make

    # ---- the docexport measurements, shared by several sections

    def seed(self, fmts: str) -> Measure:
        n = len(fmts.split(","))
        return self.measure(
            f"seed:{fmts}",
            f"seed -> {fmts}",
            self.export_cmd(str(self.corpus.seed), fmts),
            expect=n,
        )

    def long(self, fmts: str) -> Measure:
        n = len(fmts.split(","))
        return self.measure(
            f"long:{fmts}",
            f"long -> {fmts}",
            self.export_cmd(str(self.corpus.long), fmts),
            expect=n,
            pages="pdf" in fmts,
        )

    def batch(self, fmts: str, jobs: int) -> Measure:
        n = self.cfg.batch_size * len(fmts.split(","))
        return self.measure(
            f"batch:{fmts}:{jobs}",
            f"batch -> {fmts} -j {jobs}",
            self.export_cmd(str(self.corpus.batch), fmts, jobs),
            expect=n,
            heavy=True,
            poll=True,
        )

    def floor(self, kind: str, inputs: str, fmts: str, expect: int) -> Measure:
        if self.fonts is None:
            sys.path.insert(0, str(HERE))
            import floor

            self.fonts = ",".join(floor.font_files())

        def make(out: Path) -> list[str]:
            return [
                sys.executable,
                str(HERE / "floor.py"),
                inputs,
                "-f",
                fmts,
                "-o",
                str(out),
                "--fonts",
                self.fonts or "",
            ]

        return self.measure(
            f"floor:{kind}:{fmts}",
            f"floor {kind} -> {fmts}",
            make,
            expect=expect,
            heavy=kind == "batch",
            pages=kind == "long" and "pdf" in fmts,
        )

    # ---- sections

    def s_startup(self) -> None:
        v = self.measure("version", "docexport --version", lambda _o: self.dx("--version"))
        self.add("startup", "`docexport --version`", v, **target_time(v, 0.10))
        h = self.measure("help", "docexport --help", lambda _o: self.dx("--help"))
        self.add("startup", "`docexport --help`", h, **target_time(h, 0.25))
        eh = self.measure(
            "export-help", "docexport export --help", lambda _o: self.dx("export", "--help")
        )
        self.add("startup", "`docexport export --help`", eh)

    def s_seed(self) -> None:
        m = self.seed("docx,pdf,epub")
        self.add("seed", "seed -> DOCX+PDF+EPUB", m, **target_time(m, 0.40))
        for f in FORMATS:
            self.add("seed", f"seed -> {f.upper()}", self.seed(f))

    def s_long(self) -> None:
        pages = None
        for f in FORMATS:
            m = self.long(f)
            pages = pages or m.pages
            kw = _merge(target_time(m, 1.0) if f == "pdf" else {}, self._mem_target(m))
            self.add("long", f"long article -> {f.upper()}", m, **kw)
        m = self.long("docx,pdf,epub")
        kw = _merge(target_time(m, 1.5), self._mem_target(m))
        self.add("long", "long article -> all three", m, **kw)
        self.notes.append(
            f"Long article: the seed's {len(_corpus.read_seed().body)} body paragraphs repeated "
            f"{self.cfg.long_repeats} times "
            f"({self.corpus.long.stat().st_size // 1024} KiB of text, "
            f"{pages if pages else '?'} PDF pages with the default theme)."
        )

    def _mem_target(self, m: Measure) -> dict[str, str]:
        if not m.ok or m.peak_mib is None:
            return {}
        return {"target": "≤ 120 MiB", "verdict": "✓" if m.peak_mib <= 120 else "✗"}

    def s_batch(self) -> None:
        n = self.cfg.batch_size
        for jobs in (1, 2):
            m = self.batch("docx,pdf,epub", jobs)
            kw: dict[str, str] = {}
            if m.ok:
                rate = n / m.median
                kw["rate"] = f"{rate:.1f} art/s ({n / m.max:.1f}–{n / m.min:.1f})"
                kw["memory"] = _batch_memory(m, jobs)
                if jobs == 2:
                    kw["target"] = "≥ 20 art/s"
                    kw["verdict"] = "✓" if rate >= 20 else "✗"
            self.add("batch", f"{n} articles -> all three, `-j {jobs}`", m, **kw)

    def s_pandoc(self) -> None:
        pandoc = ensure_pandoc(self.cfg.install_pandoc)
        if isinstance(pandoc, str):
            self.notes.append(f"pandoc rows skipped: {pandoc}")
            self.add("pandoc", "pandoc comparison", None, rate=f"skipped: {pandoc}")
            return
        self.notes.append(f"pandoc: {pandoc_version()} (Markdown input, one process per file).")
        n = self.cfg.batch_size
        files = [str(p) for p in self.corpus.batch_md_files]
        half = (len(files) + 1) // 2
        for jobs, groups in ((1, [files]), (2, [files[:half], files[half:]])):
            dxm = self.batch("docx,epub", jobs)
            pm = self.measure(
                f"pandoc:batch:{jobs}",
                f"pandoc loop x{jobs}",
                partial(pandoc_loop, work=self.work, groups=groups),
                expect=2 * n,
                heavy=True,
            )
            self.add(
                "pandoc",
                f"{n} articles -> DOCX+EPUB, docexport `-j {jobs}`",
                dxm,
                **_rate(dxm, n),
                memory=_batch_memory(dxm, jobs) if dxm.ok else "",
            )
            ratio = _ratio(pm, dxm)
            self.add(
                "pandoc",
                f"{n} articles -> DOCX+EPUB, pandoc per file, {jobs} at a time",
                pm,
                rate=(f"{_rate(pm, n)['rate']}; docexport {ratio:.2f}× as fast" if ratio else ""),
                target="docexport ≥ 2×" if ratio else "",
                verdict=("✓" if ratio >= 2 else "✗") if ratio else "",
            )
        for f in ("docx", "epub"):
            dxm = self.long(f)
            pm = self.measure(
                f"pandoc:long:{f}",
                f"pandoc long -> {f}",
                partial(pandoc_one, src=self.corpus.long_md, ext=f),
                expect=1,
            )
            ratio = _ratio(pm, dxm)
            mem = ""
            if dxm.peak_mib and pm.peak_mib:
                mem = f"; memory {dxm.peak_mib / pm.peak_mib:.2f}× pandoc's"
            self.add(
                "pandoc",
                f"long article -> {f.upper()}, pandoc",
                pm,
                rate=f"docexport {ratio:.2f}× as fast{mem}" if ratio else "",
            )

    def s_floor(self) -> None:
        c = self.corpus
        py = self.measure("python", "python -c pass", lambda _o: [sys.executable, "-c", "pass"])
        self.add("floor", "`python -c pass`", py)
        imp = self.measure(
            "imports",
            "import the three libraries",
            lambda _o: [
                sys.executable,
                "-c",
                "import docx, reportlab.platypus, ebooklib.epub, lxml.etree",
            ],
        )
        self.add("floor", "import python-docx + reportlab.platypus + ebooklib", imp)
        n = self.cfg.batch_size
        cases = [("seed", str(c.seed), "docx,pdf,epub", 3)]
        cases += [("seed", str(c.seed), f, 1) for f in FORMATS]
        cases += [("long", str(c.long), f, 1) for f in FORMATS]
        cases.append(("batch", str(c.batch), "docx,pdf,epub", 3 * n))
        for kind, inputs, fmts, expect in cases:
            fm = self.floor(kind, inputs, fmts, expect)
            if kind == "seed":
                dxm = self.seed(fmts)
            elif kind == "long":
                dxm = self.long(fmts)
            else:
                dxm = self.batch(fmts, 1)
            names = {"seed": "seed", "long": "long article", "batch": f"{n} articles, 1 process"}
            what = names[kind]
            rate = ""
            if fm.ok and dxm.ok:
                rate = (
                    f"docexport {dxm.median / fm.median:.2f}× floor "
                    f"(+{(dxm.median - fm.median) * 1000:.0f} ms)"
                )
            fmt_label = "all three" if "," in fmts else fmts.upper()
            self.add("floor", f"floor: {what} -> {fmt_label}", fm, rate=rate)

    def s_memory(self) -> None:
        count, step = self.cfg.memory_articles, self.cfg.memory_step
        files = _corpus.articles(self.work / "memory", count)
        print(f"  memory over {count} articles ...", end="", flush=True, file=sys.stderr)
        cmd = [sys.executable, str(HERE / "_memprobe.py"), "--step", str(step), *map(str, files)]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=self.env)
        try:
            data = json.loads(proc.stdout)
        except json.JSONDecodeError:
            print(" FAILED", file=sys.stderr)
            self.add(
                "memory",
                f"{count} articles in one process",
                None,
                rate="failed: " + _last_line(proc.stderr),
            )
            return
        samples = data["samples"]
        print(f" {samples[-1]['seconds']:.1f}s", file=sys.stderr)
        series = ", ".join(
            f"{s['articles']}: {s['rss_kib'] / MIB:.0f}/{s['trimmed_rss_kib'] / MIB:.0f}"
            for s in samples
        )
        last = samples[-1]
        # The first step pays for imports, fonts and caches; growth is judged on
        # the rest by a least-squares slope, so one noisy sample cannot decide it.
        # The verdict uses the trimmed RSS (what the process holds once the
        # allocator has returned free pages) and the live-block count.
        tail = samples[1:] if len(samples) > 2 else samples
        xs = [s["articles"] for s in tail]
        per = _slope(xs, [s["trimmed_rss_kib"] for s in tail])
        raw_per = _slope(xs, [s["rss_kib"] for s in tail])
        blocks_per = _slope(xs, [s["blocks"] for s in tail])
        spread = (max(s["rss_kib"] for s in tail) - min(s["rss_kib"] for s in tail)) / MIB
        # 5 KiB per article is 5 MiB over 1,000 articles; 20 blocks per article
        # would be a few hundred bytes of objects kept for every article.
        flat = abs(per) < 5.0 and blocks_per < 20.0
        rate = count / last["seconds"] if last["seconds"] else 0.0
        m = Measure(
            f"{count} articles",
            runs=[Run(wall=last["seconds"], cpu=None, maxrss_kib=data["hwm_kib"])],
        )
        self.add(
            "memory",
            f"{count} articles, load + render ×3 in one process (API)",
            m,
            rate=(
                f"{rate:.1f} art/s; from {tail[0]['articles']} on: trimmed RSS "
                f"{per:+.1f} KiB/article, RSS {raw_per:+.1f} KiB/article (range "
                f"{spread:.0f} MiB), live blocks {blocks_per:+.1f}/article"
            ),
            target="flat",
            verdict="✓" if flat and data["failures"] == 0 else "✗",
        )
        self.notes.append(
            "RSS / trimmed RSS (MiB) after N articles, in-process via the API, sampled "
            f"after a full garbage collection: {series}."
        )
        if data["failures"]:
            self.notes.append(f"memory run: {data['failures']} articles failed to render")

    def run(self) -> None:
        for name in self.cfg.sections:
            print(f"[{name}]", file=sys.stderr)
            getattr(self, f"s_{name}")()


def _slope(xs: list[int], ys: list[int]) -> float:
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else 0.0


def _merge(a: dict[str, str], b: dict[str, str]) -> dict[str, str]:
    """Two targets in one row: both shown, the row passes only if both do."""
    if not a or not b:
        return a or b
    verdicts = (a.get("verdict", ""), b.get("verdict", ""))
    verdict = "✗" if "✗" in verdicts else ("✓" if "✓" in verdicts else "")
    return {"target": f"{a['target']}, {b['target']}", "verdict": verdict}


def _last_line(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1][:200] if lines else ""


def target_time(m: Measure, limit: float) -> dict[str, str]:
    if not m.ok:
        return {"target": f"≤ {limit:.2f} s"}
    return {"target": f"≤ {limit:.2f} s", "verdict": "✓" if m.median <= limit else "✗"}


def _rate(m: Measure, n: int) -> dict[str, str]:
    if not m.ok:
        return {}
    return {"rate": f"{n / m.median:.1f} art/s"}


def _ratio(slow: Measure, fast: Measure) -> float | None:
    """How many times faster ``fast`` is than ``slow`` (median over median)."""
    if not (slow.ok and fast.ok) or fast.median <= 0:
        return None
    return slow.median / fast.median


def _batch_memory(m: Measure, jobs: int) -> str:
    if jobs == 1:
        return f"{m.peak_mib:.0f} MiB (one process)" if m.peak_mib else ""
    parts = []
    if m.main_mib:
        parts.append(f"main {m.main_mib:.0f}")
    if m.worker_mib:
        parts.append(f"per worker {m.worker_mib:.0f}")
    return " / ".join(parts) + " MiB" if parts else ""


# --------------------------------------------------------------------------- pandoc


def ensure_pandoc(install: bool) -> bool | str:
    """True when pandoc runs; else the reason it is skipped."""
    if shutil.which("pandoc"):
        return True
    if not install:
        return "pandoc is not installed (not installing in --quick mode)"
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return "pandoc is not installed and this is not root on a Debian-like system (apt-get)"
    print("  installing pandoc with apt-get ...", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "pandoc"]
    r = subprocess.run(cmd, capture_output=True, env=env)
    if r.returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], capture_output=True, env=env)
        r = subprocess.run(cmd, capture_output=True, env=env)
    if r.returncode != 0 or not shutil.which("pandoc"):
        return "apt-get install pandoc failed: " + _last_line(r.stderr.decode(errors="replace"))
    return True


def pandoc_version() -> str:
    r = subprocess.run(["pandoc", "--version"], capture_output=True, text=True)
    return r.stdout.splitlines()[0] if r.stdout else "pandoc"


# One sh loop of two pandoc processes per article (what a CI script would do);
# the "-j 2" counterpart runs two such loops side by side on halves of the list.
_LOOP = """out="$1"; shift
for f; do
  b="${f##*/}"; b="${b%.md}"
  pandoc "$f" -o "$out/$b.docx" || exit 1
  pandoc "$f" -o "$out/$b.epub" || exit 1
done
"""
_PARALLEL = """loop="$1"; out="$2"; list="$3"
fail=0
pids=""
for group in "$list".*; do
  xargs -d '\n' sh "$loop" "$out" < "$group" & pids="$pids $!"
done
for p in $pids; do wait "$p" || fail=1; done
exit $fail
"""


def pandoc_one(out: Path, *, src: Path, ext: str) -> list[str]:
    return ["pandoc", str(src), "-o", str(out / f"{src.stem}.{ext}")]


def pandoc_loop(out: Path, *, work: Path, groups: list[list[str]]) -> list[str]:
    loop = work / "pandoc_loop.sh"
    if not loop.exists():
        loop.write_text(_LOOP)
    if len(groups) == 1:
        return ["sh", str(loop), str(out), *groups[0]]
    par = work / "pandoc_parallel.sh"
    if not par.exists():
        par.write_text(_PARALLEL)
    base = work / f"pandoc_groups{len(groups)}"
    for i, g in enumerate(groups):
        Path(f"{base}.{i}").write_text("\n".join(g) + "\n")
    return ["sh", str(par), str(loop), str(out), str(base)]


# --------------------------------------------------------------------------- machine


def docexport_command() -> list[str]:
    """The installed console script (what users run), else ``python -m docexport``."""
    script = Path(sys.executable).with_name("docexport")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    found = shutil.which("docexport")
    if found:
        return [found]
    return [sys.executable, "-m", "docexport"]


def ensure_bytecode() -> str:
    """Byte-compile docexport's own modules when their bytecode is missing or stale.

    ``pip install .`` compiles them at install time, but an editable install
    under ``PYTHONDONTWRITEBYTECODE=1`` never does, and every measured process
    would then pay for compiling ~60 modules (about 90 ms): a cost no user of
    an installed docexport pays.
    """
    import compileall
    import importlib.util

    folders = []
    for name in ("docexport", "docexport.styles"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            folders.append(Path(spec.origin).parent)
    compiled = all(compileall.compile_dir(str(f), quiet=1) for f in folders)
    return "compiled, as `pip install .` does" if compiled else "could not be compiled"


def machine(load_at_start: tuple[float, float, float] | None = None) -> list[tuple[str, str]]:
    from importlib import metadata

    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 0
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / MIB / MIB:.1f} GiB"
    except OSError:
        pass
    libs = []
    for dist in (
        "docexport",
        "python-docx",
        "reportlab",
        "EbookLib",
        "lxml",
        "typer",
        "rich",
        "pillow",
    ):
        try:
            libs.append(f"{dist} {metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            libs.append(f"{dist} (not installed)")
    rev = "?"
    try:
        r = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
        )
        rev = r.stdout.strip() or "?"
        s = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=5,
        )
        if s.stdout.strip():
            rev += " + uncommitted changes"
    except (OSError, subprocess.SubprocessError):
        pass
    return [
        ("CPU", f"{cpu}, {cores} cores available ({os.cpu_count()} online)"),
        ("Memory", mem),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Libraries", ", ".join(libs)),
        ("pandoc", pandoc_version() if shutil.which("pandoc") else "not installed"),
        ("docexport", f"{' '.join(docexport_command())} at git {rev}"),
        ("docexport bytecode", BYTECODE),
        (
            "Load average",
            _load(load_at_start, "at the start") + "; " + _load(os.getloadavg(), "at the end"),
        ),
        ("Date", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
    ]


# --------------------------------------------------------------------------- report


def _load(values: tuple[float, float, float] | None, when: str) -> str:
    if values is None:
        return ""
    return " ".join(f"{x:.2f}" for x in values) + f" (1, 5, 15 min, {when})"


def table(rows: list[Row]) -> str:
    head = (
        "| section | what | runs | median s | min s | max s | CPU s | peak RSS "
        "| throughput / ratio | target | |"
    )
    lines = [head, "|---|---|--:|--:|--:|--:|--:|--:|---|---|---|"]
    for r in rows:
        m = r.m
        if m is None:
            cells = ["", "", "", "", "", r.memory]
        elif not m.ok:
            cells = ["", "failed", "", "", "", ""]
            r.rate = (m.error or "no runs")[:120]
        else:
            mem = r.memory or (f"{m.peak_mib:.0f} MiB" if m.peak_mib else "")
            cpu = f"{m.cpu:.2f}" if m.cpu is not None else ""
            cells = [str(len(m.runs)), f"{m.median:.3f}", f"{m.min:.3f}", f"{m.max:.3f}", cpu, mem]
        lines.append(
            f"| {r.section} | {r.label} | "
            + " | ".join(cells)
            + f" | {r.rate} | {r.target} | {r.verdict} |"
        )
    return "\n".join(lines)


def report(bench: Bench, cfg: Config) -> str:
    mach = "\n".join(f"- **{k}**: {v}" for k, v in machine(bench.load_at_start))
    notes = "\n".join(f"- {n}" for n in bench.notes)
    warm = " (+1 warm-up)" if cfg.warmup else ""
    runs = (
        f"up to {cfg.runs} runs{warm} for single articles and {cfg.heavy_runs} for batches "
        f"(fewer once a figure has taken {cfg.budget:.0f} s; the runs column says how many)"
    )
    return (
        "# docexport benchmarks\n\n"
        "Written by `python benchmarks/run.py` (see its docstring for the method). "
        f"Each time is the median of {runs}; whole processes, wall clock. Peak RSS is the "
        "largest resident set of the process and its children (GNU time), per worker "
        "for `-j 2` (polled from /proc).\n\n"
        f"## Machine\n\n{mach}\n\n"
        f"## Results\n\n{table(bench.rows)}\n\n"
        f"## Notes\n\n{notes}\n"
    )


def write_results(path: Path, text: str) -> None:
    """Write ``text``, keeping the hand-written sections already in the file (earlier
    runs kept for comparison, the profile) from the first of their headings on."""
    tail = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        found = [i for h in KEPT_HEADINGS if (i := old.find("\n" + h)) >= 0]
        if found:
            tail = old[min(found) :]
    path.write_text(text + tail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Measure docexport (whole processes) against pandoc and the libraries' floor."
    )
    ap.add_argument("--quick", action="store_true", help="1 run, tiny inputs (smoke test)")
    ap.add_argument("--runs", type=int, help="runs per figure (default 5; batches 3)")
    ap.add_argument("--only", help=f"comma-separated sections: {','.join(SECTIONS)}")
    ap.add_argument(
        "--out",
        type=Path,
        help="results file (default benchmarks/RESULTS.md; --quick writes none unless given)",
    )
    ap.add_argument("--batch-size", type=int, help="articles in the batch (default 200)")
    ap.add_argument("--long-repeats", type=int, help="body repeats in the long article")
    ap.add_argument("--memory-articles", type=int, help="articles in the memory run (default 1000)")
    ap.add_argument(
        "--budget", type=float, default=150.0, help="seconds per figure before fewer runs"
    )
    ap.add_argument("--keep", action="store_true", help="keep the generated inputs")
    args = ap.parse_args(argv)

    sections = tuple(s.strip() for s in args.only.split(",")) if args.only else SECTIONS
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        ap.error(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    quick = args.quick
    runs = args.runs or (1 if quick else 5)
    mem_n = args.memory_articles or (6 if quick else 1000)
    cfg = Config(
        runs=runs,
        heavy_runs=args.runs or (1 if quick else 3),
        warmup=not quick,
        batch_size=args.batch_size or (3 if quick else 200),
        long_repeats=args.long_repeats or (3 if quick else _corpus.LONG_REPEATS),
        memory_articles=mem_n,
        memory_step=max(1, mem_n // 10),
        install_pandoc=not quick,
        sections=sections,
        budget=args.budget,
    )
    signal.signal(signal.SIGTERM, _on_term)
    global BYTECODE
    BYTECODE = ensure_bytecode()
    work = Path(tempfile.mkdtemp(prefix="docexport-bench-"))
    try:
        bench = Bench(cfg, work)
        bench.run()
        text = report(bench, cfg)
    finally:
        if args.keep:
            print(f"inputs kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(text)
    out = args.out or (None if quick else RESULTS)
    if out is not None:
        write_results(out, text)
        print(f"written to {out}", file=sys.stderr)
    failed = [r for r in bench.rows if r.m is not None and not r.m.ok]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
