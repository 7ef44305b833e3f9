"""Organisations: mentions merged by name and acronym.

"Multinational Security Support (MSS) Mission", "the MSS" and
"Multinational Security Support Mission" are one organisation; an acronym
that is the initials of a full name in the article ("UN" and "United
Nations") joins that name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon as lx
from .spans import Mention

_SMALL = frozenset(
    ["of", "for", "and", "the", "de", "du", "des", "la", "le", "del", "der", "für", "&", "on", "in"]
)


@dataclass
class OrgEntity:
    name: str
    acronym: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


def initials(name: str) -> str:
    return "".join(
        w[0] for w in name.replace("-", " ").split() if w.lower() not in _SMALL and w[0].isalpha()
    ).upper()


def resolve_organisations(mentions: list[Mention]) -> list[OrgEntity]:
    orgs: list[OrgEntity] = []
    by_name: dict[str, OrgEntity] = {}
    by_acr: dict[str, OrgEntity] = {}
    org_mentions = [m for m in mentions if m.kind == "organisation"]
    # Defined acronyms and full names first, bare acronyms after.
    order = sorted(
        org_mentions,
        key=lambda m: (
            0
            if "acronym" in m.evidence and m.text != m.acronym
            else 1
            if m.text != m.acronym
            else 2,
            m.sentence,
            m.start,
        ),
    )
    for m in order:
        bare = m.text == m.acronym
        o = by_name.get(m.text.lower()) or (by_acr.get(m.acronym) if m.acronym else None)
        if o is None and bare:
            o = next((x for x in orgs if initials(x.name) == m.text and len(m.text) > 1), None)
        if o is None and not bare:
            o = next(
                (
                    x
                    for x in orgs
                    if x.acronym and initials(m.text) == x.acronym and x.name == x.acronym
                ),
                None,
            )
            if o is not None:
                o.name = m.text
        if o is None:
            # An unexplained capitalised word: an organisation only when it recurs.
            if (
                bare
                and m.text not in lx.KNOWN_ACRONYMS
                and not ({"acronym", "context"} & m.evidence)
                and sum(1 for x in org_mentions if x.text == m.text) < 2
            ):
                continue
            o = OrgEntity(name=m.text, acronym=m.acronym)
            orgs.append(o)
        if m.acronym and not o.acronym:
            o.acronym = m.acronym
        o.mentions.append(m)
        if m.text != o.name:
            o.aliases.add(m.text)
        by_name[m.text.lower()] = o
        if o.acronym:
            by_acr[o.acronym] = o
    for o in orgs:
        if o.name != o.acronym and not o.acronym and initials(o.name) in by_acr:
            pass
        o.mentions.sort(key=lambda m: (m.sentence, m.start))
        o.aliases.discard(o.name)
        if o.acronym:
            o.aliases.discard(o.acronym)
    orgs.sort(key=lambda o: (o.mentions[0].sentence, o.mentions[0].start))
    return orgs
