"""The DOCX read back with python-docx: text, styles, outline, box, links, fields."""

from __future__ import annotations

import io
import itertools
import zipfile

from docx.oxml.ns import qn

from docexport.model import Pack, plain_text
from docexport.renderers import briefing
from docexport.renderers.docx import DocxRenderer
from docexport.renderers.docx import styles as S
from docexport.themes import Theme

from .conftest import SEED_URL, read

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NAMED = {
    S.TITLE,
    S.META,
    S.MARKING,
    S.STANDFIRST,
    S.SUMMARY_HEADING,
    S.SUMMARY,
    *S.HEADINGS,
    S.BODY,
    S.NOTE,
    S.QUOTE,
    S.QUOTE_SOURCE,
    S.LIST_BULLET,
    S.LIST_NUMBER,
    S.CODE,
    S.BOX_TITLE,
    S.FACT_LABEL,
    S.FACT_VALUE,
    S.ATTRIBUTION,
    S.TOC_HEADING,
    *S.TOC_LEVELS,
    S.PAGE_BREAK,
}


def all_paragraphs(doc):  # type: ignore[no-untyped-def]
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def test_registered_renderer() -> None:
    from docexport.renderers import get

    renderer = get("docx")
    assert isinstance(renderer, DocxRenderer)
    assert renderer.extension == "docx"


def test_text_reads_back(seed_docx: bytes, seed_facts: Pack) -> None:
    doc = read(seed_docx)
    article = seed_facts.articles[0]
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == article.headline
    for block in article.body:
        assert plain_text(block.inlines) in texts  # type: ignore[union-attr]
    assert texts.count(article.standfirst) == 2  # the summary page and the body
    for point in article.summary:
        assert point in texts
    assert f"Source: allafrica.com — {SEED_URL}" in texts


def test_every_paragraph_has_a_named_style(seed_docx: bytes, multi_docx: bytes) -> None:
    for data in (seed_docx, multi_docx):
        doc = read(data)
        for p in all_paragraphs(doc):
            if p.style.name == "Normal":
                # only the empty paragraphs that carry a section break
                assert not p.text and p._p.find(f"{W}pPr/{W}sectPr") is not None
                continue
            assert p.style.name in NAMED, (p.style.name, p.text[:40])
            # no direct formatting: only style references, links, fields, bookmarks
            for r in p._p.iter(f"{W}r"):
                rpr = r.find(f"{W}rPr")
                if rpr is not None:
                    assert {c.tag for c in rpr} <= {f"{W}rStyle", f"{W}b", f"{W}i"}


def test_headings_carry_outline_levels_and_never_skip(multi_docx: bytes) -> None:
    doc = read(multi_docx)
    for level, name in enumerate(S.HEADINGS):
        ppr = doc.styles[name].element.find(f"{W}pPr")
        assert ppr.find(f"{W}outlineLvl").get(f"{W}val") == str(level)
    levels = [int(p.style.name[-1]) for p in doc.paragraphs if p.style.name in S.HEADINGS]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))
    # Title/Summary Heading sit outside the outline: Word's pane shows articles only
    assert doc.styles[S.SUMMARY_HEADING].element.find(f"{W}pPr/{W}outlineLvl") is None


def test_theme_decides_the_styles(seed_docx: bytes, default_theme: Theme) -> None:
    doc = read(seed_docx)
    body = doc.styles[S.BODY]
    assert body.font.name == default_theme.fonts.body[0]
    assert body.font.size.pt == default_theme.role("body").size
    h1 = doc.styles["Heading 1"]
    assert str(h1.font.color.rgb) == default_theme.role("heading1").color.lstrip("#").upper()
    fonts = h1.element.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}asciiTheme") is None  # theme fonts would win over the name
    section = doc.sections[0]
    assert round(section.page_width.pt) == round(default_theme.page.width)
    assert round(section.left_margin.pt) == round(default_theme.page.margin_left)


def test_footer_has_page_fields_and_source(seed_docx: bytes) -> None:
    doc = read(seed_docx)
    footer = doc.sections[0].footer
    xml = footer._element.xml
    instr = [t.text.strip() for t in footer._element.iter(f"{W}instrText")]
    assert instr == ["PAGE", "NUMPAGES"]
    assert "allafrica.com" in footer.paragraphs[0].text
    assert "Page " in xml and " of " in xml


