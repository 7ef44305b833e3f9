"""People in scripts the capitalised-run rules cannot read: Arabic, Hebrew, Chinese and
Russian names where a title or a verb of saying names them.

Precision first. A name is taken only right after a title ("الرئيس محمود عباس",
"发言人汪文斌", "министр иностранных дел России Сергей Лавров") or a verb of saying
("قال عباس", "заявил Лавров"), and only where the words after it end it clearly (a
particle, a punctuation mark, a verb). A name whose end is not clear is found "loose":
trimmed to a name the article ends clearly elsewhere, or only listed. The confidence rule
boxes a one-word (or Chinese) name only with a title.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Sentence
from . import scriptcues as sc
from .cyrillic import nominatives
from .spans import Mention
from .worldnames import WELL_KNOWN_POPULATION, fold, script_of, script_places

_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640\u05b0-\u05c7]")
_MAX_NAME_WORDS = 3
_MAX_TITLE_WORDS = 8
_MAX_CJK_NAME = 4
_MAX_CJK_DOTTED = 12
# A word: a Hebrew abbreviation with its gershayim (מנכ"ל), or a run of anything but
# spaces and punctuation.
_WORD = re.compile(
    r"[\u05d0-\u05ea]+[\"'\u05f3\u05f4][\u05d0-\u05ea]*"
    r"|[^\s\u060c\u061b\u061f.,:;!?«»\"“”()\[\]{}<>—–]+"
)


@dataclass
class Token:
    text: str
    key: str  # as the cue lists compare it (folded)
    start: int
    end: int
    hard_before: bool  # punctuation (or the sentence start) before this word

    @property
    def bare(self) -> str:
        """The word without vowel marks, its letters unfolded ("آلن" is no "ال" word)."""
        return _MARKS.sub("", self.text)


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    last = 0
    for m in _WORD.finditer(text):
        gap = text[last : m.start()]
        raw = m.group()
        out.append(Token(raw, fold(raw), m.start(), m.end(), bool(gap.strip()) or not out))
        last = m.end()
    return out


@dataclass
class Found:
    """A name found by a cue: where it is, the title before it, how sure its end is."""

    start: int
    end: int
    role: str | None
    rule: str  # "script-title" or "script-speech"
    loose: bool = False
    name: str | None = None  # the name in the nominative, when the text declines it


# --------------------------------------------------------------------------- word scripts


@dataclass(frozen=True)
class WordCues:
    """The cues of a script written in words without capitals (Arabic, Hebrew)."""

    titles: tuple[tuple[str, ...], ...]
    title_words: frozenset[str]
    speech: frozenset[str]
    stops: frozenset[str]
    not_people: frozenset[str]
    proclitics: str  # one-letter words written onto the next ("و", "ב")
    article: str  # the definite article a word opens with ("ال", "ה")
    joiners: frozenset[str] = frozenset()  # "عبد", "بن": the name goes on
    doubled: str = ""  # proclitic + article written as one ("لل")
    # Whether a country or city goes on a title ("وزير خارجية الأردن"); in Hebrew the
    # country is an adjective, and "ישראל" a given name as often as Israel.
    places_in_titles: bool = True

    @functools.cached_property
    def titles_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The titles by their first word, the longest first."""
        out: dict[str, list[tuple[str, ...]]] = {}
        for title in self.titles:
            out.setdefault(title[0], []).append(title)
        return {k: tuple(v) for k, v in out.items()}


ARABIC = WordCues(
    sc.ARABIC_TITLES,
    sc.ARABIC_TITLE_WORDS,
    sc.ARABIC_SPEECH,
    sc.ARABIC_STOPS,
    sc.ARABIC_NOT_PEOPLE,
    "وفبلك",
    "ال",
    sc.ARABIC_NAME_JOINERS,
    "لل",
)
HEBREW = WordCues(
    sc.HEBREW_TITLES,
    sc.HEBREW_TITLE_WORDS,
    sc.HEBREW_SPEECH,
    sc.HEBREW_STOPS,
    sc.HEBREW_NOT_PEOPLE,
    "ו",
    "ה",
    places_in_titles=False,
)


