"""The three formats say the same thing.

Single, multi-article and multi-language packs are rendered to DOCX, PDF and
EPUB, read back (python-docx, pypdf + pdftotext, lxml over the EPUB) and
compared with each other and with what the shared layer decided: title, the
document's date, the marking on every page, the summary pages' meta line,
standfirst and every summary point, every fact in every box, the body's
headings and their levels, and the links.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest

import docexport
from docexport.loading import build_pack
from docexport.model import Link, ListBlock, Pack
from docexport.readers import Reading
from docexport.renderers.briefing import Briefing, brief
from docexport.renderers.links import safe_url
from docexport.themes import load_theme
from tests.conftest import SEED, require_tool
from tests.crossread import Said, flat, pdftotext, read_docx, read_epub, read_pdf

RENDER = Path(__file__).resolve().parent / "fixtures" / "render"
MARKING = "OFFICIAL-SENSITIVE"


@cache
def article(name: str):  # type: ignore[no-untyped-def]
    path = SEED if name == "seed" else RENDER / name
    return docexport.load(path).articles[0]


def make(names: tuple[str, ...], *, marking: str | None = MARKING, date: str | None = None) -> Pack:
    articles = tuple(article(n) for n in names)
    title = "Ports and security: a briefing" if len(articles) > 1 else None
    return build_pack(
        Reading(articles=articles), title=title, marking=marking, date=date, analyse=False
    )


PACKS = {
    "single": lambda: make(("seed",)),
    "single-undated-unmarked": lambda: make(("en-port.md",), marking=None),
    "multi-article": lambda: make(("seed", "en-port.md"), date="2024-11-20"),
    "multi-language": lambda: make(
        ("en-port.md", "es-port.md", "fr-port.md", "ar-port.md"), date="2024-04-01"
    ),
    "right-to-left": lambda: make(("he-rail.md", "ar-port.md")),
}


@cache
def rendered(name: str) -> tuple[Briefing, dict[str, Said]]:
    pack = PACKS[name]()
    theme = load_theme("default")
    b = brief(pack, theme)
    full_text = {b.words(a)("Full text") for a in b.pack.articles}
    said = {
        "docx": read_docx(docexport.render(pack, "docx", theme=theme)),
        "pdf": read_pdf(docexport.render(pack, "pdf", theme=theme), full_text),
        "epub": read_epub(docexport.render(pack, "epub", theme=theme)),
    }
    return b, said


@pytest.fixture(params=sorted(PACKS))
def case(request: pytest.FixtureRequest) -> tuple[Briefing, dict[str, Said]]:
    require_tool("pdftotext")
    return rendered(request.param)


def test_title_and_date(case: tuple[Briefing, dict[str, Said]]) -> None:
    b, said = case
    for fmt, s in said.items():
        assert flat(s.title) == flat(b.title), fmt
        assert s.timestamp == b.timestamp().date().isoformat(), fmt


def test_marking_on_every_page(case: tuple[Briefing, dict[str, Said]]) -> None:
    b, said = case
    for fmt, s in said.items():
        assert s.pages, fmt
        for n, page in enumerate(s.pages, 1):
            if b.marking:
                assert b.marking in page, f"{fmt} page {n} has no marking"
            else:
                assert MARKING not in page


def test_summary_pages_say_the_same(case: tuple[Briefing, dict[str, Said]]) -> None:
    b, said = case
    pages = [b.summary_page(a) for a in b.pack.articles]
    if b.pack.is_multi:
        pages.append(b.summary_page(None))
    for page in pages:
        wanted = [page.title, page.meta, page.summary_heading, *page.points]
        if page.standfirst:
            wanted.append(page.standfirst)
        for fmt, s in said.items():
            for text in wanted:
                assert s.has(text), f"{fmt}: {text[:60]!r}"


def test_boxes_hold_the_same_facts(case: tuple[Briefing, dict[str, Said]]) -> None:
    b, said = case
    pages = [b.summary_page(a) for a in b.pack.articles]
    if b.pack.is_multi:
        pages.append(b.summary_page(None))
    for page in pages:
        for fmt, s in said.items():
            assert s.has(page.box_title), fmt
            if not page.box:
                assert s.has(page.box_empty), fmt
            for label, lines in page.box:
                assert flat(label) in s.boxes.replace(flat(label).upper(), flat(label)), fmt
                for line in lines:
                    assert s.has(line.text), f"{fmt}: {line.text!r}"
                    assert flat(line.text) in s.boxes or fmt == "pdf", f"{fmt}: {line.text!r}"
                    if line.detail:
                        assert s.has(line.detail), f"{fmt}: {line.detail!r}"


def test_headings_and_levels(case: tuple[Briefing, dict[str, Said]]) -> None:
    b, said = case
    wanted = [
        (i.level, flat(i.title or "")) for a in b.pack.articles for i in b.body(a) if i.is_heading
    ]
    for fmt, s in said.items():
        assert s.headings == wanted, fmt


def test_links(case: tuple[Briefing, dict[str, Said]]) -> None:
    b, said = case
    wanted: set[str] = set()
    for a in b.pack.articles:
        inlines = [
            i
            for blk in a.body
            if not isinstance(blk, ListBlock)
            for i in getattr(blk, "inlines", ())
        ]
        inlines += [
            i for blk in a.body if isinstance(blk, ListBlock) for item in blk.items for i in item
        ]
        wanted |= {t for i in inlines if isinstance(i, Link) and (t := safe_url(i.url))}
        if (t := safe_url(a.source.url)) is not None:
            wanted.add(t)
    for fmt, s in said.items():
        assert s.links == wanted, fmt


def test_heading_siblings_keep_one_level() -> None:
    """Two sub-headings the model gives one level are siblings in every format."""
    _, said = rendered("multi-article")
    for fmt, s in said.items():
        assert (2, "Funding") in s.headings and (2, "Timetable") in s.headings, fmt


ENGLISH_LABELS = (
    "Summary",
    "Key facts",
    "Published",
    "Prepared",
    "Source:",
    "Page 1 of",
    "People",
    "Places",
    "Figures",
    "Quote",
    "Contents",
    "Background",
    "Full text",
    "Each fact links",
    "Read the full article",
)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "epub"])
def test_french_article_has_no_english_labels(fmt: str) -> None:
    require_tool("pdftotext")
    pack = make(("fr-port.md",), date="2024-03-20")
    data = docexport.render(pack, fmt)
    text = {"docx": read_docx, "pdf": lambda d: read_pdf(d, set()), "epub": read_epub}[fmt](
        data
    ).text
    for label in ENGLISH_LABELS:
        assert label not in text, label
    assert "Résumé" in text and "Faits essentiels" in text
    assert "Publié le 12 mars 2024" in text and "Préparé le 20 mars 2024" in text
    raw = {
        "docx": lambda d: "\n".join(
            p.text for p in __import__("docx").Document(__import__("io").BytesIO(d)).paragraphs
        ),
        "pdf": pdftotext,
        "epub": lambda d: read_epub_raw(d),
    }[fmt](data)
    if fmt == "pdf":
        # reportlab breaks lines at U+202F, so the PDF holds the signs with a
        # no-break space (extracted as a space): no line starts with one.
        assert "« C’est" in raw and "maintenant ?" in raw
        lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
        assert not [ln for ln in lines if ln[0] in "!?;:»"]
    else:
        # French spacing: a narrow no-break space inside « » and before ! ? : ;
        assert "«\u202fC’est" in raw and "\u202f!\u202f»" in raw and "maintenant\u202f?" in raw


def read_epub_raw(data: bytes) -> str:
    from tests.readback import epub_text

    return epub_text(data)


def test_dates_are_honest() -> None:
    """No 'Prepared' without --date or SOURCE_DATE_EPOCH; no 'Published' for a
    date the reader only guessed."""
    require_tool("pdftotext")
    plain = make(("en-port.md",), marking=None)
    assert plain.date is None
    guessed = dataclasses.replace(
        plain,
        articles=(
            dataclasses.replace(
                plain.articles[0],
                provenance=(("published", "trafilatura/htmldate date guess"),),
            ),
        ),
    )
    for fmt in ("docx", "pdf", "epub"):
        text = {"docx": read_docx, "pdf": lambda d: read_pdf(d, set()), "epub": read_epub}[fmt](
            docexport.render(plain, fmt)
        ).text
        assert "Published 10 March 2024" in text and "Prepared" not in text, fmt
        text = {"docx": read_docx, "pdf": lambda d: read_pdf(d, set()), "epub": read_epub}[fmt](
            docexport.render(guessed, fmt)
        ).text
        assert "Published" not in text and "10 March 2024" not in text, fmt
