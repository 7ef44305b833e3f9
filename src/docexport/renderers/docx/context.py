"""State shared while one document is written: theme, bookmarks, language."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.text.paragraph import Paragraph

from ...themes import Theme
from ..labels import Labels, labels
from .docx_adapter import p_el
from .hyperlinks import Bookmarks, bookmark_name
from .ooxml import set_style

# Paragraphs up to this height (points) are kept whole by widow/orphan control.
SHORT_BLOCK = 60.0


@dataclass
class Context:
    doc: DocxDocument
    theme: Theme
    text_width: float  # points between the margins
    body_height: float  # points between top and bottom margins
    bookmarks: Bookmarks = field(default_factory=Bookmarks)
    # Sentence ids that get a bookmark in the body (a fact in some box points there).
    anchored: frozenset[str] = frozenset()
    # Language of the text being written when it differs from the document's.
    run_lang: str | None = None
    rtl: bool = False
    # (level, text, bookmark, estimated page) of each heading, for the contents.
    headings: list[tuple[int, str, str, int]] = field(default_factory=list)
    style_ids: dict[str, str] = field(default_factory=dict)
    # docexport's own words in the language of the page being written.
    words: Labels = field(default_factory=lambda: labels(None))
    # A running estimate of where the text is, for the contents' cached page numbers.
    page: int = 1
    used: float = 0.0

    def advance(self, height: float, *, whole: bool = False) -> None:
        """Account for ``height`` points of content on the estimated page.

        Short paragraphs (and ``whole`` blocks such as the box) move to the
        next page when they do not fit; long ones flow on.
        """
        moves = whole or height <= SHORT_BLOCK
        if moves and self.used > 0 and self.used + height > self.body_height:
            self.page += 1
            self.used = 0.0
        self.used += height
        while self.used > self.body_height:
            self.page += 1
            self.used -= self.body_height

    def new_page(self) -> None:
        if self.used > 0:
            self.page += 1
        self.used = 0.0

    def style_id(self, name: str) -> str:
        """The id of a style by name (names stay, ids differ in a localised reference)."""
        if not self.style_ids:
            self.style_ids.update((s.name, s.style_id) for s in self.doc.styles)
        return self.style_ids[name]

    def styled(self, paragraph: Paragraph, name: str) -> Paragraph:
        """Give ``paragraph`` a style by id: python-docx looks names up linearly."""
        set_style(p_el(paragraph).get_or_add_pPr(), "w:pStyle", self.style_id(name))
        return paragraph

    def add_paragraph(self, name: str) -> Paragraph:
        return self.styled(self.doc.add_paragraph(), name)

    def fact_bookmark(self, sentence_id: str) -> str:
        """Hidden bookmark (leading underscore) where a fact's sentence starts."""
        return ("_Fact" + bookmark_name(sentence_id)[1:])[:40]

    def heading_bookmark(self) -> str:
        return f"_Toc{len(self.headings) + 1:08d}"
