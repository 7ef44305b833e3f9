"""The command line as its users' habits expect (issue 16): pandoc's -o and -f,
folders that hold outputs and READMEs, pruning, help, completion, config paths,
plurals and the pack command sharing export's settings and manifest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.readback import TEXT_OF

SEED_NAME = "000_a2ab894a6d71f4f2"


def run(*args: str, cwd: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    full_env = {**os.environ, "CI": "", **(env or {})}
    full_env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [sys.executable, "-m", "docexport", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
    )


@pytest.fixture
def work(tmp_path: Path, seed_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / seed_path.name).write_bytes(seed_path.read_bytes())
    return tmp_path


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("docexport: ")]


# --------------------------------------------------------------------------- pandoc habits


def test_o_with_a_file_name_writes_that_file(work: Path) -> None:
    r = run("export", f"in/{SEED_NAME}.txt", "-o", "brief.pdf", cwd=work)
    assert r.returncode == 0, r.stderr
    assert (work / "brief.pdf").is_file() and not (work / "brief.pdf").is_dir()
    assert (work / "brief.pdf").read_bytes().startswith(b"%PDF-")
    assert "President Ruto" in TEXT_OF["pdf"]((work / "brief.pdf").read_bytes())
    assert not list(work.glob("*.docx")) and not list(work.glob("*.epub"))


def test_o_with_a_file_name_refuses_many_inputs_and_other_formats(work: Path) -> None:
    (work / "in" / "second.txt").write_text("Second\nA standfirst here.\nBody text here.\n")
    r = run("export", "in", "-o", "brief.pdf", cwd=work)
    assert r.returncode == 2 and "names one file" in r.stderr
    r = run("export", f"in/{SEED_NAME}.txt", "-o", "brief.pdf", "-f", "docx", cwd=work)
    assert r.returncode == 2 and "names a pdf file" in r.stderr
    assert not (work / "brief.pdf").exists()


def test_f_with_an_input_kind_points_to_input_format(work: Path) -> None:
    r = run("export", "in", "-f", "markdown", "-o", "out", cwd=work)
    assert r.returncode == 2
    (line,) = error_lines(r.stderr)
    assert "unknown format 'markdown'" in line and "--input-format markdown" in line


def test_progress_lines_name_the_full_output_path(work: Path) -> None:
    r = run("export", "in", "-o", "packs/today", "-f", "pdf,epub", cwd=work)
    assert r.returncode == 0, r.stderr
    assert f"packs/today/{SEED_NAME}.pdf" in r.stderr
    assert f"packs/today/{SEED_NAME}.epub" in r.stderr
    assert "2 outputs (2 rendered, 0 unchanged) from 1 input, 0 failed" in r.stderr


# --------------------------------------------------------------------------- discovery


def test_a_folder_does_not_read_back_its_outputs_manifest_or_readme(work: Path) -> None:
    (work / "in" / "README.md").write_text("# About this folder\n\nNotes for people.\n")
    (work / "in" / "package.json").write_text('{"name": "x"}')
    args = ("export", "in", "-o", "in/out", "--manifest", "in/manifest.json", "-f", "epub")
    first = run(*args, cwd=work)
    assert first.returncode == 0, first.stderr
    second = run(*args, cwd=work)
    assert second.returncode == 0, second.stderr
    assert sorted(p.name for p in (work / "in" / "out").iterdir()) == [f"{SEED_NAME}.epub"]
    data = json.loads((work / "in" / "manifest.json").read_text())
    assert [Path(o["input"]).name for o in data["outputs"]] == [f"{SEED_NAME}.txt"]


def test_exclude_skips_matching_files(work: Path) -> None:
    (work / "in" / "drafts").mkdir()
    (work / "in" / "drafts" / "wip.txt").write_text("Draft\nA standfirst here.\nBody text.\n")
    (work / "in" / "old.txt").write_text("Old\nA standfirst here.\nBody text.\n")
    r = run(
        "export",
        "in",
        "-o",
        "out",
        "-f",
        "epub",
        "--exclude",
        "drafts/*",
        "--exclude",
        "old.*",
        cwd=work,
    )
    assert r.returncode == 0, r.stderr
    assert [p.name for p in (work / "out").iterdir()] == [f"{SEED_NAME}.epub"]


def test_prune_removes_outputs_of_deleted_inputs_and_records_it(work: Path) -> None:
    (work / "in" / "gone.txt").write_text("Gone soon\nA standfirst here.\nBody text here.\n")
    args = ("export", "in", "-o", "out", "-f", "epub", "--skip-unchanged")
    assert run(*args, cwd=work).returncode == 0
    assert (work / "out" / "gone.epub").is_file()
    (work / "in" / "gone.txt").unlink()
    kept = run(*args, cwd=work)  # without --prune the old output stays on record
    assert (work / "out" / "gone.epub").is_file()
    r = run(*args, "--prune", cwd=work)
    assert r.returncode == 0, r.stderr
    assert not (work / "out" / "gone.epub").exists()
    assert (work / "out" / f"{SEED_NAME}.epub").is_file()
    data = json.loads((work / "out" / "docexport-manifest.json").read_text())
    assert data["run"]["pruned"] == ["out/gone.epub"]
    assert [Path(o["path"]).name for o in data["outputs"]] == [f"{SEED_NAME}.epub"]
    assert "1 old output pruned" in r.stderr
    del kept


# --------------------------------------------------------------------------- help, version


def test_help_has_groups_examples_and_debug_is_accepted_everywhere(work: Path) -> None:
    r = run("export", "--help", cwd=work)
    for title in ("Output:", "Input:", "Batch and CI:", "Dask cluster:", "Examples:"):
        assert title in r.stdout, title
    assert "-o brief.pdf" in r.stdout
    assert "Examples:" in run("pack", "--help", cwd=work).stdout
    r = run("export", "in", "-o", "out", "-f", "epub", "--debug", cwd=work)
    assert r.returncode == 0, r.stderr
    r = run("--debug", "export", "in", "-o", "out2", "-f", "epub", cwd=work)
    assert r.returncode == 0, r.stderr
    assert run("styles", "--debug", cwd=work).returncode == 0


def test_version_lists_the_libraries(work: Path) -> None:
    r = run("--version", cwd=work)
    assert r.returncode == 0
    for name in ("docexport", "python-docx", "reportlab", "ebooklib"):
        assert name in r.stdout, name


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("docexport export -f do", {"docx"}),
        ("docexport export -f pdf,e", {"pdf,epub"}),
        ("docexport export --executor ", {"process", "dask"}),
        ("docexport export --style ", {"default", "letter"}),
    ],
)
def test_completion_of_values(work: Path, words: str, expected: set[str]) -> None:
    env = {
        **os.environ,
        "_DOCEXPORT_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    r = subprocess.run(
        [sys.executable, "-c", "from docexport.cli import main; main()"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert expected <= set(r.stdout.split()), r.stdout


def test_plurals_are_right(work: Path) -> None:
    r = run("export", "in", "-o", "out", "-f", "epub", cwd=work)
    assert "1 output (1 rendered, 0 unchanged) from 1 input, 0 failed" in r.stderr


# --------------------------------------------------------------------------- config


def test_config_paths_are_relative_to_the_config_file(work: Path) -> None:
    (work / "pyproject.toml").write_text(
        '[tool.docexport]\nformats = "epub"\nout = "packs"\nmanifest = "packs/m.json"\n'
    )
    sub = work / "in"
    r = run("export", ".", cwd=sub)
    assert r.returncode == 0, r.stderr
    assert (work / "packs" / f"{SEED_NAME}.epub").is_file()
    assert (work / "packs" / "m.json").is_file()
    assert not (sub / "packs").exists()


def test_config_style_path_is_relative_to_the_config_file(work: Path) -> None:
    (work / "themes").mkdir()
    (work / "themes" / "t.toml").write_text('[colors]\naccent = "#zzz"\n')
    (work / "docexport.toml").write_text('style = "themes/t.toml"\n')
    r = run("export", ".", "-o", "out", cwd=work / "in")
    assert r.returncode == 2
    assert "colors.accent" in r.stderr  # the file was found from another folder


# --------------------------------------------------------------------------- inputs


def test_an_article_without_text_is_an_input_error(work: Path) -> None:
    (work / "h.json").write_text('{"headline": 5}')
    r = run("export", "h.json", "-o", "out", cwd=work)
    assert r.returncode == 1
    (line,) = error_lines(r.stderr)
    assert "h.json" in line and "no text" in line
    assert not (work / "out").exists() or not list((work / "out").iterdir())


# --------------------------------------------------------------------------- Dask flags


def test_scheduler_implies_dask_and_unreachable_is_one_line_exit_2(work: Path) -> None:
    pytest.importorskip("distributed")
    start = time.monotonic()
    r = run("export", "in", "-o", "out", "--scheduler", "tcp://127.0.0.1:9", cwd=work)
    elapsed = time.monotonic() - start
    assert r.returncode == 2, r.stderr
    (line,) = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert "tcp://127.0.0.1:9" in line and "Dask scheduler" in line
    assert "internal error" not in line
    assert elapsed < 20
    r = run("export", "in", "--executor", "process", "--scheduler", "tcp://x:1", cwd=work)
    assert r.returncode == 2 and "--scheduler needs the dask executor" in r.stderr


# --------------------------------------------------------------------------- pack


def test_pack_uses_config_validates_date_and_writes_a_manifest(work: Path) -> None:
    (work / "in" / "second.txt").write_text(
        "Harbour inspection begins\nThe harbour authority counted ninety ships on Tuesday.\n"
        "Officials said the inspection would continue.\n"
    )
    (work / "docexport.toml").write_text('formats = ["epub"]\nout = "packs"\n')
    r = run("pack", "in", "--title", "Week", "--date", "someday", cwd=work)
    assert r.returncode == 2 and "--date 'someday'" in r.stderr
    args = ("pack", "in", "--title", "Week", "--manifest", "m.json", "--skip-unchanged")
    r = run(*args, cwd=work)
    assert r.returncode == 0, r.stderr
    assert [p.name for p in (work / "packs").iterdir()] == ["Week.epub"]
    first = json.loads((work / "m.json").read_text())
    assert first["run"]["rendered"] == 1
    (rec,) = first["outputs"]
    assert rec["path"] == "packs/Week.epub"
    second = run(*args, cwd=work)
    assert second.returncode == 0, second.stderr
    again = json.loads((work / "m.json").read_text())
    assert again["run"] == {"rendered": 0, "unchanged": 1, "failed": 0, "pruned": []}
    assert again["outputs"] == first["outputs"]


def test_language_option_reaches_every_format_and_bad_tags_are_usage_errors(work: Path) -> None:
    """--language flows through the one settings core into the render options."""
    r = run("export", f"in/{SEED_NAME}.txt", "-o", "out", "--language", "fr", "-j", "1", cwd=work)
    assert r.returncode == 0, r.stderr
    for fmt, read in TEXT_OF.items():
        text = read((work / "out" / f"{SEED_NAME}.{fmt}").read_bytes())
        assert "Faits essentiels" in text and "Résumé" in text, fmt
        assert "Key facts" not in text, fmt
    bad = run("export", f"in/{SEED_NAME}.txt", "-o", "out", "--language", "f r", cwd=work)
    assert bad.returncode == 2 and "--language" in bad.stderr
    (work / "docexport.toml").write_text("language = 5\n", encoding="utf-8")
    cfg = run("export", f"in/{SEED_NAME}.txt", "-o", "out", cwd=work)
    assert cfg.returncode == 2 and "language" in cfg.stderr
