"""Who said a quotation, in Arabic, Hebrew, Chinese and Russian: the verb of saying next
to it and the person (or body) it names, found by :mod:`.scriptpeople`.

    «...»، قال الرئيس محمود عباس.        «...», — заявил Песков.
    وقال عباس: «...»                      Лавров заявил: «...»
    "...", אמר נתניהו.                    汪文斌表示：“...”   “...”汪文斌说。

Two named cues run before the Latin ones (:data:`.quotes.ATTRIBUTION_CUES`); each says
nothing unless a verb of saying of these scripts stands next to the quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from . import scriptcues as sc
from .worldnames import fold

if TYPE_CHECKING:
    from .quotes import Context, NamedSpan, QuoteSpan

Found = tuple[str | None, str] | None

_AFTER_MARKS = re.compile(r"\s*[,،，.。!?！？;؛]?\s*[—–-]?\s*")
_BEFORE_END = re.compile(r"(?:\s|[:：,，،—–-]|\b(?:إن|أن|что|כי)\b)*$")
_WORD_AT = re.compile(r"[^\s,،，.。:：;؛!?！？«»\"“”]+")
_WORD_BEFORE = re.compile(r"([^\s,،，.。:：;؛!?！？«»\"“”]+)\s*$")
_GAP = re.compile(r"[^,،，.。:：;؛!?！？«»\"“”]{0,30}")
# How far a name may stand from its verb (a title may come between: "قال الرئيس ... عباس").
_REACH = 80


def _starting(spans: list[NamedSpan], start: int, end: int) -> list[NamedSpan]:
    """The spans that start in [start, end) (``spans`` are sorted by start; a block may
    hold thousands, so they are found by bisection, not scanned for every quotation)."""
    a = bisect_left(spans, start, key=lambda sp: sp.start)
    b = bisect_left(spans, end, lo=a, key=lambda sp: sp.start)
    return spans[a:b]


def _speech_word(word: str) -> bool:
    """A verb of saying of a word script, with its proclitic ("وقال", "ואמר") or not."""
    key = fold(word)
    forms = {key, key[1:]} if len(key) > 3 and key[0] in "وفו" else {key}
    return bool(
        forms & sc.ARABIC_SPEECH or forms & sc.HEBREW_SPEECH or word.lower() in sc.CYRILLIC_SPEECH
    )


def _cjk_verb_at(text: str, pos: int) -> bool:
    return any(text.startswith(v, pos) for v in sc.CJK_SPEECH)


def _cjk_verb_before(text: str, end: int) -> int | None:
    """Where a CJK verb of saying ending at ``end`` starts."""
    for v in sc.CJK_SPEECH:
        if text.endswith(v, 0, end):
            return end - len(v)
    return None


def said_after(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """ "«...»، قال X", "«...», — заявил X", "“...”X表示"."""
    marks = _AFTER_MARKS.match(text, q.end, q.end + 8)
    pos = marks.end() if marks else q.end
    here = next(iter(_starting(spans, pos, pos + 1)), None)
    if here is not None and _cjk_verb_at(text, here.end):
        return here.name, "x-said"
    word = _WORD_AT.match(text, pos, pos + 40)
    if word is None or not _speech_word(word.group()):
        return None
    later = _starting(spans, word.end(), word.end() + _REACH)
    # "— сказал пресс-секретарь Кремля Дмитрий Песков": the person, not the body of the title
    pick = next((sp for sp in later if sp.kind in ("person", "role")), later[0] if later else None)
    if pick and not re.search(r"[.!?؟。«»“”\"]", text[word.end() : pick.start]):
        return pick.name, "said-x"
    return None


def said_before(text: str, q: QuoteSpan, spans: list[NamedSpan], ctx: Context) -> Found:
    """ "وقال X: «...»", "Лавров заявил: «...»", "汪文斌表示：“...”"."""
    s0 = ctx.sentence_start
    tail = _BEFORE_END.search(text[s0 : q.start])
    end = s0 + (tail.start() if tail else q.start - s0)
    if end <= s0:
        return None
    # Subject then verb: "Лавров заявил", "汪文斌表示".
    verb_start = _cjk_verb_before(text, end)
    if verb_start is None:
        w = _WORD_BEFORE.search(text, s0, end)
        verb_start = w.start(1) if w and _speech_word(w.group(1)) else None
    if verb_start is not None:
        before_verb = [sp for sp in _starting(spans, s0, verb_start) if sp.end <= verb_start]
        # "汪文斌表示", "拜登周二在白宫说", "Лавров в среду заявил": a few words may stand
        # between the subject and its verb, no punctuation.
        if before_verb and _GAP.fullmatch(text, before_verb[-1].end, verb_start):
            return before_verb[-1].name, "x-said-colon"
        return None
    # Verb then subject: "وقال الرئيس عباس:", "заявил Лавров:".
    last = [sp for sp in _starting(spans, s0, end) if sp.end <= end]
    if not last or text[last[-1].end : end].strip():
        return None
    words = _WORD_AT.findall(text, max(s0, last[-1].start - _REACH), last[-1].start)
    if any(_speech_word(w) for w in words):
        return last[-1].name, "said-x"
    return None
