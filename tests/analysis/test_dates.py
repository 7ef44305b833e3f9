from __future__ import annotations

from docexport.analysis.dates import find_dates


def _dates(text: str, published: str | None = None) -> dict[str, str | None]:
    return {d.text: d.iso for d in find_dates(text, published)}


def test_absolute_dates_and_periods() -> None:
    assert _dates("On June 13, 2005, the jury spoke.") == {"June 13, 2005": "2005-06-13"}
    assert _dates("for the 2025-2027 term") == {"2025-2027": "2025/2027"}
    assert _dates("from 2001 to 2005") == {"from 2001 to 2005": "2001/2005"}
    assert _dates("Brüssel (EU), 21.10.2014 – Die") == {"21.10.2014": "2014-10-21"}
    assert _dates("le 13 juin 2005 à Paris") == {"le 13 juin 2005": "2005-06-13"}
    assert _dates("el 5 de mayo de 2010") == {"el 5 de mayo de 2010": "2010-05-05"}
    assert _dates("Gewählt wurde am 7. Juni 2015.") == {"7. Juni 2015": "2015-06-07"}


def test_relative_dates_are_kept_as_written_and_resolved_when_published_is_known() -> None:
    assert _dates("deployment next month") == {"next month": None}
    assert _dates("deployment next month", "2024-10-15") == {"next month": "2024-11"}
    assert _dates("the court met on Tuesday", "2024-10-17") == {"Tuesday": "2024-10-15"}
    assert _dates("it happened yesterday", "2024-10-17") == {"yesterday": "2024-10-16"}
