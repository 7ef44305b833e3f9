from __future__ import annotations

from ._helpers import article, facts


def _orgs(a):  # type: ignore[no-untyped-def]
    return {o.text: o.acronym for o in facts(a, "organisation")}


def test_acronym_inside_the_name_and_initials_merge() -> None:
    a = article(
        "Kenya backs the Multinational Security Support (MSS) Mission in Haiti.\n"
        "The MSS was extended by the United Nations. The UN Human Rights Council met."
    )
    orgs = _orgs(a)
    assert orgs["Multinational Security Support Mission"] == "MSS"
    assert orgs["United Nations"] == "UN"
    assert "UN Human Rights Council" in orgs


def test_reversed_and_reordered_acronyms() -> None:
    a = article(
        "The secretary general of CEI (Italian Episcopal Conference) objected.\n"
        "The Union of Rationalist Atheists and Agnostics (UAAR) launched a petition."
    )
    orgs = _orgs(a)
    assert orgs["Italian Episcopal Conference"] == "CEI"
    assert orgs["Union of Rationalist Atheists and Agnostics"] == "UAAR"


def test_one_off_acronyms_need_context_and_common_words_are_not_bodies() -> None:
    a = article(
        "Frederick Fung of ADPL lost his seat, as did candidates of the Labour Party.\n"
        "Patients lose 15 IQ points on average."
    )
    orgs = _orgs(a)
    assert "ADPL" in orgs and "Labour Party" in orgs
    assert "IQ" not in orgs
