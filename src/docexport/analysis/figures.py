"""Figures: a number with its unit or currency and what it counts.

"an additional 600 police officers" -> 600, label "additional police
officers"; "a fourth-quarter profit of $1.13bn" -> 1.13e9 USD, label
"fourth-quarter profit"; "rose 13 percent" -> 13 %; ranges ("5-7 years",
"between 3,000 and 4,000"), numbers written as words ("nine aftershocks").
Years, dates, times, ordinals and numbers inside names are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from .figurewords import (
    _CHANGE,
    _CURRENCY_SIGNS,
    _CURRENCY_WORDS,
    _LABEL_STOP,
    _PRE_MODIFIERS,
    _SCALES,
    _UNITS,
    _VERBS,
    _WORD_NUMBERS,
)

_NUM = (
    r"(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
)
_SIGN = r"(?:US\$|A\$|C\$|R\$|HK\$|KSh|Ksh|Rs\.?|[$€£¥₹])"
_SCALE = (
    r"(?:thousand|millions?|billions?|trillion|bn|mn|tn|m|k|millón|millones|mil millones|"
    r"milliards?|Millionen|Million|Milliarden?|Mrd\.?|Mio\.?|mille|Tausend)"
)
_WORDNUM = r"(?:" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + r")"
_FIGURE = re.compile(
    rf"(?P<sign>{_SIGN})?\s?(?P<num>{_NUM})(?:\s?(?P<dash>[-–—]|to|bis|à)\s?(?P=sign)?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?"
    rf"|\b(?P<word>{_WORDNUM})(?:[\s-](?P<word2>{_WORDNUM}))?(?:\s(?P<wscale>thousand|million|billion|hundred))?\b",
    re.IGNORECASE,
)


@dataclass
class FigureMention:
    text: str
    value: float
    unit: str | None
    label: str | None
    start: int
    end: int


def _parse_number(s: str) -> float | None:
    s = s.replace("\u202f", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?: \d{3})+", s):
        return float(s.replace(" ", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d+", s):
        return float(s.replace(",", "."))
    try:
        return float(s)
    except ValueError:
        return None


def _label_after(text: str, end: int) -> str | None:
    words = re.findall(r"[\w'’\-]+|[^\w\s]", text[end : end + 80])
    label: list[str] = []
    for w in words:
        if not re.match(r"[\w]", w):
            break
        if w.lower() in _LABEL_STOP or (w[0].isdigit() and not label) or w.lower() in _VERBS:
            break
        if (
            label
            and w.lower().endswith("ing")
            and w.lower() not in ("building", "buildings", "housing", "funding", "spending")
        ):
            break
        if (
            label
            and w.lower().endswith("ed")
            and len(label) >= 1
            and w.lower() not in ("armed", "injured", "displaced", "wounded", "registered")
        ):
            break
        label.append(w)
        if len(label) == 4:
            break
    if label and label[0].lower() in lx.SPEECH_VERBS:
        return None
    return " ".join(label) or None


def _label_before(text: str, start: int) -> str | None:
    before = text[:start]
    m = re.search(
        r"((?:[\w\-]+\s+){0,3}?[\w\-]+)\s+(?:of|at|was|were|is|are|to|reached|totalled|"
        r"totaled|rose|fell|increased|decreased|grew|dropped|jumped|climbed|hit|stood at|cost|"
        r"costs|worth|valued at|raised|paid|spent|earned|lost|received|de|von|à|a)\s+"
        r"(?:by\s+)?(?:about|around|nearly|almost|some|over|roughly|an estimated|approximately|"
        r"more than|less than|up to|just)?\s*$",
        before,
    )
    if not m:
        return None
    words = m.group(1).split()
    for k, w in enumerate(words):
        if w.lower() in _CHANGE:
            words = words[:k] if k > 0 else words[k + 1 :]
            break
    words = [
        w
        for w in words
        if w.lower() not in _LABEL_STOP
        and not any(c.isdigit() for c in w)
        and w.lower() not in ("percent", "cent", "%")
        and not w.lower().endswith("ed")
    ]
    if not words:
        return None
    words = words[-3:]
    # "sentenced by Judge B. Lynn Winmill to 120 months": a name is who, not what is counted
    if (
        len(words) > 1
        and all(w[:1].isupper() for w in words)
        and not any(w in lx.ORG_WORDS for w in words)
    ):
        return None
    return " ".join(words)


# Race and split times: "8:03.28" (minutes:seconds.hundredths), "1:02:03.4", and
# "8 minutes 22.74 seconds"; a clock time ("3:32 a.m.") has no fraction and is left out.
_RACE_TIME = re.compile(r"(?<![\d:.])(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d\.\d{1,3})(?![\d:])")
_SPOKEN_TIME = re.compile(
    r"\b(?:(\d{1,2})\s+hours?,?\s+(?:and\s+)?)?(\d{1,2})\s+minutes?,?\s+(?:and\s+)?"
    r"(\d{1,2}(?:\.\d+)?)\s+seconds?\b",
    re.IGNORECASE,
)


# Whole-second times no clock shows: "48:19" (no hour has 48 minutes... nor 48 hours on a
# clock face) and "3:13:26" (a race or a combined time of a few hours); neither before
# "a.m."/"PM" or a time zone.
_WHOLE_TIME = re.compile(
    r"(?<![\d:.])(?:([1-9]):([0-5]\d)|(2[4-9]|[3-5]\d)):([0-5]\d)(?![\d:.]|\s*(?:[ap]\.?m\b|[AP]\.?M\b|GMT|UTC|[ECMP][SD]?T\b))"
)


def _whole_times(text: str) -> list[FigureMention]:
    out: list[FigureMention] = []
    for m in _WHOLE_TIME.finditer(text):
        if m.group(1):
            seconds = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(4))
        else:
            seconds = int(m.group(3)) * 60 + int(m.group(4))
        label = _label_after(text, m.end()) or _label_before(text, m.start())
        out.append(FigureMention(m.group(0), float(seconds), "seconds", label, *m.span()))
    return out


def _times(text: str) -> list[FigureMention]:
    out: list[FigureMention] = _whole_times(text)
    for rx in (_RACE_TIME, _SPOKEN_TIME):
        for m in rx.finditer(text):
            hours = float(m.group(1) or 0)
            seconds = hours * 3600 + float(m.group(2)) * 60 + float(m.group(3))
            label = _label_after(text, m.end()) or _label_before(text, m.start())
            out.append(
                FigureMention(m.group(0), round(seconds, 3), "seconds", label, m.start(), m.end())
            )
    return out


def _bracket_label(text: str, s: int, e: int) -> str | None:
    """ "All-Navy (5)", "striking workers (75,000)": the words the bracket belongs to."""
    if not (text[s - 1 : s] == "(" and text[e : e + 1] == ")"):
        return None
    head = re.split(r"[,;:()]", text[max(0, s - 40) : s - 1])[-1]
    words = re.findall(r"[\w'’\-]+", head)
    words = [w for w in words[-3:] if not any(c.isdigit() for c in w)]
    while words and words[0].lower() in _LABEL_STOP:
        words = words[1:]
    return " ".join(words) or None


# "One" counts only with a scale or a percentage ("one million", "un millón", "one
# percent"); alone it is too often no number at all ("one of", "one day").
_ONE_SCALED = re.compile(
    r"\b(?:one|un|une|uno|una|ein|eine)\s+(?:(?P<scale>thousand|million|billion|millón|"
    r"milliard|Million|Milliarde)|(?P<pct>percent|per cent|pour cent|por ciento|Prozent))\b"
)


def _one_scaled(text: str) -> list[FigureMention]:
    out = []
    for m in _ONE_SCALED.finditer(text):
        if m.group("pct"):
            out.append(FigureMention(m.group(0), 1.0, "%", _label_after(text, m.end()), *m.span()))
        else:
            label = _label_after(text, m.end())
            de = re.match(r"\s+(?:de|d['’])\s*", text[m.end() :])  # "un millón de clientes"
            if label is None and de:
                label = _label_after(text, m.end() + de.end())
            value = _SCALES[m.group("scale")]
            out.append(FigureMention(m.group(0), value, None, label, *m.span()))
    return out


_NAME_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w&.'’-]*)\s$")
_NOT_NAME_WORDS = frozenset(
    [*lx.FUNCTION_WORDS, *lx.MONTHS, *lx.WEEKDAYS, "About", "Nearly", "Almost", "Some", "Over"]
)


def _in_a_name(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a capitalised word of a name mid-sentence."""
    m = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if m is None or m.group(1) in _NOT_NAME_WORDS or m.group(1).endswith(("'s", "’s")):
        return False
    head = text[: m.start(1)].strip()
    # a sentence's first word is capitalised whatever it is
    return bool(head) and not head.endswith((".", "!", "?", ":", "“", '"'))


