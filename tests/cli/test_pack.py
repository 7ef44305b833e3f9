"""`docexport pack`: many inputs -> one pack with a cover, contents and combined facts."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from docexport.cli import app
from docexport.loading import build_pack
from docexport.multipack import gather_articles
from docexport.readers import Reading
from tests.conftest import FIXTURES, SEED, require_tool
from tests.validators import epubcheck_all

ARTICLES = FIXTURES / "articles"
OTHERS = [
    ARTICLES / "en-hajj-stampede.txt",
    ARTICLES / "en-italy-earthquake.txt",
    ARTICLES / "en-jackson-verdict.txt",
    FIXTURES / "pages" / "arstechnica.html",
]
FOLLOW_UP = """---
title: "Kenya confirms second police contingent for Haiti"
source: {name: Analyst desk, url: "https://example.org/notes/2"}
date: 2024-07-02
---

President William Ruto said on Monday that a second contingent of 400 officers will leave Nairobi.

“We keep our word,” Ruto told reporters at State House.
"""


@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack")
    follow = out / "follow-up.md"
    follow.write_text(FOLLOW_UP, encoding="utf-8")
    inputs = [str(SEED), *map(str, OTHERS), str(follow)]
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "docexport",
            "pack",
            *inputs,
            "--title",
            "Haiti week",
            "--marking",
            "OFFICIAL",
            "-o",
            str(out / "haiti-week"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    return out


def headlines() -> list[str]:
    articles, failures = gather_articles([str(SEED), *map(str, OTHERS)])
    assert not failures
    return [a.headline for a in articles] + ["Kenya confirms second police contingent for Haiti"]


def test_pdf_cover_and_contents_list_every_article_in_order(pack_dir: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(pack_dir / "haiti-week.pdf")
    top = [o.title for o in reader.outline if not isinstance(o, list)]
    expected = headlines()
    assert [t for t in top if t in expected] == expected
    require_tool("pdftotext")
    contents = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-layout", str(pack_dir / "haiti-week.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Contents" in contents
    lines = [" ".join(ln.split()) for ln in contents.splitlines() if ln.strip()]
    positions = [next(i for i, ln in enumerate(lines) if h[:40] in ln) for h in expected]
    assert positions == sorted(positions)
    # each entry carries the page number its outline entry points to
    for entry in reader.outline:
        if isinstance(entry, list) or entry.title not in expected:
            continue
        page = reader.get_destination_page_number(entry) + 1
        line = next(ln for ln in lines if entry.title[:40] in ln)
        assert line.endswith(f" {page}"), (line, page)
    assert "OFFICIAL" in reader.pages[0].extract_text()


def test_epub_nav_links_every_article(pack_dir: Path) -> None:
    with zipfile.ZipFile(pack_dir / "haiti-week.epub") as z:
        nav_name = next(n for n in z.namelist() if n.endswith("nav.xhtml"))
        nav = etree.fromstring(z.read(nav_name))
        names = set(z.namelist())
    ns = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
    toc = nav.xpath("//x:nav[@epub:type='toc']//x:a", namespaces=ns)
    texts = [" ".join("".join(a.itertext()).split()) for a in toc]
    expected = headlines()
    assert [t for t in texts if t in expected] == expected
    base = str(Path(nav_name).parent)
    for a in toc:
        target = a.get("href").split("#")[0]
        assert str(Path(base) / target).lstrip("./") in names or target in names


def test_docx_has_a_toc_field(pack_dir: Path) -> None:
    with zipfile.ZipFile(pack_dir / "haiti-week.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert re.search(r"<w:instrText[^>]*>\s*TOC\b", xml)
    for h in headlines():
        assert h.split("'")[0][:25] in xml


def test_combined_facts_merge_the_same_person(tmp_path: Path) -> None:
    follow = tmp_path / "follow-up.md"
    follow.write_text(FOLLOW_UP, encoding="utf-8")
    articles, _ = gather_articles([str(SEED), str(follow)])
    pack = build_pack(Reading(articles=tuple(articles)), title="t")
    rutos = [f for f in pack.facts if f.kind == "person" and "Ruto" in f.text]
    assert len(rutos) == 1
    per_article = [
        [f for f in a.facts if f.kind == "person" and "Ruto" in f.text] for a in pack.articles
    ]
    assert all(len(p) == 1 for p in per_article)
    assert len(pack.summary) == 2


@pytest.mark.parametrize("feed", ["medium-invironment.rss", "heise-developer.atom"])
def test_real_feeds_become_valid_packs(tmp_path: Path, feed: str) -> None:
    require_tool("qpdf", "pdffonts", "java")
    out = tmp_path / "feed"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "docexport",
            "pack",
            str(FIXTURES / "feeds" / feed),
            "--title",
            f"Feed {feed}",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    pdf, epub = out.with_suffix(".pdf"), out.with_suffix(".epub")
    # The project's own validators: the tests never depend on files outside the repository.
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout
    assert epubcheck_all({"feed": epub.read_bytes()}, tmp_path) == {"feed": []}


def test_order_by_date_and_article_limit(tmp_path: Path) -> None:
    follow = tmp_path / "follow-up.md"
    follow.write_text(FOLLOW_UP, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(
        app,
        [
            "pack",
            str(SEED),
            str(follow),
            "--title",
            "t",
            "-f",
            "epub",
            "-o",
            str(tmp_path / "p"),
            "--order",
            "date",
        ],
    )
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        app,
        [
            "pack",
            str(SEED),
            str(follow),
            "--title",
            "t",
            "-f",
            "epub",
            "-o",
            str(tmp_path / "q"),
            "--max-articles",
            "1",
        ],
    )
    assert r.exit_code == 1
    assert "over the limit of 1" in r.output
    assert not (tmp_path / "q.epub").exists()


@pytest.mark.parametrize(
    "path",
    [
        SEED,
        FIXTURES / "markdown" / "analyst-note.md",
        FIXTURES / "pages" / "lemonde.html",
        FIXTURES / "feeds" / "heise-developer.atom",
    ],
)
def test_inspect_every_input_kind_shows_provenance(path: Path) -> None:
    r = CliRunner().invoke(app, ["inspect", str(path)])
    assert r.exit_code == 0, r.output
    assert "headline:" in r.output and "(" in r.output.split("headline:")[1].splitlines()[
        0
    ] + "".join(r.output.split("headline:")[1].splitlines()[1:2])
    r = CliRunner().invoke(app, ["inspect", str(path), "--json"])
    assert r.exit_code == 0 and '"provenance"' in r.output
