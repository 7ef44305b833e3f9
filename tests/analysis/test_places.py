from __future__ import annotations

from docexport.analysis.places import normalise

from ._helpers import article, texts


def test_normalises_aliases_and_other_languages() -> None:
    assert normalise("U.S.") == "United States"
    assert normalise("Britain") == "United Kingdom"
    assert normalise("Allemagne") == "Germany"
    assert normalise("Estados Unidos") == "United States"
    assert normalise("Ciudad de México") == "Mexico City"
    assert normalise("Niederlanden") == "Netherlands"
    assert normalise("Nairobi") == "Nairobi"
    assert normalise("Nowhere Special") is None


def test_places_from_context() -> None:
    a = article(
        "An exhibit opened in Saratoga Springs, New York, and in Evansville, Indiana.\n"
        "Bremen (Deutschland) hosted a forum. South Korea evacuated the town of Yeoncheon."
    )
    got = texts(a, "place")
    assert {"Saratoga Springs", "New York", "Evansville", "Indiana", "Bremen", "Germany"} <= got
    assert {"South Korea", "Yeoncheon"} <= got
