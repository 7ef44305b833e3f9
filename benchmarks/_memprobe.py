"""Memory over a long in-process batch: load + render every article to every
format through the public API (as a report service would), sampling this
process's RSS every ``--step`` articles. Prints one JSON object on stdout.

Each sample is taken after a full garbage collection and records three things:
the resident set as the OS sees it; the resident set after ``malloc_trim(0)``
hands freed heap pages back (what is left is what the process holds, not what
the allocator keeps for reuse); and the number of memory blocks Python objects
hold (``sys.getallocatedblocks``), which grows only if objects pile up.

    python benchmarks/_memprobe.py --step 100 FILE...
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import json
import sys
import time
from pathlib import Path


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _trim() -> None:
    """Return freed heap pages to the OS (glibc only; elsewhere a no-op)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


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
    sampling = 0.0  # time spent collecting and trimming, not part of the batch
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
            pause = time.perf_counter()
            seconds = pause - t0 - sampling
            gc.collect()
            rss = _status_kib("VmRSS")
            _trim()
            samples.append(
                {
                    "articles": i,
                    "rss_kib": rss,
                    "trimmed_rss_kib": _status_kib("VmRSS"),
                    "blocks": sys.getallocatedblocks(),
                    "seconds": seconds,
                }
            )
            sampling += time.perf_counter() - pause
    json.dump(
        {"samples": samples, "hwm_kib": _status_kib("VmHWM"), "failures": failures}, sys.stdout
    )
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
