"""The small pieces: language tags, direction, links, ids, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from docexport.renderers.epub.lang import direction, language_tag, strong_direction
from docexport.renderers.epub.metadata import parse_date, w3c_date
from docexport.renderers.epub.package import zip_time
from docexport.renderers.epub.xhtml import IdMaker, safe_href


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        (("en",), "en"),
        (("pt_BR",), "pt-BR"),
        (("english!!", "fr"), "fr"),
        ((None, "", " "), "und"),
        (("zh-Hant-TW",), "zh-Hant-TW"),
        (("x",), "und"),
    ],
)
def test_language_tag(candidates: tuple[str | None, ...], expected: str) -> None:
    assert language_tag(*candidates) == expected


@pytest.mark.parametrize(
    ("tag", "sample", "expected"),
    [
        ("ar", "", "rtl"),
        ("he-IL", "", "rtl"),
        ("fa", "", "rtl"),
        ("ku-Latn", "", "ltr"),
        ("az-Arab", "", "rtl"),
        ("en", "مرحبا بالعالم", "ltr"),  # a tag that says LTR is believed
        ("und", "مرحبا بالعالم", "rtl"),
        ("und", "Hello", "ltr"),
    ],
)
def test_direction(tag: str, sample: str, expected: str) -> None:
    assert direction(tag, sample) == expected


def test_strong_direction() -> None:
    assert strong_direction("123 “שלום” world") == "rtl"
    assert strong_direction("— 2024 —") is None
    assert strong_direction("Hello مرحبا") == "ltr"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/100%/x%41", "https://example.org/100%25/x%41"),
        ("HTTP://Bücher.de/ä", "http://xn--bcher-kva.de/%C3%A4"),
        ("www.example.org", "https://www.example.org"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
        ("javascript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("/relative/path", None),
        ("file:///etc/passwd", None),
        ("https://exa mple.org/", None),
        ("http://", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_href(url: str | None, expected: str | None) -> None:
    assert safe_href(url) == expected


def test_id_maker_is_stable_unique_and_valid() -> None:
    ids = IdMaker("s-")
    assert ids("a1s3") == "s-a1s3"
    assert ids("a1s3") == "s-a1s3"  # same input, same id
    assert ids("a1 s<3>") == "s-a1_s_3"
    assert ids("a1_s_3") == "s-a1_s_3_2"  # collides after cleaning: made unique
    assert ids("") == "s-x"


def test_dates() -> None:
    utc = dt.timezone.utc
    assert parse_date("2024-11-03") == dt.datetime(2024, 11, 3, tzinfo=utc)
    assert parse_date("2024-11") == dt.datetime(2024, 11, 1, tzinfo=utc)
    assert parse_date("2024-11-03T10:00:00+03:00") == dt.datetime(2024, 11, 3, 7, tzinfo=utc)
    assert parse_date("2024-02-30") is None
    assert parse_date("yesterday") is None
    assert w3c_date("2024") == "2024"
    assert w3c_date("2024-11-03T10:00:00+03:00") == "2024-11-03T07:00:00Z"
    assert w3c_date("3 November 2024") is None


def test_zip_time_is_clamped_to_the_dos_range() -> None:
    assert zip_time(dt.datetime(1970, 1, 1)) == (1980, 1, 1, 0, 0, 0)
    assert zip_time(dt.datetime(2024, 1, 2, 3, 4, 5)) == (2024, 1, 2, 3, 4, 4)
