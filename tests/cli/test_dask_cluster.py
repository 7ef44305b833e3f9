"""Dask without a shared disk: a scheduler and a worker on 127.0.0.1, the worker
started in a folder that holds none of the inputs, the theme or the reference
document, all given by relative paths. The client reads them and sends bytes."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.readback import TEXT_OF

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_a2ab894a6d71f4f2.txt"
DASK = Path(sys.executable).parent / "dask"


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not DASK.exists():
        pytest.skip("the dask command is not installed")
    home = tmp_path_factory.mktemp("cluster")
    elsewhere = tmp_path_factory.mktemp("worker-home")
    info = home / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    sched = subprocess.Popen(
        [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(info)],
        cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        start_new_session=True,
    )  # fmt: skip
    worker: subprocess.Popen[bytes] | None = None
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert info.exists(), "the scheduler did not start"
        address = json.loads(info.read_text())["address"]
        worker = subprocess.Popen(
            [str(DASK), "worker", address, "--nthreads", "1", "--nworkers", "1",
             "--no-dashboard", "--host", "127.0.0.1", "--local-directory", str(elsewhere)],
            cwd=elsewhere, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
            start_new_session=True,
        )  # fmt: skip
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(1, timeout=60)
        yield address
    finally:
        if worker is not None:
            _stop(worker)
        _stop(sched)


def _reference_docx(path: Path) -> None:
    import docx
    from docx.shared import Pt

    ref = docx.Document()
    ref.styles["Body Text"].font.name = "Courier New"
    ref.styles["Body Text"].font.size = Pt(13)
    buf = io.BytesIO()
    ref.save(buf)
    path.write_bytes(buf.getvalue())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / SEED.name).write_bytes(SEED.read_bytes())
    (tmp_path / "articles" / "note.md").write_text(
        "---\ntitle: Harbour inspection begins\ndate: 2024-03-05\n---\n\n"
        "The harbour authority counted ninety ships on Tuesday morning.\n\n"
        "Officials said the inspection would continue through the winter season.\n",
        encoding="utf-8",
    )
    (tmp_path / "themes").mkdir()
    theme = (ROOT / "styles" / "letter.toml").read_text(encoding="utf-8")
    (tmp_path / "themes" / "house.toml").write_text(theme, encoding="utf-8")
    _reference_docx(tmp_path / "ref.docx")
    return tmp_path


def _export(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CI": ""}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [sys.executable, "-m", "docexport", "export", "articles", "--style", "themes/house.toml",
         "--reference-docx", "ref.docx", "--manifest", "m.json", *extra],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_worker_in_another_folder_renders_relative_inputs(scheduler: str, project: Path) -> None:
    local = _export(project, "-o", "local", "-j", "1")
    assert local.returncode == 0, local.stderr
    remote = _export(project, "-o", "remote", "--executor", "dask", "--scheduler", scheduler)
    assert remote.returncode == 0, remote.stderr
    assert "internal error" not in remote.stderr
    assert _digests(project / "remote") == _digests(project / "local")
    assert len(_digests(project / "remote")) == 6
    text = TEXT_OF["docx"]((project / "remote" / "note.docx").read_bytes())
    assert "ninety ships" in text
    import docx

    doc = docx.Document(str(project / "remote" / "note.docx"))
    assert doc.styles["Body Text"].font.name == "Courier New"  # the reference travelled
    shutil.rmtree(project / "remote")
    # --scheduler alone means Dask (it used to be ignored silently)
    implied = _export(project, "-o", "implied", "--scheduler", scheduler)
    assert implied.returncode == 0, implied.stderr
    assert _digests(project / "implied") == _digests(project / "local")


def test_unreachable_scheduler_is_one_line_and_exit_2(project: Path) -> None:
    start = time.monotonic()
    r = _export(project, "-o", "out", "--scheduler", "tcp://127.0.0.1:9")
    assert time.monotonic() - start < 20
    assert r.returncode == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0], r.stderr
    assert not (project / "out").exists()
