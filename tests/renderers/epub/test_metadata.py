"""The package document: Dublin Core, dates, identifier, accessibility."""

from __future__ import annotations

import dataclasses
import re

from docexport.model import Pack
from docexport.themes import Theme

from .conftest import Book, render


def test_dublin_core_of_a_single_article(seed_book: Book, seed_facts_pack: Pack) -> None:
    article = seed_facts_pack.articles[0]
    assert seed_book.meta("//dc:title/text()") == [article.headline]
    assert seed_book.meta("//dc:language/text()") == ["en"]
    assert seed_book.meta("//dc:date/text()") == ["2024-11-03"]
    assert seed_book.meta("//dc:source/text()") == ["allafrica.com"]
    assert seed_book.meta("//dc:publisher/text()") == ["allafrica.com"]
    assert seed_book.meta("//dc:description/text()") == [article.standfirst]


def test_subjects_come_from_the_facts(seed_book: Book) -> None:
    subjects = seed_book.meta("//dc:subject/text()")
    for name in ("William Ruto", "Garry Conille", "United Nations", "Kenya", "Nairobi"):
        assert name in subjects
    assert "600" not in subjects  # figures are not subjects


def test_identifier_is_a_content_derived_urn_uuid(
    seed_book: Book, seed_facts_pack: Pack, default_theme: Theme
) -> None:
    unique = seed_book.meta("/opf:package/@unique-identifier")[0]
    ident = seed_book.meta(f"//dc:identifier[@id='{unique}']/text()")
    assert len(ident) == 1
    assert re.fullmatch(
        r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
        r"[0-9a-f]{12}",
        ident[0],
    )
    changed = dataclasses.replace(seed_facts_pack, title="Another title")
    other = Book.open(render(changed, default_theme))
    assert other.meta("//dc:identifier/text()") != ident
    ncx = next(f for f in seed_book.files if f.endswith(".ncx"))
    assert ident[0].encode() in seed_book.files[ncx]  # NCX dtb:uid matches


def test_modified_prefers_source_date_epoch(seed_facts_pack: Pack, default_theme: Theme) -> None:
    book = Book.open(render(seed_facts_pack, default_theme, source_date_epoch=1700000000))
    assert book.prop("dcterms:modified") == ["2023-11-14T22:13:20Z"]


def test_modified_falls_back_to_the_pack_date_then_a_constant(
    seed_book: Book, seed_pack: Pack, default_theme: Theme
) -> None:
    assert seed_book.prop("dcterms:modified") == ["2024-11-04T00:00:00Z"]  # the pack's date
    undated = dataclasses.replace(seed_pack, date=None)
    assert Book.open(render(undated, default_theme)).prop("dcterms:modified") == [
        "2000-01-01T00:00:00Z"
    ]


def test_accessibility_metadata(any_book: Book) -> None:
    assert any_book.prop("schema:accessMode") == ["textual"]
    assert any_book.prop("schema:accessModeSufficient") == ["textual"]
    features = any_book.prop("schema:accessibilityFeature")
    for feature in ("structuralNavigation", "tableOfContents", "readingOrder"):
        assert feature in features
    assert any_book.prop("schema:accessibilityHazard") == ["none"]
    assert len(any_book.prop("schema:accessibilitySummary")[0]) > 80
    # Nothing evaluated the book against WCAG: no conformance claim, no certifier.
    assert any_book.prop("dcterms:conformsTo") == []
    assert any_book.prop("a11y:certifiedBy") == []
    assert "No conformance claim" in any_book.prop("schema:accessibilitySummary")[0]


def test_no_generator_or_clock_in_the_metadata(seed_book: Book) -> None:
    assert not seed_book.meta("//opf:meta[@name='generator']")


def test_multi_pack_lists_every_language_and_source(multi_book: Book) -> None:
    assert multi_book.meta("//dc:language/text()")[0] == "en"
    assert multi_book.meta("//dc:title/text()") == ["Test pack: three articles"]
    assert "https://example.net/news/1" in multi_book.meta("//dc:source/text()")
    assert "Valencia" in multi_book.meta("//dc:subject/text()")
    assert multi_book.meta("//dc:rights/text()") == ["OFFICIAL"]


def test_hostile_metadata_is_escaped_and_well_formed(hostile_book: Book) -> None:
    assert hostile_book.meta("//dc:title/text()") == ["Hostile <pack> & ]]>"]
    languages = hostile_book.meta("//dc:language/text()")
    assert "english!!" not in languages
    assert languages[0] == "und"  # neither the pack's nor the first article's tag is valid
    assert set(languages) == {"und", "ar", "he"}
    assert not hostile_book.meta("//dc:date")  # "2024-13-45" is not a date
    assert all(not s.startswith("javascript:") for s in hostile_book.meta("//dc:source/text()"))


def test_rtl_book_sets_the_page_progression(arabic: Pack, default_theme: Theme) -> None:
    book = Book.open(render(arabic, default_theme))
    assert book.meta("//opf:spine/@page-progression-direction") == ["rtl"]
    assert book.meta("//dc:language/text()") == ["ar"]
