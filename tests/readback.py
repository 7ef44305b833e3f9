"""Read produced files back as text, checking each is valid on the way:
EPUB (every XML part parses, entities unresolved), DOCX (python-docx opens it,
tables, headers and footers included), PDF (pypdf opens it)."""

from __future__ import annotations

import io
import logging
import zipfile


def epub_text(data: bytes) -> str:
    """Every XHTML file parses as XML; their text joined."""
    from lxml import etree

    parts: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert z.read("mimetype") == b"application/epub+zip"
        for name in z.namelist():
            if name.endswith((".xhtml", ".opf", ".ncx", ".xml", ".html")):
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                root = etree.fromstring(z.read(name), parser)
                if name.endswith((".xhtml", ".html")):
                    parts.append("".join(root.itertext()))
    return "\n".join(parts)


def docx_text(data: bytes) -> str:
    import docx

    doc = docx.Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    # pypdf logs a warning for every ToUnicode entry of a character beyond the BMP
    # (reportlab writes them as 5 hex digits); pytest keeps every log record of a
    # test in memory, and 2,000 hypothesis examples made that gigabytes.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    reader = PdfReader(io.BytesIO(data), strict=False)
    assert len(reader.pages) >= 1
    return "\n".join(page.extract_text() or "" for page in reader.pages)


TEXT_OF = {"docx": docx_text, "pdf": pdf_text, "epub": epub_text}
