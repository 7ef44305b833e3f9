"""Every script: places, dates and figures in texts whose letters carry no capitals.

The capitalised-run rules (:mod:`.mentions`, :mod:`.classify`) read Latin-script names;
Arabic, Chinese, Hebrew or Devanagari text has no capitals to start a name. There,
places are found by matching the text against names from data (CLDR territory names
in the article's language, GeoNames cities' alternate names in its script), dates by the
language's CLDR month names and the CJK year-month-day forms, and figures by a number
with a unit, a scale or a counted noun. Digits of every script count (Arabic-Indic too).
Precision first: a name shorter than two letters, or a two-character CJK name that is
neither a country nor a city of a million, is not matched.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..model import Sentence
from .cyrillic import find_abbreviated_places, place_forms
from .dates import DateMention
from .spans import Mention
from .worldnames import (
    WELL_KNOWN_POPULATION,
    ascii_digits,
    fold,
    month_names,
    script_of,
    script_places,
)

_ARABIC_PROCLITICS = ("و", "ب", "ل", "ف", "ك")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_MAX_NAME_WORDS = 3
_MAX_CJK_NAME = 8


@dataclass
class WorldFigure:
    text: str
    value: float
    unit: str | None
    label: str | None
    start: int
    end: int


# --------------------------------------------------------------------------- places


def _arabic_forms(token: str) -> list[str]:
    """A token and the forms without a one-letter proclitic ("وبيروت" -> "بيروت")."""
    forms = [token]
    if len(token) >= 3 and token[0] in _ARABIC_PROCLITICS:
        forms.append(token[1:])
        if token.startswith("لل"):
            forms.append("ال" + token[2:])
    return forms


def _word_places(
    text: str, names: dict[str, tuple[str, int]], script: str = "ARABIC"
) -> list[tuple[str, int, int]]:
    """Places in a text of space-separated words: n-grams of up to three words, the first
    word also without an Arabic proclitic or, in Russian, as the nominative its case
    ending may stand for ("России")."""
    first_forms = place_forms if script == "CYRILLIC" else _arabic_forms
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\s،؛:,.!?؟«»\"“”()]+", text)]
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_NAME_WORDS, len(words) - i), 0, -1):
            first, *rest = [w for w, _, _ in words[i : i + n]]
            hit = None
            for form in first_forms(first):
                name = " ".join([form, *rest])
                if len(name) < 3:
                    continue
                # The name as written first ("عمان" is Amman), then folded ("عُمان" is Oman).
                hit = names.get(name) or names.get(fold(name))
                if hit:
                    break
            if hit:
                out.append((hit[0], words[i][1], words[i + n - 1][2]))
                i += n
                break
        else:
            i += 1
    return out


def _cjk_places(text: str, names: dict[str, tuple[str, int]]) -> list[tuple[str, int, int]]:
    """Places in CJK text (no spaces): the longest known name at each position; a
    two-character name only for a country or a city of a million."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(text):
        for n in range(min(_MAX_CJK_NAME, len(text) - i), 1, -1):
            hit = names.get(text[i : i + n])
            if hit and (n > 2 or hit[1] >= WELL_KNOWN_POPULATION):
                out.append((hit[0], i, i + n))
                i += n
                break
        else:
            i += 1
    return out


def find_script_places(sentences: tuple[Sentence, ...], language: str) -> list[Mention]:
    """Place mentions in the non-Latin text of ``sentences``."""
    out: list[Mention] = []
    for si, s in enumerate(sentences):
        script = script_of(s.text)
        if script is None:
            continue
        names = script_places(script, language.split("-")[0])
        if script == "CJK":
            found = _cjk_places(s.text, names)
        else:
            found = _word_places(s.text, names, script)
        for english, start, end in found:
            out.append(Mention("place", english, si, start, end, rule="script-place"))
    return out + find_abbreviated_places(sentences)


# --------------------------------------------------------------------------- organisations

