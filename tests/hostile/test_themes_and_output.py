"""Hostile themes, interrupted batches, full disks and symlinks in the output folder."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import assert_pack, cli, outputs

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_a2ab894a6d71f4f2.txt"
ARTICLE = (
    "Harbour inspection begins\n"
    "The harbour authority counted ninety ships on Tuesday morning.\n"
    "Officials said the inspection would continue through the winter season.\n"
    "Original Source: example.org\n"
)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


# --------------------------------------------------------------------------- themes


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("[page]\nsize = 12\n", "page.size"),
        ('[page]\ncolour = "#000000"\n', "page.colour: unknown key"),
        ("surprise = 1\n", "surprise: unknown key"),
        ('[roles.body]\nsize = "big"\n', "roles.body.size"),
        ("[roles.body]\nsize = 0\n", "roles.body.size"),
        ("[roles.body]\nleading = 0\n", "roles.body.leading"),
        ('[roles.body]\nbold = "yes"\n', "roles.body.bold"),
        ("[roles.nonsense]\nsize = 9\n", "roles.nonsense: unknown role"),
        ('[colors]\naccent = "#zzz"\n', "colors.accent: '#zzz' is not a colour"),
        ('[roles.title]\ncolor = "red"\n', "roles.title.color"),
        ('[box]\nborder = "#12345"\n', "box.border"),
        ("[box]\nmax_facts = 1.5\n", "box.max_facts"),
        ("fonts = 3\n", "fonts: expected a table"),
        ("[fonts]\nbody = []\n", "fonts.body"),
        ('[footer]\ntext = "{nope}"\n', "footer.text: unknown placeholder {nope}"),
        ('[footer]\ntext = "{source.__class__}"\n', "footer.text: unknown placeholder"),
        ('[footer]\ntext = "{source"\n', "footer.text"),
        ("[page]\nmargin_left = 2000\n", "page.margin_left"),
        ("[page]\nmargin_top = 500\nmargin_bottom = 400\n", "page.margin_top"),
        ("[page\n", "invalid TOML"),
    ],
)
def test_bad_theme_is_a_usage_error_naming_the_key(work: Path, toml: str, key: str) -> None:
    (work / "bad.toml").write_text(toml, encoding="utf-8")
    run = cli("export", "a.txt", "-o", "out", "--style", "bad.toml", cwd=work, label=f"theme {key}")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert len(run.lines) == 1, run.stderr
    assert "bad.toml" in run.lines[0] and key in run.lines[0], run.lines[0]
    assert outputs(work / "out") == []


def test_theme_that_is_not_utf8(work: Path) -> None:
    (work / "bad.toml").write_bytes(b'name = "\xff\xfe"\n')
    run = cli("export", "a.txt", "-o", "out", "--style", "bad.toml", cwd=work)
    assert run.returncode == 2 and len(run.lines) == 1 and "not UTF-8" in run.lines[0]


def test_missing_font_families_fall_back_with_a_warning(work: Path) -> None:
    (work / "fonts.toml").write_text(
        '[fonts]\nbody = ["No Such Serif"]\nheading = "No Such Sans"\nmono = ["No Such Mono"]\n',
        encoding="utf-8",
    )
    run = cli(
        "export",
        "a.txt",
        "-o",
        "out",
        "--style",
        "fonts.toml",
        "--manifest",
        "m.json",
        "-j",
        "1",
        cwd=work,
        label="missing fonts",
    )
    assert_pack(run, work / "out", "a", ("ninety ships", "winter season"))
    warned = [ln for ln in run.lines if "warning" in ln and "No Such Serif" in ln]
    assert warned, run.stderr
    manifest = json.loads((work / "m.json").read_text(encoding="utf-8"))
    pdf = next(o for o in manifest["outputs"] if o["format"] == "pdf")
    assert any("No Such Serif" in w for w in pdf["warnings"])


# --------------------------------------------------------------------------- interrupted batch


def _batch_inputs(folder: Path, n: int) -> None:
    folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"article-{i:02d}.txt").write_text(f"Story number {i}: " + seed, encoding="utf-8")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("target", ["group", "parent"])
def test_ctrl_c_during_a_batch_leaves_no_temp_files_and_a_manifest(
    tmp_path: Path, target: str
) -> None:
    """Ctrl-C sends SIGINT to the whole foreground group ("group"); a supervisor
    may signal only the main process ("parent")."""
    _batch_inputs(tmp_path / "in", 40)
    out = tmp_path / "out"
    env = {**os.environ, "CI": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "docexport",
            "export",
            "in",
            "-o",
            "out",
            "-j",
            "2",
            "--manifest",
            "m.json",
            "-q",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while len([p for p in outputs(out) if p.suffix != ".tmp"]) < 4:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no outputs within 120 s"
        time.sleep(0.02)
    if target == "group":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(proc.pid, signal.SIGINT)
    try:
        _, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("docexport did not stop within 60 s of SIGINT")
    assert proc.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr
    assert list(out.glob(".docexport-*")) == []
    assert list(tmp_path.glob(".docexport-*")) == []
    manifest = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert manifest["interrupted"] is True
    listed = {Path(o["path"]).name: o for o in manifest["outputs"]}
    assert 0 < len(listed) < 120
    for name, rec in listed.items():
        assert _sha(out / name) == rec["sha256"], name
    # Every file in the folder is a complete output the manifest lists.
    assert {p.name for p in outputs(out)} <= set(listed)


# --------------------------------------------------------------------------- full or unsafe output


def test_full_disk_patched_writer_keeps_earlier_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer fails with ENOSPC from the 4th file on: the first three stay
    whole, the rest are reported failures, no temp file is left."""
    import docexport

    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE.replace("Harbour", name), encoding="utf-8")
    out = tmp_path / "out"
    real_fsync = os.fsync
    calls = {"n": 0}

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] > 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    manifest = docexport.export(
        [str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], out_dir=out, jobs=1
    )
    assert len(manifest.outputs) == 3
    assert {f.stage for f in manifest.failures} == {"write"}
    assert all("No space left" in f.error for f in manifest.failures)
    assert len(manifest.failures) == 3
    for rec in manifest.outputs:
        assert _sha(Path(rec.path)) == rec.sha256
    assert sorted(p.name for p in out.iterdir()) == ["one.docx", "one.epub", "one.pdf"]


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Path:
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)], capture_output=True
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_full_tmpfs_gives_clear_errors_and_keeps_earlier_outputs(
    tmp_path: Path, tiny_tmpfs: Path
) -> None:
    (tmp_path / "first.txt").write_text(ARTICLE, encoding="utf-8")
    run = cli("export", "first.txt", "-o", str(tiny_tmpfs), "-f", "epub", "-q", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    before = _sha(tiny_tmpfs / "first.epub")
    _batch_inputs(tmp_path / "in", 12)
    run = cli(
        "export",
        "in",
        "first.txt",
        "-o",
        str(tiny_tmpfs),
        "-j",
        "1",
        "-q",
        cwd=tmp_path,
        label="full tmpfs",
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    errors = [ln for ln in run.lines if ln.startswith("docexport: ")]
    assert errors and all("No space left on device" in ln for ln in errors), run.stderr
    assert all(": write" in ln for ln in errors), run.stderr
    assert (
        _sha(tiny_tmpfs / "first.epub") == before or (tiny_tmpfs / "first.epub").stat().st_size > 0
    )
    assert list(tiny_tmpfs.glob(".docexport-*")) == []
    from .conftest import output_text

    for p in tiny_tmpfs.iterdir():  # everything that is there is complete
        output_text(p)


def test_symlink_in_output_folder_pointing_elsewhere_is_refused(work: Path) -> None:
    outside = work / "elsewhere"
    outside.mkdir()
    victim = outside / "victim.pdf"
    victim.write_bytes(b"precious")
    out = work / "out"
    out.mkdir()
    (out / "a.pdf").symlink_to(victim)
    (out / "a.epub").symlink_to(work / "elsewhere" / "new.epub")  # dangling
    run = cli("export", "a.txt", "-o", "out", "-j", "1", "-q", cwd=work, label="symlinks")
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    errors = [ln for ln in run.lines if ln.startswith("docexport: ")]
    assert len(errors) == 2, run.stderr
    assert all("a.txt" in ln and "outside the output folder" in ln for ln in errors)
    assert victim.read_bytes() == b"precious"
    assert not (outside / "new.epub").exists()
    assert (out / "a.pdf").is_symlink() and (out / "a.epub").is_symlink()
    assert (out / "a.docx").is_file()


def test_output_folder_that_is_a_file(work: Path) -> None:
    (work / "out").write_bytes(b"not a folder")
    run = cli("export", "a.txt", "-o", "out", "-j", "1", "-q", cwd=work)
    # One line naming the folder (not one per format and input), exit 2: no
    # input could have been written.
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert len(run.lines) == 1 and "out" in run.lines[0], run.stderr
    assert (work / "out").read_bytes() == b"not a folder"