def _forms(key: str, cues: WordCues) -> tuple[str, ...]:
    """A word and the word without a one-letter proclitic ("وقال" -> "قال")."""
    if len(key) > 3 and key[0] in cues.proclitics:
        return (key, key[1:])
    return (key,)


def _title_at(toks: list[Token], i: int, cues: WordCues) -> int:
    """Length in words of the title opening at word ``i`` (0 if none)."""
    for first in _forms(toks[i].key, cues):
        for title in cues.titles_by_first.get(first, ()):
            n = len(title)
            if i + n > len(toks) or any(t.hard_before for t in toks[i + 1 : i + n]):
                continue
            if all(toks[i + k].key == title[k] for k in range(1, n)):
                return n
    return 0


def _definite(tok: Token, cues: WordCues) -> bool:
    bare = tok.bare
    return any(f.startswith(cues.article) for f in _forms(bare, cues)) or bool(
        cues.doubled and bare.startswith(cues.doubled)
    )


def _is_place(key: str, places: dict[str, tuple[str, int]], cues: WordCues) -> bool:
    return any(f in places for f in _forms(key, cues))


def _complement_end(
    toks: list[Token], k: int, cues: WordCues, places: dict[str, tuple[str, int]]
) -> int:
    """Where the words that go on a title end ("الخارجية السعودي", "باسم وزارة ...")."""
    limit = min(len(toks), k + _MAX_TITLE_WORDS)
    while k < limit and not toks[k].hard_before:
        key = toks[k].key
        if key in cues.stops or any(f in cues.speech for f in _forms(key, cues)):
            break
        in_title = cues.places_in_titles and _is_place(key, places, cues)
        if not (_definite(toks[k], cues) or key in cues.title_words or in_title):
            break
        k += 1
    return k


def _ends_a_name(tok: Token, cues: WordCues) -> bool:
    forms = _forms(tok.key, cues)
    return (
        tok.hard_before
        or tok.key in cues.stops
        or any(f in cues.speech or f in cues.stops for f in forms)
        or bool(cues.doubled and tok.key.startswith(cues.doubled))
    )


def _not_a_name_word(tok: Token, cues: WordCues) -> bool:
    """Words that follow a name without being part of it: in Arabic a noun in ة that
    starts what is said ("ضرورة"), or a plural after a preposition ("بمسؤولين"); in
    Hebrew a word after a preposition ("בישיבת")."""
    bare = tok.bare
    inner = bare[1:]
    if cues is ARABIC:
        if bare.endswith("ة"):
            return True
        return bare[0] in "بلك" and len(inner) >= 5 and inner.endswith(("ين", "ون", "ات"))
    if cues is HEBREW:
        return bare[0] in "בלכ" and len(inner) >= 4
    return False


def _can_open_a_name(
    tok: Token, toks: list[Token], k: int, cues: WordCues, places: dict[str, tuple[str, int]]
) -> bool:
    key = tok.key
    return not (
        tok.hard_before
        or len(key) < 2
        or any(c.isdigit() for c in key)
        or _definite(tok, cues)
        or key in cues.stops
        or key in cues.not_people
        or key in cues.title_words
        or any(f in cues.speech for f in _forms(key, cues))
        or _title_at(toks, k, cues)
        or _is_place(key, places, cues)
        or script_of(key) is None
    )


def _name_at(
    toks: list[Token], k: int, cues: WordCues, places: dict[str, tuple[str, int]]
) -> tuple[int, int, bool] | None:
    """The name opening at word ``k``: (first word, word after the last, loose)."""
    if k >= len(toks) or not _can_open_a_name(toks[k], toks, k, cues, places):
        return None
    m, words = k + 1, 1
    while m < len(toks) and words < _MAX_NAME_WORDS:
        tok = toks[m]
        if _ends_a_name(tok, cues) or _is_place(tok.key, places, cues):
            break
        joined = toks[m - 1].key in cues.joiners
        if not joined and _not_a_name_word(tok, cues):
            break
        m += 1
        if not joined:
            words += 1
            if _definite(tok, cues):
                break  # "عادل الجبير": a family name with the article ends the name
    loose = m < len(toks) and not (
        _ends_a_name(toks[m], cues) or _is_place(toks[m].key, places, cues)
    )
    if loose and toks[m].text.endswith("ة"):
        loose = False  # the same noun in ة, after three words
    return k, m, loose


