"""Where jobs run: in-process, a process pool, or a Dask cluster.

Workers are started so they end with their parent (``PR_SET_PDEATHSIG`` on
Linux: even a SIGKILL of the parent leaves no orphan holding a CI step's
pipes) and ignore Ctrl-C (the parent decides; a worker waiting for work must
not print a traceback). A fork-based pool shares a warmed-up parent's
one-time setup.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import warnings
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

from .errors import ConfigError, DocexportError
from .settings import Settings

# How long a Dask scheduler gets to answer before the run gives up.
DASK_CONNECT_TIMEOUT_S = 5


class Runner:
    """An executor and what must be closed with it (a Dask client and cluster).

    A process pool whose worker died (killed by the kernel for memory, or a
    crash in a C library) is broken for every later job; ``restart`` gives a
    fresh one so the rest of the batch still runs."""

    def __init__(
        self,
        executor: Executor | None,
        closers: tuple[Any, ...] = (),
        factory: Callable[[], Executor] | None = None,
    ) -> None:
        self.executor = executor
        self._closers = closers
        self._factory = factory

    def restart(self) -> bool:
        """Replace a broken pool; ``False`` if this runner cannot."""
        if self._factory is None or self.executor is None:
            return False
        old = self.executor
        terminate_workers(old)
        with contextlib.suppress(Exception):
            old.shutdown(wait=False, cancel_futures=True)
        self.executor = self._factory()
        return True

    @property
    def in_process(self) -> bool:
        return self.executor is None

    def close(self, *, interrupted: bool) -> None:
        from concurrent.futures import ProcessPoolExecutor

        ex = self.executor
        if ex is not None:
            if interrupted:
                terminate_workers(ex)
            # A process pool is always waited for: its workers are ended above,
            # and a pool left to its manager thread fails in the interpreter's
            # exit hook ("Bad file descriptor" traceback after our one line).
            wait = not interrupted or isinstance(ex, ProcessPoolExecutor)
            try:
                ex.shutdown(wait=wait, cancel_futures=True)
            except TypeError:  # Dask's ClientExecutor has no cancel_futures
                ex.shutdown(wait=wait)
        for closer in self._closers:
            with contextlib.suppress(Exception):
                closer.close()


def terminate_workers(executor: Executor) -> None:
    """End a process pool's workers now (SIGTERM, SIGHUP or Ctrl-C in the
    parent), instead of letting each finish its job."""
    method = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if callable(method):
        with contextlib.suppress(Exception):
            method()
        return
    # Before 3.14 the pool keeps its workers in ``_processes`` (pid -> Process);
    # tests/cli/test_executors.py fails loudly if that attribute goes away.
    processes = getattr(executor, "_processes", None)
    if isinstance(processes, dict):
        for proc in list(processes.values()):
            with contextlib.suppress(Exception):
                proc.terminate()


def _die_with_parent(parent: int) -> None:
    """Pool worker initializer: end with the parent, leave Ctrl-C to it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    # The parent may have died before the line above ran.
    if os.getppid() != parent:
        os._exit(1)


def make_runner(settings: Settings, n_jobs: int) -> Runner:
    if settings.executor == "dask":
        return _dask(settings)
    if n_jobs <= 1:
        return Runner(None)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver/spawn would re-import everything per worker; fork shares the
    # parent's imported modules, which is safe here because the parent holds no
    # threads or locks while jobs run.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    if method == "fork":
        warm_up(settings)
    ctx = multiprocessing.get_context(method)

    def pool() -> Executor:
        return ProcessPoolExecutor(
            max_workers=n_jobs,
            mp_context=ctx,
            initializer=_die_with_parent,
            initargs=(os.getpid(),),
        )

    return Runner(pool(), factory=pool)


def _dask(settings: Settings) -> Runner:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DocexportError(
            "the dask executor needs the dask extra: pip install 'docexport[dask]'"
        ) from None
    if settings.scheduler:
        return Runner(*_connect(Client, settings.scheduler))
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=max(1, settings.jobs),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    )
    client = Client(cluster, set_as_default=False)  # type: ignore[no-untyped-call]
    return Runner(client.get_executor(), (client, cluster))  # type: ignore[no-untyped-call]


def _unreachable(address: str, exc: BaseException) -> ConfigError:
    cause = " ".join(str(exc).split()) or type(exc).__name__
    if len(cause) > 160:
        cause = cause[:157] + "..."
    return ConfigError(
        f"--scheduler {address}: cannot reach the Dask scheduler "
        f"within {DASK_CONNECT_TIMEOUT_S} s ({cause})"
    )


def _probe_tcp(address: str) -> None:
    """Fail fast and quietly when a ``tcp://host:port`` scheduler does not answer:
    a failed ``Client`` prints a traceback from its finaliser."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp":
        return
    try:
        port = parts.port
    except ValueError as exc:
        raise _unreachable(address, exc) from None
    if not parts.hostname or port is None:
        raise _unreachable(address, ValueError("expected tcp://host:port"))
    try:
        socket.create_connection((parts.hostname, port), timeout=DASK_CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise _unreachable(address, exc) from None


def _connect(client_class: Any, address: str) -> tuple[Executor, tuple[Any, ...]]:
    _probe_tcp(address)
    try:
        client = client_class(address, timeout=DASK_CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        _silence_failed_client_finaliser()
        raise _unreachable(address, exc) from None
    return client.get_executor(), (client,)


def _silence_failed_client_finaliser() -> None:
    """A ``Client`` that failed to connect reports a timeout from its finaliser
    when it is collected, often at exit: a traceback after our one-line error.
    Only that report is dropped; every other one reaches the previous hook."""
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        where = getattr(unraisable.object, "__qualname__", "")
        if where == "Client.__del__":
            return
        previous(unraisable)

    sys.unraisablehook = hook


# An article with each part the renderers draw: standfirst, quote, person with a
# title, an organisation with its acronym, a place, figures and a date.
_WARM_UP_ARTICLE = (
    "Warm-up headline for the workers\n"
    "A short standfirst that the renderers set in italics above the summary points.\n"
    "“The council will act on this,” said President Jane Doe of the Example Council (EC) "
    "in Nairobi on 3 March 2024, announcing 600 additional officers and $1.5 million.\n"
    "In summary, this text only prepares the renderers before the workers start.\n"
    "Original Source: example.org\n"
).encode()


def warm_up(settings: Settings) -> None:
    """Render a small article once in the parent before the pool forks, so the
    workers share its one-time setup (renderer imports, fonts, hyphenation
    patterns, the styled DOCX base, the analysis tables) instead of each paying
    it again. Output bytes do not depend on it; a failure here only costs time."""
    from .loading import load
    from .renderers import RenderOptions, get

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pack = load(_WARM_UP_ARTICLE)
            options = RenderOptions(reference_docx=settings.reference)
            for fmt in settings.formats:
                get(fmt).render(pack, settings.theme, options)
    except Exception:  # never let the warm-up stop a batch
        return
