"""Every use of python-docx's internals, in one place (python-docx 1.1 to 1.x).

python-docx covers paragraphs, runs and tables; fields, bookmarks, hyperlinks,
table borders and fast style creation need the XML elements underneath
(``Paragraph._p``, ``Run._r``, ``Table._tbl``, ``_Cell._tc``), its content-types
writer and its style factory. The renderer reaches them only through the
functions here; ``tests/renderers/docx/test_docx_adapter.py`` fails loudly when
python-docx changes any of it.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def p_el(paragraph: Paragraph) -> Any:
    """The ``w:p`` element of a paragraph."""
    return paragraph._p


def r_el(run: Run) -> Any:
    """The ``w:r`` element of a run."""
    return run._r


def tbl_el(table: Table) -> Any:
    return table._tbl


def tc_el(cell: _Cell) -> Any:
    return cell._tc


def paragraph_at(element: BaseOxmlElement, sibling: Paragraph) -> Paragraph:
    """A Paragraph object for a ``w:p`` element next to ``sibling``."""
    return Paragraph(element, sibling._parent)


def core_element(core_properties: Any) -> Any:
    """The ``cp:coreProperties`` element behind ``Document.core_properties``."""
    return core_properties._element


def content_types_blob(parts: list[Any]) -> bytes:
    """``[Content_Types].xml`` for ``parts``, as python-docx's package writer makes it."""
    from docx.opc.pkgwriter import _ContentTypesItem

    return bytes(_ContentTypesItem.from_parts(parts).blob)  # type: ignore[no-untyped-call]


def add_style(styles: Any, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
    """``styles.add_style`` for a name the caller knows is absent: python-docx checks
    by scanning every style's name, half the cost of building the styles."""
    from docx.styles import BabelFish
    from docx.styles.style import StyleFactory

    element = styles.element.add_style_of_type(BabelFish.ui2internal(name), kind, False)
    return StyleFactory(element)
