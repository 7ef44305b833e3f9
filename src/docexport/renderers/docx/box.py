"""The key-facts box: a bordered, shaded table that never splits across pages.

One header row (the box title, marked as a repeating header row so screen
readers announce it), then one row per section: label cell, value cell with a
paragraph per fact. Every row is cantSplit and every paragraph keep-with-next,
so Word and LibreOffice move the whole box to the next page rather than split it.
Each fact links to the bookmark where its sentence starts in the body.
"""

from __future__ import annotations

from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..briefing import FactLine, SummaryPage
from .context import Context
from .docx_adapter import p_el, tbl_el, tc_el
from .hyperlinks import add_internal_link
from .ooxml import child, el, hex6, remove_all, sort_ppr, twips
from .styles import BOX_TITLE, FACT_LABEL, FACT_LINK, FACT_VALUE
from .text import add_text, finish_paragraph, finish_run

LABEL_SHARE = 0.24  # of the text width, for the label column
SEPARATOR = " · "


def _keep_next(paragraph: Paragraph) -> None:
    ppr = p_el(paragraph).get_or_add_pPr()
    child(ppr, "w:keepNext")
    child(ppr, "w:keepLines")
    sort_ppr(ppr)


def _table_properties(table: Table, ctx: Context, widths: tuple[int, int], title: str) -> None:
    box = ctx.theme.box
    tbl = tbl_el(table)
    tblpr = tbl.tblPr
    for e in list(tblpr):
        if e.tag.endswith("}tblStyle"):
            continue
        tblpr.remove(e)
    if ctx.rtl:  # columns from the right: the labels where a right-to-left reader starts
        tblpr.append(el("w:bidiVisual"))
    tblpr.append(el("w:tblW", w_w=str(sum(widths)), w_type="dxa"))
    # Word (compatibility mode 14) lines cell text up with the margin and hangs
    # the border out by the cell padding; indent so the border sits on the margin.
    tblpr.append(el("w:tblInd", w_w=twips(box.padding), w_type="dxa"))
    borders = el("w:tblBorders")
    size = str(max(2, min(96, round(box.border_width * 8))))
    for side in ("top", "left", "bottom", "right"):
        borders.append(
            el(f"w:{side}", w_val="single", w_sz=size, w_space="0", w_color=hex6(box.border))
        )
    for side in ("insideH", "insideV"):
        borders.append(el(f"w:{side}", w_val="nil"))
    tblpr.append(borders)
    tblpr.append(el("w:tblLayout", w_type="fixed"))
    margins = el("w:tblCellMar")
    pad = twips(box.padding)
    half = twips(box.padding / 4)
    margins.append(el("w:top", w_w=half, w_type="dxa"))
    margins.append(el("w:left", w_w=pad, w_type="dxa"))
    margins.append(el("w:bottom", w_w=half, w_type="dxa"))
    margins.append(el("w:right", w_w=pad, w_type="dxa"))
    tblpr.append(margins)
    tblpr.append(
        el(
            "w:tblLook",
            w_val="0020",
            w_firstRow="1",
            w_lastRow="0",
            w_firstColumn="0",
            w_lastColumn="0",
            w_noHBand="1",
            w_noVBand="1",
        )
    )
    # Alt text for the table (Word 2010+): what a screen reader says first.
    tblpr.append(el("w:tblCaption", w_val=title))
    grid = tbl.tblGrid
    for col, width in zip(
        grid.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol"),
        widths,
        strict=False,
    ):
        col.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w", str(width))


def _row_properties(tr: BaseOxmlElement, *, header: bool) -> None:
    trpr = tr.get_or_add_trPr()
    child(trpr, "w:cantSplit")
    if header:
        child(trpr, "w:tblHeader")


def _cell(cell: _Cell, ctx: Context, width: int) -> None:
    tcpr = tc_el(cell).get_or_add_tcPr()
    remove_all(tcpr, "w:tcW", "w:shd")
    tcpr.insert(0, el("w:tcW", w_w=str(width), w_type="dxa"))
    tcpr.append(el("w:shd", w_val="clear", w_color="auto", w_fill=hex6(ctx.theme.box.background)))


def _first_paragraph(cell: _Cell, style: str, ctx: Context) -> Paragraph:
    return ctx.styled(cell.paragraphs[0], style)


def add_box(ctx: Context, page: SummaryPage) -> Table:
    """Append the key-facts box of a summary page to the document body."""
    sections: list[tuple[str, list[FactLine]]] = page.box
    doc = ctx.doc
    total = round(ctx.text_width * 20)
    label_w = round(total * LABEL_SHARE)
    widths = (label_w, total - label_w)
    rows = 1 + max(1, len(sections))
    table: Table = doc.add_table(rows=rows, cols=2)
    _table_properties(table, ctx, widths, page.box_title)
    for r, row in enumerate(table.rows):
        _row_properties(row._tr, header=r == 0)
        for c, cell in enumerate(row.cells):
            _cell(cell, ctx, widths[c])
    head = table.rows[0].cells[0].merge(table.rows[0].cells[1])
    title = _first_paragraph(head, BOX_TITLE, ctx)
    add_text(title, page.box_title, ctx)
    finish_paragraph(title, ctx)
    if not sections:
        cell = table.rows[1].cells[0].merge(table.rows[1].cells[1])
        p = _first_paragraph(cell, FACT_VALUE, ctx)
        add_text(p, page.box_empty, ctx)
        finish_paragraph(p, ctx)
    for (label, lines), row in zip(sections, table.rows[1:], strict=False):
        label_cell, value_cell = row.cells
        p = _first_paragraph(label_cell, FACT_LABEL, ctx)
        add_text(p, label, ctx)
        finish_paragraph(p, ctx)
        if any(line.detail for line in lines):
            for i, line in enumerate(lines):
                p = (
                    _first_paragraph(value_cell, FACT_VALUE, ctx)
                    if i == 0
                    else ctx.styled(value_cell.add_paragraph(), FACT_VALUE)
                )
                _fact(p, line, ctx)
        else:
            # Bare names share a line: the box has to fit on the summary page.
            p = _first_paragraph(value_cell, FACT_VALUE, ctx)
            for i, line in enumerate(lines):
                if i:
                    add_text(p, SEPARATOR, ctx)
                _fact(p, line, ctx)
    for row in table.rows[:-1]:
        for cell in row.cells:
            for p in cell.paragraphs:
                _keep_next(p)
    return table


def _fact(p: Paragraph, line: FactLine, ctx: Context) -> None:
    if line.sentence and line.sentence in ctx.anchored:
        run = add_internal_link(
            p, line.text, ctx.fact_bookmark(line.sentence), ctx.style_id(FACT_LINK)
        )
        finish_run(run, ctx)
    else:
        add_text(p, line.text, ctx)
    if line.detail:
        add_text(p, f" — {line.detail}", ctx)
    finish_paragraph(p, ctx)
