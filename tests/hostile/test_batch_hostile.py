"""The run loop under attack: output names that would clash, inputs that make
libraries raise anything, signals, two runs in one folder, unusable outputs and
values of the wrong type. Inputs are generated here; nothing large is stored."""

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

from .conftest import cli, outputs

ARTICLE = (
    "{headline}\n"
    "The harbour authority counted ninety ships on Tuesday morning.\n"
    "Officials said the inspection would continue through the winter season.\n"
    "Original Source: example.org\n"
)


def article(headline: str) -> str:
    return ARTICLE.format(headline=headline)


def feed(*headlines: str) -> str:
    items = "".join(
        f"<item><title>{h}</title><link>https://example.org/{i}</link>"
        f"<description>The council met on Monday about {h.lower()}. "
        "Officials said the work would continue through the winter.</description></item>"
        for i, h in enumerate(headlines, 1)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        f"<link>https://example.org/</link><description>d</description>{items}</channel></rss>"
    )


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_manifest(path: Path, cwd: Path) -> dict:  # type: ignore[type-arg]
    """Every recorded output exists with the recorded hash (paths are as the
    run in ``cwd`` wrote them), and no two records share a path."""
    data = json.loads(path.read_text(encoding="utf-8"))
    paths = [o["path"] for o in data["outputs"]]
    assert len(paths) == len(set(paths)), paths
    for o in data["outputs"]:
        assert sha(cwd / o["path"]) == o["sha256"], o["path"]
    return data


def epub_text(path: Path) -> str:
    from tests.readback import TEXT_OF

    return TEXT_OF["epub"](path.read_bytes())


# --------------------------------------------------------------------------- names


