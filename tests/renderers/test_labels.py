"""docexport's own words per language: the catalogue, dates, quotation marks,
French spacing; Hangul and other CJK printed, missing glyphs reported truthfully."""

from __future__ import annotations

import io
import warnings

import pytest

import docexport
from docexport.model import Article, Pack, Paragraph, Text
from docexport.renderers.labels import catalogue_languages, compile_catalogues, labels, locale_dir
from tests.conftest import require_tool


def test_catalogue_covers_the_required_languages() -> None:
    assert {"fr", "es", "de", "ar"} <= set(catalogue_languages())


def test_compiled_catalogues_match_their_sources(tmp_path: object) -> None:
    """The shipped .mo files are what the .po sources compile to (run
    ``python -m docexport.renderers.labels`` after editing a .po)."""
    shipped = {p: p.read_bytes() for p in locale_dir().glob("*/LC_MESSAGES/*.mo")}
    try:
        written = compile_catalogues()
        assert {p: p.read_bytes() for p in written} == shipped
    finally:
        for path, data in shipped.items():
            path.write_bytes(data)


def test_every_message_is_translated_in_every_catalogue() -> None:
    from babel.messages.pofile import read_po

    catalogues = {}
    for po in sorted(locale_dir().glob("*/LC_MESSAGES/docexport.po")):
        with po.open("rb") as fh:
            catalogues[po.parent.parent.name] = {m.id: m.string for m in read_po(fh) if m.id}
    ids = set(next(iter(catalogues.values())))
    for lang, messages in catalogues.items():
        assert set(messages) == ids, lang
        assert all(messages.values()), [k for k, v in messages.items() if not v]


@pytest.mark.parametrize(
    ("lang", "summary", "date", "quote"),
    [
        ("en", "Summary", "3 November 2024", "“oui”"),
        ("fr", "Résumé", "3 novembre 2024", "«\u202foui\u202f»"),
        ("es", "Resumen", "3 de noviembre de 2024", "«oui»"),
        ("de", "Zusammenfassung", "3. November 2024", "„oui“"),
        ("ar", "ملخص", "3 نوفمبر 2024", "«oui»"),
        ("pt", "Summary", "3 November 2024", "“oui”"),  # no catalogue: English
    ],
)
def test_labels_dates_and_quotes(lang: str, summary: str, date: str, quote: str) -> None:
    words = labels(lang)
    assert words("Summary") == summary
    assert words.date("2024-11-03") == date
    assert words.quote("“oui”") == quote


def test_french_spacing_keeps_the_length() -> None:
    text = "Il a dit : « oui » ! Pourquoi ? http://x.org/a:b"
    spaced = labels("fr").typeset(text)
    assert len(spaced) == len(text)
    assert spaced == "Il a dit\u202f: «\u202foui\u202f»\u202f! Pourquoi\u202f? http://x.org/a:b"
    assert labels("en").typeset(text) == text


def test_language_override_sets_the_labels() -> None:
    from docexport.renderers import RenderOptions, get
    from docexport.themes import load_theme
    from tests.readback import epub_text

    article = Article(
        headline="Harbour",
        language="en",
        published="2024-03-10",
        body=(Paragraph(id="p1", inlines=(Text(text="The harbour opened."),)),),
    )
    pack = Pack(title="Harbour", articles=(article,))
    data = get("epub").render(pack, load_theme(), RenderOptions(language="de"))
    text = epub_text(data)
    assert "Veröffentlicht am 10. März 2024" in text and "Published" not in text


def test_hangul_and_chinese_print_in_the_pdf() -> None:
    require_tool("pdftotext", "fc-list")
    from docexport.renderers.pdf.fonts import fallback_for

    if fallback_for("한") is None:
        pytest.fail("no font with Hangul installed (.ci/run installs fonts-wqy-zenhei)")
    article = Article(
        headline="서울 항구 확장 계획",
        language="ko",
        body=(
            Paragraph(
                id="p1", inlines=(Text(text="정부는 화요일 항구 확장 계획을 발표했다. 北京"),)
            ),
        ),
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = docexport.render(Pack(title="서울", articles=(article,)), "pdf")
    assert not [w for w in caught if "no installed font" in str(w.message)]
    from tests.crossread import pdftotext

    text = pdftotext(data)
    assert "서울 항구 확장 계획" in text and "정부는 화요일" in text and "北京" in text


def test_a_character_no_font_has_is_reported_as_not_printed() -> None:
    ch = "\U00018b00"  # KHITAN SMALL SCRIPT: no Debian font has it
    from docexport.renderers.pdf.fonts import fallback_for

    if fallback_for(ch) is not None:
        pytest.skip("a font with Khitan is installed here")
    article = Article(headline=f"Name {ch}", body=(Paragraph(id="p", inlines=(Text(text="x"),)),))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = docexport.render(Pack(title="t", articles=(article,)), "pdf")
    messages = [str(w.message) for w in caught if "no installed font" in str(w.message)]
    assert messages and "not printed" in messages[0] and "U+18B00" in messages[0]
    from pypdf import PdfReader

    assert ch not in "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
