"""Named mentions: capitalised phrases found in sentences and told apart.

Each sentence is scanned for runs of capitalised words (joined by the small
words names contain: "of", "de", "van", "bin" ...). A run is then read from
its context: a title in front ("President", "Mr") or a role next to it
("chairman of ...") makes a person; a head word ("Police", "Council",
"Bank") or a defined acronym makes an organisation; the gazetteer makes a
place. People, organisations and places modules turn mentions into facts.
"""

import re

from ..model import Sentence
from . import lexicon as lx
from .acronyms import _acronym_definitions, _reverse_acronyms, ampersand_firms, tickers
from .cues import org_word
from .mentions import _split_run, cap_runs, tokens
from .places import normalise as place_name
from .spans import ARTICLE, Mention
from .titles import _classify

_NOUN_CAPITALISING = frozenset({"de", "lb"})


def find_mentions(sentences: tuple[Sentence, ...], language: str = "en") -> list[Mention]:
    """Every person, organisation, place and role mention, in reading order."""
    ARTICLE.reset(
        shape_counts=language.split("-")[0] not in _NOUN_CAPITALISING,
        common_words=frozenset(
            w for s in sentences for w in re.findall(r"(?<![\w'’-])[a-zà-ÿ][a-zà-ÿ'’-]+", s.text)
        ),
    )
    out: list[Mention] = []
    for si, sent in enumerate(sentences):
        text = sent.text
        toks = tokens(text)
        first = len(out)
        _dateline(si, text, out)
        tickers(si, text, out)
        ampersand_firms(si, text, out)
        _acronym_definitions(si, text, out)
        _reverse_acronyms(si, text, out)
        _quoted_names(si, text, out)
        titled = [(m.start(1), m.end(1)) for m in _TITLED_WORK.finditer(text)]
        for ri, rj in cap_runs(toks):
            # "a robot named “Better Idea of Afghan Girls”": the title of a thing, no one's name
            if any(a <= toks[ri].start < b for a, b in titled):
                continue
            for i, j in _split_run(toks, ri, rj):
                _classify(si, text, toks, i, j, out)
        _affiliations(text, out, first)
        # "Paul Dewar, an Ottawa New Democrat MP,": the capitalised role is not an organisation.
        roles = [m.role for m in out[first:] if m.kind == "person" and m.role]
        out[first:] = [m for m in out[first:] if not (m.kind == "organisation" and m.text in roles)]
        # A phrase spelled out before its acronym is that organisation, nothing else.
        defined = [m for m in out[first:] if "acronym" in m.evidence and m.kind == "organisation"]
        out[first:] = [
            m
            for m in out[first:]
            if m in defined
            or not any(
                (d.start <= m.start < d.end and m.kind != "organisation")
                or (
                    d.start <= m.start
                    and m.end <= d.end
                    and m is not d
                    and len(m.text) < len(d.text)
                )
                for d in defined
            )
        ]
    return out


_TITLED_WORK = re.compile(
    r"\b(?:named|called|titled|entitled|dubbed|nommée?s?|intitulée?s?|llamad[oa]s?|"
    r"titulad[oa]s?|namens|genannt|betitelt)\s*,?\s*[“\"«„‘]([^”\"»“’]{1,80})[”\"»“’]"
)


_DATELINE = re.compile(
    r"^\s*(?P<city>[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?))?"
    r"(?=\s*(?:,|--|[–—]|\(|-\s))"
)
_LOWER_IN_NAMES = frozenset({"de", "da", "do", "dos", "das", "del", "la", "le", "of", "on", "upon"})


def _title(name: str) -> str:
    words = name.lower().split()
    return " ".join(
        w if (n and w in _LOWER_IN_NAMES) else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for n, w in enumerate(words)
    )


def _dateline(si: int, text: str, out: list[Mention]) -> None:
    m = _DATELINE.match(text)
    if not m or len(m.group("city").replace(".", "")) < 3:
        return
    city = _title(m.group("city"))
    # "WCAP, part of ...": an acronym opening a sentence is no dateline; a dateline city is
    # known, or comes with its region, or is followed by the dash or bracket datelines use.
    if not (
        place_name(city)
        or m.group("region")
        or " " in m.group("city").strip()
        or re.match(r"\s*(?:--|[–—]|\()", text[m.end() :])
    ):
        return
    out.append(
        Mention(
            "place",
            place_name(city) or city,
            si,
            m.start("city"),
            m.end("city"),
            evidence={"dateline"},
            rule="dateline",
        )
    )
    region = m.group("region")
    if region and not re.match(r"(?:" + "|".join(lx.MONTHS) + r")\b", region):
        name = place_name(region) or place_name(_title(region))
        if name:
            out.append(
                Mention(
                    "place",
                    name,
                    si,
                    m.start("region"),
                    m.end("region"),
                    evidence={"dateline"},
                    rule="dateline",
                )
            )


# Lower-case words of the article being read: a capitalised word that also appears in lower
# case there ("shuttle", "museum") is a common word, not part of a name.

_WEAK = {"shape", "initial", "romanised"}
# Parts of a larger body: "UN Human Rights Council" also names the UN; "ABC News" does not.


def _affiliations(text: str, out: list[Mention], first: int) -> None:
    """ "Cheng Chung-tai of Civic Passion", "Civic Passion's Wong Yeung-tat": that is a body."""
    people = [m for m in out[first:] if m.kind == "person"]
    for m in people:
        if m.evidence - _WEAK or m.role:
            continue
        before = text[: m.start]
        prev = [p for p in people if p is not m and p.end <= m.start]
        nxt = [p for p in people if p is not m and p.start >= m.end]
        of_person = (
            prev
            and re.search(r"\s(?:of|from)\s+(?:the\s+)?$", before)
            and re.fullmatch(r"\s(?:of|from)\s+(?:the\s+)?", text[prev[-1].end : m.start])
        )
        # "Civic Passion's Wong Yeung-tat" owns a person; "Lupita Nyong'o's now-famous Oscar
        # dress" owns a thing (one capitalised word is no one's full name).
        owns_person = (
            nxt
            and len(nxt[0].text.split()) > 1
            and re.match(r"(?:'s|’s)\s+(?:[a-z-]+\s+)?$", text[m.end : nxt[0].start])
        )
        if of_person or owns_person:
            m.kind = "organisation"


# "(MSS)", and the Spanish and French forms "(FEMA, por sus siglas en inglés)",
# "(FEMA, selon son sigle anglais)".
# What an acronym may stand for besides a body: "Middle East respiratory syndrome (MERS)".


def _quoted_names(si: int, text: str, out: list[Mention]) -> None:
    """„Gemeinsam für Dresden“ after "Wählerinitiative": a quoted name of a body."""
    for m in re.finditer(
        # The cue word starts at a word boundary: tried at every letter of a long word,
        # "[\w-]+" would rescan the rest of the word each time (quadratic).
        r"(?<![\w-])([\w-]{1,40})\s+(?:der\s+|den\s+|die\s+|the\s+)?[„“\"«]\s?"
        r"([A-ZÄÖÜ][^„“\"«»]{2,60}?)\s?[“”\"»]",
        text,
    ):
        cue = m.group(1)
        if (
            cue.lower() in lx.ORG_CUES
            or org_word(cue)
            or cue.lower().endswith(("initiative", "bewegung", "verein", "partei"))
        ) and len(m.group(2).split()) <= 6:
            out.append(
                Mention(
                    "organisation",
                    m.group(2),
                    si,
                    m.start(2),
                    m.end(2),
                    evidence={"quoted"},
                    rule="quoted-name",
                )
            )
