"""The console-script entry point, kept tiny: ``docexport --version`` answers
before typer, click and rich are imported."""

from __future__ import annotations

import sys


def version_lines() -> list[str]:
    """docexport's version and those of the libraries that make its outputs."""
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__

    lines = [f"docexport {__version__}"]
    for dist in ("python-docx", "reportlab", "ebooklib", "lxml", "typer", "distributed"):
        try:
            lines.append(f"  {dist} {version(dist)}")
        except PackageNotFoundError:
            continue
    lines.append(f"  python {sys.version.split()[0]}")
    return lines


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write("\n".join(version_lines()) + "\n")
        return
    from .cli import main as cli_main

    cli_main()
