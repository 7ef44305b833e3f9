"""What a person or a log sees of a run: one line per input naming what was
written, a progress bar on a terminal, and the closing count. Every name goes
through :func:`printable` first."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from .manifest import FailureRecord, Manifest, OutputRecord


def printable(text: str) -> str:
    """``text`` safe for a terminal or a log: control and escape characters
    (newlines, ESC, bidi overrides...) shown as ``\\xNN``/``\\uNNNN``, so a
    file name can neither forge a log line nor drive the terminal."""
    import unicodedata

    out: list[str] = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def err(message: str) -> None:
    """One line on stderr, prefixed ``docexport:``; never a traceback."""
    typer.echo(f"docexport: {printable(' '.join(message.split(' ')))}", err=True)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def is_ci() -> bool:
    return bool(os.environ.get("CI")) and os.environ.get("CI", "").lower() not in ("0", "false")


class Reporter:
    """Progress for people (rich bar on a terminal) or plain lines for logs."""

    def __init__(self, quiet: bool, *, counted: bool = True, failures: bool = True) -> None:
        self.quiet = quiet
        self.counted = counted
        self.failures = failures
        self.total = 0
        self.done_count = 0
        self.bar: Any = None  # a rich Progress, imported only for a terminal
        self.task: Any = None

    def start(self, total: int) -> None:
        """Called once the inputs are collected: a bar for more than one input."""
        self.total = total
        if not self.quiet and sys.stderr.isatty() and not is_ci() and total > 1:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("[bold]export"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[current]}"),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("export", total=total, rate="", current="")

    def done(
        self,
        input_name: str,
        records: list[OutputRecord],
        unchanged: int,
        failures: list[FailureRecord],
    ) -> None:
        self.done_count += 1
        for f in failures if self.failures else ():
            where = f"{f.stage}" + (f" {f.format}" if f.format else "")
            self._print_err(f"{f.input}: {where}: {f.error}")
        if self.bar is not None and self.task is not None:
            elapsed = self.bar.tasks[0].elapsed or 0.0
            rate = f"{self.done_count / elapsed:.1f}/s" if elapsed > 0 else ""
            self.bar.update(
                self.task, advance=1, rate=rate, current=printable(Path(input_name).name)
            )
        elif not self.quiet and records:
            paths = ", ".join(r.path for r in records)
            what = "unchanged: " if unchanged == len(records) else ""
            count = f"[{self.done_count}/{self.total}] " if self.counted else ""
            typer.echo(printable(f"{count}{input_name} -> {what}{paths}"), err=True)
        if not self.quiet:
            for message in dict.fromkeys(w for r in records for w in r.warnings):
                self._print_err(f"warning: {input_name}: {message}")

    def _print_err(self, msg: str) -> None:
        if self.bar is not None:
            self.bar.console.print(
                f"docexport: {printable(msg)}", markup=False, highlight=False, soft_wrap=True
            )
        else:
            err(msg)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def summary(manifest: Manifest) -> str:
    run = manifest.run
    n_in = len({o.input for o in manifest.outputs} | {f.input for f in manifest.failures})
    n_out = run.rendered + run.unchanged
    line = (
        f"{plural(n_out, 'output')} ({run.rendered} rendered, {run.unchanged} unchanged) "
        f"from {plural(n_in, 'input')}, {run.failed} failed"
    )
    if run.pruned:
        line += f", {plural(len(run.pruned), 'old output')} pruned"
    return line