# Head words of a body's name in Arabic; the name goes on in definite nouns and adjectives
# ("وزارة الخارجية الأمريكية", "مجلس الأمن", "الأمم المتحدة").
_ARABIC_ORG_HEADS = frozenset(
    [
        *("وزارة", "هيئة", "منظمة", "مجلس", "جامعة", "شركة", "بنك", "البنك", "مصرف", "حزب"),
        *("محكمة", "المحكمة", "وكالة", "حركة", "جمعية", "اتحاد", "الاتحاد", "لجنة", "مؤسسة"),
        *("الأمم", "جيش", "الجيش", "برلمان", "البرلمان", "مفوضية", "المفوضية"),
    ]
)


def find_script_organisations(sentences: tuple[Sentence, ...]) -> list[Mention]:
    """Arabic bodies: a head word and the definite words that name it."""
    out: list[Mention] = []
    for si, s in enumerate(sentences):
        if script_of(s.text) != "ARABIC":
            continue
        words = [
            (m.group(), m.start(), m.end()) for m in re.finditer(r"[^\s،؛:,.!?؟«»\"“”()]+", s.text)
        ]
        for n, (w, start, _) in enumerate(words):
            forms = _arabic_forms(w)
            head = next((f for f in forms if f in _ARABIC_ORG_HEADS), None)
            if head is None:
                continue
            tail = []
            for nxt, _, nend in words[n + 1 : n + 4]:
                if not nxt.startswith("ال") or s.text[start:nend].count("،"):
                    break
                tail.append(nend)
            if not tail:
                continue
            begin = start + len(w) - len(head)
            out.append(
                Mention(
                    "organisation",
                    s.text[begin : tail[-1]],
                    si,
                    begin,
                    tail[-1],
                    rule="script-head-word",
                )
            )
    return out


# --------------------------------------------------------------------------- dates


@functools.lru_cache(maxsize=16)
def _date_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    months = month_names(language)
    if not months:
        return ()
    alt = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True) if not m.isdigit())
    mon = rf"(?P<mon>{alt})(?:\s*/\s*(?:{alt}))?"
    to = r"(?:-|–|—|إلى|الى|حتى|до|по|עד|से|~|至|到)"
    return (
        re.compile(
            rf"(?<!\d)(?P<d1>\d{{1,2}})\s*{to}\s*(?P<d2>\d{{1,2}})\s+{mon}\s*[,،]?\s*(?P<y>\d{{4}})?",
            re.I,
        ),
        re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+{mon}\s*[,،]?\s*(?P<y>\d{{4}})?", re.I),
        re.compile(rf"{mon}\s+(?P<d>\d{{1,2}})\s*[,،]\s*(?P<y>\d{{4}})", re.I),
        re.compile(rf"{mon}\s*[,،]?\s+(?P<y>\d{{4}})", re.I),
    )


_CJK_DATE = re.compile(
    r"(?:(?P<y>\d{4})\s*年)?\s*(?:(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?)?"
)
_YEAR = re.compile(r"(?<!\d)(?P<y>(?:1[89]|20)\d{2})(?!\d)")


def _iso(y: str | None, m: int | None, d: str | None, pub: dt.date | None) -> str | None:
    try:
        if y and m and d:
            return dt.date(int(y), m, int(d)).isoformat()
        if m and d and pub:
            return dt.date(pub.year, m, int(d)).isoformat()
        if y and m:
            return f"{int(y):04d}-{m:02d}"
        return y or None
    except ValueError:
        return None


def find_world_dates(text: str, language: str, published: str | None) -> list[DateMention]:
    """Dates in a non-Latin text: CLDR month names of the language, CJK 年月日 forms and
    years, with any script's digits."""
    digits = ascii_digits(text)
    pub = None
    if published:
        try:
            pub = dt.date.fromisoformat(published[:10])
        except ValueError:
            pub = None
    months = month_names(language.split("-")[0])
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []

    def add(s: int, e: int, iso: str | None) -> None:
        if e - s < 2 or any(s < b and a < e for a, b in taken):
            return
        taken.append((s, e))
        out.append(DateMention(text[s:e].strip(" ,،"), iso, s, e))

    for n, rx in enumerate(_date_patterns(language.split("-")[0])):
        for m in rx.finditer(digits):
            mon = months.get(m["mon"].lower())
            if n == 0:
                first = _iso(m["y"], mon, m["d1"], pub)
                last = _iso(m["y"], mon, m["d2"], pub)
                add(m.start(), m.end(), f"{first}/{last}" if first and last else None)
            else:
                add(m.start(), m.end(), _iso(m["y"], mon, m.groupdict().get("d"), pub))
    for m in _CJK_DATE.finditer(digits):
        if not (m["y"] or m["m"]) or (m["m"] and not m["y"] and not m["d"]):
            continue
        add(m.start(), m.end(), _iso(m["y"], int(m["m"]) if m["m"] else None, m["d"], pub))
    for m in _YEAR.finditer(digits):
        add(m.start("y"), m.end("y"), m["y"])
    out.sort(key=lambda d: d.start)
    return out


