"""Metadata, language, reproducibility, reference documents, hostile text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from docexport.errors import RenderError
from docexport.model import (
    Article,
    BlockQuote,
    CodeBlock,
    Heading,
    Link,
    ListBlock,
    Pack,
    Paragraph,
    Source,
    Text,
)
from docexport.renderers.docx import styles as S
from docexport.themes import Theme

from .conftest import SEED_URL, read, render

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_bytes(doc: docx.document.Document) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_core_properties(seed_docx: bytes, seed_facts: Pack) -> None:
    cp = read(seed_docx).core_properties
    article = seed_facts.articles[0]
    assert cp.title == article.headline
    assert article.standfirst.startswith(cp.subject) and cp.subject.endswith(".")
    assert len(cp.subject) <= 255
    assert cp.author == "allafrica.com"
    assert "William Ruto" in cp.keywords and "Haiti" in cp.keywords
    assert cp.language == "en-GB"
    assert cp.last_modified_by == "docexport"
    assert cp.revision == 1
    assert cp.comments == "Briefing pack"
    # the seed has no date: a fixed constant, never the clock
    assert cp.created == cp.modified == dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


def test_dates_come_from_epoch_or_publication(
    seed_facts: Pack, default_theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = render(seed_facts, default_theme, source_date_epoch=1_700_000_000)
    assert read(data).core_properties.created == dt.datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc
    )
    dated = dataclasses.replace(
        seed_facts, articles=(dataclasses.replace(seed_facts.articles[0], published="2024-11-03"),)
    )
    assert read(render(dated, default_theme)).core_properties.created == dt.datetime(
        2024, 11, 3, tzinfo=dt.timezone.utc
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert read(render(dated, default_theme)).core_properties.created == dt.datetime(
        1970, 1, 2, tzinfo=dt.timezone.utc
    )


def test_byte_identical_across_renders(
    seed_docx: bytes, seed_facts: Pack, default_theme: Theme, multi_docx: bytes, multi_facts: Pack
) -> None:
    assert render(seed_facts, default_theme) == seed_docx
    assert render(multi_facts, default_theme) == multi_docx
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_language_in_style_defaults_and_rtl(seed_facts: Pack, default_theme: Theme) -> None:
    doc = read(render(seed_facts, default_theme))
    lang = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"
    arabic = Article(
        headline="قمة في نيروبي",
        standfirst="اجتمع القادة في نيروبي.",
        language="ar",
        source=Source(name="example.com"),
        body=(Paragraph(id="p1", inlines=(Text(text="قال الرئيس إن البعثة ناجحة."),)),),
    )
    doc = read(render(Pack(title="t", articles=(arabic,), language="ar"), default_theme))
    lang = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}bidi") == "ar-SA"
    body = next(p for p in doc.paragraphs if p.style.name == S.BODY)
    assert body._p.pPr.find(f"{W}bidi") is not None
    assert all(r._r.rPr.find(f"{W}rtl") is not None for r in body.runs)


def test_mixed_language_pack_marks_runs(multi_docx: bytes) -> None:
    # every article here is English: no per-run language needed
    doc = read(multi_docx)
    assert not list(doc.element.body.iter(f"{W}lang"))


def test_blocks_quotes_lists_code_links(default_theme: Theme) -> None:
    article = Article(
        headline="Blocks",
        standfirst="A standfirst.",
        language="en",
        source=Source(name="example.org", url="https://example.org/a"),
        body=(
            Paragraph(
                id="p1",
                inlines=(
                    Text(text="See "),
                    Link(text="the report", url="https://example.org/r"),
                    Text(text=" and "),
                    Link(text="this", url="javascript:alert(1)"),
                    Text(text=" in "),
                    Text(text="bold", marks=("strong",)),
                    Text(text=" and "),
                    Text(text="both", marks=("strong", "emphasis")),
                    Text(text="."),
                ),
            ),
            Heading(id="h1", level=3, inlines=(Text(text="Deep heading"),)),
            BlockQuote(id="q1", inlines=(Text(text="“We will win.”"),), speaker="A Speaker"),
            ListBlock(id="l1", items=((Text(text="one"),), (Text(text="two"),)), ordered=True),
            ListBlock(id="l2", items=((Text(text="a"),), (Text(text="b"),)), ordered=True),
            ListBlock(id="l3", items=((Text(text="dot"),),)),
            CodeBlock(id="c1", text="x = 1\ny = 2"),
            Paragraph(id="p2", inlines=(Text(text="Context."),), role="background"),
            Paragraph(id="p3", inlines=(Text(text="In short."),), role="closing"),
        ),
    )
    doc = read(render(Pack(title="Blocks", articles=(article,)), default_theme))
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert ("Heading 2", "Deep heading") in styled  # level 3 under the H1 headline -> 2
    assert (S.QUOTE, "“We will win.”") in styled
    assert (S.QUOTE_SOURCE, "— A Speaker") in styled
    assert (S.LIST_NUMBER, "one") in styled and (S.LIST_BULLET, "dot") in styled
    assert (S.CODE, "x = 1\ny = 2") in styled
    assert ("Heading 2", "Background") in styled
    first = next(p for p in doc.paragraphs if p.text == "See the report and this in bold and both.")
    assert [h.address for h in first.hyperlinks] == ["https://example.org/r"]  # no javascript:
    assert [r.style.name for r in first.runs if r.text == "bold"] == ["Strong"]
    # each numbered list starts again at 1: its own w:num with a start override
    nums = {
        p.text: p._p.pPr.find(f"{W}numPr/{W}numId").get(f"{W}val")
        for p in doc.paragraphs
        if p.style.name == S.LIST_NUMBER
    }
    assert nums["one"] == nums["two"] != nums["a"] == nums["b"]


def test_hostile_text_renders_literally(default_theme: Theme) -> None:
    nasty = "<w:p><w:r><w:t>x</w:t></w:r></w:p> &amp; & ]]> \x01\x0b\ufffe ok"
    article = Article(
        headline=f"Headline {nasty}",
        standfirst=nasty,
        source=Source(name=nasty, url="https://example.org/?a=1&b=<2>"),
        summary=(nasty,),
        body=(
            Paragraph(id="p1", inlines=(Text(text=nasty), Link(text=nasty, url=nasty))),
            CodeBlock(id="c", text=nasty),
        ),
    )
    data = render(Pack(title=nasty, articles=(article,)), default_theme)
    doc = read(data)
    literal = "<w:p><w:r><w:t>x</w:t></w:r></w:p> &amp; & ]]>  ok"
    texts = [p.text for p in doc.paragraphs]
    assert f"Headline {literal}" in texts
    assert literal + literal in texts  # the text and the (unsafe, so unlinked) link text
    # The document's title is the pack's, in every format.
    assert doc.core_properties.title == " ".join(literal.split())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
    assert "&lt;w:p&gt;" in xml and "&amp;amp;" in xml
    assert (
        next(p for p in doc.paragraphs if p.style.name == S.ATTRIBUTION).hyperlinks[0].address
        == "https://example.org/?a=1&b=%3C2%3E"  # percent-encoded, as in the EPUB
    )


def _reference(tmp_path: Path) -> Path:
    ref = docx.Document()
    ref.styles["Body Text"].font.name = "Courier New"
    ref.styles["Body Text"].font.size = Pt(13)
    section = ref.sections[0]
    section.page_width, section.page_height = Pt(792), Pt(612)  # Letter landscape
    section.left_margin = section.right_margin = Pt(36)
    section.header.paragraphs[0].text = "ACME INTERNAL"
    section.footer.paragraphs[0].text = "ACME footer"
    ref.add_paragraph("reference body text that must not survive")
    path = tmp_path / "ref.docx"
    path.write_bytes(_docx_bytes(ref))
    return path


def test_reference_docx_gives_styles_page_and_furniture(
    tmp_path: Path, seed_facts: Pack, default_theme: Theme
) -> None:
    marked = dataclasses.replace(seed_facts, marking="OFFICIAL")
    doc = read(render(marked, default_theme, reference_docx=_reference(tmp_path)))
    assert doc.styles[S.BODY].font.name == "Courier New"
    assert doc.styles[S.BODY].font.size == Pt(13)
    # styles the reference lacks come from the theme
    assert doc.styles[S.FACT_LABEL].font.name == default_theme.fonts.heading[0]
    section = doc.sections[0]
    assert round(section.page_width.pt) == 792 and round(section.left_margin.pt) == 36
    assert "ACME INTERNAL" in section.header.paragraphs[0].text
    assert "OFFICIAL" in "\n".join(p.text for p in section.header.paragraphs)
    assert [p.text for p in section.footer.paragraphs] == ["ACME footer"]
    assert all("must not survive" not in p.text for p in doc.paragraphs)
    assert doc.paragraphs[0].text == seed_facts.articles[0].headline
    assert doc.core_properties.title == seed_facts.articles[0].headline
    # the box fills the reference's text width
    grid = doc.tables[0]._tbl.tblGrid
    width = sum(int(c.get(f"{W}w")) for c in grid.iter(f"{W}gridCol"))
    assert abs(width - (792 - 72) * 20) <= 2


def test_bad_reference_is_a_render_error(
    tmp_path: Path, seed_facts: Pack, default_theme: Theme
) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(RenderError, match="reference docx"):
        render(seed_facts, default_theme, reference_docx=bad)


def test_multi_pack_cover_toc_and_sections(multi_docx: bytes, multi_facts: Pack) -> None:
    doc = read(multi_docx)
    texts = [(p.style.name, p.text) for p in doc.paragraphs]
    assert texts[0] == (S.TITLE, multi_facts.title)
    assert (S.MARKING, "OFFICIAL") in texts
    assert (S.TOC_HEADING, "Contents") in texts
    h1 = [t for s, t in texts if s == "Heading 1"]
    assert h1 == [a.headline for a in multi_facts.articles]
    instr = [t.text for t in doc.element.body.iter(f"{W}instrText")]
    assert any(i.strip().startswith("TOC ") for i in instr)
    begin = next(doc.element.body.iter(f"{W}fldChar"))
    assert begin.get(f"{W}dirty") == "true"
    assert doc.settings.element.find(f"{W}updateFields").get(f"{W}val") == "true"
    toc = [p for p in doc.paragraphs if p.style.name in S.TOC_LEVELS]
    assert [p.text.split("\t")[0] for p in toc if p.style.name == "TOC 1"] == h1
    # cover + one section per article, each footer naming its source
    assert len(doc.sections) == 1 + len(multi_facts.articles)
    footers = [s.footer.paragraphs[0].text.split("\t")[0] for s in doc.sections]
    assert footers[1:] == ["allafrica.com", "example.org", "https://example.net/news/1"]
    assert all("OFFICIAL" in s.header.paragraphs[0].text for s in doc.sections)
    # the cover's box links into the articles' bodies
    names = {b.get(f"{W}name") for b in doc.element.body.iter(f"{W}bookmarkStart")}
    cover_links = [
        h.fragment
        for r in doc.tables[0].rows
        for c in r.cells
        for p in c.paragraphs
        for h in p.hyperlinks
    ]
    assert cover_links and set(cover_links) <= names
    # the third article's source is a working link
    assert SEED_URL not in multi_docx.decode("latin-1")
    urls = [h.address for p in doc.paragraphs for h in p.hyperlinks if h.address]
    assert urls == ["https://example.net/news/1"]
