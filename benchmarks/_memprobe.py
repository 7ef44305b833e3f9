"""Memory over a long in-process batch: load + render every article to every
format through the public API (as a report service would), sampling this
process's RSS every ``--step`` articles. Prints one JSON object on stdout.

    python benchmarks/_memprobe.py --step 100 FILE...
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--step", type=int, default=100)
    ap.add_argument("--formats", default="docx,pdf,epub")
    args = ap.parse_args(argv)
    import docexport

    formats = args.formats.split(",")
    samples = []
    t0 = time.perf_counter()
    failures = 0
    for i, path in enumerate(args.inputs, 1):
        try:
            pack = docexport.load(path)
            for fmt in formats:
                docexport.render(pack, fmt)
        except Exception as exc:  # keep sampling; the count is reported
            failures += 1
            if failures == 1:
                print(f"memprobe: {path}: {type(exc).__name__}: {exc}", file=sys.stderr)
        if i % args.step == 0 or i == len(args.inputs):
            samples.append(
                {
                    "articles": i,
                    "rss_kib": _status_kib("VmRSS"),
                    "seconds": time.perf_counter() - t0,
                }
            )
    json.dump(
        {"samples": samples, "hwm_kib": _status_kib("VmHWM"), "failures": failures}, sys.stdout
    )
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
