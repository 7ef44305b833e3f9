"""The box rule: facts carry a confidence built from their evidence; only confident facts
are boxed, and ``inspect`` says why each other fact was left out."""

from __future__ import annotations

import pytest

from docexport import inspect_view
from docexport.analysis import confidence
from docexport.analysis.confidence import BOX_THRESHOLD
from docexport.analysis.roles import clean_role

from ._helpers import article as _article


def analyse_text(text: str):  # type: ignore[no-untyped-def]
    headline, _, rest = text.partition("\n")
    return _article(rest.strip(), headline=headline)


def _facts(text: str) -> dict[tuple[str, str], object]:
    article = analyse_text(text)
    return {(f.kind, f.text): f for f in article.facts}


def test_a_titled_name_is_boxed_a_lone_surname_is_not() -> None:
    facts = _facts(
        "Talks resume\n"
        "President William Ruto met the envoys in Nairobi on 3 March 2024.\n"
        '"We will keep talking to everyone," Ochieng said.\n'
    )
    ruto = facts[("person", "William Ruto")]
    assert ruto.confidence >= BOX_THRESHOLD and ruto.featured  # type: ignore[attr-defined]
    assert "title" in ruto.evidence  # type: ignore[attr-defined]
    ochieng = facts[("person", "Ochieng")]
    assert ochieng.confidence < BOX_THRESHOLD and not ochieng.featured  # type: ignore[attr-defined]


def test_a_bare_number_is_listed_but_never_boxed() -> None:
    facts = _facts(
        "Storm damage\nThe storm destroyed 120 homes in the town.\nIn all, 37 were found.\n"
    )
    homes = facts[("figure", "120")]
    assert homes.label and homes.featured  # type: ignore[attr-defined]
    bare = [f for (k, _), f in facts.items() if k == "figure" and not f.label and not f.unit]  # type: ignore[attr-defined]
    assert bare, "the test needs a bare number"
    for f in bare:
        assert f.confidence < BOX_THRESHOLD and not f.featured  # type: ignore[attr-defined]


def test_a_date_without_day_or_year_is_not_boxed() -> None:
    facts = _facts(
        "Vote ahead\nThe council will vote next month on the budget of 3 million euros.\n"
    )
    month = facts[("date", "next month")]
    assert month.confidence < BOX_THRESHOLD and not month.featured  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("speaker", "how", "boxable"),
    [("Ann Lee", "x-said", True), ("Ann Lee", "said-x", True), (None, "none", False)],
)
def test_a_quote_is_boxed_only_with_its_speaker(
    speaker: str | None, how: str, boxable: bool
) -> None:
    assert (confidence.quote(speaker, how) >= BOX_THRESHOLD) is boxable


@pytest.mark.parametrize(
    ("role", "kept"),
    [
        ("Prime Minister", "Prime Minister"),
        ("chairman of the Kenya Ports Authority", "chairman of the Kenya Ports Authority"),
        ("wife were at the centre of the row", None),
        ("roadshow featured the", None),
        (
            "chief of the Virus Ecology Unit in NIAID's Laboratory of Virology",
            "chief of the Virus Ecology Unit",
        ),
        (
            "Executive director of the Dallas chapter of the Council on American-Islamic Relations",
            "Executive director of the Dallas chapter",
        ),
    ],
)
def test_a_role_is_a_noun_phrase_of_at_most_eight_words_never_a_clause(
    role: str, kept: str | None
) -> None:
    assert clean_role(role) == kept


def test_inspect_says_why_each_fact_was_not_boxed(capsys: pytest.CaptureFixture[str]) -> None:
    from docexport.model import Pack

    article = analyse_text(
        "Storm damage\nThe storm destroyed 120 homes in the town next month, Ann Lee said.\n"
    )
    inspect_view.show(Pack(title="t", articles=(article,)))
    out = " ".join(capsys.readouterr().out.split())
    assert "conf" in out
    assert "not boxed:" in out
    assert "next month: not a date a reader can place" in out