def test_feed_items_and_a_file_named_like_an_item_never_overwrite(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.rss").write_text(feed("Bridge reopens", "Port expands"))
    (tmp_path / "in" / "news-01.txt").write_text(article("Harbour inspection begins"))
    r = cli("export", "in", "-o", "out", "-f", "epub", "--manifest", "m.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    data = check_manifest(tmp_path / "m.json", tmp_path)
    names = sorted(Path(o["path"]).name for o in data["outputs"])
    assert len(names) == 3, names
    by_input: dict[str, list[str]] = {}
    for o in data["outputs"]:
        by_input.setdefault(Path(o["input"]).name, []).append(o["path"])
    (txt_out,) = by_input["news-01.txt"]
    assert "Harbour inspection begins" in epub_text(tmp_path / txt_out)
    feed_texts = [epub_text(tmp_path / p) for p in by_input["news.rss"]]
    assert any("Bridge reopens" in t for t in feed_texts)
    assert any("Port expands" in t for t in feed_texts)


def test_a_long_feed_name_keeps_its_item_suffixes(tmp_path: Path) -> None:
    name = "breaking-" + "n" * 170 + ".rss"
    (tmp_path / name).write_text(feed("Bridge reopens", "Port expands", "Dock closes"))
    r = cli("export", name, "-o", "out", "-f", "epub", "--manifest", "m.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    data = check_manifest(tmp_path / "m.json", tmp_path)
    written = sorted(p.name for p in outputs(tmp_path / "out"))
    assert len(written) == 3, written
    assert [n.rsplit(".", 1)[0][-3:] for n in written] == ["-01", "-02", "-03"]
    assert len(data["outputs"]) == 3


def test_a_long_cjk_name_fits_the_file_system(tmp_path: Path) -> None:
    name = "新闻" * 42 + ".md"  # 84 characters, 252 bytes: the longest name with ".md"
    (tmp_path / name).write_text(
        "# Harbour inspection begins\n\nThe harbour authority counted ninety ships.\n",
        encoding="utf-8",
    )
    r = cli("export", name, "-o", "out", "-f", "epub", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (written,) = outputs(tmp_path / "out")
    assert len(written.name.encode("utf-8")) <= 255


def test_skip_unchanged_with_a_new_input_of_the_same_stem(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b.txt").write_text(article("Harbour inspection begins"))
    args = ("export", "in", "-o", "out", "-f", "epub", "--skip-unchanged")
    assert cli(*args, cwd=tmp_path).returncode == 0
    before = {p.name: sha(p) for p in outputs(tmp_path / "out")}
    (tmp_path / "in" / "b.md").write_text(
        "---\ntitle: Markdown beside the text\n---\n\nA paragraph of the markdown note.\n"
        "Officials said the markdown note had a second sentence.\n"
    )
    r = cli(*args, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    after = {p.name: sha(p) for p in outputs(tmp_path / "out") if p.suffix == ".epub"}
    assert after["b.epub"] == before["b.epub"]  # b.txt's output untouched
    assert len(after) == 2
    data = check_manifest(tmp_path / "out" / "docexport-manifest.json", tmp_path)
    assert data["run"]["rendered"] == 1 and data["run"]["unchanged"] == 1
    md = next(o for o in data["outputs"] if o["input"].endswith("b.md"))
    assert "Markdown beside the text" in epub_text(tmp_path / md["path"])


# --------------------------------------------------------------------------- bad inputs


BAD_INPUTS = {
    # a YAML date of 5,000 digits (the YAML library raises ValueError)
    "yaml-date.md": "---\ntitle: Long date\ndate: " + "1" * 5000 + "-01-01\n---\n\nBody text.\n",
    # a JSON number of 10**400 in a field the model reads as a number
    "huge-number.json": '{"schema_version": "1.0", "title": "t", "articles": [{"headline": "h",'
    ' "body": [{"type": "paragraph", "id": "p1", "inlines": [{"type": "text", "text": "x"}]}],'
    ' "facts": [{"kind": "figure", "id": "f1", "text": "1", "value": 1'
    + "0" * 400
    + ', "sentence": "a1s1"}]}]}',
    "headline-number.json": '{"headline": 5}',
}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_bad_input_never_stops_the_batch(tmp_path: Path, jobs: str) -> None:
    (tmp_path / "in").mkdir()
    for name, text in BAD_INPUTS.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    (tmp_path / "in" / "zz-good.txt").write_text(article("Harbour inspection begins"))
    r = cli(
        "export",
        "in",
        "-o",
        "out",
        "-f",
        "epub",
        "-j",
        jobs,
        "--manifest",
        "m.json",
        cwd=tmp_path,
    )
    assert r.returncode == 1, r.stderr
    assert "internal error" not in r.stderr and "Traceback" not in r.stderr
    assert (tmp_path / "out" / "zz-good.epub").is_file()
    data = check_manifest(tmp_path / "m.json", tmp_path)
    failed = {Path(f["input"]).name: f for f in data["failures"]}
    assert set(failed) == set(BAD_INPUTS), failed
    for name, f in failed.items():
        assert f["stage"] in ("read", "analyse", "render") and f["error"], f
        lines = [ln for ln in r.lines if name in ln]
        assert len(lines) == 1, r.stderr
    assert "no text" in failed["headline-number.json"]["error"]


def test_memory_error_in_one_input_is_that_inputs_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docexport
    from docexport import jobs

    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "in" / name).write_text(article(f"Harbour {name} inspection"))
    real = jobs._read

    def exploding(item, spec):  # type: ignore[no-untyped-def]
        if item.name.endswith("b.txt"):
            raise MemoryError
        return real(item, spec)

    monkeypatch.setattr(jobs, "_read", exploding)
    manifest = docexport.export(tmp_path / "in", formats="epub", out_dir=tmp_path / "out")
    assert [Path(f.input).name for f in manifest.failures] == ["b.txt"]
    assert manifest.failures[0].stage == "read" and "memory" in manifest.failures[0].error
    assert sorted(Path(o.path).name for o in manifest.outputs) == ["a.epub", "c.epub"]


def test_json_model_obeys_the_pack_article_limit(tmp_path: Path) -> None:
    import docexport

    pack = docexport.load_text(article("Harbour inspection begins"))
    data = json.loads(docexport.to_json(pack))
    data["articles"] = data["articles"] * 300
    (tmp_path / "model.json").write_text(json.dumps(data))
    r = cli("export", "model.json", "-o", "out", "-f", "epub", cwd=tmp_path)
    assert r.returncode == 1
    assert "300 articles is over the limit of 200" in r.stderr
    assert outputs(tmp_path / "out") == []


# --------------------------------------------------------------------------- settings


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("formats = [1, 2]", "formats"),
        ('jobs = "four"', "jobs"),
        ('skip_unchanged = "yes"', "skip_unchanged"),
        ("max_input_size = 0", "max_input_size"),
        ('out = ["a"]', "out"),
    ],
)
def test_config_values_are_type_checked(tmp_path: Path, toml: str, key: str) -> None:
    (tmp_path / "a.txt").write_text(article("Harbour inspection begins"))
    (tmp_path / "docexport.toml").write_text(toml + "\n")
    r = cli("export", "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert len(r.lines) == 1 and key in r.lines[0], r.stderr
    assert "internal error" not in r.stderr


def test_max_input_size_zero_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article("Harbour inspection begins"))
    r = cli("export", "a.txt", "-o", "out", "--max-input-size", "0", cwd=tmp_path)
    assert r.returncode == 2
    assert len(r.lines) == 1 and "--max-input-size" in r.lines[0]
    assert not (tmp_path / "out").exists()


def test_output_folder_below_a_regular_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(article("Harbour inspection begins"))
    (tmp_path / "file").write_text("not a folder")
    r = cli("export", "a.txt", "-o", "file/out", cwd=tmp_path)
    assert r.returncode == 2
    assert len(r.lines) == 1, r.stderr
    assert "file/out" in r.lines[0] and "outputs from" not in r.stderr


def test_manifest_that_cannot_be_written_names_the_file_and_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from docexport import batch
    from docexport.cli import app
    from docexport.errors import OutputError

    (tmp_path / "a.txt").write_text(article("Harbour inspection begins"))
    real = batch.atomic_write

    def failing(path: Path, data: bytes) -> None:
        if path.name == "m.json":
            raise OutputError(f"cannot write {path}: No space left on device")
        real(path, data)

    monkeypatch.setattr(batch, "atomic_write", failing)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(
        app, ["export", "a.txt", "-o", "out", "-f", "epub", "-j", "1", "--manifest", "m.json"]
    )
    assert r.exit_code == 1
    lines = [ln for ln in r.output.splitlines() if ln.startswith("docexport: manifest")]
    assert len(lines) == 1 and "m.json" in lines[0] and "write" in lines[0], r.output
    assert "No space left" in lines[0]
    assert (tmp_path / "out" / "a.epub").is_file()


# --------------------------------------------------------------------------- logs


def test_names_in_logs_cannot_forge_lines_or_drive_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x\ndocexport: forged line.txt").write_text("")
    (tmp_path / "in" / "red\x1b[31mname.txt").write_text(article("Harbour inspection begins"))
    r = cli("export", "in", "-o", "out", "-f", "epub", cwd=tmp_path)
    assert r.returncode == 1
    assert "\x1b" not in r.stderr
    assert not any(ln.startswith("docexport: forged") for ln in r.stderr.splitlines())
    assert "\\x0a" in r.stderr or "\\n" in r.stderr


# --------------------------------------------------------------------------- signals


def _batch(folder: Path, n: int) -> None:
    folder.mkdir()
    seed = (Path(__file__).resolve().parents[2] / "seeds" / "000_a2ab894a6d71f4f2.txt").read_text()
    lines = seed.splitlines()
    for i in range(n):
        text = "\n".join([f"Briefing {i}: {lines[0]}", *lines[1:]]) + "\n"
        (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with_children = task / "children"
        if with_children.exists():
            found |= {int(c) for c in with_children.read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


def _start(tmp_path: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CI": ""}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.Popen(
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
            *extra,
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )


def _wait_for_outputs(tmp_path: Path, proc: subprocess.Popen[bytes], n: int = 2) -> set[int]:
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline:
        workers |= _children(proc.pid)
        if len(list((tmp_path / "out").glob("*.epub"))) >= n and workers:
            return workers
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.05)
    pytest.fail("the batch wrote no output within 60 s")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_end_workers_and_write_the_manifest(
    tmp_path: Path, signum: int, code: int
) -> None:
    _batch(tmp_path / "in", 40)
    proc = _start(tmp_path, "-f", "epub")
    workers = _wait_for_outputs(tmp_path, proc)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code, err
    lines = [ln for ln in err.decode().splitlines() if ln.strip()]
    assert "Traceback" not in err.decode()
    assert lines[-1].startswith("docexport: interrupted"), lines
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "a worker survived its parent"
    data = check_manifest(tmp_path / "m.json", tmp_path)
    assert data["interrupted"] is True
    written = {p.name for p in (tmp_path / "out").glob("*.epub")}
    assert {Path(o["path"]).name for o in data["outputs"]} == written
    assert not list((tmp_path / "out").glob(".docexport-*"))


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    _batch(tmp_path / "in", 40)
    proc = _start(tmp_path, "-f", "epub")
    workers = _wait_for_outputs(tmp_path, proc)
    proc.kill()
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 5
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "a worker outlived a SIGKILLed parent"


def test_ctrl_c_to_the_whole_group_prints_one_line(tmp_path: Path) -> None:
    """A terminal's Ctrl-C reaches every process of the group, idle workers too:
    one line, exit 130, the manifest written."""
    _batch(tmp_path / "in", 30)
    proc = _start(tmp_path, "-f", "epub", "-j", "3")
    _wait_for_outputs(tmp_path, proc, n=1)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    text = err.decode()
    assert proc.returncode == 130, text
    assert "Traceback" not in text and "KeyboardInterrupt" not in text
    assert [ln for ln in text.splitlines() if ln.startswith("docexport:")] == [
        text.strip().splitlines()[-1]
    ]
    assert json.loads((tmp_path / "m.json").read_text())["interrupted"] is True


def test_ctrl_c_after_the_work_is_done_changes_nothing(tmp_path: Path) -> None:
    _batch(tmp_path / "in", 2)
    proc = _start(tmp_path, "-f", "epub", "-j", "2")
    _wait_for_outputs(tmp_path, proc, n=2)
    while not (tmp_path / "m.json").exists() and proc.poll() is None:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode in (0, 130), err.decode()
    assert "Traceback" not in err.decode()


def test_two_concurrent_runs_into_one_folder_lose_nothing(tmp_path: Path) -> None:
    _batch(tmp_path / "in", 12)
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    for p in sorted((tmp_path / "in").iterdir()):
        (tmp_path / ("one" if int(p.stem[1:]) % 2 else "two") / p.name).write_bytes(p.read_bytes())
    env = {**os.environ, "CI": ""}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "docexport",
                "export",
                folder,
                "-o",
                "out",
                "-f",
                "epub",
                "-j",
                "1",
                "--manifest",
                "out/m.json",
            ],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for folder in ("one", "two")
    ]
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err.decode()
    data = check_manifest(tmp_path / "out" / "m.json", tmp_path)
    written = {p.name for p in (tmp_path / "out").glob("*.epub")}
    assert len(written) == 12
    assert {Path(o["path"]).name for o in data["outputs"]} == written
    assert not list((tmp_path / "out").glob(".docexport-*"))


def test_a_worker_that_dies_fails_only_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed outright (the kernel's out-of-memory killer, a crash in a
    C library) breaks the whole process pool; the pool is replaced and only the
    input that kills it fails. The forked workers inherit the patched reader."""
    import docexport
    from docexport import jobs

    (tmp_path / "in").mkdir()
    names = [f"a{i}.txt" for i in range(6)]
    for name in names:
        (tmp_path / "in" / name).write_text(article(f"Harbour {name} inspection"))
    real = jobs._read

    def dying(item, spec):  # type: ignore[no-untyped-def]
        if item.name.endswith("a2.txt"):
            os._exit(9)
        return real(item, spec)

    monkeypatch.setattr(jobs, "_read", dying)
    manifest = docexport.export(tmp_path / "in", formats="epub", out_dir=tmp_path / "out", jobs=2)
    assert [(Path(f.input).name, f.stage) for f in manifest.failures] == [("a2.txt", "worker")]
    assert "ended unexpectedly" in manifest.failures[0].error
    written = sorted(Path(o.path).name for o in manifest.outputs)
    assert written == [n.replace(".txt", ".epub") for n in names if n != "a2.txt"]
