"""The console-script entry point, kept tiny: ``docexport --version`` answers
before typer, click and rich are imported."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"docexport {__version__}\n")
        return
    from .cli import main as cli_main

    cli_main()
