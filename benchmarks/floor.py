"""The floor: python-docx, reportlab platypus and ebooklib writing the same
articles with no docexport code, so the benchmark can show docexport's own
overhead.

It does the least a fair converter must: read the seed-format text (headline,
standfirst, paragraphs, ``Original Source:`` line), embed the same TrueType
fonts the default theme uses in the PDF, escape the text for each target, and
write one file per input and format. No analysis, no summary box, no key facts,
no theme parsing, no font discovery (font files come from ``--fonts`` or one
``fc-match`` call per face).

    python benchmarks/floor.py -f docx,pdf,epub -o OUT INPUT...
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

FACES = ("Noto Serif", "Noto Serif:italic", "Noto Serif:bold", "Noto Sans:bold")


@dataclass(frozen=True)
class Article:
    headline: str
    standfirst: str
    body: tuple[str, ...]
    source: str


def read(path: Path) -> Article:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    source = ""
    if lines and lines[-1].lower().startswith("original source:"):
        source = lines.pop().split(":", 1)[1].strip()
    return Article(
        headline=lines[0],
        standfirst=lines[1] if len(lines) > 1 else "",
        body=tuple(lines[2:]),
        source=source,
    )


def font_files() -> list[str]:
    out = []
    for face in FACES:
        r = subprocess.run(
            ["fc-match", "--format=%{file}", face], capture_output=True, text=True, check=True
        )
        out.append(r.stdout.strip())
    return out


# --------------------------------------------------------------------------- DOCX


def docx_bytes(a: Article) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = a.headline
    doc.add_heading(a.headline, level=0)
    lead = doc.add_paragraph()
    run = lead.add_run(a.standfirst)
    run.italic = True
    run.font.size = Pt(12)
    for para in a.body:
        doc.add_paragraph(para)
    doc.add_paragraph(f"Original Source: {a.source}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- PDF

_pdf_styles: dict[str, Any] = {}


def _pdf_setup(fonts: list[str]) -> dict[str, Any]:
    if _pdf_styles:
        return _pdf_styles
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = ("FloorSerif", "FloorSerif-Italic", "FloorSerif-Bold", "FloorSans-Bold")
    for name, path in zip(names, fonts, strict=True):
        pdfmetrics.registerFont(TTFont(name, path))
    pdfmetrics.registerFontFamily(
        "FloorSerif", normal=names[0], italic=names[1], bold=names[2], boldItalic=names[2]
    )
    _pdf_styles.update(
        title=ParagraphStyle("title", fontName=names[3], fontSize=22, leading=26, spaceAfter=8),
        standfirst=ParagraphStyle(
            "standfirst", fontName=names[1], fontSize=12, leading=16, spaceAfter=12
        ),
        body=ParagraphStyle("body", fontName=names[0], fontSize=10.5, leading=14, spaceAfter=6),
    )
    return _pdf_styles


def pdf_bytes(a: Article, fonts: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    st = _pdf_setup(fonts)
    story = [Paragraph(escape(a.headline), st["title"])]
    story.append(Paragraph(escape(a.standfirst), st["standfirst"]))
    story += [Paragraph(escape(p), st["body"]) for p in a.body]
    story.append(Paragraph(escape(f"Original Source: {a.source}"), st["body"]))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        title=a.headline,
        leftMargin=64,
        rightMargin=64,
        topMargin=62,
        bottomMargin=62,
        invariant=1,
    )
    doc.build(story)
    return buf.getvalue()


# --------------------------------------------------------------------------- EPUB


def epub_bytes(a: Article, ident: str) -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier(ident)
    book.set_title(a.headline)
    book.set_language("en")
    chapter = epub.EpubHtml(title=a.headline, file_name="article.xhtml", lang="en")
    paras = "".join(f"<p>{escape(p)}</p>" for p in a.body)
    chapter.content = (
        f"<h1>{escape(a.headline)}</h1><p><em>{escape(a.standfirst)}</em></p>{paras}"
        f"<p>Original Source: {escape(a.source)}</p>"
    )
    book.add_item(chapter)
    book.toc = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    buf = io.BytesIO()
    epub.write_epub(buf, book)
    return buf.getvalue()


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("inputs", nargs="+", type=Path, help=".txt files or folders of them")
    ap.add_argument("-f", "--format", default="docx,pdf,epub")
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--fonts", help="comma-separated font files: serif, italic, bold, sans bold")
    args = ap.parse_args(argv)
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    files: list[Path] = []
    for p in args.inputs:
        files += sorted(p.rglob("*.txt")) if p.is_dir() else [p]
    fonts = args.fonts.split(",") if args.fonts else (font_files() if "pdf" in formats else [])
    args.out.mkdir(parents=True, exist_ok=True)
    for path in files:
        a = read(path)
        for fmt in formats:
            if fmt == "docx":
                data = docx_bytes(a)
            elif fmt == "pdf":
                data = pdf_bytes(a, fonts)
            elif fmt == "epub":
                data = epub_bytes(a, path.stem)
            else:
                print(f"floor: unknown format {fmt}", file=sys.stderr)
                return 2
            (args.out / f"{path.stem}.{fmt}").write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
