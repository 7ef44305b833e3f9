"""What the executors lean on in other libraries, checked so an upgrade that
changes it fails here, loudly, instead of leaving workers behind."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from docexport.executors import _die_with_parent, terminate_workers


def _sleep(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return "State:\tZ" not in fh.read()
    except OSError:
        return False


def test_process_pool_workers_can_be_ended() -> None:
    """Before Python 3.14 the pool keeps its workers in ``_processes``; from 3.14
    it has ``terminate_workers()``. One of the two must exist and work."""
    import multiprocessing

    pool = ProcessPoolExecutor(
        max_workers=2,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        future = pool.submit(_sleep, 30)
        time.sleep(0.5)
        has_public = callable(getattr(pool, "terminate_workers", None))
        processes = getattr(pool, "_processes", None)
        assert has_public or isinstance(processes, dict), "no way to end the pool's workers"
        pids = list(processes) if isinstance(processes, dict) else []
        assert pids or has_public, "the pool started no worker"
        terminate_workers(pool)
        with pytest.raises(Exception):  # noqa: B017 - the pool reports its dead workers
            future.result(timeout=20)
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in pids if _alive(pid)], "a worker outlived terminate_workers"
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def test_dask_client_finaliser_is_named_as_we_filter_it() -> None:
    """A Client that failed to connect reports from ``Client.__del__``; the CLI
    silences exactly that report (executors._silence_failed_client_finaliser)."""
    distributed = pytest.importorskip("distributed")
    assert distributed.Client.__del__.__qualname__ == "Client.__del__"


def test_typer_options_carry_their_help_panel() -> None:
    """The grouped help reads each option's ``rich_help_panel``."""
    from typer.main import get_command

    from docexport.cli import app

    export = get_command(app).commands["export"]  # type: ignore[attr-defined]
    panels = {getattr(p, "rich_help_panel", None) for p in export.params}
    assert {"Output", "Input", "Batch and CI", "Dask cluster"} <= panels
