"""Real hyperlinks: external ones through a relationship, internal ones to bookmarks."""

from __future__ import annotations

import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .docx_adapter import p_el, r_el
from .ooxml import el, new_run, safe, set_style

_BOOKMARK_BAD = re.compile(r"[^A-Za-z0-9_]")


def bookmark_name(key: str) -> str:
    """A Word bookmark name: a letter first, letters/digits/_ only, at most 40 chars."""
    name = "s_" + _BOOKMARK_BAD.sub("_", key)
    return name[:40]


def _styled_run(paragraph: Paragraph, text: str, style_id: str | None) -> Run:
    run = new_run(paragraph, text)
    if style_id:
        set_style(r_el(run).get_or_add_rPr(), "w:rStyle", style_id)
    return run


def add_external_link(paragraph: Paragraph, text: str, url: str, style_id: str) -> Run:
    """A w:hyperlink to ``url`` (already made safe and percent-encoded by
    :func:`docexport.renderers.links.safe_url`) through an external relationship."""
    rid = paragraph.part.relate_to(safe(url), RT.HYPERLINK, is_external=True)
    link = el("w:hyperlink")
    link.set(qn("r:id"), rid)
    link.set(qn("w:history"), "1")
    run = _styled_run(paragraph, text, style_id)
    p_el(paragraph).append(link)
    link.append(r_el(run))
    return run


def add_internal_link(paragraph: Paragraph, text: str, anchor: str, style_id: str) -> Run:
    """A w:hyperlink to a bookmark in this document."""
    link = el("w:hyperlink", w_anchor=anchor, w_history="1")
    run = _styled_run(paragraph, text, style_id)
    p_el(paragraph).append(link)
    link.append(r_el(run))
    return run


class Bookmarks:
    """Hands out bookmark ids in document order, so output is reproducible."""

    def __init__(self) -> None:
        self._next = 0
        self.names: set[str] = set()

    def add(self, paragraph: Paragraph, name: str) -> None:
        """A point bookmark at the current end of ``paragraph``."""
        if name in self.names:
            return
        self.names.add(name)
        bid = str(self._next)
        self._next += 1
        p_el(paragraph).append(el("w:bookmarkStart", w_id=bid, w_name=name))
        p_el(paragraph).append(el("w:bookmarkEnd", w_id=bid))
