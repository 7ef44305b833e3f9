from __future__ import annotations

from ._helpers import article, facts, texts


def _person(a, name):  # type: ignore[no-untyped-def]
    return next(p for p in facts(a, "person") if p.text == name)


def test_titles_possessives_and_merged_mentions() -> None:
    a = article(
        "President William Ruto met Haiti's Prime Minister Garry Conille in Nairobi on Monday.\n"
        "Ruto said the talks went well. The President later left. Prime Minister Conille stayed."
    )
    assert texts(a, "person") == {"William Ruto", "Garry Conille"}
    assert _person(a, "William Ruto").role == "President"
    assert _person(a, "Garry Conille").role == "Prime Minister"
    assert "Ruto" in _person(a, "William Ruto").aliases


def test_appositive_and_preceding_roles() -> None:
    a = article(
        "Richard Parsons, chairman and chief executive of Time Warner, said profits rose.\n"
        "The mayor of L'Aquila, Massimo Cialente, declared a state of emergency.\n"
        "Thomas Sam, 42, and his wife Manju Sam appeared in court with Mark Tedeschi, QC."
    )
    assert _person(a, "Richard Parsons").role == "chairman and chief executive of Time Warner"
    assert _person(a, "Massimo Cialente").role == "mayor of L'Aquila"
    assert _person(a, "Mark Tedeschi").role == "QC"
    assert "Thomas Sam" in texts(a, "person")


def test_never_a_place_an_organisation_a_weekday_or_a_sentence_start() -> None:
    a = article(
        "Kenya and Haiti signed the deal. Monday was quiet in Nairobi.\n"
        "Officials from the Haitian National Police said the United Nations agreed. "
        "Several buildings collapsed. Emotional jurors wept."
    )
    assert texts(a, "person") == set()


def test_german_titles_need_real_evidence() -> None:
    a = article(
        "Gesundheitsminister Hermann Gröhe legte keinen Entwurf vor, sagte die "
        "Bundestagsabgeordnete "
        "Christina Jantz.\nDie Einfuhrhemnisse für Fisch aus Belize werden aufgehoben."
    )
    assert texts(a, "person") == {"Hermann Gröhe", "Christina Jantz"}
    assert _person(a, "Hermann Gröhe").role == "Gesundheitsminister"
