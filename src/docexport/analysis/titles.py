"""Runs that hold a title: "President William Ruto", "Haiti Prime Minister Garry Conille",
"Governor of Washington Chris Gregoire", "Canyon County Sheriff and National Sheriffs'
Association President Kieran Donahue"; the rest goes to :mod:`.classify`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .classify import _classify_plain
from .cues import (
    _ALWAYS_STRIP,
    _BODY_WORDS,
    _CONNECTORS,
    _DEMONYM,
    _WEEKDAY_MONTH,
    _acronym_like,
    _has_role_noun,
    _match_title,
    org_word,
)
from .mentions import _first_word
from .places import normalise as place_name
from .roles import appositive_role
from .spans import ARTICLE, Mention, Token


@dataclass
class TitledRun:
    """A capitalised run being read for a title, with where its words are."""

    si: int
    text: str
    toks: list[Token]
    i: int
    j: int
    out: list[Mention]
    words: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.toks[self.i].start

    @property
    def end(self) -> int:
        return self.toks[self.j - 1].end

    def plain(self, words: list[str], first: int, last_end: int, initial: bool = True) -> None:
        """Classify ``words`` (from token ``first`` to offset ``last_end``) without a title."""
        start = self.toks[first].start
        _classify_plain(
            self.si, self.text, " ".join(words), start, last_end, words, initial, self.out
        )


_RANK_BEFORE = re.compile(r"((?:Sgt\.|Sergeant|Staff Sgt\.)\s+(?:1st|First)\s+)$")


def _rank_title(r: TitledRun) -> bool:
    """ "Sgt. 1st Class Jane Roe": a rank whose last word opens the run."""
    rank = _RANK_BEFORE.search(r.text[: r.start])
    if not (rank and r.toks[r.i].text == "Class" and r.j - r.i >= 3):
        return False
    first = r.toks[r.i + 1].start
    r.out.append(
        Mention(
            "person",
            r.text[first : r.end],
            r.si,
            first,
            r.end,
            role=(rank.group(1) + "Class").replace("  ", " "),
            evidence={"title"},
            rule="rank-title",
        )
    )
    return True


def _trim(r: TitledRun) -> bool:
    """Drop what opens or closes a run without being part of a name: function words,
    weekdays and months ("In Nairobi", "On Monday"), a sentence-initial word the article
    also writes in lower case. False when nothing is left."""
    words = [t.text for t in r.toks[r.i : r.j]]
    while (
        words
        and (words[0] in lx.FUNCTION_WORDS or words[0] in _WEEKDAY_MONTH)
        and _match_title(words, 0) == 0
    ):
        if len(words) > 1 and any(place_name(" ".join(words[:n])) for n in (len(words), 2, 3)):
            break  # the first word of a name: "New Zealand"
        if words[0] not in _ALWAYS_STRIP and len(words) > 1 and words[-1] in lx.ORG_WORDS:
            break  # "New People Party"
        words, r.i = words[1:], r.i + 1
    while (
        len(words) > 1
        and r.i == _first_word(r.toks)
        and words[0].lower() in ARTICLE.common_words
        and not _match_title(words, 0)
        and not place_name(" ".join(words))
        and words[0] not in lx.DIRECTIONS
    ):
        words, r.i = words[1:], r.i + 1
    while words and words[-1] in _WEEKDAY_MONTH:
        words, r.j = words[:-1], r.j - 1
    r.words = words
    return bool(words) and not re.fullmatch(r"I['’](?:m|ve|ll|d)", words[0])


def _acronym_in_run(r: TitledRun) -> None:
    """ "UN Human Rights Council" also names the UN."""
    w = r.words
    if len(w) > 1 and _acronym_like(w[0]) and w[0] in lx.KNOWN_ACRONYMS and w[-1] in _BODY_WORDS:
        r.out.append(
            Mention(
                "organisation",
                w[0],
                r.si,
                r.start,
                r.toks[r.i].end,
                acronym=w[0],
                evidence={"acronym"},
                rule="acronym-in-run",
            )
        )


def _demonym_title(r: TitledRun) -> bool:
    """ "Afghan Ambassador", "Kenyan Foreign Minister": a role with its country, no name."""
    w = r.words
    for k in range(1, len(w)):
        if _match_title(w, k) == len(w) - k and all(
            _DEMONYM.search(x) or place_name(x) or org_word(x) for x in w[:k]
        ):
            title = " ".join(w[k:])
            r.out.append(
                Mention(
                    "role",
                    title,
                    r.si,
                    r.toks[r.i + k].start,
                    r.end,
                    role=title,
                    rule="demonym-title",
                )
            )
            return True
    return False


_DOMAIN_WORDS = frozenset(["of", "for", "de", "du", "des", "del", "von", "der", "den", "für"])


def _title_domain_split(rest: list[str]) -> tuple[int, list[str], list[str]] | None:
    """Where the domain after "Governor of" ends and the name begins."""
    splits = []
    for p in range(1, len(rest)):
        qual, nm = rest[:p], rest[p:]
        if nm and nm[0] in lx.COURTESY and len(nm) > 1:
            nm = nm[1:]
        if (
            1 <= len(nm) <= 4
            and not place_name(" ".join(nm))
            and not any(w in lx.ORG_WORDS for w in nm)
            and nm[0][:1].isupper()
        ):
            good = nm[0] in lx.GIVEN_NAMES or (len(nm) == 1 and rest[p] in lx.COURTESY)
            fair = place_name(" ".join(qual)) or qual[-1] in lx.ORG_WORDS
            if good or fair:
                splits.append((0 if good else 1, p, qual, nm))
    if not splits:
        return None
    _, p, qual, nm = min(splits, key=lambda s: (s[0], s[1]))
    return p, qual, nm


def _title_domain_name(r: TitledRun, k: int, tl: int, title: str, name: list[str]) -> bool:
    """ "Governor of Washington Chris Gregoire": the title's domain, then the name; or
    "Associate Director of the Division of Enforcement": a role, then its body."""
    rest = name[1:]
    found = _title_domain_split(rest)
    at = r.i + k + tl + 1  # token of the domain's first word
    if found:
        p, qual, nm = found
        n_start = r.toks[at + p + (1 if rest[p] in lx.COURTESY else 0)].start
        r.plain(qual, at, r.toks[at + p - 1].end)
        r.out.append(
            Mention(
                "person",
                " ".join(nm),
                r.si,
                n_start,
                r.end,
                role=f"{title} {name[0]} {' '.join(qual)}",
                evidence={"title"},
                rule="title-domain-name",
            )
        )
        return True
    if rest and (place_name(" ".join(rest)) or any(w in lx.ORG_WORDS for w in rest)):
        lead = 1 if rest[0] == "the" and len(rest) > 1 else 0
        r.out.append(
            Mention(
                "role",
                title,
                r.si,
                r.toks[r.i + k].start,
                r.end,
                role=title,
                rule="title-then-body",
            )
        )
        r.plain(rest[lead:], at + lead, r.end)
        return True
    return False


def _place_adjective(word: str) -> bool:
    """ "Major European indexes": an adjective of a place after a rank, no one's name."""
    if not _DEMONYM.search(word):
        return False
    stems = {word[:-1], word[:-2], word[:-3], word[:-3] + "a", word[:-2] + "e", word[:-3] + "y"}
    return any(len(x) > 2 and place_name(x) for x in stems)


