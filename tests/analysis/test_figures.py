from __future__ import annotations

import pytest

from docexport.analysis.figures import find_figures


def _one(text: str):  # type: ignore[no-untyped-def]
    got = find_figures(text)
    assert got, text
    return got[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "label"),
    [
        (
            "Kenya will deploy an additional 600 police officers.",
            600,
            None,
            "additional police officers",
        ),
        ("It posted a fourth-quarter profit of $1.13bn.", 1.13e9, "USD", "fourth-quarter profit"),
        (
            "He ran 7.96 seconds British 60m hurdles record.",
            7.96,
            "seconds",
            "British 60m hurdles record",
        ),
        ("Revenue rose 13 percent.", 13, "%", "Revenue"),
        ("The barriers cost €45 million.", 45e6, "EUR", "barriers"),
        ("Die Fraktion erhielt 49,8 Prozent.", 49.8, "%", None),
        ("Dejó un saldo de 5.000 muertos.", 5000, None, "muertos"),
        ("At least nine aftershocks shook the area.", 9, None, "aftershocks"),
        ("after an 11-year lull", 11, "years", "lull"),
        ("between 3,000-4,000 homes", 3000, None, "homes"),
    ],
)
def test_figures(text: str, value: float, unit: str | None, label: str | None) -> None:
    f = _one(text)
    assert f.value == pytest.approx(value)
    assert f.unit == unit
    if label is not None:
        assert f.label == label


def test_years_dates_times_and_names_are_not_figures() -> None:
    assert find_figures("In 2008 on June 13, 2005 at 3:32 a.m. COVID-19 spread.") == []


def test_a_name_before_a_figure_is_not_its_label() -> None:
    f = find_figures("He was sentenced by Senior Judge Ann Lee to 120 months in prison.")[0]
    assert f.value == 120 and f.label != "Ann Lee"
