"""The CLI as a user and a CI pipeline see it: files written, exit codes, one-line errors."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEED_NAME = "000_a2ab894a6d71f4f2"


def run(*args: str, cwd: Path, env: dict[str, str] | None = None, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    full_env = {**os.environ, "CI": "", **(env or {})}
    full_env.pop("SOURCE_DATE_EPOCH", None)
    if env and "SOURCE_DATE_EPOCH" in env:
        full_env["SOURCE_DATE_EPOCH"] = env["SOURCE_DATE_EPOCH"]
    return subprocess.run(
        [sys.executable, "-m", "docexport", *args],
        cwd=cwd,
        capture_output=True,
        env=full_env,
        input=stdin,
        timeout=300,
    )


@pytest.fixture
def work(tmp_path: Path, seed_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / seed_path.name).write_bytes(seed_path.read_bytes())
    return tmp_path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_export_all_formats_with_manifest(work: Path) -> None:
    r = run("export", "in", "-o", "out", "--manifest", "m.json", "-j", "1", cwd=work)
    assert r.returncode == 0, r.stderr.decode()
    for ext in ("docx", "pdf", "epub"):
        assert (work / "out" / f"{SEED_NAME}.{ext}").stat().st_size > 1000
    manifest = json.loads((work / "m.json").read_text())
    assert manifest["tool"] == "docexport" and manifest["failures"] == []
    assert [o["format"] for o in manifest["outputs"]] == ["docx", "pdf", "epub"]
    for o in manifest["outputs"]:
        assert o["sha256"] == sha(work / o["path"])
        assert o["bytes"] == (work / o["path"]).stat().st_size
        assert o["input_sha256"] == sha(work / "in" / f"{SEED_NAME}.txt")
    pdf = next(o for o in manifest["outputs"] if o["format"] == "pdf")
    assert pdf["pages"] >= 2


def test_two_runs_are_byte_identical(work: Path) -> None:
    run("export", "in", "-o", "a", "-j", "1", cwd=work)
    run("export", "in", "-o", "b", "-j", "2", cwd=work)
    for ext in ("docx", "pdf", "epub"):
        assert sha(work / "a" / f"{SEED_NAME}.{ext}") == sha(work / "b" / f"{SEED_NAME}.{ext}"), ext


def test_source_date_epoch_changes_dates_only_deterministically(work: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    run("export", "in", "-o", "a", "-f", "pdf", cwd=work, env=env)
    run("export", "in", "-o", "b", "-f", "pdf", cwd=work, env=env)
    assert sha(work / "a" / f"{SEED_NAME}.pdf") == sha(work / "b" / f"{SEED_NAME}.pdf")


def test_inspect_json_round_trips_to_the_same_bytes(work: Path) -> None:
    r = run("inspect", f"in/{SEED_NAME}.txt", "--json", cwd=work)
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert data["articles"][0]["headline"].startswith("President Ruto")
    (work / "model.json").write_bytes(r.stdout)
    assert run("export", "in", "-o", "a", cwd=work).returncode == 0
    assert run("export", "model.json", "-o", "b", cwd=work).returncode == 0
    for ext in ("docx", "pdf", "epub"):
        assert sha(work / "a" / f"{SEED_NAME}.{ext}") == sha(work / "b" / f"model.{ext}"), ext


def test_bad_input_fails_alone_and_clobbers_nothing(work: Path) -> None:
    (work / "in" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (work / "out").mkdir()
    (work / "out" / "broken.pdf").write_bytes(b"previous good output")
    r = run("export", "in", "-o", "out", "-f", "pdf", cwd=work)
    assert r.returncode == 1
    err = r.stderr.decode()
    error_lines = [ln for ln in err.splitlines() if "broken.txt" in ln]
    assert len(error_lines) == 1 and "binary" in error_lines[0]
    assert "Traceback" not in err
    assert (work / "out" / "broken.pdf").read_bytes() == b"previous good output"
    assert (work / "out" / f"{SEED_NAME}.pdf").is_file()
    assert not list((work / "out").glob(".docexport-*"))


def test_missing_input_is_reported(work: Path) -> None:
    r = run("export", "nope.txt", "in", "-o", "out", "-f", "epub", cwd=work)
    assert r.returncode == 1
    assert "nope.txt: no such file" in r.stderr.decode()
    assert (work / "out" / f"{SEED_NAME}.epub").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "odt"], "unknown format 'odt'"),
        (["--style", "nonesuch"], "no theme named 'nonesuch'"),
        (["--input-format", "rtf"], "--input-format 'rtf'"),
        (["--date", "yesterday"], "--date 'yesterday'"),
    ],
)
def test_usage_errors_exit_2(work: Path, args: list[str], message: str) -> None:
    r = run("export", "in", "-o", "out", *args, cwd=work)
    assert r.returncode == 2
    assert message in r.stderr.decode()
    assert not (work / "out").exists()


def test_bad_theme_file_names_the_key(work: Path) -> None:
    (work / "t.toml").write_text('[colors]\naccent = "#zzz"\n')
    r = run("export", "in", "-o", "out", "--style", "t.toml", cwd=work)
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert "colors.accent" in err and len(err.splitlines()) == 1


def test_stdout_output(work: Path) -> None:
    r = run("export", f"in/{SEED_NAME}.txt", "-f", "pdf", "-o", "-", cwd=work)
    assert r.returncode == 0
    assert r.stdout.startswith(b"%PDF-")
    r = run("export", "in", "-f", "pdf,epub", "-o", "-", cwd=work)
    assert r.returncode == 2


def test_unsafe_names_stay_in_the_output_folder(work: Path) -> None:
    (work / "in" / "CON.txt").write_text("A headline\nA standfirst.\nBody.\n")
    r = run("export", "in/CON.txt", "-o", "out", "-f", "epub", cwd=work)
    assert r.returncode == 0, r.stderr
    assert (work / "out" / "_CON.epub").is_file()


def test_skip_unchanged(work: Path) -> None:
    """A skip run renders nothing, says so, and writes the same manifest apart
    from the run facts (no per-record "reused" flag that makes manifests differ)."""
    args = ("export", "in", "-o", "out", "--skip-unchanged", "-j", "1", "--json")
    r1 = run(*args, cwd=work)
    r2 = run(*args, cwd=work)
    first, second = json.loads(r1.stdout), json.loads(r2.stdout)
    assert first["run"] == {"rendered": 3, "unchanged": 0, "failed": 0, "pruned": []}
    assert second["run"] == {"rendered": 0, "unchanged": 3, "failed": 0, "pruned": []}
    assert {k: v for k, v in first.items() if k != "run"} == {
        k: v for k, v in second.items() if k != "run"
    }
    on_disk = json.loads((work / "out" / "docexport-manifest.json").read_text())
    assert on_disk["outputs"] == second["outputs"]
    forced = json.loads(run(*args, "--force", cwd=work).stdout)
    assert forced["run"]["rendered"] == 3


def test_skip_run_reports_rendered_unchanged_failed_with_plurals(work: Path) -> None:
    args = ("export", "in", "-o", "out", "--skip-unchanged", "-j", "1")
    first = run(*args, cwd=work).stderr.decode()
    assert "3 outputs (3 rendered, 0 unchanged) from 1 input, 0 failed" in first
    assert "1 inputs" not in first
    second = run(*args, cwd=work).stderr.decode()
    assert "3 outputs (0 rendered, 3 unchanged) from 1 input, 0 failed" in second
    assert f"out/{SEED_NAME}.pdf" in second  # every line names the output path


def test_version_and_help(work: Path) -> None:
    r = run("--version", cwd=work)
    assert r.returncode == 0 and r.stdout.decode().startswith("docexport ")
    for cmd in ("export", "pack", "inspect", "schema", "styles", "config"):
        r = run(cmd, "--help", cwd=work)
        assert r.returncode == 0 and b"Usage" in r.stdout, cmd


def test_styles_and_schema(work: Path) -> None:
    assert b"default" in run("styles", cwd=work).stdout
    schema = json.loads(run("schema", cwd=work).stdout)
    assert schema["title"] == "docexport briefing pack"
    manifest_schema = json.loads(run("schema", "--manifest", cwd=work).stdout)
    assert "outputs" in manifest_schema["properties"]


def test_config_from_pyproject(work: Path) -> None:
    (work / "pyproject.toml").write_text('[tool.docexport]\nformats = ["epub"]\nout = "packs"\n')
    r = run("config", cwd=work)
    assert b"epub" in r.stdout and b"pyproject.toml" in r.stdout
    assert run("export", "in", cwd=work).returncode == 0
    assert [p.suffix for p in (work / "packs").iterdir()] == [".epub"]