def _title_then_name(r: TitledRun, k: int, tl: int, title: str, name: list[str]) -> bool:
    """ "President William Ruto", "Secretary Jane Roe of the Treasury": the name after the
    title (what follows "of" is the body it belongs to)."""
    role = None if title in lx.COURTESY else title
    end = r.end
    if "of" in name[1:]:
        cut = name.index("of", 1)
        after_of = [w for w in name[cut + 1 :] if w != "the"]
        first = r.i + k + tl + cut + 1 + (1 if name[cut + 1] == "the" else 0)
        if after_of:
            r.plain(after_of, first, end)
        name, end = name[:cut], r.toks[r.i + k + tl + cut - 1].end
    if (
        name
        and not any(w in lx.ORG_WORDS or w in _WEEKDAY_MONTH for w in name)
        and not place_name(" ".join(name))
        and not (len(name) == 1 and _place_adjective(name[0]))
    ):
        n_start = r.toks[r.i + k + tl].start
        person = Mention(
            "person",
            " ".join(name),
            r.si,
            n_start,
            end,
            role=role,
            evidence={"title"},
            rule="title-name",
        )
        r.out.append(person)
        if role is None:
            person.role = appositive_role(r.text, n_start, end) or None
        return True
    if not name and role:
        r.out.append(
            Mention("role", title, r.si, r.toks[r.i + k].start, end, role=title, rule="title-role")
        )
        return True
    return False


def _title_in_run(r: TitledRun) -> bool:
    """A title inside the run: qualifier + title + name ("Haiti Prime Minister Garry
    Conille"). False when the run is to be read without its title after all."""
    w = r.words
    for k in range(len(w)):
        tl = _match_title(w, k)
        if not tl or not (
            k == 0 or k + tl < len(w) or w[k] in ("President", "Prime", "Chancellor")
        ):
            continue
        qualifier = w[:k]
        # "Minister" after "Foreign" etc. is a longer title starting earlier: already tried.
        if qualifier and not (
            place_name(" ".join(qualifier))
            or qualifier[-1] in lx.ORG_WORDS
            or _acronym_like(qualifier[-1])
            or all(x[0].isupper() for x in qualifier)
        ):
            continue
        if qualifier:
            r.plain(qualifier, r.i, r.toks[r.i + k - 1].end)
        title, name = " ".join(w[k : k + tl]), w[k + tl :]
        if name and name[0].lower() in _DOMAIN_WORDS:
            return _title_domain_name(r, k, tl, title, name)
        return _title_then_name(r, k, tl, title, name)
    return False


