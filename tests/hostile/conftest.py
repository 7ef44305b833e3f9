"""Helpers for the adversarial suite: run the real CLI in a child process with a
time limit, measure the child's peak memory, and check what it left behind."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.readback import TEXT_OF

FORMATS: tuple[str, ...] = ("docx", "pdf", "epub")
# Every case must finish within this many seconds (the slowest measured case,
# a 100,000-character paragraph in all three formats, takes about 10 s).
TIME_LIMIT = 120.0
# Peak resident memory of one CLI run, in KiB; a 50 MB input read whole would
# exceed the figure for refusing it, and nothing in the suite comes near this.
MEMORY_LIMIT_KIB = 600 * 1024

# (case, seconds, peak RSS KiB), printed at the end of the run.
MEASURED: list[tuple[str, float, int]] = []


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: bytes
    stderr: str
    seconds: float
    peak_rss_kib: int

    @property
    def lines(self) -> list[str]:
        return [ln for ln in self.stderr.splitlines() if ln.strip()]


# The CLI runs under this small launcher, which reports its child's own peak RSS.
# Measuring a child forked straight from pytest would count pytest's memory too:
# Linux keeps a forked process's high-water mark across exec.
_LAUNCHER = """
import os, subprocess, sys
p = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(p.pid, 0)
with open(sys.argv[1], "w") as fh:
    fh.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def cli(
    *args: str,
    cwd: Path,
    timeout: float = TIME_LIMIT,
    label: str | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    """``python -m docexport ARGS`` in a child; its own peak RSS comes from wait4."""
    full_env = {**os.environ, "CI": "", **(env or {})}
    full_env.pop("SOURCE_DATE_EPOCH", None)
    out_path, err_path, rss_path = cwd / ".stdout", cwd / ".stderr", cwd / ".std-rss"
    start = time.monotonic()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _LAUNCHER,
                str(rss_path),
                sys.executable,
                "-m",
                "docexport",
                *args,
            ],
            cwd=cwd,
            stdout=out,
            stderr=err,
            env=full_env,
            start_new_session=True,
        )
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            pytest.fail(f"docexport {' '.join(args)} took over {timeout:.0f} s")
    seconds = time.monotonic() - start
    rss = int(rss_path.read_text())
    run = Run(
        returncode=proc.returncode,
        stdout=out_path.read_bytes(),
        stderr=err_path.read_text(encoding="utf-8", errors="replace"),
        seconds=seconds,
        peak_rss_kib=rss,
    )
    for p in (out_path, err_path, rss_path):
        p.unlink()
    MEASURED.append((label or " ".join(args), seconds, rss))
    assert run.peak_rss_kib < MEMORY_LIMIT_KIB, f"peak RSS {run.peak_rss_kib} KiB"
    return run


def outputs(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".std"))


def assert_refused(run: Run, name: str, cause: str, out: Path) -> None:
    """Exit 1, exactly one error line naming the input and the cause, no traceback,
    no output file."""
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    errors = [ln for ln in run.lines if ln.startswith("docexport: ") and "warning:" not in ln]
    assert len(errors) == 1, run.stderr
    assert name in errors[0], errors[0]
    assert re.search(cause, errors[0], re.IGNORECASE), errors[0]
    assert outputs(out) == [], outputs(out)


# --------------------------------------------------------------------------- reading outputs


def normalise(text: str) -> str:
    """Text without white space, hyphens and soft hyphens: PDF line breaks and
    hyphenation split words, so compare what is left."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


def output_text(path: Path) -> str:
    return TEXT_OF[path.suffix[1:]](path.read_bytes())


def assert_pack(
    run: Run,
    out: Path,
    stem: str,
    words: Iterable[str],
    formats: Sequence[str] = FORMATS,
) -> dict[str, str]:
    """Exit 0, one valid output per format holding every word; returns their text."""
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    texts: dict[str, str] = {}
    wanted = [normalise(w) for w in words]
    for fmt in formats:
        path = out / f"{stem}.{fmt}"
        assert path.is_file(), (path, outputs(out))
        text = output_text(path)
        flat = normalise(text)
        for w in wanted:
            assert w in flat, f"{fmt}: {w[:60]!r} missing"
        texts[fmt] = text
    assert not list(out.glob(".docexport-*.tmp"))
    return texts


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not MEASURED:
        return
    terminalreporter.section("hostile inputs: time and peak memory per CLI run")
    for label, seconds, rss in MEASURED:
        terminalreporter.write_line(f"{seconds:7.2f} s {rss / 1024:8.1f} MiB  {label[:90]}")
