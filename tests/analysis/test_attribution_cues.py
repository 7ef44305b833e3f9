"""Cues found on the unseen evaluation batch, checked on sentences written for the test:
title chains, appositive titles, name particles, joined bodies, acronym glosses, speakers."""

from __future__ import annotations

from typing import Any

import docexport


def _article(body: str) -> Any:
    return docexport.load_text(
        f"A headline for the test\n{body}\nOriginal Source: example.org\n"
    ).articles[0]


def _facts(body: str, kind: str) -> dict[str, Any]:
    return {f.text: f for f in _article(body).facts if f.kind == kind}


def _speakers(body: str) -> list[str | None]:
    return [f.speaker for f in _article(body).facts if f.kind == "quote"]


def test_the_person_at_the_end_of_a_title_chain_speaks() -> None:
    body = (
        "“We are proud of the officers who worked on this case,” said Riverton Police Chief "
        "Ann Marlow. The arrests followed a long inquiry."
    )
    assert _speakers(body) == ["Ann Marlow"]
    assert _facts(body, "person")["Ann Marlow"].role == "Chief"
    assert "Riverton Police" in _facts(body, "organisation")


def test_two_titles_joined_by_and_before_one_name() -> None:
    body = (
        "“The county will not stop here,” said Lake County Sheriff and State Sheriffs’ "
        "Association President Tom Reeve. Deputies made four arrests."
    )
    people = _facts(body, "person")
    assert list(people) == ["Tom Reeve"]
    assert "President" in (people["Tom Reeve"].role or "")
    assert "State Sheriffs’ Association" in _facts(body, "organisation")
    assert _speakers(body) == ["Tom Reeve"]


def test_capitalised_title_and_degree_in_appositives() -> None:
    body = (
        "“Dealers prey on our towns,” said Mark T. Olsen, Special Agent in Charge, DEA "
        "Denver Field Division. The study was led by Rosa Imbert, Ph.D., chief of the "
        "Soil Ecology Unit at the institute."
    )
    people = _facts(body, "person")
    assert people["Mark T. Olsen"].role == "Special Agent in Charge"
    assert (people["Rosa Imbert"].role or "").startswith("chief of the Soil Ecology Unit")


def test_a_place_qualifying_a_role_is_not_a_town() -> None:
    body = (
        'After the game, Carlos Ruiz Mena, Peru coach, said, "We learned a lot today." '
        "The team flies home on Friday."
    )
    people = _facts(body, "person")
    assert "Carlos Ruiz Mena" in people and people["Carlos Ruiz Mena"].role == "Peru coach"
    assert "Carlos Ruiz Mena" not in _facts(body, "place")
    assert _speakers(body) == ["Carlos Ruiz Mena"]


def test_name_particles_and_regnal_numbers() -> None:
    body = (
        "Civil Defence Authority director General Khalid al-Rashid said the site was closed. "
        "The party and Jean-Louis Le Gall, president of the party, were fined. "
        "King Albert II accepted the resignation."
    )
    people = _facts(body, "person")
    assert {"Khalid al-Rashid", "Jean-Louis Le Gall", "Albert II"} <= set(people)


def test_two_bodies_joined_by_and_and_a_country_added_to_a_name() -> None:
    body = (
        "The authors work at the Massachusetts Institute of Technology and Colorado State "
        "University of the US, and at the University of Leeds of the UK. The Department of "
        "Health and Human Services paid for it."
    )
    orgs = set(_facts(body, "organisation"))
    assert {
        "Massachusetts Institute of Technology",
        "Colorado State University",
        "University of Leeds",
        "Department of Health and Human Services",
    } <= orgs
    assert {"United States", "United Kingdom"} <= set(_facts(body, "place"))


def test_spanish_acronym_gloss_names_the_body() -> None:
    body = (
        "La Agencia Federal para el Manejo de Emergencias (FEMA, por sus siglas en inglés) "
        "ha otorgado 3 millones de dólares al estado. La FEMA pagará en mayo."
    )
    orgs = _facts(body, "organisation")
    assert "Agencia Federal para el Manejo de Emergencias" in orgs
    assert orgs["Agencia Federal para el Manejo de Emergencias"].acronym == "FEMA"


def test_a_demonstrative_speaker_is_the_person_named_last() -> None:
    body = (
        "Die Journalistin Maria Brandt arbeitete seit der Amtszeit von Präsident Willy Kramer "
        "im Haus. Dieser hatte über sie gesagt: „Sie ist die beste Reporterin, die ich in "
        "meinem Leben getroffen habe.“"
    )
    assert _speakers(body) == ["Willy Kramer"]


def test_a_quote_that_ends_its_sentence_keeps_its_own_speaker() -> None:
    body = (
        'English captain Harriet Vance won the award. She said, "It felt good out there. '
        'We could have scored more." After the match, the rival coach Peter Olund said, '
        '"They were better."'
    )
    assert sorted(_speakers(body)) == ["Harriet Vance", "Peter Olund"]


def test_role_of_a_body_then_the_name() -> None:
    body = (
        "According to Kenyan Ambassador to the United Kingdom Amos Wekesa, the visit went "
        "well. The executive director of the Council on Foreign Relations Marta Oyelaran "
        "said the talks would go on."
    )
    people = _facts(body, "person")
    assert {"Amos Wekesa", "Marta Oyelaran"} <= set(people)
    assert "Kenyan Ambassador" not in people
    assert "Council on Foreign Relations" in _facts(body, "organisation")
    assert "United Kingdom" in _facts(body, "place")


def test_titled_works_are_nobody() -> None:
    body = 'The team built a robot named "Golden Harvest of Kabul Girls" for the contest.'
    assert not _facts(body, "person") and not _facts(body, "organisation")


def test_one_with_a_scale_and_member_compounds_are_figures() -> None:
    body = (
        "The six-member crew was used in messages over one million times by Thursday. "
        "Fewer than one percent of users still run it. Más de un millón de hogares."
    )
    values = {f.value for f in _article(body).facts if f.kind == "figure"}
    assert {6.0, 1_000_000.0, 1.0} <= values


def test_french_inverted_speech_verb() -> None:
    body = (
        "Le président déchu, Manuel Ortega, a déclaré qu'il attendait. « Nous laissons la "
        "place au droit et à la paix. » a-t-il ajouté."
    )
    assert _speakers(body) == ["Manuel Ortega"]
