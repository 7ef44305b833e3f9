"""People: person mentions merged into one fact per person, with a role.

Mentions of one person are merged: the full name, the surname alone
("Ruto"), and a bare title ("the President") that only one known person
holds. A one-word name with nothing else saying it is a person (a title,
a role, a verb of saying) is dropped: precision over recall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .spans import Mention

_EVIDENCE = {"title", "role", "speech", "given", "shape", "romanised", "age", "affiliation"}


@dataclass
class PersonEntity:
    name: str
    role: str | None
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def _key(name: str) -> str:
    return name.lower().replace("’", "'")


_CYRILLIC_ENDING = re.compile(r"(?:ом|ым|ой|ою|ей|а|у|е|ы|я|ю)$")


def _same_word(a: str, b: str) -> bool:
    """The same name word; in Cyrillic, also declined ("Салливана", "Салливан")."""
    if a == b:
        return True
    if not ("\u0400" <= a[:1] <= "\u04ff") or min(len(a), len(b)) < 4:
        return False
    return _CYRILLIC_ENDING.sub("", a) == _CYRILLIC_ENDING.sub("", b)


def _existing(
    people: list[PersonEntity], by_name: dict[str, PersonEntity], name: str
) -> PersonEntity | None:
    """The person a name refers to, if already met: the same name, a surname or a first-and-
    last form of a longer name ("Ruto", "Luiz Silva")."""
    k = _key(name)
    if k in by_name:
        return by_name[k]
    parts = name.split()
    for p in people:
        full = p.name.split()
        if len(parts) == 1 and (
            _same_word(parts[0], full[-1]) or (len(full) > 2 and parts[0] in full[1:])
        ):
            return p
        if 1 < len(parts) < len(full) and parts[-1] == full[-1] and parts[0] == full[0]:
            return p
        if len(parts) > len(full) and parts[-len(full) :] == full:
            return p
    return None


def _names_a_new_person(m: Mention, lone: dict[str, int]) -> bool:
    """Whether a mention nobody else's is strong enough to open a new person."""
    multi = len(m.text.split()) > 1
    # "Results of NCLAN studies": for one sentence-initial word, "of <body>" is no sign of
    # a person.
    cues = {"title", "role", "speech", "age"}
    if "initial" not in m.evidence:
        cues.add("affiliation")
    strong = bool(m.evidence & cues)
    recurring = lone.get(m.text, 0) >= 3
    return strong or recurring or bool(multi and m.evidence & {"given", "shape", "romanised"})


def _attach_role_mentions(people: list[PersonEntity], mentions: list[Mention]) -> None:
    """A bare title stands for the one person who holds it ("the President")."""
    for m in mentions:
        if m.kind != "role":
            continue
        holders = [p for p in people if p.role and p.role.lower() == (m.role or "").lower()]
        if len(holders) == 1:
            holders[0].mentions.append(m)


_NAMING_CUES = {"title", "role", "speech", "given", "age", "romanised", "affiliation"}


def _not_a_modifier(p: PersonEntity, surnames: set[str]) -> bool:
    """ "Warhol Polaroid": a known surname followed by a common noun is a modifier, not a new
    person."""
    return not (
        len(p.name.split()) == 2
        and p.name.split()[0] in surnames
        and not ({e for m in p.mentions for e in m.evidence} & _NAMING_CUES)
    )


def resolve_people(mentions: list[Mention], other_names: set[str]) -> list[PersonEntity]:
    """People in order of first mention; every person mention is attached to one of them."""
    people: list[PersonEntity] = []
    by_name: dict[str, PersonEntity] = {}
    # Multi-word names first so surnames can attach to them whatever the order.
    ordered = sorted(
        (m for m in mentions if m.kind == "person"),
        key=lambda m: (
            0 if len(m.text.split()) > 1 and m.evidence & _EVIDENCE else 1,
            m.sentence,
            m.start,
        ),
    )
    # A lone given name the text keeps coming back to names a person ("Gloria").
    lone: dict[str, int] = {}
    for m in mentions:
        if m.kind == "person" and " " not in m.text and m.text in lx.GIVEN_NAMES:
            lone[m.text] = lone.get(m.text, 0) + 1
    for m in ordered:
        if m.text in other_names:
            continue
        p = _existing(people, by_name, m.text)
        if p is None:
            if not _names_a_new_person(m, lone):
                continue
            p = PersonEntity(name=m.text, role=m.role)
            people.append(p)
        elif len(m.text.split()) > len(p.name.split()) and m.evidence & _EVIDENCE:
            p.aliases.add(p.name)
            by_name[_key(m.text)] = p
            p.name = m.text
        if m.role and (p.role is None or (len(m.role) > len(p.role) and p.role in ("Mr", "Mrs"))):
            p.role = m.role
        p.mentions.append(m)
        if m.text != p.name:
            p.aliases.add(m.text)
        by_name[_key(m.text)] = p
    _attach_role_mentions(people, mentions)
    surnames = {p.surname for p in people if len(p.name.split()) > 1 and p.mentions}
    people = [p for p in people if _not_a_modifier(p, surnames)]
    for p in people:
        p.mentions.sort(key=lambda m: (m.sentence, m.start))
    people.sort(key=lambda p: (p.mentions[0].sentence, p.mentions[0].start))
    return people
