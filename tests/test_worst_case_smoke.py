"""benchmarks/worst_case.py runs end to end on a few scaled-down cases; no timing
is asserted (the figures are the lead's, on a quiet machine)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_worst_case_quick_run() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "worst_case.py"),
            "--quick",
            "--only",
            "short,markdown,lines",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    rows = [ln for ln in proc.stdout.splitlines() if ln.startswith("| ")]
    assert len(rows) == 2 + 3, proc.stdout
    assert "| one-line paragraphs at the count limit |" in rows[2]
    assert "| 0 | 3 |" in rows[2]  # exit 0, three outputs
    assert "over the limit of 50,000" in rows[4] and "| 1 | 0 |" in rows[4]
