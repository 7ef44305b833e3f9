"""Every article of the evaluation set, in every format, passes the field's validators.

PDF checks (qpdf, pdffonts) are fast and run on all of them; LibreOffice
converts all DOCX in one run; epubcheck on every EPUB lives in
tests/renderers/epub (slow marker).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import docexport
from docexport.renderers import briefing
from docexport.themes import load_theme
from tests.conftest import FIXTURES, require_tool

ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    out = tmp_path_factory.mktemp("articles")
    packs = {}
    for path in ARTICLES:
        pack = docexport.load(path)
        packs[path.stem] = pack
        for fmt in ("pdf", "docx", "epub"):
            (out / f"{path.stem}.{fmt}").write_bytes(docexport.render(pack, fmt))
    return out, packs


def test_the_set_is_there() -> None:
    assert len(ARTICLES) >= 20


def test_every_pdf_is_clean_with_fonts_embedded(rendered: tuple[Path, dict[str, object]]) -> None:
    require_tool("qpdf", "pdffonts")
    out, _ = rendered
    for pdf in sorted(out.glob("*.pdf")):
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, pdf
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), (pdf, fonts)
        assert "Helvetica" not in fonts


def test_every_epub_xhtml_is_well_formed_with_lang(
    rendered: tuple[Path, dict[str, object]],
) -> None:
    out, _ = rendered
    for epub in sorted(out.glob("*.epub")):
        with zipfile.ZipFile(epub) as z:
            assert z.namelist()[0] == "mimetype"
            for name in z.namelist():
                if name.endswith(".xhtml"):
                    root = etree.fromstring(z.read(name))
                    assert root.get("{http://www.w3.org/XML/1998/namespace}lang"), (epub, name)


def test_libreoffice_converts_every_docx_with_the_box_on_page_one(
    rendered: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    require_tool("soffice", "pdftotext")
    out, packs = rendered
    docs = sorted(out.glob("*.docx"))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, docs),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    theme = load_theme()
    for doc in docs:
        pdf = tmp_path / f"{doc.stem}.pdf"
        assert pdf.is_file() and pdf.stat().st_size > 0, f"LibreOffice did not convert {doc.name}"
        page1 = " ".join(
            subprocess.run(
                ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
        )
        pack = packs[doc.stem]
        said = briefing.brief(pack, theme)  # type: ignore[attr-defined]
        page = said.summary_page(said.pack.articles[0])
        assert page.box_title in page1, doc.name  # in the article's language
        for _label, lines in page.box:
            for line in lines:
                quotes = '“”"«»„\u202f '
                words = " ".join(re.sub(r"\s+", " ", line.text).strip(quotes).split()[:3])
                assert words in page1, (doc.name, line.text)
