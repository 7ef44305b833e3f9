"""PDF renderer (reportlab platypus): summary page, key-facts box, body, outline.

Modules: :mod:`.fonts` (finding and registering TrueType fonts, fallback),
:mod:`.styles` (theme -> ParagraphStyles), :mod:`.markup` (escaping text into
reportlab markup), :mod:`.story` (the flowables), :mod:`.document` (page
templates, furniture, outline, metadata).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, ClassVar

from ...errors import DocexportWarning, RenderError
from ...model import Pack
from ...themes import Theme
from .. import RenderOptions

__all__ = ["PdfRenderer"]

if TYPE_CHECKING:
    from .fonts import FontSet


def _fallback_warnings(theme: Theme, fonts: FontSet) -> list[str]:
    """One line per font role whose families are all missing (a fallback was used)."""
    out = []
    for role in list(fonts.mains):  # the roles this document used
        wanted = fonts.families[role]
        used = fonts.main(role).family
        if used not in wanted:
            out.append(
                f"PDF: none of the {role} fonts {', '.join(wanted)} is installed; "
                f"using {used} instead"
            )
    return out


class PdfRenderer:
    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = "pdf"
    media_type: ClassVar[str] = "application/pdf"

    def render(self, pack: Pack, theme: Theme, options: RenderOptions) -> bytes:
        from .rl_adapter import patch_to_unicode

        patch_to_unicode()
        from ..briefing import brief
        from .document import build_pdf
        from .fonts import NoFontError
        from .markup import MarkupContext, missing_warning
        from .story import story
        from .styles import build

        b = brief(pack, theme, language=options.language, epoch=options.epoch())
        try:
            base = build(theme, b.language_tag(None))
        except NoFontError as exc:
            raise RenderError(f"PDF: {exc}") from None
        ctx = MarkupContext(fonts=base.fonts)
        flowables = story(b, ctx, base)
        data = build_pdf(flowables, b=b, styles=base, ctx=ctx)
        for fallback in _fallback_warnings(theme, base.fonts):
            warnings.warn(DocexportWarning(fallback), stacklevel=2)
        message = missing_warning(ctx)
        if message:
            warnings.warn(DocexportWarning(message), stacklevel=2)
        return data
