"""Read a DOCX, a PDF and an EPUB back into the same shape: what each says.

Each reader returns a :class:`Said`: the document title and timestamp, the
text of every page (EPUB: of every content document), the body headings with
their levels, the summary pages' texts, the key-facts boxes' texts and the
external links. ``tests/test_cross_format.py`` compares them.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

NS = {
    "h": "http://www.w3.org/1999/xhtml",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
}
_SPACE = re.compile(r"[\s\u00a0\u202f\u2009]+")
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def flat(text: str) -> str:
    """Text compared across formats: bidi marks dropped, white space collapsed."""
    return _SPACE.sub(" ", _BIDI_MARKS.sub("", text)).strip()


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_NOT_LETTERS = re.compile(r"[\W_]+")
_RTL_LETTERS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RUNS = re.compile(f"[{_RTL_LETTERS}]+(?:[ \u00a0][{_RTL_LETTERS}]+)*|[^\\W_]+")


def letters(text: str) -> str:
    return _NOT_LETTERS.sub("", _BIDI_MARKS.sub("", text))


@dataclass
class Said:
    kind: str = ""
    title: str = ""
    timestamp: str = ""  # YYYY-MM-DD of the document's own date
    pages: list[str] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)  # body sections
    text: str = ""  # everything, flattened
    boxes: str = ""  # the key-facts boxes' text, flattened
    links: set[str] = field(default_factory=set)

    def has(self, needle: str) -> bool:
        if flat(needle) in self.text:
            return True
        if self.kind == "pdf" and _RTL.search(needle):
            # pdftotext rebuilds the logical order of a line that mixes
            # directions by its own heuristics: runs of one direction come back
            # whole, but a number or a Latin name may land on the other side of
            # its neighbour and the spaces and punctuation between runs move.
            # (Pure right-to-left lines come back exactly: see
            # tests/renderers/pdf/test_rtl.py.)
            haystack = letters(self.text)
            return all(letters(token) in haystack for token in _RUNS.findall(needle))
        return False


# --------------------------------------------------------------------------- DOCX


def read_docx(data: bytes) -> Said:
    import docx

    doc = docx.Document(io.BytesIO(data))
    said = Said(kind="docx", title=doc.core_properties.title or "")
    created = doc.core_properties.created
    said.timestamp = created.date().isoformat() if created else ""
    parts: list[str] = []
    for p in doc.paragraphs:
        parts.append(p.text)
        style = p.style.name if p.style is not None else ""
        m = re.fullmatch(r"Heading ([2-6])", style)
        if m:
            said.headings.append((int(m.group(1)), flat(p.text)))
    box: list[str] = []
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                box.extend(q.text for q in cell.paragraphs)
    said.boxes = flat(" ".join(box))
    # Every page shows its section's header and footer: one "page" per section.
    for section in doc.sections:
        furniture = [q.text for q in section.header.paragraphs]
        furniture += [q.text for q in section.footer.paragraphs]
        said.pages.append(flat(" ".join(furniture)))
    said.text = flat(" ".join([*parts, *box]))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    said.links = {
        r.get("Target")
        for r in rels
        if r.get("TargetMode") == "External" and r.get("Type", "").endswith("/hyperlink")
    }
    return said


# --------------------------------------------------------------------------- PDF


def pdftotext(data: bytes, first: int | None = None, last: int | None = None) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.pdf"
        path.write_bytes(data)
        args = ["pdftotext", "-enc", "UTF-8"]
        if first is not None:
            args += ["-f", str(first), "-l", str(last or first)]
        out = subprocess.run([*args, str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def _outline(reader: object, items: list[object], depth: int, out: list[tuple[int, str]]) -> None:
    for item in items:
        if isinstance(item, list):
            _outline(reader, item, depth + 1, out)
        else:
            out.append((depth, str(item.title)))  # type: ignore[attr-defined]


def read_pdf(data: bytes, full_text_titles: set[str]) -> Said:
    """``full_text_titles``: the outline entries under which the body's sections sit."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    said = Said(kind="pdf", title=str(reader.metadata.title or ""))
    created = str(reader.metadata.get("/CreationDate", ""))
    if created.startswith("D:"):
        said.timestamp = f"{created[2:6]}-{created[6:8]}-{created[8:10]}"
    said.pages = [flat(pdftotext(data, n)) for n in range(1, len(reader.pages) + 1)]
    said.text = " ".join(said.pages)
    entries: list[tuple[int, str]] = []
    _outline(reader, reader.outline, 0, entries)
    under: int | None = None
    for depth, title in entries:
        if under is not None and depth > under:
            said.headings.append((depth - under + 1, flat(title)))
            continue
        under = depth if title in full_text_titles else None
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get("/URI"):
                said.links.add(str(action["/URI"]))
    said.boxes = said.text
    return said


# --------------------------------------------------------------------------- EPUB


def read_epub(data: bytes) -> Said:
    said = Said(kind="epub")
    texts: list[str] = []
    boxes: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        opf_name = next(n for n in z.namelist() if n.endswith(".opf"))
        opf = etree.fromstring(z.read(opf_name))
        said.title = "".join(opf.xpath("//dc:title/text()", namespaces=NS))
        modified = opf.xpath("//opf:meta[@property='dcterms:modified']/text()", namespaces=NS)
        said.timestamp = modified[0][:10] if modified else ""
        folder = opf_name.rsplit("/", 1)[0] + "/" if "/" in opf_name else ""
        items = {i.get("id"): i.get("href") for i in opf.xpath("//opf:item", namespaces=NS)}
        spine = [items[r.get("idref")] for r in opf.xpath("//opf:itemref", namespaces=NS)]
        for href in spine:
            root = etree.fromstring(z.read(folder + href))
            body = root.find("h:body", NS)
            page = flat("".join(body.itertext())) if body is not None else ""
            if href == "nav.xhtml":
                continue
            said.pages.append(page)
            texts.append(page)
            boxes.extend(
                flat("".join(a.itertext())) for a in root.xpath("//h:aside", namespaces=NS)
            )
            if re.fullmatch(r"a\d+\.xhtml", href):
                for h in root.xpath("//h:h2 | //h:h3 | //h:h4", namespaces=NS):
                    said.headings.append((int(h.tag[-1]), flat("".join(h.itertext()))))
            for a in root.xpath("//h:a[@href]", namespaces=NS):
                href_value = a.get("href")
                if re.match(r"(https?|mailto):", href_value):
                    said.links.add(href_value)
    said.text = " ".join(texts)
    said.boxes = " ".join(boxes)
    return said
