"""Complex fields (PAGE, NUMPAGES, TOC, PAGEREF) with a cached result.

A complex field is begin / instruction / separate / result / end runs. The
cached result is what a reader sees before fields are updated, so it is
written to be right (or harmless) as it stands.
"""

from __future__ import annotations

from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from .docx_adapter import p_el
from .ooxml import el, safe


def _run(*children: BaseOxmlElement, style: str | None = None) -> BaseOxmlElement:
    r = el("w:r")
    if style:
        rpr = el("w:rPr")
        rpr.append(el("w:rStyle", w_val=style))
        r.append(rpr)
    for c in children:
        r.append(c)
    return r


def _text(value: str) -> BaseOxmlElement:
    t = el("w:t")
    t.text = safe(value)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def field_runs(
    instruction: str, cached: str, *, dirty: bool = False
) -> tuple[list[BaseOxmlElement], BaseOxmlElement]:
    """The runs of a field, split where the result goes.

    Returns ``(runs before the result, end run)`` so a caller can put any
    content (paragraphs for a TOC, a run for PAGE) between them.
    """
    begin = el("w:fldChar", w_fldCharType="begin")
    if dirty:
        begin.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}dirty", "true")
    instr = el("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    head = [_run(begin), _run(instr), _run(el("w:fldChar", w_fldCharType="separate"))]
    if cached:
        head.append(_run(_text(cached)))
    return head, _run(el("w:fldChar", w_fldCharType="end"))


def add_field(paragraph: Paragraph, instruction: str, cached: str, *, dirty: bool = False) -> None:
    """Append a whole field (e.g. ``PAGE``) to a paragraph."""
    head, end = field_runs(instruction, cached, dirty=dirty)
    for r in head:
        p_el(paragraph).append(r)
    p_el(paragraph).append(end)


def add_page_of_pages(paragraph: Paragraph, label: str = "Page {n} of {total}") -> None:
    """``Page N of M`` (``label``, in the page's language) with live PAGE and
    NUMPAGES fields where ``{n}`` and ``{total}`` stand."""
    import re

    for piece in re.split(r"(\{n\}|\{total\})", label):
        if piece == "{n}":
            add_field(paragraph, "PAGE", "1")
        elif piece == "{total}":
            add_field(paragraph, "NUMPAGES", "1")
        elif piece:
            paragraph.add_run(safe(piece))


# CT_Settings children that come after w:updateFields, in schema order.
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def request_field_update(settings: BaseOxmlElement) -> None:
    """Ask Word to update fields (the TOC's page numbers) when the file is opened."""
    from docx.oxml.ns import qn

    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    update = el("w:updateFields", w_val="true")
    for tag in _AFTER_UPDATE_FIELDS:
        found = settings.find(qn(tag))
        if found is not None:
            found.addprevious(update)
            return
    settings.append(update)