# --------------------------------------------------------------------------- figures

_SCALES = {
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "百万": 1e6,
    "千万": 1e7,
    "ألف": 1e3,
    "آلاف": 1e3,
    "مليون": 1e6,
    "ملايين": 1e6,
    "مليار": 1e9,
    "مليارات": 1e9,
}
_UNITS = {
    "%": "%",
    "％": "%",
    "بالمئة": "%",
    "بالمائة": "%",
    "في المئة": "%",
    "في المائة": "%",
    "美元": "USD",
    "元": "CNY",
    "人民币": "CNY",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "دولار": "USD",
    "يورو": "EUR",
    "جنيه": "EGP",
    "ريال": "SAR",
    "درهم": "AED",
    "دينار": "JOD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
}
_ALT_SCALES = "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True))
_ALT_UNITS = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?P<pre>[$€£])?(?<![\d.,])(?P<num>\d{{1,3}}(?:[,،]\d{{3}})+|\d+(?:[.٫]\d+)?)"
    rf"\s*(?P<scale>{_ALT_SCALES})?\s*(?P<unit>{_ALT_UNITS})?"
)
# What a number may count: CJK characters up to a particle, or one Arabic word.
_CJK_LABEL = re.compile(
    rf"(?:[个名家座项条位只辆架艘场次人]?)([{_CJK}]{{1,4}}?)(?=[的了在和与是中上，。、；：！？]|$|[^{_CJK}])"
)
_ARABIC_LABEL = re.compile(r"\s*([\u0621-\u064a]{3,})")
_NOT_LABELS = frozenset(
    [
        "年",
        "月",
        "日",
        "号",
        "时",
        "点",
        "分",
        "秒",
        "天",
        "岁",
        "إلى",
        "الى",
        "حتى",
        "من",
        "في",
        "عام",
        "يوم",
        "شهر",
        "سنة",
        "أيام",
        "ساعة",
        "الساعة",
    ]
)


def find_world_figures(text: str, language: str) -> list[WorldFigure]:
    """Figures in a non-Latin text: a number with a unit, or a scale and a counted noun.
    Numbers inside dates are left to the dates."""
    digits = ascii_digits(text)
    dates = [(d.start, d.end) for d in find_world_dates(text, language, None)]
    months = set(month_names(language.split("-")[0]))
    out: list[WorldFigure] = []
    for m in _NUMBER.finditer(digits):
        s, e = m.start("num"), m.end()
        if any(a <= s < b for a, b in dates):
            continue
        raw = m["num"].replace(",", "").replace("،", "").replace("٫", ".")
        try:
            value = float(raw)
        except ValueError:
            continue
        if m["scale"]:
            value *= _SCALES[m["scale"]]
        unit = _UNITS.get(m["unit"] or m["pre"] or "")
        label = None if unit else _label(digits, e, months)
        if not unit and not label:
            continue
        out.append(WorldFigure(text[m.start() : e].strip(), value, unit, label, m.start(), e))
    return out


def _label(text: str, end: int, months: set[str]) -> str | None:
    cjk = _CJK_LABEL.match(text, end)
    if cjk and cjk.group(1) and cjk.group(1)[0] not in _NOT_LABELS:
        return cjk.group(1)
    arabic = _ARABIC_LABEL.match(text, end)
    if arabic:
        word = arabic.group(1)
        if word not in _NOT_LABELS and word.lower() not in months and not word.startswith("ال"):
            return word
    return None
