"""Lower-case nouns after a capitalised name decide what it is; packs drop relative dates."""

from __future__ import annotations

import docexport
from docexport.loading import build_pack
from docexport.readers import Reading


def _facts(text: str) -> dict[str, set[str]]:
    pack = docexport.load_text(text)
    out: dict[str, set[str]] = {}
    for f in pack.articles[0].facts:
        out.setdefault(f.kind, set()).add(f.text)
    return out


def test_facility_and_body_nouns() -> None:
    facts = _facts(
        "Mission lands\n"
        "The first officers of the Multinational Security Support mission arrived on Tuesday.\n"
        "They landed at Toussaint Louverture airport near Port-au-Prince, officials said.\n"
    )
    assert "Toussaint Louverture" not in facts.get("person", set())
    assert "Toussaint Louverture airport" in facts.get("place", set())
    assert any("Multinational Security Support" in o for o in facts.get("organisation", set()))
    assert not any("Multinational" in p for p in facts.get("person", set()))


def test_pack_facts_leave_out_relative_dates() -> None:
    a = docexport.load_text(
        "Storm hits coast\nThe storm hit the coast on Tuesday.\nMore rain is due today.\n"
    )
    b = docexport.load_text(
        "Floods in 2024\nThe floods of 2024 cost 3 million euros.\nRepairs start today.\n"
    )
    pack = build_pack(Reading(articles=a.articles + b.articles), title="t")
    dates = {f.text for f in pack.facts if f.kind == "date"}
    assert "today" not in dates and "Tuesday" not in dates
    assert "2024" in dates
