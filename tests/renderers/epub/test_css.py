"""The stylesheet from the theme: fonts, colours, box, reader-friendly units."""

from __future__ import annotations

import dataclasses
import re
import warnings

import pytest

from docexport.errors import DocexportWarning
from docexport.renderers.epub.css import contrast, font_stack, readable, stylesheet
from docexport.themes import Box, Fonts, Theme, load_theme


def _rule(css: str, selector: str) -> str:
    match = re.search(re.escape(selector) + r" \{\n(.*?)\n\}", css, re.S)
    assert match, selector
    return match.group(1)


def test_fonts_theme_names_first_then_generic(default_theme: Theme) -> None:
    css = stylesheet(default_theme)
    assert 'font-family: "Noto Serif", "DejaVu Serif", serif;' in _rule(css, "body")
    assert '"Noto Sans", "DejaVu Sans", sans-serif;' in _rule(css, "h1")
    assert '"Noto Sans Mono", "DejaVu Sans Mono", monospace;' in _rule(css, "pre")
    letter = stylesheet(load_theme("letter"))
    assert '"Noto Sans", "DejaVu Sans", sans-serif;' in _rule(letter, "body")


def test_font_names_cannot_break_out_of_the_css(default_theme: Theme) -> None:
    theme = dataclasses.replace(default_theme, fonts=Fonts(body=('Evil"; } body { x: y',)))
    stack = font_stack(theme, "body")
    assert stack.count('"') == 2 and "}" not in stack and ";" not in stack


def test_box_look_comes_from_the_theme(default_theme: Theme) -> None:
    box = _rule(stylesheet(default_theme), "aside.key-facts")
    assert f"border: 1pt solid {default_theme.box.border};" in box
    assert f"background-color: {default_theme.box.background};" in box
    assert "break-inside: avoid;" in box
    assert "#ffffff" not in box  # never white text forced on the box
    letter = load_theme("letter")
    assert f"background-color: {letter.box.background};" in stylesheet(letter)


def test_reader_friendly_units_and_night_mode(default_theme: Theme) -> None:
    css = stylesheet(default_theme)
    assert not re.search(r"\d(px|pt)\b", css.replace("1pt solid", "")), "relative units only"
    assert not re.search(r"(^|\s)(width|height)\s*:", css)
    body = _rule(css, "body")
    assert "color:" not in body and "background" not in body  # the reader's theme wins
    assert "@media (prefers-color-scheme: dark)" in css


def test_theme_colours_meet_wcag_aa(default_theme: Theme) -> None:
    css = stylesheet(default_theme)
    colours = set(re.findall(r"(?<!-)color: (#[0-9a-f]{6});", css))
    for colour in colours:
        assert contrast(colour, "#ffffff") >= 4.5, colour
        assert contrast(colour, default_theme.box.background) >= 4.5, colour


def test_low_contrast_colours_are_darkened_with_a_warning(default_theme: Theme) -> None:
    pale = dataclasses.replace(
        default_theme,
        colors={**default_theme.colors, "link": "#99ccff"},
        box=Box(background="#eef3f8"),
    )
    with pytest.warns(DocexportWarning, match="link #99ccff"):
        css = stylesheet(pale)
    link = re.search(r"a \{\n  color: (#[0-9a-f]{6});", css)
    assert link and contrast(link.group(1), "#eef3f8") >= 4.5


def test_default_themes_need_no_adjustment() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DocexportWarning)
        stylesheet(load_theme("default"))
        stylesheet(load_theme("letter"))


def test_readable_keeps_good_colours() -> None:
    assert readable("#1f4e79", "#ffffff") == "#1f4e79"
    assert contrast(readable("#ffff00", "#ffffff"), "#ffffff") >= 4.5
