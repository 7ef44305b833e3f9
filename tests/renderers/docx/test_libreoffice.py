"""LibreOffice converts the DOCX; page 1 of the PDF holds the whole key-facts box."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from docexport.model import Pack
from docexport.renderers import briefing
from docexport.renderers.labels import labels
from docexport.themes import Theme
from tests.conftest import require_tool

from .conftest import render


def to_pdf(data: bytes, tmp_path: Path) -> Path:
    require_tool("soffice", "pdftotext")
    src = tmp_path / "pack.docx"
    src.write_bytes(data)
    # A private profile: a LibreOffice already running elsewhere must not interfere.
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "pack.pdf"
    assert pdf.stat().st_size > 0, "LibreOffice did not convert the DOCX"
    return pdf


def page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return " ".join(out.split())


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(match.group(1)) if match else 0


def assert_box_on(text: str, pack_facts: tuple, theme: Theme) -> None:  # type: ignore[type-arg]
    assert theme.box.title in text
    for label, lines in briefing.box_sections(pack_facts, theme.box, labels(None)):
        assert label.upper() in text
        for line in lines:
            assert " ".join(line.text.split()) in text, line.text


def test_seed_page_one_holds_the_box(seed_pack: Pack, default_theme: Theme, tmp_path: Path) -> None:
    """The seed as the analysis reads it (not hand-made facts)."""
    article = seed_pack.articles[0]
    pdf = to_pdf(render(seed_pack, default_theme), tmp_path)
    first = page_text(pdf, 1)
    assert article.headline in first
    assert "Summary" in first
    assert_box_on(first, article.facts, default_theme)
    second = page_text(pdf, 2)
    assert second.startswith(article.headline) or article.headline in second[:200]
    assert f"Page 1 of {page_count(pdf)}" in first


@pytest.mark.slow
def test_multi_pack_boxes_and_contents(
    multi_facts: Pack, default_theme: Theme, tmp_path: Path
) -> None:
    pdf = to_pdf(render(multi_facts, default_theme), tmp_path)
    pages = [page_text(pdf, n) for n in range(1, page_count(pdf) + 1)]
    assert_box_on(pages[0], multi_facts.facts, default_theme)
    assert "Contents" in pages[1]
    for article in multi_facts.articles:
        # the article's summary page: its title, then its own box
        summary = next(
            n
            for n, t in enumerate(pages)
            if t.startswith(f"OFFICIAL {article.headline}") or t.startswith(article.headline)
        )
        assert_box_on(pages[summary], article.facts, default_theme)
        # the contents' page number for the article is the page its body starts on
        body = summary + 1
        assert article.headline in pages[body]
        entry = re.search(re.escape(article.headline) + r"\.*\s*(\d+)", pages[1])
        assert entry is not None and int(entry.group(1)) == body + 1


@pytest.mark.slow
def test_long_summary_keeps_the_box_whole(
    seed_pack: Pack, default_theme: Theme, tmp_path: Path
) -> None:
    """Too much for one page: the standfirst gives way, the box stays whole on page 1."""
    import dataclasses

    article = seed_pack.articles[0]
    long = dataclasses.replace(
        article,
        summary=article.summary + (article.summary[0],) * 2,
        standfirst=article.standfirst + " " + "More context. " * 30,
    )
    pdf = to_pdf(render(dataclasses.replace(seed_pack, articles=(long,)), default_theme), tmp_path)
    assert_box_on(page_text(pdf, 1), article.facts, default_theme)
