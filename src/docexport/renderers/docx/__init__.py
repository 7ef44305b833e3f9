"""DOCX renderer (python-docx): a briefing pack a press office can send as it is.

Named Word styles from the theme (or a user's reference document), a
key-facts box that never splits, real PAGE/NUMPAGES and TOC fields, working
hyperlinks, document metadata and language, byte-identical output.
"""

from __future__ import annotations

from typing import ClassVar

from ...model import Pack
from ...themes import Theme
from .. import RenderOptions


class DocxRenderer:
    name: ClassVar[str] = "docx"
    extension: ClassVar[str] = "docx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )

    def render(self, pack: Pack, theme: Theme, options: RenderOptions) -> bytes:
        from ...errors import RenderError
        from ..briefing import brief
        from .document import build
        from .ooxml import word_language
        from .package import metadata, save

        if not pack.articles:
            raise RenderError("the pack has no articles")
        b = brief(pack, theme, language=options.language, epoch=options.epoch())
        doc = build(b, options.reference_docx)
        tag = b.language_tag(None)
        return save(doc, metadata(b, word_language(None if tag == "und" else tag)))


__all__ = ["DocxRenderer"]
