"""Acronyms: "Multinational Security Support (MSS) Mission", "CEI (Italian Episcopal
Conference)", and the Spanish and French glosses "(FEMA, por sus siglas en inglés)"."""

from __future__ import annotations

import re

from . import lexicon as lx
from .cues import _CONNECTORS
from .places import normalise as place_name
from .spans import ARTICLE, Mention

_NOT_BODIES = lx.words(
    "syndrome disease virus fever infection disorder index rate product act treaty "
    "agreement protocol system test"
)
_ACR_DEF = re.compile(
    r"\(([A-Z][A-Za-z0-9]{0,3}[A-Z0-9]{1,6})(?:,\s*(?:por sus siglas|pour|selon|sigla|siglas|"
    r"sigle|abbreviated|in short)[^()]{0,40})?\)"
)
_ACR_REV = re.compile(
    r"\b([A-Z]{2,6})\s*\(((?:[A-Z][\w'’-]*\s?(?:(?:of|for|and|de|del|des|du|la)\s)?){2,8})\)"
)


def _spelled_words(words: list[str], letters: list[str]) -> tuple[list[str], int]:
    """The words before an acronym that spell it, last letter first; and how many of its
    letters were left unspelled."""
    picked: list[str] = []
    k = len(words) - 1
    li = len(letters) - 1
    while k >= 0 and li >= 0:
        w = words[k]
        if w.lower() in _CONNECTORS:
            picked.insert(0, w)
            k -= 1
            continue
        if not (w[0].isupper() or w[0].isdigit() or w[0].upper() == letters[li]):
            break  # lower-case words count only as initials: "Union démocratique du centre"
        if w[0].upper() == letters[li]:
            li -= 1
        elif not (li + 1 < len(letters) and letters[li + 1] in w[1:].upper()):
            break
        picked.insert(0, w)
        k -= 1
    return picked, li + 1


_INITIALS_RUN = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|de|del|des|du|para|pour|el|la|le|les|"
    r"der|die|das|für)\s+){0,2}){2,8})$"
)


def _unordered_initials(
    si: int, before: str, acr: str, letters: list[str], end: int, out: list[Mention]
) -> None:
    """A name whose initials are the acronym's letters in another order (translated)."""
    run = _INITIALS_RUN.search(before + " ")
    if not run:
        return
    cand = [w for w in run.group(1).split() if w[0].isupper()]
    for n in range(len(cand), 1, -1):
        sub = cand[-n:]
        if sorted(w[0] for w in sub) == sorted(letters):
            first = run.group(1).find(sub[0])
            name = run.group(1)[first:].strip()
            s0 = len(before) - len(run.group(1).rstrip()) + first
            out.append(
                Mention(
                    "organisation",
                    name,
                    si,
                    max(s0 - 1, 0),
                    end,
                    acronym=acr,
                    evidence={"acronym"},
                    rule="acronym-definition",
                )
            )
            return


def _acronym_definitions(si: int, text: str, out: list[Mention]) -> None:
    """ "Multinational Security Support (MSS) Mission" -> organisation with its acronym."""
    for m in _ACR_DEF.finditer(text):
        acr = m.group(1)
        before = text[: m.start()].rstrip()
        # French elision belongs to the word before: "de l’Union" -> "de", "Union".
        words = [re.sub(r"^[lLdD][’']", "", w) for w in re.findall(r"[\w'’\-.&]+", before)]
        if not words:
            continue
        letters = [c for c in acr if c.isupper() or c.isdigit()]
        picked, left = _spelled_words(words, letters)
        if left or not picked:
            # Initials in another order (names translated from another language): "UAAR".
            _unordered_initials(si, before, acr, letters, m.end(), out)
            continue
        while picked and (picked[0].lower() in _CONNECTORS or not picked[0][0].isupper()):
            picked.pop(0)
        if picked and picked[-1].lower() in _NOT_BODIES:
            # "Middle East respiratory syndrome (MERS)": the acronym and the words it
            # spells are a thing's name, not a body or a place.
            ARTICLE.not_bodies.add(acr)
            start = text.rfind(picked[0], 0, m.start())
            ARTICLE.thing_spans.append((si, max(start, 0), m.end()))
            continue
        if not picked:
            continue
        name = " ".join(picked)
        tail = re.match(r"\s+((?:[A-Z][\w\-]*)(?:\s+[A-Z][\w\-]*){0,2})", text[m.end() :])
        end = m.end()
        if tail and all(w in lx.ORG_WORDS for w in tail.group(1).split()):
            name = f"{name} {tail.group(1)}"
            end = m.end() + tail.end()
        start = text.rfind(picked[0], 0, m.start()) if picked else m.start()
        kind = "place" if place_name(name) else "organisation"
        if kind == "organisation":
            out.append(
                Mention(
                    kind,
                    name,
                    si,
                    max(start, 0),
                    end,
                    acronym=acr,
                    evidence={"acronym"},
                    rule="acronym-definition",
                )
            )