def _classify(si: int, text: str, toks: list[Token], i: int, j: int, out: list[Mention]) -> None:
    r = TitledRun(si, text, toks, i, j, out)
    if _rank_title(r) or not _trim(r):
        return
    _acronym_in_run(r)
    if (
        _coordinated_titles(si, text, toks, r.i, r.j, r.words, out)
        or _role_of_body_then_name(si, text, toks, r.i, r.j, r.words, out)
        or _demonym_title(r)
        or _title_in_run(r)
    ):
        return
    initial = r.i == 0 or all(not any(c.isalnum() for c in t.text) for t in toks[: r.i])
    _classify_plain(si, text, " ".join(r.words), r.start, r.end, r.words, initial, out)


# "Afghan Ambassador to the United States Hamdullah Mohib", "executive director of the
# Council on American-Islamic Relations Alia Salem": a role's body, then the name.
_ROLE_OF_BEFORE = re.compile(r"([^.;:!?]{0,80}?)\b(?:of|to|at|for|with)\s+(?:the\s+)?$")


def _role_of_body_then_name(
    si: int, text: str, toks: list[Token], i: int, j: int, words: list[str], out: list[Mention]
) -> bool:
    if len(words) < 3:
        return False
    window = max(0, toks[i].start - 120)  # the regex scans back at most 80 characters
    lead = _ROLE_OF_BEFORE.search(text, window, toks[i].start)
    if lead is None:
        return False
    clause = re.split(r"[,(]", lead.group(1))[-1]
    if not (
        _has_role_noun(clause.lower())
        or any(_match_title(clause.split(), k) for k in range(len(clause.split())))
    ):
        return False
    for size in (2, 3):
        head, name = words[:-size], words[-size:]
        if (
            not head
            or not _name_words(name)
            or head[-1].lower() in _CONNECTORS
            or any(w.lower() in ARTICLE.common_words or w in lx.ORG_WORDS for w in name)
        ):
            continue
        body = " ".join(head)
        if not (place_name(body) or org_word(head[-1]) or any(org_word(w) for w in head)):
            continue
        split = toks[i + len(head)].start
        _classify_plain(
            si, text, body, toks[i].start, toks[i + len(head) - 1].end, head, False, out
        )
        role = (clause.strip() + " " + text[lead.end(1) : toks[i].start] + body).strip()
        out.append(
            Mention(
                "person",
                " ".join(name),
                si,
                split,
                toks[j - 1].end,
                role=role,
                evidence={"role"},
                rule="body-role-name",
            )
        )
        return True
    return False


def _name_words(words: list[str]) -> bool:
    """1 to 4 capitalised words that could be a person's name."""
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(
            w in lx.ORG_WORDS or w in _WEEKDAY_MONTH or w.lower() in _CONNECTORS for w in words
        )
        and not place_name(" ".join(words))
    )


def _coordinated_titles(
    si: int, text: str, toks: list[Token], i: int, j: int, words: list[str], out: list[Mention]
) -> bool:
    """Two titles joined by "and" before one name: "Canyon County Sheriff and National
    Sheriffs' Association President Kieran Donahue". The name follows the last title;
    each qualifier is an organisation or place of its own."""
    if "and" not in words:
        return False
    for k in range(len(words) - 1, 0, -1):
        tl = _match_title(words, k)
        if not tl or not _name_words(words[k + tl :]) or "and" not in words[:k]:
            continue
        cut = len(words[:k]) - 1 - words[:k][::-1].index("and")
        if not any(_match_title(words, t) for t in range(cut)):
            return False
        name_start = toks[i + k + tl].start
        end = toks[j - 1].end
        role = " ".join(words[cut + 1 : k + tl])
        for a, b in ((0, cut), (cut + 1, k)):
            part = words[a:b]
            ends_in_title = [t for t in range(len(part)) if _match_title(part, t) == len(part) - t]
            part = part[: ends_in_title[0]] if ends_in_title else part
            if part:
                p_start, p_end = toks[i + a].start, toks[i + a + len(part) - 1].end
                _classify_plain(si, text, " ".join(part), p_start, p_end, part, False, out)
        out.append(
            Mention(
                "person",
                " ".join(words[k + tl :]),
                si,
                name_start,
                end,
                role=role,
                evidence={"title"},
                rule="coordinated-titles",
            )
        )
        return True
    return False