def _word_figure(
    text: str, m: re.Match[str], s: int, e: int, out: list[FigureMention]
) -> FigureMention | None:
    """A number written as words: "nine aftershocks", "a six-member team"."""
    value = float(_WORD_NUMBERS[m.group("word").lower()])
    if m.group("word2"):
        value = (
            value * 100
            if m.group("word2").lower() == "hundred"
            else value + _WORD_NUMBERS[m.group("word2").lower()]
        )
    scale_word = m.group("wscale")
    if scale_word:
        value *= {"thousand": 1e3, "million": 1e6, "billion": 1e9, "hundred": 1e2}[
            scale_word.lower()
        ]
    label = _label_after(text, e)
    after = text[e : e + 4]
    of_count = re.match(rf"\s+of\s+(?:{_NUM}|{_WORDNUM})\b", text[e:], re.IGNORECASE)
    if of_count:
        label = _label_after(text, e + of_count.end())  # "seven of 12 titles"
        if not label:
            return None
    elif compound := re.match(
        r"-(member|strong|seat|person|man|woman)\b", after + text[e + 4 : e + 12]
    ):
        # "six-member team": six members of the team
        noun = {"man": "men", "woman": "women", "strong": "members"}.get(
            compound.group(1), compound.group(1) + "s"
        )
        whole = _label_after(text, e + compound.end())
        label = f"{noun} of the {whole}" if whole else noun
    elif re.match(r"\s+of\b", text[e:]) or re.match(r"[-–]", after):
        return None  # "two of them", "five-year"
    if not label and not scale_word:
        # "Two medals at X, three at Y": an elliptical list counts what its first item did.
        prev = next((f for f in reversed(out) if f.label and s - f.end < 160), None)
        if not (
            prev and re.match(r"\s+(?:at|in|for|from)\b", text[e:]) and "," in text[prev.end : s]
        ):
            return None
        label = prev.label
    if (
        re.search(r"\b(?:one|these|those|its|his|her|their)\s+$", text[:s], re.IGNORECASE)
        and not scale_word
    ):
        return None
    return FigureMention(text[s:e], value, None, label, s, e)