def _reverse_acronyms(si: int, text: str, out: list[Mention]) -> None:
    """ "CEI (Italian Episcopal Conference)": the acronym first, the name in brackets."""
    for m in _ACR_REV.finditer(text):
        acr, name = m.group(1), m.group(2).strip()
        initials = [w[0] for w in name.split() if w[0].isupper()]
        if sorted(initials) == sorted(acr) or "".join(initials) == acr:
            out.append(
                Mention(
                    "organisation",
                    name,
                    si,
                    m.start(),
                    m.end(),
                    acronym=acr,
                    evidence={"acronym"},
                    rule="acronym-reverse",
                )
            )


# "Larsen & Toubro (LART.NS)", "General Electric (NYSE: GE)": a company and its ticker.
_TICKER = re.compile(
    r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w'’.-]*){0,5})\s*\("
    r"(?:(?P<exchange>NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|NSE|BSE|HKEX|SGX|TSE|Euronext|Xetra|"
    r"OTC|AMEX)\s*:\s*)?(?P<ticker>[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?)\)"
)


def tickers(si: int, text: str, out: list[Mention]) -> None:
    """A company named with its stock ticker; the ticker itself is no separate body."""
    for m in _TICKER.finditer(text):
        ticker = m["ticker"]
        if not (m["exchange"] or "." in ticker):
            continue  # "(MSS)" is an acronym, left to the acronym rules
        ARTICLE.thing_spans.append((si, m.start(), m.end()))
        ARTICLE.not_bodies.add(ticker.replace(".", ""))
        out.append(
            Mention(
                "organisation",
                m["name"],
                si,
                m.start("name"),
                m.end("name"),
                evidence={"ticker"},
                rule="ticker",
            )
        )


# "Johnson & Johnson", "Procter & Gamble", "Marks & Spencer Co.": two names joined by "&".
_AMPERSAND_FIRM = re.compile(
    r"(?<![\w&])[A-Z][\w'’.-]*\s&\s[A-Z][\w'’-]*(?:\s(?:Co\.|Company|Inc\.?|Sons))?(?![\w&])"
)


def ampersand_firms(si: int, text: str, out: list[Mention]) -> None:
    """Two capitalised names joined by "&", alone, name a firm (not two people, not a
    place: "Trinidad & Tobago" is left to the gazetteer)."""
    for m in _AMPERSAND_FIRM.finditer(text):
        words = [w.lower() for w in m.group().split() if w != "&"]
        inside = re.search(r"[A-Z][\w'’.-]*\s+$", text[max(0, m.start() - 40) : m.start()]) or (
            re.match(r"\s+[A-Z]", text[m.end() :])
        )
        # part of a longer name ("Mary & Leigh Block Museum"), or common nouns ("Science &
        # Medicine", a section): not a firm's name
        if inside or any(w in ARTICLE.common_words for w in words):
            continue
        if place_name(m.group()) or any(
            x.sentence == si and x.start < m.end() and m.start() < x.end for x in out
        ):
            continue
        ARTICLE.thing_spans.append((si, m.start(), m.end()))
        out.append(Mention("organisation", m.group(), si, m.start(), m.end(), rule="ampersand"))
