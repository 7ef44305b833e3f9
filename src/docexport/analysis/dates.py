"""Dates and periods as written, with an ISO form when they resolve.

Absolute dates ("June 13, 2005", "13 juin 2005", "13. Juni 2005"), months
("April 2009"), years in context ("in 2008"), periods ("2025-2027",
"from 2001 to 2005"), weekdays and relative dates ("Tuesday", "next
month", "yesterday"): relative ones are kept as written and resolved against
the publication date when the article has one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    "januar": 1,
    "februar": 2,
    "märz": 3,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
    "lunes": 0,
    "martes": 1,
    "miércoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sábado": 5,
    "domingo": 6,
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonntag": 6,
}
_MONTH_RE = (
    r"(?:"
    + "|".join(
        sorted((m for m in _MONTHS if len(m) > 3 or m in ("may", "mai")), key=len, reverse=True)
    )
    + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
)
_WD_RE = r"(?:" + "|".join(_WEEKDAYS) + r")"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b")),
    ("numeric", re.compile(rf"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{_YEAR})\b")),
    (
        "mdy",
        re.compile(
            rf"\b(?:{_WD_RE},?\s+)?(?P<mon>{_MONTH_RE})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b",
            re.I,
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?:{_WD_RE},?\s+)?(?:(?:le|el)\s+)?(?P<d>[0-3]?\d)(?:er|st|nd|rd|th|\.)?\s+(?:de\s+)?(?P<mon>{_MONTH_RE})(?:\s+(?:de\s+|del\s+)?(?P<y>{_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        "md",
        re.compile(
            rf"\b(?:{_WD_RE},?\s+)?(?P<mon>{_MONTH_RE})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)",
            re.I,
        ),
    ),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?:de\s+)?(?P<y>{_YEAR})\b", re.I)),
    ("period", re.compile(rf"\b(?P<y>{_YEAR})\s?[-–/]\s?(?P<y2>{_YEAR}|\d\d)\b")),
    (
        "fromto",
        re.compile(
            rf"\b(?:from|between|de|desde|von|entre)\s+(?P<y>{_YEAR})\s+(?:to|and|until|à|a|hasta|bis|y|et)\s+(?P<y2>{_YEAR})\b",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?:in|since|by|until|from|of|during|before|after|the|en|depuis|desde|de|del|"
            r"seit|im|bis|ab|der|die|das|dem|den|and|or|und|et|y|Jahr|Jahre|Jahren|année|año|"
            r"el año|"
            r"the year)"
            rf"\s+(?P<y>{_YEAR})\b(?!\s?[-–]\s?\d)"
            r"(?!\s*(?:%|percent|per cent|Prozent|people|persons|personas|personnes))",
            re.I,
        ),
    ),
    # "fiscal year 2015", "FY 2015", "financial year 2014"
    (
        "fiscal",
        re.compile(
            rf"\b(?:fiscal|financial)\s+year\s+(?P<y>{_YEAR})\b|\bFY\s?(?P<y2>{_YEAR})\b", re.I
        ),
    ),
    # A month standing alone after a preposition: "in September", "from August", "en mars".
    (
        "month",
        re.compile(
            r"\b(?:in|since|by|until|from|during|through|early|late|mid|of|for|this|next|last|en|depuis|"
            r"desde|im|seit|bis|ab|début|fin)[\s-]+"
            rf"(?P<mon>{_MONTH_RE})\b(?!\.?\s*\d)",
            re.I,
        ),
    ),
    ("year-start", re.compile(rf"(?:^|(?<=[.;]\s))(?P<y>{_YEAR})\b(?=\s+[a-zäöüéèà])")),
    (
        "relative",
        re.compile(
            r"\b(?:(?:next|last|this|past|coming)\s+"
            r"(?:week|month|year|weekend|spring|summer|autumn|fall|winter)|yesterday|today|"
            r"tomorrow|tonight|earlier this (?:week|month|year)|later this (?:week|month|year)|"
            r"le mois prochain|l'année prochaine|hier|aujourd'hui|demain|el próximo mes|"
            r"el año pasado|ayer|hoy|mañana|nächsten Monat|letzte Woche|gestern|heute|morgen)\b",
            re.I,
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?:on|last|next|this|el|le|am)\s+)?(?P<wd>{_WD_RE})\b", re.I)),
]


# Every pattern above needs a digit, a month or weekday name or a relative word: one
# pass of this tells which sentences can hold a date at all (most cannot). It runs
# on every sentence, lower-cased: a case-insensitive alternation this long is five
# times slower.
_TRIGGER = re.compile(
    (
        rf"\d|{_MONTH_RE}|{_WD_RE}|yesterday|today|tomorrow|tonight|week|month|year|spring|"
        r"summer|autumn|fall|winter|hier|aujourd|demain|mes\b|año|ayer|hoy|mañana|monat|woche|"
        r"gestern|heute|morgen"
    ).lower()
)


@dataclass
class DateMention:
    text: str
    iso: str | None
    start: int
    end: int


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _relative(text: str, pub: dt.date | None) -> str | None:
    if pub is None:
        return None
    t = text.lower()
    if t in ("today", "tonight", "aujourd'hui", "hoy", "heute"):
        return pub.isoformat()
    if t in ("yesterday", "hier", "ayer", "gestern"):
        return (pub - dt.timedelta(days=1)).isoformat()
    if t in ("tomorrow", "demain", "mañana", "morgen"):
        return (pub + dt.timedelta(days=1)).isoformat()
    if "month" in t or "mois" in t or "mes" in t or "monat" in t:
        step = (
            1
            if any(w in t for w in ("next", "coming", "prochain", "próximo", "nächsten", "later"))
            else -1
            if any(w in t for w in ("last", "past"))
            else 0
        )
        y, m = divmod(pub.month - 1 + step, 12)
        return f"{pub.year + y:04d}-{m + 1:02d}"
    if "year" in t or "année" in t or "año" in t:
        step = (
            1
            if any(w in t for w in ("next", "coming", "prochaine"))
            else -1
            if any(w in t for w in ("last", "past", "pasado"))
            else 0
        )
        return f"{pub.year + step:04d}"
    if "week" in t or "woche" in t:
        step = (
            7
            if "next" in t or "coming" in t
            else -7
            if "last" in t or "letzte" in t or "past" in t
            else 0
        )
        return (pub + dt.timedelta(days=step)).isoformat()
    return None


_Hit = tuple[int, str, str | None]  # (start, surface, iso) of a date the pattern found


def _full(kind: str, m: re.Match[str], pub: dt.date | None) -> _Hit | None:
    if kind in ("iso", "numeric"):
        return m.start(), m.group(0), dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    iso = dt.date(int(m["y"]), _month(m["mon"]), int(m["d"])).isoformat()
    return m.start(), m.group(0), iso


def _day_month(kind: str, m: re.Match[str], pub: dt.date | None) -> _Hit | None:
    """ "13 June", "June 13" without a year: the publication's year."""
    if kind in ("mdy", "dmy") and m.group("y"):
        return _full(kind, m, pub)
    surface = m.group(0)
    mon = m["mon"]
    if (
        kind == "dmy"
        and m.group("d")
        and not m.group("y")
        and mon.lower() == "may"
        and not re.search(r"\d\s+May\b", surface)
    ):
        return None
    if kind == "md" and (
        (mon.lower() == "may" and not surface[0].isupper())
        or (mon[0].islower() and mon.lower() in ("march", "may"))
    ):
        return None
    if kind == "mdy":
        return m.start(), surface, None
    iso = f"{pub.year:04d}-{_month(mon):02d}-{int(m['d']):02d}" if pub else None
    return m.start(), surface, iso


