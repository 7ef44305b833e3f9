"""Theme -> reportlab ParagraphStyles, built once per theme (and language)."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...themes import TextStyle, Theme
from .fonts import FontSet, face_name, font_set
from .hyphenation import hyphenator

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

_ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 4}
# pyphen dictionary names for the languages we hyphenate; others are not hyphenated.
_HYPHEN_LANGS = {
    "en": "en_US",
    "de": "de_DE",
    "fr": "fr",
    "es": "es",
    "it": "it_IT",
    "nl": "nl_NL",
    "pt": "pt_PT",
    "ru": "ru_RU",
    "pl": "pl_PL",
    "sv": "sv",
    "da": "da_DK",
    "cs": "cs_CZ",
    "el": "el_GR",
}


@dataclass(frozen=True, slots=True)
class Styles:
    """A theme's paragraph styles, each built the first time it is asked for."""

    fonts: FontSet
    roles: dict[str, ParagraphStyle]
    theme: Theme
    hyphenation: str | None

    def __getitem__(self, role: str) -> ParagraphStyle:
        style = self.roles.get(role)
        if style is None:
            style = self.roles[role] = _style(
                role, self.theme.role(role), self.fonts, self.theme, self.hyphenation
            )
        return style


_lock = threading.Lock()
_CACHE: dict[tuple[int, str | None], tuple[Theme, Styles]] = {}


def hyphenation_language(language: str | None) -> str | None:
    if not language:
        return None
    code = language.lower().replace("_", "-").split("-")[0]
    lang = _HYPHEN_LANGS.get(code)
    if lang is None:
        return None
    try:
        import pyphen
    except ImportError:
        return None
    return lang if lang in pyphen.LANGUAGES else None


def _style(
    name: str, ts: TextStyle, fonts: FontSet, theme: Theme, hyph: str | None
) -> ParagraphStyle:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    family = fonts.main(ts.font)
    font_name = face_name(family, ts.bold, ts.italic)
    extra: dict[str, object] = {}
    if hyph and ts.align == "justify":  # ragged text reads better unbroken
        extra["hyphenationLang"] = hyphenator(hyph)
        extra["embeddedHyphenation"] = 1
        extra["uriWasteReduce"] = 0.3
    return ParagraphStyle(
        name=name,
        fontName=font_name,
        fontSize=ts.size,
        leading=ts.size * ts.leading,
        textColor=HexColor(ts.color),
        spaceBefore=ts.space_before,
        spaceAfter=ts.space_after,
        alignment=_ALIGN.get(ts.align, 0),
        bulletFontName=face_name(family, False, False),
        bulletFontSize=ts.size,
        allowWidows=0,
        allowOrphans=0,
        linkUnderline=0,
        **extra,
    )


_CLASSES: dict[tuple[str | None, str | None], type] = {}


@functools.cache
def _page_turn_paragraph() -> type:
    """A Paragraph that never leaves a hyphenated word across a page turn: when
    the part kept on this page ends with a hyphen, it keeps one line less, unless
    that would leave a single line behind (two lines at the bottom of a page
    come first)."""
    from reportlab.platypus import Paragraph

    from .rl_adapter import ends_with_hyphen, split_lines

    class PageTurnParagraph(Paragraph):  # type: ignore[misc]
        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            parts: list[Any] = Paragraph.split(self, availWidth, availHeight)
            leading = self.style.leading or 1
            while len(parts) == 2:
                lines = split_lines(parts[0])
                if not ends_with_hyphen(lines[-1] if lines else ()):
                    break
                if len(lines) <= 2:  # one line less would leave a single line behind
                    break
                availHeight = len(lines) * leading - leading / 2
                parts = Paragraph.split(self, availWidth, availHeight)
            return parts

    return PageTurnParagraph


def paragraph_class(lang: str | None, base_direction: str | None) -> type:
    """The Paragraph class for text in ``lang`` (``None``: the document's own
    language) whose lines are reordered for ``base_direction`` (``RTL``, ``LTR``
    around right-to-left runs, ``None``: no bidi). Its text is marked as that
    language in the PDF; a paragraph split across pages keeps its class."""
    key = (lang, base_direction)
    cls = _CLASSES.get(key)
    if cls is None:
        from reportlab.platypus import Paragraph

        from .rl_adapter import begin_language, end_language, visual_lines

        base = _page_turn_paragraph()
        if lang is None and base_direction is None:
            cls = base
        else:

            def draw(self: Paragraph) -> None:
                saved = self.blPara
                if base_direction is not None:
                    self.blPara = visual_lines(self, base_direction)
                if lang is not None:
                    begin_language(self.canv, lang)
                try:
                    Paragraph.draw(self)
                finally:
                    self.blPara = saved
                    if lang is not None:
                        end_language(self.canv)

            name = f"Paragraph_{lang or 'doc'}_{base_direction or 'none'}"
            cls = type(name, (base,), {"draw": draw})
        _CLASSES[key] = cls
    return cls


def build(theme: Theme, language: str | None = None) -> Styles:
    """The paragraph styles of a theme for an article language, cached per process."""
    hyph = hyphenation_language(language)
    key = (id(theme), hyph)
    with _lock:
        hit = _CACHE.get(key)
        if hit is not None and hit[0] is theme:
            return hit[1]
        fonts = font_set(theme.fonts.body, theme.fonts.heading, theme.fonts.mono)
        styles = Styles(fonts=fonts, roles={}, theme=theme, hyphenation=hyph)
        # Holding the theme keeps its id from being reused by another object.
        _CACHE[key] = (theme, styles)
        return styles