_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(lx.MONTHS) + r")\.?\s*$")
_MONTH_AFTER = re.compile(r",?\s*(?:" + "|".join(lx.MONTHS) + r")\b")


def _not_a_figure(text: str, m: re.Match[str], s: int, e: int, value: float) -> bool:
    """Digits that are parts of dates, times, names, ordinals, versions, phone numbers, or
    years."""
    num, sign, scale = m.group("num"), m.group("sign"), m.group("scale")
    before = text[max(0, s - 12) : s]
    after = text[e : e + 3]
    if re.match(r"(?:st|nd|rd|th)\b|[:/]\d|\.\d", after) or re.search(r"[:/]$|\d[.,]$", before):
        return True
    if (
        not sign
        and (
            re.search(r"[A-Za-z]-?$", before)  # COVID-19, Boeing 747
            or _in_a_name(text, s)  # "BBC Radio 4", "Nifty 50", "Apollo 11"
            or _MONTH_BEFORE.search(before)
            or _MONTH_AFTER.match(text[e : e + 14])
        )
    ):
        return True
    integer = value.is_integer() and not re.search(r"[.,]\d{1,2}$", num)
    if integer and 1800 <= value <= 2100 and not sign and not scale and len(num) == 4:
        return True  # a year
    return bool(m.group("num2") and integer and len(num) == 4 and 1800 <= value <= 2100)


