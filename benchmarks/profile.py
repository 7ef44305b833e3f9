"""Profile one benchmark workload with pyinstrument and say where the time goes.

    python benchmarks/profile.py seed    # the seed to all three formats
    python benchmarks/profile.py long    # the 150-page article to all three
    python benchmarks/profile.py batch   # the 200-article batch, -j 1 (in-process)

The whole CLI run is profiled in this process, imports included (the profiler
starts before docexport is imported), as ``docexport export ... -j 1`` would
run. Three views: time by the deepest docexport function on the stack (the
code to change), inclusive time of docexport functions, and self time of the
leaf functions (where the CPU actually is). ``--html`` saves pyinstrument's
interactive view too. Needs ``pip install pyinstrument``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import _corpus  # noqa: E402

SRC = str(ROOT / "src" / "docexport")


def _split(frame: str) -> tuple[str, str, str]:
    parts = frame.split("\x00")
    func = parts[0]
    path = parts[1] if len(parts) > 1 else ""
    line = parts[2].split("\x01")[0] if len(parts) > 2 else ""
    return func, path, line


def _short(path: str) -> str:
    if path.startswith(SRC):
        return "docexport" + path[len(SRC) :]
    for marker in ("site-packages/", "lib/python3"):
        i = path.find(marker)
        if i >= 0:
            rest = path[i + len(marker) :]
            return rest.split("/", 1)[1] if marker == "lib/python3" and "/" in rest else rest
    return path


def analyse(records: list[tuple[list[str], float]], total: float, top: int) -> str:
    owner: defaultdict[str, float] = defaultdict(float)
    inclusive: defaultdict[str, float] = defaultdict(float)
    leaf: defaultdict[str, float] = defaultdict(float)
    imports = 0.0
    for stack, t in records:
        frames = [_split(f) for f in stack]
        if any(fn == "_find_and_load" for fn, _p, _l in frames):
            imports += t
        ours = [(fn, p) for fn, p, _l in frames if p.startswith(SRC)]
        if ours:
            fn, p = ours[-1]
            owner[f"{_short(p)}:{fn}"] += t
        else:
            owner["(outside docexport: interpreter start, typer, imports)"] += t
        for fn, p in dict.fromkeys(ours):
            inclusive[f"{_short(p)}:{fn}"] += t
        if frames:
            fn, p, _l = frames[-1]
            leaf[f"{_short(p)}:{fn}"] += t

    def block(title: str, counter: dict[str, float]) -> str:
        lines = [title]
        for name, t in sorted(counter.items(), key=lambda kv: -kv[1])[:top]:
            lines.append(f"  {t:7.3f} s {100 * t / total:5.1f}%  {name}")
        return "\n".join(lines)

    return "\n\n".join(
        [
            f"total {total:.3f} s; inside imports {imports:.3f} s ({100 * imports / total:.0f}%)",
            block(
                "By the deepest docexport function on the stack (self + libraries it calls):", owner
            ),
            block("Inclusive time of docexport functions:", inclusive),
            block("Self time of leaf functions:", leaf),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("workload", choices=("seed", "long", "batch"))
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--formats", default="docx,pdf,epub")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--html", type=Path, help="also save pyinstrument's HTML view here")
    args = ap.parse_args(argv)
    from pyinstrument import Profiler

    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    os.environ["CI"] = "1"
    with tempfile.TemporaryDirectory(prefix="docexport-prof-") as tmp:
        work = Path(tmp)
        size = args.batch_size if args.workload == "batch" else 1
        corpus = _corpus.build(work, batch_size=size)
        target = {"seed": corpus.seed, "long": corpus.long, "batch": corpus.batch}[args.workload]
        out = work / "out"
        argv_run = ["docexport", "export", str(target), "-f", args.formats, "-o", str(out)]
        sys.argv = [*argv_run, "-j", "1", "-q"]
        profiler = Profiler(interval=0.0005)
        profiler.start()
        try:
            from docexport.launcher import main as dx_main

            dx_main()
        except SystemExit as exc:
            code = exc.code
        else:
            code = 0
        session = profiler.stop()
    if code not in (0, None):
        print(f"docexport exited with {code}", file=sys.stderr)
    print(f"workload: {args.workload} -> {args.formats} (-j 1, in-process)")
    print(analyse(session.frame_records, session.duration, args.top))
    print(f"\nCPU time {session.cpu_time:.3f} s of {session.duration:.3f} s wall")
    if args.html:
        args.html.write_text(profiler.output_html(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