def _role_start(tok: Token, cues: WordCues) -> int:
    """Where a title written with a proclitic ("والرئيس") starts without it."""
    if any(tok.key == t[0] for t in cues.titles):
        return tok.start
    return tok.start + 1


def word_script_people(
    text: str, cues: WordCues, places: dict[str, tuple[str, int]]
) -> list[Found]:
    """Names after a title (with the words that go on it) or a verb of saying."""
    toks = tokens(text)
    out: list[Found] = []
    i = 0
    while i < len(toks):
        n = _title_at(toks, i, cues)
        speech = not n and any(f in cues.speech for f in _forms(toks[i].key, cues))
        if not (n or speech):
            i += 1
            continue
        j = _complement_end(toks, i + n, cues, places) if n else i + 1
        name = _name_at(toks, j, cues, places)
        if name is None:
            i = max(j, i + 1)
            continue
        first, after, loose = name
        role = text[_role_start(toks[i], cues) : toks[j - 1].end] if n else None
        rule = "script-title" if n else "script-speech"
        out.append(Found(toks[first].start, toks[after - 1].end, role, rule, loose))
        i = after
    return out


# --------------------------------------------------------------------------- Chinese

_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_DOTS = "·•・‧"


def _cjk_verb_at(text: str, j: int) -> bool:
    return any(text.startswith(v, j) for v in sc.CJK_SPEECH) or any(
        text.startswith(v, j) for v in sc.CJK_VERBS_AFTER_NAMES
    )


def _cjk_name_end(text: str, start: int) -> int | None:
    """Where a name written from ``start`` ends: at an end mark or a verb after two
    characters at least; None when nothing ends it soon enough."""
    limit = start + _MAX_CJK_DOTTED
    j = start
    while j < len(text) and j < limit:
        ch = text[j]
        if j - start >= 2 and (ch in sc.CJK_NAME_ENDS or _cjk_verb_at(text, j)):
            break
        if not (_CJK_CHAR.match(ch) or (ch in _DOTS and j > start)):
            break
        j += 1
    name = text[start:j]
    dotted = any(d in name for d in _DOTS)
    if len(name) < 2 or (not dotted and len(name) > _MAX_CJK_NAME):
        return None
    if j < len(text) and not (
        text[j] in sc.CJK_NAME_ENDS or _cjk_verb_at(text, j) or not _CJK_CHAR.match(text[j])
    ):
        return None  # nothing ends it: no name, precision first
    return j


def _cjk_not_a_name(name: str, places: dict[str, tuple[str, int]]) -> bool:
    return (
        name[0] in sc.CJK_NAME_ENDS
        or name in places
        or name[:2] in places
        or any(name.startswith(w) for w in sc.CJK_NOT_NAMES)
        or any(t in name for t in sc.CJK_TITLES)
    )


