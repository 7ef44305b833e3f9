"""python-docx's internals that docexport relies on (see docx_adapter.py). A
failure here means python-docx changed: fix the adapter, then the pin."""

from __future__ import annotations

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from docexport.renderers.docx import docx_adapter as A


def test_python_docx_version_is_one_the_adapter_knows() -> None:
    from importlib.metadata import version

    major, minor = (int(x) for x in version("python-docx").split(".")[:2])
    assert (1, 1) <= (major, minor) < (2, 0), "check docx_adapter.py, then the pin"


def test_elements_behind_paragraphs_runs_and_tables() -> None:
    doc = docx.Document()
    p = doc.add_paragraph("x")
    run = p.add_run("y")
    table = doc.add_table(rows=1, cols=1)
    assert A.p_el(p).tag == qn("w:p")
    assert A.r_el(run).tag == qn("w:r")
    assert A.tbl_el(table).tag == qn("w:tbl")
    assert A.tc_el(table.rows[0].cells[0]).tag == qn("w:tc")
    nxt = doc.add_paragraph("z")
    assert A.paragraph_at(A.p_el(nxt), p).text == "z"
    assert A.core_element(doc.core_properties).tag.endswith("coreProperties")


def test_content_types_and_style_factory() -> None:
    doc = docx.Document()
    parts = list(doc.part.package.parts)
    blob = A.content_types_blob(parts)
    assert blob.startswith(b"<?xml") and b"wordprocessingml.document.main+xml" in blob
    style = A.add_style(doc.styles, "Fresh Style", WD_STYLE_TYPE.PARAGRAPH)
    assert style.name == "Fresh Style" and doc.styles["Fresh Style"].style_id == style.style_id
