"""Hostile text: markup characters stay text, control characters go, links are
safe, right-to-left articles run right to left, nothing crashes."""

from __future__ import annotations

import pytest

from docexport.model import Article, Pack, Paragraph, Source, Text
from docexport.themes import Theme

from .conftest import NS, Book, render
from .packs import ARABIC, HOSTILE_HEADLINE, LONG_WORD


def _clean(text: str) -> str:
    from docexport.textutil import strip_illegal

    return strip_illegal(text)


def test_markup_survives_literally(hostile_book: Book) -> None:
    chapter = "a1.xhtml"
    assert hostile_book.x(chapter, "string(//h:h1)") == _clean(HOSTILE_HEADLINE)
    assert hostile_book.x("a1-summary.xhtml", "string(//h:h1)") == _clean(HOSTILE_HEADLINE)
    text = hostile_book.text(chapter)
    assert "<script>document.write('x')</script> & entities &amp; &lt; stay text" in text
    assert "A CDATA end ]]> and a comment <!-- x --> too." in text
    assert "if a < b && c > d:\n    print(']]>')\n<![CDATA[ x ]]>" in text
    assert "Quoted <text> & more" in text
    assert "— <b>Speaker</b> & co" in text
    for href, doc in hostile_book.docs.items():
        assert not doc.xpath("//h:script | //h:b | //h:q", namespaces=NS), href
        assert not doc.xpath("//comment()"), href


def test_control_characters_and_surrogates_are_dropped(hostile_book: Book) -> None:
    text = hostile_book.text("a1.xhtml")
    assert "Controls  and a lone surrogate  vanish." in text
    for ch in "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\ud800":
        assert ch not in text


def test_only_followable_links_are_kept(hostile_book: Book) -> None:
    hrefs = [str(h) for d in hostile_book.docs for h in hostile_book.x(d, "//h:a/@href")]
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert "https://example.org/a%20b?q=%3Cx%3E&y=1#frag%20ment" in hrefs
    # the dropped link keeps its words as plain text
    assert "a javascript link" in hostile_book.text("a1.xhtml")
    # marks inside a link keep both
    strong = hostile_book.x("a1.xhtml", "//h:a[contains(@href,'example.org')]/h:strong/text()")
    assert strong == ["a good <link>"]


def test_long_paragraph_is_whole(hostile_book: Book) -> None:
    text = hostile_book.text("a1.xhtml")
    assert text.count("This is a very long paragraph sentence number one.") == 2500
    assert LONG_WORD in text


def test_heading_levels_are_normalised(hostile_book: Book) -> None:
    # a level-4 heading straight after the h1 becomes h2, never h5
    assert hostile_book.x("a1.xhtml", "string(//h:h2[1])") == "Deep <heading> & ]]>"
    assert not hostile_book.x("a1.xhtml", "//h:h5")


def test_unanchored_facts_are_text_not_broken_links(hostile_book: Book) -> None:
    items = hostile_book.x("a1-summary.xhtml", "//h:aside//h:li")
    place = next(li for li in items if "".join(li.itertext()).startswith("Place"))
    assert not place.xpath("h:a", namespaces=NS)
    empty = next(li for li in items if "(no text)" in "".join(li.itertext()))
    assert empty.xpath("h:a", namespaces=NS)  # still followable, with visible text


def test_rtl_articles(hostile_book: Book) -> None:
    for href in ("a2.xhtml", "a2-summary.xhtml"):
        root = hostile_book.docs[href]
        assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    assert (
        hostile_book.docs["a3.xhtml"].get("lang"),
        hostile_book.docs["a3.xhtml"].get("dir"),
    ) == ("he", "rtl")
    # an English paragraph inside the Arabic article runs left to right
    assert hostile_book.x("a2.xhtml", "//h:p[starts-with(., 'English words')]/@dir") == ["ltr"]
    # an Arabic paragraph inside the (undetermined-language) article runs right to left
    assert hostile_book.x("a1.xhtml", f"//h:p[. = '{ARABIC}']/@dir") == ["rtl"]
    # docexport's own labels are in Arabic on the Arabic pages (no English left)
    assert hostile_book.x("a2-summary.xhtml", "//h:h2[. = 'Summary']") == []
    summary = hostile_book.x("a2-summary.xhtml", "//h:h2[. = 'ملخص']")[0]
    assert summary.get("lang") is None and summary.get("dir") is None
    # ... and English, tagged as English, on the pages of an untagged article
    cover = hostile_book.x("a1-summary.xhtml", "//h:h2[. = 'Summary']")
    assert cover == [] or cover[0].get("lang") in (None, "en")
    # the pack-level nav marks the Arabic headline as Arabic
    link = hostile_book.nav.xpath("//h:a[@href='a2-summary.xhtml' and @lang]", namespaces=NS)
    assert link and link[0].get("lang") == "ar"


def test_untagged_arabic_is_detected_from_the_text(default_theme: Theme) -> None:
    article = Article(headline=ARABIC, body=(Paragraph(id="p", inlines=(Text(text=ARABIC),)),))
    book = Book.open(render(Pack(title="t", articles=(article,)), default_theme))
    root = book.docs["a1.xhtml"]
    assert (root.get("lang"), root.get("dir")) == ("und", "rtl")


@pytest.mark.parametrize("weird", ["", " ", "\x00", "<", "]]>", "&amp;", "\u202e", "\ufeff"])
def test_degenerate_articles_render(weird: str, default_theme: Theme) -> None:
    article = Article(
        headline=weird,
        standfirst=weird or None,
        source=Source(name=weird or None, url=weird),
        language=weird or None,
        published=weird or None,
        summary=(weird,),
        body=(Paragraph(id=weird, inlines=(Text(text=weird),)),),
    )
    pack = Pack(title=weird, articles=(article,), date=weird or None, marking=weird or None)
    book = Book.open(render(pack, default_theme))
    for href in ("cover.xhtml", "a1-summary.xhtml", "a1.xhtml"):
        assert book.x(href, "string(//h:h1)").strip(), href  # never an empty heading
    assert book.meta("//dc:title/text()")  # never empty: epubcheck requires one


def test_empty_pack_is_a_render_error(default_theme: Theme) -> None:
    from docexport.errors import RenderError

    with pytest.raises(RenderError):
        render(Pack(title="t", articles=()), default_theme)


def test_bad_model_ids_become_valid_unique_xml_ids(hostile_book: Book) -> None:
    import re

    for href in hostile_book.docs:
        for value in hostile_book.ids(href):
            assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*", value), (href, value)