def cjk_people(text: str, places: dict[str, tuple[str, int]]) -> list[Found]:
    """Names after a title ("发言人汪文斌表示"), or before a verb of saying where a
    punctuation mark opens them ("，马斯克表示")."""
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        title = next((t for t in sc.CJK_TITLES if text.startswith(t, i)), None)
        if title is None:
            i += 1
            continue
        start = i + len(title)
        end = _cjk_name_end(text, start)
        if end is not None and not _cjk_not_a_name(text[start:end], places):
            out.append(Found(start, end, title, "script-title"))
            taken.append((start, end))
            i = end
            continue
        i = start
    for verb in sc.CJK_SPEECH:
        for m in re.finditer(re.escape(verb), text):
            b = m.start()
            a = b
            # bounded: a long run of characters before every verb stays linear
            while a > max(0, b - _MAX_CJK_DOTTED - 1) and (
                _CJK_CHAR.match(text[a - 1]) or text[a - 1] in _DOTS
            ):
                a -= 1
            name = text[a:b]
            opened = a == 0 or text[a - 1] in sc.CJK_NAME_ENDS
            if not opened or any(s < b and a < e for s, e in taken):
                continue
            if not (
                2 <= len(name) <= _MAX_CJK_NAME
                or (any(d in name for d in _DOTS) and len(name) <= _MAX_CJK_DOTTED)
            ):
                continue
            if (
                _cjk_not_a_name(name, places)
                or name.endswith(sc.CJK_NOT_PEOPLE_ENDS)
                or any(c in sc.CJK_NAME_ENDS for c in name[1:])
            ):
                continue
            out.append(Found(a, b, None, "script-speech"))
            taken.append((a, b))
    return out


# --------------------------------------------------------------------------- Russian

_CYR_WORD = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*|[A-Za-z0-9]+")


def _cyr_tokens(text: str) -> list[Token]:
    out: list[Token] = []
    last = 0
    for m in _CYR_WORD.finditer(text):
        gap = text[last : m.start()]
        out.append(
            Token(m.group(), m.group().lower(), m.start(), m.end(), bool(gap.strip()) or not out)
        )
        last = m.end()
    return out


def _capitalised(tok: Token) -> bool:
    """A capitalised Cyrillic word, not an acronym ("МИД", "США")."""
    first = tok.text[0]
    cyrillic_capital = "А" <= first <= "Я" or first == "Ё"
    return cyrillic_capital and not (len(tok.text) > 1 and tok.text.isupper())


def _undecline(word: str) -> str:
    """A name word after a genitive title, back in the nominative: "Джона" -> "Джон",
    "Салливана" -> "Салливан", "Марии" -> "Мария", "Захаровой" -> "Захарова"."""
    if word.endswith("ии"):
        return word[:-1] + "я"
    if word.endswith("ой") and len(word) > 4:
        return word[:-2] + "а"
    if word.endswith("а") and len(word) > 3 and word[-2] not in "аеёиоуыэюяйь":
        return word[:-1]
    return word


def _cyr_place(word: str, places: dict[str, tuple[str, int]]) -> bool:
    return any(n in places for n in nominatives(word))


def _cyr_name(
    toks: list[Token], k: int, places: dict[str, tuple[str, int]]
) -> tuple[int, int] | None:
    """The name in the run of capitalised words opening at ``k``: its last two words (three
    with a patronymic), after the places of its title ("России Владимир Путин")."""
    j = k
    limit = min(len(toks), k + _MAX_TITLE_WORDS)
    while j < limit and _capitalised(toks[j]) and not (j > k and toks[j].hard_before):
        j += 1
    run = list(range(k, j))
    while run and (_cyr_place(toks[run[0]].text, places) or toks[run[0]].key in sc.CYRILLIC_TITLES):
        run.pop(0)
    if not run or len(run) > 4:
        return None
    size = 2
    if len(run) >= 3 and toks[run[-2]].key.endswith(("вич", "вна", "ична")):
        size = 3
    run = run[-size:]
    return run[0], run[-1] + 1


