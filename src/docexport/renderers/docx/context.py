"""State shared while one document is written: theme, bookmarks, language."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as DocxDocument

from ...themes import Theme
from .hyperlinks import Bookmarks


@dataclass
class Context:
    doc: DocxDocument
    theme: Theme
    text_width: float  # points between the margins
    bookmarks: Bookmarks = field(default_factory=Bookmarks)
    # Sentence ids that get a bookmark in the body (a fact in some box points there).
    anchored: frozenset[str] = frozenset()
    # Language of the text being written when it differs from the document's.
    run_lang: str | None = None
    rtl: bool = False
    # (level, text, bookmark) of each heading, for the table of contents.
    headings: list[tuple[int, str, str]] = field(default_factory=list)

    def fact_bookmark(self, sentence_id: str) -> str:
        from .hyperlinks import bookmark_name

        return "_Fact" + bookmark_name(sentence_id)[1:]

    def heading_bookmark(self) -> str:
        return f"_Toc{len(self.headings) + 1:08d}"