def _month_alone(kind: str, m: re.Match[str], pub: dt.date | None) -> _Hit | None:
    """ "in March", "this September": a month, resolved against the publication."""
    name = m["mon"]
    if name[0].islower() and name.lower() in ("may", "march", "august"):
        return None  # "by may", "in march order": not months
    if name.lower().rstrip(".") not in _MONTHS:
        return None
    mon = _month(name)
    lead = m.group(0).split()[0].lower()
    iso = None
    if pub:
        if lead in ("this", "next", "for"):
            year = pub.year + (1 if lead == "next" and mon <= pub.month else 0)
        else:
            year = pub.year if mon <= pub.month else pub.year - 1
        iso = f"{year:04d}-{mon:02d}"
    if lead in ("this", "next", "last"):
        return m.start(), m.group(0), iso  # "this September" is kept as written
    return m.start("mon"), name, iso


def _period(kind: str, m: re.Match[str], pub: dt.date | None) -> _Hit | None:
    y2 = m["y2"]
    if len(y2) == 2:
        y2 = m["y"][:2] + y2
    if int(y2) <= int(m["y"]):
        return None
    return m.start(), m.group(0), f"{m['y']}/{y2}"


def _weekday(kind: str, m: re.Match[str], pub: dt.date | None) -> _Hit | None:
    wd = _WEEKDAYS[m["wd"].lower()]
    surface = m.group(0)
    iso = None
    if pub:
        back = (pub.weekday() - wd) % 7
        forward = "next" in surface.lower()
        day = (
            pub + dt.timedelta(days=(7 - back) % 7 or 7)
            if forward
            else pub - dt.timedelta(days=back)
        )
        iso = day.isoformat()
    if surface.lower().startswith(("on ", "el ", "le ", "am ")):
        return m.start("wd"), m["wd"], iso
    return m.start(), surface, iso


def _hit(kind: str, m: re.Match[str], pub: dt.date | None) -> _Hit | None:
    """What the pattern of ``kind`` found, or None when it is no date."""
    if kind in ("iso", "numeric"):
        return _full(kind, m, pub)
    if kind in ("mdy", "dmy", "md"):
        if kind in ("mdy", "md") and not m["mon"][0].isupper():
            return None
        return _day_month(kind, m, pub)
    if kind == "fiscal":
        return m.start(), m.group(0), m["y"] or m["y2"]
    if kind == "month":
        return _month_alone(kind, m, pub)
    if kind == "my":
        return m.start(), m.group(0), f"{int(m['y']):04d}-{_month(m['mon']):02d}"
    if kind in ("period", "fromto"):
        return _period(kind, m, pub)
    if kind in ("year", "year-start"):
        return m.start("y"), m["y"], m["y"]
    if kind == "relative":
        return m.start(), m.group(0), _relative(m.group(0), pub)
    if kind == "weekday":
        return _weekday(kind, m, pub)
    return m.start(), m.group(0), None


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Date mentions in ``text``, longest first where they overlap."""
    if not _TRIGGER.search(text.lower()):
        return []
    pub = _published(published)
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            e = m.end()
            if any(m.start() < b and a < e for a, b in taken):
                continue
            try:
                hit = _hit(kind, m, pub)
            except (ValueError, KeyError):
                continue
            if hit is None:
                continue
            s, surface, iso = hit
            taken.append((m.start(), e))
            out.append(DateMention(surface.strip(" ,"), iso, s, e))
    out.sort(key=lambda d: d.start)
    return out
