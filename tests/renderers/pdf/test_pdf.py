"""The PDF renderer: read the produced file back and check text, structure, links, fonts."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pypdf
import pytest

from docexport.errors import DocexportWarning
from docexport.model import Pack, Paragraph, Text
from docexport.renderers import RenderOptions, get
from docexport.themes import Theme
from tests.conftest import require_tool

from ._packs import with_facts, with_structure


def render(pack: Pack, theme: Theme, **opts: Any) -> bytes:
    return get("pdf").render(pack, theme, RenderOptions(**opts))


def pdftotext(data: bytes, tmp_path: Path, *args: str) -> str:
    require_tool("pdftotext")
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def outline_titles(reader: pypdf.PdfReader) -> list[tuple[int, str, int]]:
    out: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return out


@pytest.fixture(scope="module")
def seed_rich(seed_pack: Pack) -> Pack:
    return with_structure(with_facts(seed_pack))


@pytest.fixture(scope="module")
def seed_pdf(seed_rich: Pack, default_theme: Theme) -> bytes:
    return render(seed_rich, default_theme)


@pytest.fixture(scope="module")
def multi_pdf(multi_pack: Pack, default_theme: Theme) -> bytes:
    return render(with_facts(multi_pack), default_theme)


def test_seed_text_in_reading_order(seed_pdf: bytes, seed_pack: Pack, tmp_path: Path) -> None:
    text = " ".join(pdftotext(seed_pdf, tmp_path).split())
    article = seed_pack.articles[0]
    first = text.index("President Ruto Urges Global Community")
    summary = text.index("Summary", first)
    facts = text.index("Key facts", summary)
    body = text.index("In Nairobi, President William Ruto", facts)
    background = text.index("Background", body)
    source = text.index("Source: allafrica.com", background)
    assert first < summary < facts < body < background < source
    assert "Haiti’s Prime Minister" in text  # curly apostrophe intact
    assert "“To achieve lasting change" in text
    closing = " ".join(seed_pack.articles[0].body[-1].inlines[0].text.split()[:6])
    assert closing in text
    assert article.headline in text


def test_summary_page_is_page_one(seed_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf))
    page1 = reader.pages[0].extract_text()
    assert "Key facts" in page1 and "Summary" in page1
    assert "In Nairobi" not in page1
    assert "Page 1 of" in page1
    assert "In Nairobi" in reader.pages[1].extract_text()


def test_metadata(seed_pdf: bytes, seed_pack: Pack) -> None:
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta["/Title"] == seed_pack.title
    assert meta["/Author"] == "allafrica.com"
    assert meta["/Creator"] == "docexport"
    assert meta["/Subject"].startswith("President William Ruto has called")
    assert "Ruto" in meta["/Keywords"]
    assert meta["/CreationDate"] == "D:20000101000000+00'00'"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_source_date_epoch_sets_dates(seed_pack: Pack, default_theme: Theme) -> None:
    data = render(seed_pack, default_theme, source_date_epoch=1730592000)
    meta = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20241103000000+00'00'"


def test_outline_lists_article_and_sections(seed_pdf: bytes, seed_pack: Pack) -> None:
    entries = outline_titles(pypdf.PdfReader(io.BytesIO(seed_pdf)))
    titles = [(d, t) for d, t, _ in entries]
    assert titles[0] == (0, seed_pack.articles[0].headline)
    assert (1, "Summary") in titles and (1, "Key facts") in titles
    assert (1, "Full text") in titles
    assert (2, "Reactions") in titles and (3, "Further reading") in titles
    assert (2, "Background") in titles
    pages = {t: p for _, t, p in entries}
    assert pages["Summary"] == 0 and pages["Full text"] == 1


def test_fact_links_land_on_their_sentences(seed_pdf: bytes, seed_rich: Pack) -> None:
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf))
    page_of = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    article = seed_rich.articles[0]
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    internal = [a for a in links if "/Dest" in a]
    linked_facts = [f for f in article.facts if f.sentence]
    assert len(internal) >= len(linked_facts) - 1 >= 3  # only the box's leading quote is shown
    for annot in internal:
        dest = annot["/Dest"]
        page = page_of[dest[0].idnum]
        assert page >= 1, "a fact link must land in the body, not on the summary page"
        top = float(dest[3])
        # The target is inside the text area of that page.
        assert 40 < top < 842
    # One concrete fact: 600 police officers -> its sentence, on the page that has it.
    fig = next(f for f in article.facts if f.kind == "figure")
    sentence = article.sentence(fig.sentence or "")
    assert sentence is not None
    hits = [page_of[a["/Dest"][0].idnum] for a in internal]
    assert any(
        sentence.text[:40] in reader.pages[p].extract_text().replace("\n", " ") for p in hits
    )


def test_source_link_is_clickable(multi_pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(multi_pdf))
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in reader.pages
        for a in page.get("/Annots", [])
        if "/A" in a.get_object()
    ]
    assert "https://example.net/news/1" in uris


def test_byte_identical(seed_rich: Pack, default_theme: Theme, seed_pdf: bytes) -> None:
    assert render(seed_rich, default_theme) == seed_pdf


def test_qpdf_clean_and_fonts_embedded(seed_pdf: bytes, multi_pdf: bytes, tmp_path: Path) -> None:
    require_tool("qpdf", "pdffonts")
    for name, data in (("seed", seed_pdf), ("multi", multi_pdf)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows
        for row in rows:
            assert "TrueType" in row and " yes yes yes " in row, row
        assert "Helvetica" not in fonts


def test_multi_pack_cover_contents_and_articles(
    multi_pdf: bytes, multi_pack: Pack, tmp_path: Path
) -> None:
    reader = pypdf.PdfReader(io.BytesIO(multi_pdf))
    cover = reader.pages[0].extract_text()
    assert multi_pack.title in cover and "OFFICIAL" in cover
    contents = pdftotext(multi_pdf, tmp_path, "-layout", "-f", "2", "-l", "2")
    assert "Contents" in contents
    entries = outline_titles(reader)
    top = [(t, p) for d, t, p in entries if d == 0]
    for article in multi_pack.articles:
        title = article.headline
        page = dict(top)[title]
        # The contents gives the 1-based page the outline points at.
        line = next(ln for ln in contents.splitlines() if title[:20] in ln)
        assert line.rstrip().endswith(str(page + 1))
        assert title in " ".join(reader.pages[page].extract_text().split())
    text = " ".join(pdftotext(multi_pdf, tmp_path).split())
    for words in ("Καλημέρα κόσμε", "Привет, мир", "Tiếng Việt có dấu", "María José Catalá"):
        assert words in text
    assert "OFFICIAL" in reader.pages[3].extract_text()  # running header on body pages


def test_hostile_text_prints_literally(seed_pack: Pack, default_theme: Theme) -> None:
    nasty = (
        "<b>bold?</b> <font color=red>x</font> <img src=x/> &nbsp; &amp; "
        "<a href='javascript:alert(1)'>y</a> ]]> \x00\x07\x1b tab\there"
    )
    article = seed_pack.articles[0]
    body = (Paragraph(id="evil", inlines=(Text(text=nasty),)), *article.body)
    evil = dataclasses.replace(
        article, headline="<i>Headline</i> & <br/>", standfirst=nasty, body=body, summary=(nasty,)
    )
    pack = dataclasses.replace(seed_pack, title="<para>t</para>", articles=(evil,))
    data = render(pack, default_theme)
    text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages
    ).replace("\n", " ")
    assert "<b>bold?</b>" in text
    assert "<font color=red>x</font>" in text
    assert "<img src=x/>" in text and "&nbsp;" in text and "&amp;" in text
    assert "<i>Headline</i> & <br/>" in text


def test_right_to_left_and_missing_glyphs(
    seed_pack: Pack, default_theme: Theme, tmp_path: Path
) -> None:
    from docexport.renderers.pdf.fonts import fallback_for

    line = "Hebrew: שלום עולם. Arabic: مرحبا بالعالم. Chinese: 你好世界."
    article = dataclasses.replace(
        seed_pack.articles[0], body=(Paragraph(id="x", inlines=(Text(text=line),)),)
    )
    pack = dataclasses.replace(seed_pack, articles=(article,))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = render(pack, default_theme)
    messages = [str(w.message) for w in caught if issubclass(w.category, DocexportWarning)]
    if fallback_for("你") is None:
        assert any("你" in m and "fonts-" in m for m in messages), messages
    else:
        assert not any("你" in m for m in messages)
    text = pdftotext(data, tmp_path)
    assert "שלום עולם" in text  # logical order comes back from the visual layout


def test_edge_cases_render(seed_pack: Pack, default_theme: Theme) -> None:
    """Empty packs, a fact longer than a page, junk language tags, bad dates: no crash."""
    from docexport.model import Article, CodeBlock, Heading, Link, Person

    article = seed_pack.articles[0]
    huge = Person(id="x", text="A" * 6000 + " word" * 3000, sentence="nope", featured=True)
    cases = [
        Pack(title="", articles=(Article(headline=""),)),
        Pack(title="Nothing", articles=()),
        dataclasses.replace(
            seed_pack, articles=(dataclasses.replace(article, facts=(huge, *article.facts)),)
        ),
        dataclasses.replace(
            seed_pack,
            language="zz-<>&",
            date="not a date",
            articles=(
                dataclasses.replace(
                    article,
                    published="2024-13-45",
                    body=(
                        Heading(id="h", level=6, inlines=()),
                        CodeBlock(id="c", text=("x" * 3000 + "\n") * 5),
                        Paragraph(id="p", inlines=(Link(text="h" * 3000, url="https://e.com/"),)),
                    ),
                ),
            ),
        ),
    ]
    for pack in cases:
        data = render(pack, default_theme)
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert len(reader.pages) >= 1
    # the pack's "zz-<>&" is no language tag: the first article's well-formed one is used
    assert reader.trailer["/Root"]["/Lang"] == "en"
