"""Russian: what its case endings and abbreviations hide from names matched as written.

A place name in Russian is declined ("в России", "из Москвы", "Украины"): a capitalised
word is matched as written and as the nominatives its ending may stand for. The
abbreviations the press writes for countries ("США", "РФ") name places; other words in
capitals ("НАТО", "МИД") and a body's head word ("Госдепартамент", "Министерство
иностранных дел") name organisations.
"""

from __future__ import annotations

import re

from ..model import Sentence
from .spans import Mention

# Country abbreviations -> English name, as CLDR writes it.
PLACE_ABBREVIATIONS = {
    "США": "United States",
    "РФ": "Russia",
    "КНР": "China",
    "ФРГ": "Germany",
    "КНДР": "North Korea",
    "ОАЭ": "United Arab Emirates",
    "ЮАР": "South Africa",
}
# A body's head word, in any case ("Госдепартамента", "Министерству", "Госдуме").
_ORG_HEAD = re.compile(
    r"^(?:госдепартамент|министерств|департамент|комитет|совет|парти|банк|суд|агентств|служб"
    r"|компани|госдум|дум|правительств|администраци|парламент|сенат|конгресс|прокуратур|фонд"
    r"|университет|организаци|корпораци|пентагон|кремл)(?:а|у|ом|е|ы|и|ов|ой|ю|ем|ь|я|)$"
    r"|^(?:минобороны|минфин|минздрав|минюст|госдеп)$"
)
# Endings of the genitive words a body's name goes on in ("иностранных дел", "России").
_GENITIVE = re.compile(r"(?:ых|их|ого|его|ой|ей|ов|ев|ии|ы|а|я|дел)$")
_WORD = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё-]*")
_MAX_BODY_WORDS = 4


def nominatives(word: str) -> set[str]:
    """A word and the nominatives its ending may stand for ("России" -> "Россия",
    "Москвы" -> "Москва", "Ирана" -> "Иран", "Израиля" -> "Израиль")."""
    out = {word}
    if word.endswith("ии"):
        out.add(word[:-1] + "я")
    if word.endswith(("ы", "и")):
        out.add(word[:-1] + "а")
    if word.endswith("я"):
        out |= {word[:-1] + "ь", word[:-1] + "й"}
    if word.endswith(("а", "у", "е")):
        out.add(word[:-1])
    if word.endswith(("е", "у")):
        out |= {word[:-1] + "а", word[:-1] + "я"}
    if word.endswith(("ом", "ой")):
        out |= {word[:-2], word[:-2] + "а"}
    return out


def place_forms(word: str) -> list[str]:
    """The forms a capitalised word is looked up under; only capitalised words are names."""
    if not word[:1].isupper():
        return [word]
    return [word, *sorted(nominatives(word) - {word})]


def find_abbreviated_places(sentences: tuple[Sentence, ...]) -> list[Mention]:
    out: list[Mention] = []
    for si, s in enumerate(sentences):
        for m in _WORD.finditer(s.text):
            english = PLACE_ABBREVIATIONS.get(m.group())
            if english:
                out.append(Mention("place", english, si, m.start(), m.end(), rule="script-place"))
    return out


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper() and word not in PLACE_ABBREVIATIONS


def _head(word: str) -> bool:
    return word[:1].isupper() and bool(_ORG_HEAD.match(word.lower()))


def _goes_on(word: str) -> bool:
    """A genitive word of a body's name: lower-case ("иностранных дел"), or a declined
    country ("России"), never a given name ("Сергей")."""
    if word.isupper():
        return False
    if word[:1].isupper():
        return word.endswith(("ии", "ы"))
    return bool(_GENITIVE.search(word))


def find_cyrillic_organisations(sentences: tuple[Sentence, ...]) -> list[Mention]:
    """Bodies in Russian text: a word in capitals ("НАТО"), listed; a head word and the
    genitive words that name it ("Министерство иностранных дел России")."""
    out: list[Mention] = []
    for si, s in enumerate(sentences):
        words = list(_WORD.finditer(s.text))
        k = 0
        while k < len(words):
            w = words[k]
            if _acronym(w.group()):
                out.append(Mention("organisation", w.group(), si, *w.span(), rule="acronym"))
            elif _head(w.group()):
                j = k + 1
                while (
                    j < len(words)
                    and j - k <= _MAX_BODY_WORDS
                    and not s.text[words[j - 1].end() : words[j].start()].strip()
                    and _goes_on(words[j].group())
                ):
                    j += 1
                end = words[j - 1].end()
                out.append(
                    Mention(
                        "organisation",
                        s.text[w.start() : end],
                        si,
                        w.start(),
                        end,
                        rule="script-head-word",
                    )
                )
                k = j
                continue
            k += 1
    return out
