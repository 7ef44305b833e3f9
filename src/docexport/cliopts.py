"""The command line's help and completion: options shown in titled groups,
and the values an option takes completed in the shell."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from typer.core import TyperCommand

# Help panels: the options of `export` and `pack` in groups.
OUTPUT = "Output"
INPUT = "Input"
CONTENT = "Content"
BATCH = "Batch and CI"
CLUSTER = "Dask cluster"


class GroupedCommand(TyperCommand):
    """Plain-text help (no rich import: ``--help`` stays fast) with the options
    in titled groups, as each option's ``rich_help_panel`` names them."""

    # typer 0.28 ships its own copy of click, so its types are left as Any here.
    def format_options(self, ctx: Any, formatter: Any) -> None:
        args: list[tuple[str, str]] = []
        groups: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                args.append(record)
            else:
                panel = getattr(param, "rich_help_panel", None) or "Other options"
                groups.setdefault(panel, []).append(record)
        if args:
            with formatter.section("Arguments"):
                formatter.write_dl(args)
        for title, records in groups.items():
            with formatter.section(title):
                formatter.write_dl(records)


# Completion of option values (typer's --install-completion).


def complete_formats(incomplete: str) -> Iterator[str]:
    from .renderers import FORMATS

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    taken = set(done.split(",")) if done else set()
    for name in FORMATS:
        if name.startswith(last) and name not in taken:
            yield prefix + name


def complete_styles(incomplete: str) -> Iterator[str]:
    from .themes import builtin_themes

    yield from (n for n in builtin_themes() if n.startswith(incomplete))
    yield from (str(p) for p in Path(".").glob(f"{incomplete}*.toml"))


def complete_executors(incomplete: str) -> Iterator[str]:
    yield from (e for e in ("process", "dask") if e.startswith(incomplete))


def complete_input_formats(incomplete: str) -> Iterator[str]:
    from .readers import INPUT_FORMATS

    yield from (k for k in INPUT_FORMATS if k.startswith(incomplete))


def complete_order(incomplete: str) -> Iterator[str]:
    yield from (o for o in ("given", "date") if o.startswith(incomplete))