_DURATION_WORDS = lx.words(
    "Jahre Jahren Tage Tagen Stunden Monate Monaten Wochen años días horas meses ans jours "
    "heures mois"
)
_DURATION_UNITS = {
    "J": "years",
    "T": "days",
    "S": "hours",
    "M": "months",
    "W": "weeks",
    "a": "years",
    "d": "days",
    "h": "hours",
    "m": "months",
    "j": "days",
}
_UNIT_AFTER = re.compile(
    r"[\s-]?(per cent|percentage points|pour cent|por ciento|%|"
    r"[A-Za-zäöüéè°²/]+(?:-[A-Za-z]+)?)"
)


def _unit_after(text: str, e: int, unit: str | None) -> tuple[str | None, int] | None:
    """(unit, where the label may start) after the number ending at ``e``; None when the
    number runs into a word that is no unit ("4chan", "3M", "7UP": a name)."""
    tail = text[e : e + 40]
    um = _UNIT_AFTER.match(tail)
    word = um.group(1).rstrip(".,;") if um else ""
    known = word in _UNITS or word.lower() in _UNITS or word.lower() in _CURRENCY_WORDS
    if tail[:1].isalpha() and not known:
        return None
    if not um:
        return unit, e
    if word in _UNITS or word.lower() in _UNITS:
        return unit or _UNITS.get(word, _UNITS.get(word.lower())), e + um.end()
    if word in _CURRENCY_WORDS or word.lower() in _CURRENCY_WORDS:
        return _CURRENCY_WORDS.get(word, _CURRENCY_WORDS.get(word.lower())), e + um.end()
    if re.fullmatch(r"(year|month|day|week|hour|minute)s?-old|-year-old", word):
        return unit, e + um.end()
    if word in _DURATION_WORDS:
        return _DURATION_UNITS.get(word[0]), e + um.end()
    return unit, e


_MONEY_OR_SHARE = frozenset(
    [*lx.words("% USD EUR GBP JPY CNY INR KES BRL AUD CAD HKD CHF MXN RUB"), "percentage points"]
)


def _figure_label(text: str, s: int, e: int, label_start: int, unit: str | None) -> str | None:
    """What the figure counts: the words after it, or before it ("a profit of $1.13bn")."""
    label = _label_after(text, label_start) or _bracket_label(text, s, e)
    pre = re.search(
        r"\b(" + "|".join(_PRE_MODIFIERS) + r")\s+(?:than\s+)?$", text[:s], re.IGNORECASE
    )
    if (
        label
        and pre
        and pre.group(1).lower() in ("additional", "extra", "further", "another", "new")
    ):
        label = f"{pre.group(1).lower()} {label}"
    if unit in _MONEY_OR_SHARE or not label:
        before_label = _label_before(text, s)
        if before_label and (not label or unit):
            label = (
                before_label
                if not label
                or unit in ("%", "percentage points")
                or label.split()[0] in ("in", "a")
                else label
            )
    if label and label.lower() in ("people",) and not unit:
        label = "people"
    return label


def _digit_figure(text: str, m: re.Match[str], s: int, e: int) -> FigureMention | None:
    num = m.group("num")
    value = _parse_number(num)
    if value is None or _not_a_figure(text, m, s, e, value):
        return None
    sign, scale = m.group("sign"), m.group("scale")
    integer = value.is_integer() and not re.search(r"[.,]\d{1,2}$", num)
    found = _unit_after(text, e, _CURRENCY_SIGNS.get(sign.strip(), "USD") if sign else None)
    if found is None:
        return None
    unit, label_start = found
    if scale and scale.lower() in ("m", "k") and not sign:
        unit = unit or ("m" if scale.lower() == "m" else None)
        if scale.lower() == "m":
            scale = None
    if scale:
        value *= _SCALES.get(scale.rstrip("."), _SCALES.get(scale.lower().rstrip("."), 1.0))
    label = _figure_label(text, s, e, label_start, unit)
    if not unit and not label and not scale and (value < 10 or not integer):
        return None
    return FigureMention(text[s:label_start].strip(), value, unit, label, s, label_start)


def find_figures(text: str) -> list[FigureMention]:
    out: list[FigureMention] = _times(text) + _one_scaled(text)
    taken = [(f.start, f.end) for f in out]
    for m in _FIGURE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        if any(a <= s < b for a, b in taken):
            continue
        found = (
            _word_figure(text, m, s, e, out) if m.group("word") else _digit_figure(text, m, s, e)
        )
        if found is not None:
            out.append(found)
    return out