def test_source_link_is_an_external_relationship(seed_docx: bytes) -> None:
    doc = read(seed_docx)
    attribution = [p for p in doc.paragraphs if p.style.name == S.ATTRIBUTION]
    assert len(attribution) == 1
    links = attribution[0].hyperlinks
    assert [h.address for h in links] == [SEED_URL]
    rid = attribution[0]._p.find(f"{W}hyperlink").get(qn("r:id"))
    rel = doc.part.rels[rid]
    assert rel.is_external and rel.target_ref == SEED_URL


def test_box_facts_link_to_bookmarks_at_their_sentences(seed_docx: bytes, seed_facts: Pack) -> None:
    doc = read(seed_docx)
    article = seed_facts.articles[0]
    body = doc.element.body
    bookmarks = {b.get(f"{W}name"): b for b in body.iter(f"{W}bookmarkStart")}
    box = doc.tables[0]
    anchors = [
        h.fragment for r in box.rows for c in r.cells for p in c.paragraphs for h in p.hyperlinks
    ]
    assert len(anchors) == len(article.facts)  # every fact here has its sentence
    for name in anchors:
        assert name in bookmarks
        start = bookmarks[name]
        sentence = article.sentence(name.removeprefix("_Fact_"))
        assert sentence is not None
        # the bookmark is followed by the sentence's opening words
        following = "".join(t.text for t in start.itersiblings() for t in t.iter(f"{W}t"))
        assert following.startswith(sentence.text[:30])


def test_box_is_a_table_that_does_not_split(seed_docx: bytes, default_theme: Theme) -> None:
    doc = read(seed_docx)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    rows = table.rows
    for row in rows:
        assert row._tr.trPr.find(f"{W}cantSplit") is not None
    assert rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert rows[0].cells[0].text == default_theme.box.title
    for row in rows[:-1]:
        for cell in row.cells:
            for p in cell.paragraphs:
                assert p._p.pPr.find(f"{W}keepNext") is not None
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    top = borders.find(f"{W}top")
    assert top.get(f"{W}color") == default_theme.box.border.lstrip("#").upper()
    fill = rows[1].cells[0]._tc.tcPr.find(f"{W}shd").get(f"{W}fill")
    assert fill == default_theme.box.background.lstrip("#").upper()
    assert table._tbl.tblPr.find(f"{W}tblCaption") is not None
    labels = [r.cells[0].text for r in rows[1:]]
    assert labels == ["People", "Organisations", "Places", "Figures", "Dates", "Quote"]
    text = "\n".join(c.text for r in rows for c in r.cells)
    for needle in (
        "William Ruto — President of Kenya",
        "Garry Conille",
        "(MSS)",
        "(UN)",
        "Haitian National Police",
        "Nairobi",
        "600",
        "12 million",
        "2025-2027",
        "this is a battle we can win",
    ):
        assert needle in text
    # the summary page ends with a page break right after the box
    after = table._tbl.getnext()
    assert after.find(f"{W}r/{W}br").get(f"{W}type") == "page"


def test_empty_box_says_so(seed_pack: Pack, default_theme: Theme) -> None:
    import dataclasses

    from .conftest import render

    bare = dataclasses.replace(seed_pack.articles[0], facts=())
    doc = read(render(dataclasses.replace(seed_pack, articles=(bare,)), default_theme))
    assert "No key facts were identified" in doc.tables[0].rows[1].cells[0].text


def test_meta_and_footer_say_what_briefing_says(
    seed_docx: bytes, seed_facts: Pack, default_theme: Theme
) -> None:
    doc = read(seed_docx)
    said = briefing.brief(seed_facts, default_theme)
    meta = [p.text for p in doc.paragraphs if p.style.name == S.META]
    assert meta == [said.meta(said.pack.articles[0])]
    footer = doc.sections[0].footer.paragraphs[0].text
    assert footer.startswith(said.footer(said.pack.articles[0]))


def test_no_template_leftovers(seed_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as z:
        names = z.namelist()
        assert names[0] == "[Content_Types].xml"
        assert not any("thumbnail" in n or n.startswith("customXml") for n in names)
        assert "word/stylesWithEffects.xml" not in names
        for name in ("docProps/core.xml", "docProps/app.xml"):
            text = z.read(name).decode()
            assert "python-docx" not in text and "2013" not in text
            assert "Microsoft" not in text
        assert b"<Application>docexport</Application>" in z.read("docProps/app.xml")
