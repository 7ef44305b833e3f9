"""Page furniture: the marking line in the header, source and page numbers in the footer."""

from __future__ import annotations

from docx.section import Section, _Footer, _Header

from .context import Context
from .docx_adapter import p_el
from .fields import add_page_of_pages
from .styles import FOOTER, HEADER, MARKING, MARKING_CHAR
from .text import add_text


def has_content(part: _Header | _Footer) -> bool:
    """Whether a header/footer (e.g. a reference document's) shows anything."""
    if part.is_linked_to_previous:
        return False
    for p in part.paragraphs:
        if p.text.strip() or p_el(p).xpath(".//w:instrText | .//w:fldSimple | .//w:drawing"):
            return True
    return bool(part.tables)


def set_header(section: Section, marking: str | None, ctx: Context) -> None:
    """The marking line, centred; a reference header is kept and gets the marking added."""
    header = section.header
    if has_content(header):
        if marking and marking not in "\n".join(p.text for p in header.paragraphs):
            add_text(ctx.styled(header.add_paragraph(), MARKING), marking, ctx)
        return
    if not marking:
        return
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    ctx.styled(p, HEADER)
    add_text(p, "\t" + marking, ctx)


def set_footer(
    section: Section, text: str, ctx: Context, *, keep_existing: bool, marking: str | None = None
) -> None:
    """``source`` left, the marking centred, ``Page N of M`` right (PAGE/NUMPAGES fields).

    A protective marking goes at the top and the bottom of every page, as
    classification schemes ask.
    """
    footer = section.footer
    if keep_existing and has_content(footer):
        return
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    for r in list(p_el(p)):
        if not r.tag.endswith("}pPr"):
            p_el(p).remove(r)
    ctx.styled(p, FOOTER)
    add_text(p, text, ctx)
    if marking:
        add_text(p, "\t" + marking, ctx, style=MARKING_CHAR)
    if ctx.theme.footer.page_numbers:
        p.add_run("\t\t" if not marking else "\t")
        add_page_of_pages(p, ctx.words("Page {n} of {total}", n="{n}", total="{total}"))
