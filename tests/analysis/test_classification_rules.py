"""The named classification rules, each on sentences written for it."""

from __future__ import annotations

from docexport.analysis.classify import RULES
from docexport.analysis.figures import find_figures

from ._helpers import article, texts


def test_rules_are_named_small_functions_in_one_order() -> None:
    names = [r.__name__ for r in RULES]
    assert len(names) == len(set(names))
    assert names.index("publication") < names.index("gazetteer_place")
    assert names[-1] == "person"
    assert all(r.__doc__ for r in RULES)


def test_publication_before_place() -> None:
    a = article("Emery retweeted an article by New York magazine about the election results.")
    assert "New York" not in texts(a, "place")
    assert "New York" in texts(a, "organisation")


def test_a_field_after_a_head_word_goes_on_over_and() -> None:
    a = article(
        "A report by Stanford University's Center on Poverty and Inequality ranked "
        "ten countries on Monday."
    )
    assert "Center on Poverty and Inequality" in texts(a, "organisation")
    assert "Center on Poverty" not in texts(a, "organisation")


def test_kenya_and_haiti_stay_two_places() -> None:
    a = article("Ministers from Kenya and Haiti met in Nairobi on Monday to plan the mission.")
    assert {"Kenya", "Haiti", "Nairobi"} <= texts(a, "place")


def test_a_plural_head_word_before_of() -> None:
    a = article(
        "The study was led by the National Institutes of Health, according to a statement "
        "issued on Tuesday."
    )
    assert "National Institutes of Health" in texts(a, "organisation")
    assert "National Institutes" not in texts(a, "person")


def test_an_acronym_spelled_out_as_a_disease_is_no_body_and_no_place() -> None:
    a = article(
        "The vaccine was tested against Middle East respiratory syndrome (MERS) in 2019. "
        "Researchers said MERS remains a threat to the region."
    )
    assert "MERS" not in texts(a, "organisation")
    assert "Middle East" not in texts(a, "place")


def test_a_number_inside_a_name_is_no_figure() -> None:
    assert find_figures("Users of 4chan posted the video on Tuesday.") == []
    assert [f.value for f in find_figures("The rocket flew 5km before landing.")] == [5.0]


def test_a_given_name_read_as_a_title_is_not_boxed() -> None:
    a = article(
        "The competition was founded by Dean Kamen to encourage interest in science. "
        "Teams from 157 countries took part."
    )
    assert not [f for f in a.facts if f.kind == "person" and f.text == "Kamen" and f.featured]


def test_a_quote_given_to_a_doubtful_speaker_is_not_boxed() -> None:
    a = article(
        '"Someone emailed me earlier today talking about a threat to the site," Anon wrote in '
        "the post on Tuesday."
    )
    for q in (f for f in a.facts if f.kind == "quote"):
        assert not q.featured or q.speaker != "Anon"


def test_bodies_named_bare_and_fields_that_are_titles() -> None:
    a = article("The bill passed Congress on Tuesday after the Department of Justice backed it.")
    assert {"Congress", "Department of Justice"} <= texts(a, "organisation")
    b = article("The House of Representatives voted 220 to 210 to approve the measure.")
    assert "House of Representatives" in texts(b, "organisation")


def test_tickers_and_stock_indices() -> None:
    a = article(
        "Shares of Larsen & Toubro (LART.NS) rose 3% on the Nifty 50 index, while the "
        "FTSE 100 fell."
    )
    orgs = texts(a, "organisation")
    assert {"Larsen & Toubro", "Nifty 50", "FTSE 100"} <= orgs
    assert not any("LART" in o for o in orgs)
    assert {f.value for f in a.facts if f.kind == "figure"} == {3.0}


def test_no_country_from_inside_a_persons_double_surname() -> None:
    a = article("The ceremony was attended by Irene de Borbón y Grecia and her nephew.")
    assert "Greece" not in texts(a, "place")


def test_a_street_is_a_place_not_a_body() -> None:
    a = article("The shop on Oxford Street reopened after the fire, the council said.")
    assert "Oxford Street" in texts(a, "place")
    assert "Oxford Street" not in texts(a, "organisation")


def test_a_number_in_a_broadcasters_name_is_no_figure() -> None:
    a = article("Listeners heard the news from BBC Radio 4 presenter Nick Robinson on Monday.")
    assert not [f for f in a.facts if f.kind == "figure"]
    b = article("Nearly 300 people attended, and Kenya's 600 police officers arrived.")
    assert {f.value for f in b.facts if f.kind == "figure"} == {300.0, 600.0}


def test_a_show_title_is_not_boxed_as_a_person() -> None:
    a = article("Listeners of The Breakfast Show heard the interview on Monday morning.")
    assert not [f for f in a.facts if f.kind == "person" and f.featured]
