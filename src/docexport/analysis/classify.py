"""Classification of a capitalised run without a title: an ordered list of named rules.

Each rule is a small function that either claims the run (adding a place, organisation
or person mention, or deciding it names nothing) and returns True, or passes it on.
The first rule to claim a run decides it; the benchmark counts how often each fired.
"""

from __future__ import annotations

from collections.abc import Callable

from .rulebase import Run
from .rules_bodies import (
    affiliation_target,
    bare_head_word,
    body_noun_after,
    brand_shape,
    compound_body,
    firm_in_s,
    head_word_and_acronym,
    lone_acronym,
    members_of,
    named_body,
    organisation_cue,
    place_in_name,
    publication,
    stock_index,
    trim_trailing_title,
    web_domain,
)
from .rules_people import not_a_person, person
from .rules_places import (
    bracketed_region,
    campus_town,
    facility,
    gazetteer_place,
    inside_a_named_thing,
    located_by_based,
    place_cue,
    place_head_first,
    place_head_last,
    qualified_place,
    street,
    town_then_region,
)
from .spans import Mention

RULES: tuple[Callable[[Run], bool], ...] = (
    inside_a_named_thing,
    located_by_based,
    publication,
    gazetteer_place,
    qualified_place,
    affiliation_target,
    head_word_and_acronym,
    web_domain,
    stock_index,
    firm_in_s,
    trim_trailing_title,
    compound_body,
    bare_head_word,
    named_body,
    facility,
    body_noun_after,
    organisation_cue,
    place_cue,
    bracketed_region,
    place_head_first,
    brand_shape,
    members_of,
    street,
    place_in_name,
    lone_acronym,
    place_head_last,
    not_a_person,
    town_then_region,
    campus_town,
    person,
)


def _classify_plain(
    si: int,
    text: str,
    phrase: str,
    start: int,
    end: int,
    words: list[str],
    sentence_initial: bool,
    out: list[Mention],
) -> None:
    run = Run(si, text, phrase, start, end, list(words), sentence_initial, out)
    for rule in RULES:
        if rule(run):
            return