def cyrillic_people(text: str, places: dict[str, tuple[str, int]]) -> list[Found]:
    """Names after a title and its complement ("министр иностранных дел России Сергей
    Лавров"), after a verb of saying ("заявил Лавров") or before one ("Лавров заявил")."""
    toks = _cyr_tokens(text)
    out: list[Found] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.key in sc.CYRILLIC_TITLES:
            j = i + 1
            while (
                j < len(toks)
                and j - i <= _MAX_TITLE_WORDS
                and not toks[j].hard_before
                and not (_capitalised(toks[j]) and not _cyr_place(toks[j].text, places))
                and toks[j].key not in sc.CYRILLIC_SPEECH
            ):
                j += 1
            if j < len(toks) and not toks[j].hard_before and _capitalised(toks[j]):
                name = _cyr_name(toks, j, places)
                if name:
                    a, b = name
                    role = text[tok.start : toks[a - 1].end] if a > i else tok.text
                    found = Found(toks[a].start, toks[b - 1].end, role, "script-title")
                    nominative = sc.CYRILLIC_GENITIVE_TITLES.get(tok.key)
                    if nominative:
                        # "посла США Джона Салливана": title and name in the genitive
                        found.role = nominative + role[len(tok.text) :]
                        found.name = " ".join(_undecline(t.text) for t in toks[a:b])
                    out.append(found)
                    i = b
                    continue
        elif tok.key in sc.CYRILLIC_SPEECH:
            after = _cyr_speech_after(toks, i, places)
            before = _cyr_speech_before(toks, i, places)
            for span in (after, before):
                if span:
                    out.append(
                        Found(toks[span[0]].start, toks[span[1] - 1].end, None, "script-speech")
                    )
        i += 1
    return out


def _cyr_speech_after(
    toks: list[Token], i: int, places: dict[str, tuple[str, int]]
) -> tuple[int, int] | None:
    k = i + 1
    if k >= len(toks) or toks[k].hard_before or not _capitalised(toks[k]):
        return None
    return _cyr_name(toks, k, places)


def _cyr_speech_before(
    toks: list[Token], i: int, places: dict[str, tuple[str, int]]
) -> tuple[int, int] | None:
    if toks[i].hard_before:
        return None
    k = i
    while (
        k > max(0, i - _MAX_TITLE_WORDS) and _capitalised(toks[k - 1]) and not toks[k].hard_before
    ):
        k -= 1
    if k == i:
        return None
    if toks[k].hard_before and toks[k].text in sc.CYRILLIC_OPENERS:
        k += 1
    if k == i:
        return None
    name = _cyr_name(toks, k, places)
    return name if name and name[1] == i else None


# --------------------------------------------------------------------------- all scripts


def find_script_people(sentences: tuple[Sentence, ...], language: str) -> list[Mention]:
    """Person mentions in the Arabic, Hebrew, Chinese and Cyrillic text of ``sentences``."""
    base = language.split("-")[0]
    out: list[Mention] = []
    for si, s in enumerate(sentences):
        script = script_of(s.text)
        if script not in _READERS:
            continue
        # Only countries and cities of a million: "Владимир" is a given name as often.
        places = {
            k: v for k, v in script_places(script, base).items() if v[1] >= WELL_KNOWN_POPULATION
        }
        for f in _READERS[script](s.text, places):
            evidence = {"title"} if f.rule == "script-title" else {"speech"}
            if f.loose:
                evidence.add("loose")
            out.append(
                Mention(
                    "person",
                    f.name or s.text[f.start : f.end],
                    si,
                    f.start,
                    f.end,
                    role=f.role,
                    evidence=evidence,
                    rule=f.rule,
                )
            )
    return tighten_loose(out)


_READERS = {
    "ARABIC": lambda text, places: word_script_people(text, ARABIC, places),
    "HEBREW": lambda text, places: word_script_people(text, HEBREW, places),
    "CJK": cjk_people,
    "CYRILLIC": cyrillic_people,
}


def tighten_loose(mentions: list[Mention]) -> list[Mention]:
    """A loose name is cut to a name the article ends clearly elsewhere ("آلن بمسؤولين"
    -> "آلن", the surname of "ليز آلن"); one that matches none stays loose (listed)."""
    clear = [m.text.split() for m in mentions if "loose" not in m.evidence]
    for m in mentions:
        if "loose" not in m.evidence:
            continue
        words = m.text.split()
        for name in sorted(clear, key=len, reverse=True):
            if words[: len(name)] == name:
                keep = name
            elif words[0] == name[-1]:
                keep = words[:1]
            else:
                continue
            cut = len(" ".join(keep))
            m.text, m.end = m.text[:cut], m.start + cut
            m.evidence.discard("loose")
            break
    return mentions
