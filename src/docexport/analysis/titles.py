"""Runs that hold a title: "President William Ruto", "Haiti Prime Minister Garry Conille",
"Governor of Washington Chris Gregoire", "Canyon County Sheriff and National Sheriffs'
Association President Kieran Donahue"; the rest goes to :mod:`.classify`."""

from __future__ import annotations

import re

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


def _classify(si: int, text: str, toks: list[Token], i: int, j: int, out: list[Mention]) -> None:
    rank = re.search(r"((?:Sgt\.|Sergeant|Staff Sgt\.)\s+(?:1st|First)\s+)$", text[: toks[i].start])
    if rank and toks[i].text == "Class" and j - i >= 3:
        pname = text[toks[i + 1].start : toks[j - 1].end]
        out.append(
            Mention(
                "person",
                pname,
                si,
                toks[i + 1].start,
                toks[j - 1].end,
                role=(rank.group(1) + "Class").replace("  ", " "),
                evidence={"title"},
                rule="rank-title",
            )
        )
        return
    words = [t.text for t in toks[i:j]]
    # Drop leading function words, weekdays and months ("In Nairobi", "On Monday"), but not
    # the first word of a name ("New People Party", "New Zealand").
    while (
        words
        and (words[0] in lx.FUNCTION_WORDS or words[0] in _WEEKDAY_MONTH)
        and _match_title(words, 0) == 0
    ):
        if len(words) > 1 and (
            place_name(" ".join(words))
            or place_name(" ".join(words[:2]))
            or place_name(" ".join(words[:3]))
        ):
            break
        if words[0] not in _ALWAYS_STRIP and len(words) > 1 and words[-1] in lx.ORG_WORDS:
            break
        words, i = words[1:], i + 1
    # A sentence-initial word the article also writes in lower case is not part of a name.
    while (
        len(words) > 1
        and i == _first_word(toks)
        and words[0].lower() in ARTICLE.common_words
        and not _match_title(words, 0)
        and not place_name(" ".join(words))
        and words[0] not in lx.DIRECTIONS
    ):
        words, i = words[1:], i + 1
    while words and words[-1] in _WEEKDAY_MONTH:
        words, j = words[:-1], j - 1
    if not words or re.fullmatch(r"I['’](?:m|ve|ll|d)", words[0]):
        return
    start, end = toks[i].start, toks[j - 1].end
    sentence_initial = i == 0 or all(not any(c.isalnum() for c in t.text) for t in toks[:i])
    phrase = " ".join(words)
    # Acronyms spelled out earlier in the run: "UN Human Rights Council" also names the UN.
    if (
        len(words) > 1
        and _acronym_like(words[0])
        and words[0] in lx.KNOWN_ACRONYMS
        and words[-1] in _BODY_WORDS
    ):
        out.append(
            Mention(
                "organisation",
                words[0],
                si,
                start,
                toks[i].end,
                acronym=words[0],
                evidence={"acronym"},
                rule="acronym-in-run",
            )
        )
    if _coordinated_titles(si, text, toks, i, j, words, out):
        return
    if _role_of_body_then_name(si, text, toks, i, j, words, out):
        return
    # "Afghan Ambassador", "Kenyan Foreign Minister": a role with its country, no name.
    for k in range(1, len(words)):
        if _match_title(words, k) == len(words) - k and all(
            _DEMONYM.search(w) or place_name(w) or org_word(w) for w in words[:k]
        ):
            title = " ".join(words[k:])
            out.append(
                Mention(
                    "role",
                    title,
                    si,
                    toks[i + k].start,
                    toks[j - 1].end,
                    role=title,
                    rule="demonym-title",
                )
            )
            return
    # A title inside the run: qualifier + title + name ("Haiti Prime Minister Garry Conille").
    for k in range(len(words)):
        tl = _match_title(words, k)
        if tl and (
            k == 0 or k + tl < len(words) or words[k] in ("President", "Prime", "Chancellor")
        ):
            qualifier = words[:k]
            title = " ".join(words[k : k + tl])
            name = words[k + tl :]
            # "Minister" after "Foreign" etc. is a longer title starting earlier: already tried.
            if qualifier and not (
                place_name(" ".join(qualifier))
                or qualifier[-1] in lx.ORG_WORDS
                or _acronym_like(qualifier[-1])
                or all(w[0].isupper() for w in qualifier)
            ):
                continue
            if qualifier:
                qtext = " ".join(qualifier)
                _classify_plain(
                    si, text, qtext, toks[i].start, toks[i + k - 1].end, qualifier, True, out
                )
            role = None if title in lx.COURTESY else title
            if name and name[0].lower() in (
                "of",
                "for",
                "de",
                "du",
                "des",
                "del",
                "von",
                "der",
                "den",
                "für",
            ):
                # "Governor of Washington Chris Gregoire": the title's domain, then the name.
                rest = name[1:]
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
                if splits:
                    _, p, qual, nm = min(splits, key=lambda s: (s[0], s[1]))
                    qtext = " ".join(qual)
                    n_start = toks[i + k + tl + 1 + p + (1 if rest[p] in lx.COURTESY else 0)].start
                    _classify_plain(
                        si,
                        text,
                        qtext,
                        toks[i + k + tl + 1].start,
                        toks[i + k + tl + p].end,
                        qual,
                        True,
                        out,
                    )
                    out.append(
                        Mention(
                            "person",
                            " ".join(nm),
                            si,
                            n_start,
                            end,
                            role=f"{title} {name[0]} {qtext}",
                            evidence={"title"},
                            rule="title-domain-name",
                        )
                    )
                    return
                if len(rest) >= 1 and (
                    place_name(" ".join(rest)) or any(w in lx.ORG_WORDS for w in rest)
                ):
                    # "Associate Director of the Division of Enforcement": a role, then its body.
                    lead = 1 if rest[0] == "the" and len(rest) > 1 else 0
                    out.append(
                        Mention(
                            "role",
                            title,
                            si,
                            toks[i + k].start,
                            end,
                            role=title,
                            rule="title-then-body",
                        )
                    )
                    _classify_plain(
                        si,
                        text,
                        " ".join(rest[lead:]),
                        toks[i + k + tl + 1 + lead].start,
                        end,
                        rest[lead:],
                        True,
                        out,
                    )
                    return
                break
            if "of" in name[1:]:
                cut = name.index("of", 1)
                after_of = [w for w in name[cut + 1 :] if w != "the"]
                name_end = toks[i + k + tl + cut - 1].end
                r_start = toks[i + k + tl + cut + 1 + (1 if name[cut + 1] == "the" else 0)].start
                if after_of:
                    _classify_plain(si, text, " ".join(after_of), r_start, end, after_of, True, out)
                name, end = name[:cut], name_end
            if (
                name
                and not any(w in lx.ORG_WORDS or w in _WEEKDAY_MONTH for w in name)
                and not place_name(" ".join(name))
            ):
                n_start = toks[i + k + tl].start
                out.append(
                    Mention(
                        "person",
                        " ".join(name),
                        si,
                        n_start,
                        end,
                        role=role,
                        evidence={"title"},
                        rule="title-name",
                    )
                )
                if role is None:
                    ap = appositive_role(text, n_start, end)
                    if ap:
                        out[-1].role = ap
                return
            if not name and role:
                out.append(
                    Mention(
                        "role", title, si, toks[i + k].start, end, role=title, rule="title-role"
                    )
                )
                return
            break
    _classify_plain(si, text, phrase, start, end, words, sentence_initial, out)


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
