"""The benchmark script runs end to end (quick mode); no timing is asserted."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import _corpus  # noqa: E402
import floor  # noqa: E402


def test_corpus_articles_vary_and_keep_the_seed_layout(tmp_path: Path) -> None:
    c = _corpus.build(tmp_path, batch_size=5, long_repeats=4)
    texts = [p.read_text(encoding="utf-8") for p in c.batch_files]
    assert len(set(texts)) == 5
    seed = _corpus.read_seed()
    for text in texts:
        lines = text.strip().splitlines()
        assert len(lines) == 2 + len(seed.body) + 1
        assert lines[-1] == f"Original Source: {seed.source}"
        assert abs(len(text) - len(seed.text())) < len(seed.text()) // 5  # seed-sized
    long_lines = c.long.read_text(encoding="utf-8").strip().splitlines()
    assert len(long_lines) == 2 + 4 * len(seed.body) + 1
    md = c.batch_md_files[0].read_text(encoding="utf-8")
    assert md.startswith('---\ntitle: "') and "\n\n*" in md


def test_floor_writes_the_three_formats(tmp_path: Path) -> None:
    c = _corpus.build(tmp_path, batch_size=1, long_repeats=1)
    out = tmp_path / "out"
    assert floor.main([str(c.seed), "-o", str(out)]) == 0
    seed = _corpus.read_seed()
    with zipfile.ZipFile(out / "seed.docx") as z:
        assert seed.headline in z.read("word/document.xml").decode("utf-8")
    with zipfile.ZipFile(out / "seed.epub") as z:
        assert z.read("mimetype") == b"application/epub+zip"
    assert (out / "seed.pdf").read_bytes().startswith(b"%PDF-")


def test_quick_run_end_to_end(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--out", str(results)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:] + proc.stdout[-3000:]
    text = results.read_text(encoding="utf-8")
    assert "## Machine" in text and "## Results" in text
    for label in (
        "`docexport --version`",
        "seed -> DOCX+PDF+EPUB",
        "long article -> PDF",
        "-> all three, `-j 2`",
        "floor: seed -> all three",
        "load + render ×3 in one process",
    ):
        assert label in text, label
    table = [ln for ln in text.splitlines() if ln.startswith("| ")]
    assert not [ln for ln in table if "| failed |" in ln]
    assert proc.stdout.strip().startswith("# docexport benchmarks")
