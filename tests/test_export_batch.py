"""Batch export through the Python API: keep going, manifests, incremental, executors."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

import docexport
from docexport.manifest import Manifest

N_ARTICLES = 200


def make_batch(folder: Path, seed_path: Path, n: int, broken: bool = True) -> Path:
    """n distinct seed-like articles (different headline, figure and name) plus 3 broken inputs."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    for i in range(n):
        body = [ln.replace("600", str(100 + i)) for ln in lines[1:]]
        text = "\n".join([f"Briefing {i}: {lines[0]}", *body]) + "\n"
        (folder / f"article_{i:03d}.txt").write_text(text, encoding="utf-8")
    if broken:
        (folder / "zz_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        (folder / "zz_empty.txt").write_bytes(b"")
        (folder / "zz_model.json").write_text('{"articles": [{"headline": 5}]}', encoding="utf-8")
    return folder


def digest(manifest: Manifest, root: Path) -> dict[str, str]:
    return {
        Path(o.path).name: hashlib.sha256(Path(o.path).read_bytes()).hexdigest()
        for o in manifest.outputs
    }


def comparable(manifest: Manifest) -> str:
    """The manifest without the output folder's own name."""
    text = manifest.to_json()
    for o in manifest.outputs:
        text = text.replace(str(Path(o.path).parent), "OUT")
    return text


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    return make_batch(tmp_path_factory.mktemp("batch") / "in", seed_path, N_ARTICLES)


@pytest.fixture(scope="module")
def parallel_run(
    batch: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Manifest, Path, float]:
    out = tmp_path_factory.mktemp("out-j2")
    start = time.perf_counter()
    manifest = docexport.export([batch], out_dir=out, jobs=2, skip_unchanged=True)
    return manifest, out, time.perf_counter() - start


def test_batch_keeps_going_and_reports_every_failure(
    parallel_run: tuple[Manifest, Path, float],
) -> None:
    manifest, out, _ = parallel_run
    assert len(manifest.outputs) == 3 * N_ARTICLES
    assert {o.format for o in manifest.outputs} == {"docx", "pdf", "epub"}
    failed = sorted(Path(f.input).name for f in manifest.failures)
    assert failed == ["zz_binary.txt", "zz_empty.txt", "zz_model.json"]
    assert all(f.stage == "read" and f.error for f in manifest.failures)
    assert not manifest.ok
    # every output is a real file of its format
    magic = {"pdf": b"%PDF-", "docx": b"PK\x03\x04", "epub": b"PK\x03\x04"}
    for o in manifest.outputs:
        data = Path(o.path).read_bytes()
        assert data.startswith(magic[o.format]) and len(data) == o.bytes
    assert not list(out.glob("zz_*"))


def test_manifest_order_is_stable(parallel_run: tuple[Manifest, Path, float]) -> None:
    manifest, _, _ = parallel_run
    keys = [(Path(o.input).name, o.format) for o in manifest.outputs]
    fmt = {"docx": 0, "pdf": 1, "epub": 2}
    assert keys == sorted(keys, key=lambda k: (k[0], fmt[k[1]]))


def test_skip_unchanged_renders_nothing_and_is_fast(
    batch: Path, parallel_run: tuple[Manifest, Path, float]
) -> None:
    first, out, first_time = parallel_run
    start = time.perf_counter()
    second = docexport.export([batch], out_dir=out, jobs=2, skip_unchanged=True)
    second_time = time.perf_counter() - start
    assert (second.run.rendered, second.run.unchanged) == (0, len(first.outputs))
    assert second.outputs == first.outputs
    assert [o.sha256 for o in second.outputs] == [o.sha256 for o in first.outputs]
    # The issue asks for >= 10x; asserted loosely so a busy CI machine cannot flake it.
    # benchmarks/run.py reports the real ratio.
    assert second_time < first_time / 3


def test_same_bytes_in_process_and_with_dask(
    batch: Path, parallel_run: tuple[Manifest, Path, float], tmp_path: Path, seed_path: Path
) -> None:
    first, _, _ = parallel_run
    small = make_batch(tmp_path / "small", seed_path, 12)
    j1 = docexport.export([small], out_dir=tmp_path / "j1", jobs=1)
    j2 = docexport.export([small], out_dir=tmp_path / "j2", jobs=2)
    pytest.importorskip("distributed")
    dask = docexport.export([small], out_dir=tmp_path / "dask", jobs=2, executor="dask")
    assert digest(j1, tmp_path) == digest(j2, tmp_path) == digest(dask, tmp_path)
    assert comparable(j1) == comparable(j2) == comparable(dask)
    # and the same bytes as the big parallel run for the same article text
    big = {Path(o.path).name: o.sha256 for o in first.outputs}
    for o in j1.outputs:
        if Path(o.input).name == "article_000.txt":
            assert big[Path(o.path).name] == o.sha256


@pytest.mark.slow
def test_full_batch_identical_across_executors(batch: Path, parallel_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, _, _ = parallel_run
    j1 = docexport.export([batch], out_dir=tmp_path / "j1", jobs=1)
    dask = docexport.export([batch], out_dir=tmp_path / "dask", jobs=2, executor="dask")
    assert [o.sha256 for o in j1.outputs] == [o.sha256 for o in first.outputs]
    assert [o.sha256 for o in dask.outputs] == [o.sha256 for o in first.outputs]


def test_fail_fast_stops_early(tmp_path: Path, seed_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_bad.txt").write_bytes(b"")
    make_batch(folder, seed_path, 5, broken=False)
    manifest = docexport.export(
        [folder], out_dir=tmp_path / "out", formats=["epub"], fail_fast=True
    )
    assert len(manifest.failures) == 1 and len(manifest.outputs) == 0


def test_workers_start_warm_and_a_failed_warm_up_changes_nothing(
    tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docexport import executors as executors_module
    from docexport.renderers.docx import document as docx_document

    small = make_batch(tmp_path / "small", seed_path, 4, broken=False)
    docx_document._BASES.clear()
    warm = docexport.export([small], out_dir=tmp_path / "warm", jobs=2)
    # the parent built the styled DOCX base the forked workers then shared
    assert docx_document._BASES
    monkeypatch.setattr(executors_module, "_WARM_UP_ARTICLE", b"\x00\xff not an article")
    cold = docexport.export([small], out_dir=tmp_path / "cold", jobs=2)
    assert not cold.failures and len(cold.outputs) == 3 * 4
    assert digest(warm, tmp_path) == digest(cold, tmp_path)
