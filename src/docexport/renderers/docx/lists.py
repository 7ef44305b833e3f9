"""Numbered lists that start at 1 each time.

List Number's numbering runs on through the whole document; each ordered
list gets its own w:num (same abstract list, start overridden to 1).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from .docx_adapter import p_el, paragraph_at
from .ooxml import el, sort_ppr


def _style_num_id(doc: DocxDocument, style_name: str) -> str | None:
    style = doc.styles[style_name]
    while style is not None:
        num = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num is not None:
            return str(num.get(qn("w:val")))
        style = style.base_style
    return None


def restart_numbering(doc: DocxDocument, first: Paragraph, count: int) -> None:
    """Give the list starting at ``first`` (``count`` paragraphs) a fresh numbering."""
    try:
        numbering = doc.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return  # a reference document without numbering: leave the style's own
    style_name = first.style.name if first.style is not None else None
    if style_name is None:
        return
    num_id = _style_num_id(doc, style_name)
    if num_id is None:
        return
    abstract = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == num_id:
            a = num.find(qn("w:abstractNumId"))
            abstract = a.get(qn("w:val")) if a is not None else None
    if abstract is None:
        return
    new = numbering.add_num(int(abstract))
    override = el("w:lvlOverride", w_ilvl="0")
    override.append(el("w:startOverride", w_val="1"))
    new.append(override)
    new_id = new.get(qn("w:numId"))
    p = first
    for _ in range(count):
        ppr = p_el(p).get_or_add_pPr()
        for old in ppr.findall(qn("w:numPr")):
            ppr.remove(old)
        numpr = el("w:numPr")
        numpr.append(el("w:ilvl", w_val="0"))
        numpr.append(el("w:numId", w_val=str(new_id)))
        ppr.append(numpr)
        sort_ppr(ppr)
        nxt = p_el(p).getnext()
        if nxt is None or nxt.tag != qn("w:p"):
            break
        p = paragraph_at(nxt, p)
