"""The console-script entry point, kept tiny: ``docexport --version`` answers
before typer, click and rich are imported."""

from __future__ import annotations

import sys

_LIBRARIES = ("python-docx", "reportlab", "ebooklib", "lxml", "typer", "distributed")


def _installed_versions(names: tuple[str, ...]) -> dict[str, str]:
    """Versions from the ``NAME-VERSION.dist-info`` folder names on ``sys.path``:
    one directory listing per entry, without importlib.metadata (whose import
    and METADATA parsing would double the time ``--version`` takes)."""
    import os

    wanted = {n.replace("-", "_").lower(): n for n in names}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if not item.endswith(".dist-info"):
                continue
            dist, _, version = item[: -len(".dist-info")].partition("-")
            name = wanted.get(dist.replace("-", "_").replace(".", "_").lower())
            if name is not None and name not in found:
                found[name] = version
    return found


def version_lines() -> list[str]:
    """docexport's version and those of the libraries that make its outputs."""
    from . import __version__

    found = _installed_versions(_LIBRARIES)
    lines = [f"docexport {__version__}"]
    lines += [f"  {name} {found[name]}" for name in _LIBRARIES if name in found]
    lines.append(f"  python {sys.version.split()[0]}")
    return lines


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write("\n".join(version_lines()) + "\n")
        return
    from .cli import main as cli_main

    cli_main()
