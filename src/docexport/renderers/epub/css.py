"""The theme as one CSS file.

Reading systems let the reader choose font, size and night mode, so the CSS
states the theme's intent in relative units and yields to the reader: sizes in
``em`` relative to the body size, the theme's font names first with a generic
family last, no fixed widths, no body colours (a night theme supplies its own),
and a key-facts box whose light tint is dropped when the reader asks for dark.
Colours that would fail WCAG AA contrast on their background are darkened.
"""

from __future__ import annotations

import re
import warnings

from ...errors import DocexportWarning
from ...themes import TextStyle, Theme

# WCAG 2.x AA: 4.5:1 for body-size text (and we apply it to all text).
MIN_CONTRAST = 4.5
WHITE = "#ffffff"

_CSS_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\<>{};]')


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable(colour: str, *backgrounds: str, minimum: float = MIN_CONTRAST) -> str:
    """``colour`` darkened just enough to reach ``minimum`` contrast on every background."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    current = colour
    for _ in range(100):
        if all(contrast(current, bg) >= minimum for bg in backgrounds):
            return current
        r, g, b = (max(0, int(c * 0.93)) for c in (r, g, b))
        current = f"#{r:02x}{g:02x}{b:02x}"
    return "#000000"


def generic_family(names: tuple[str, ...], kind: str) -> str:
    if kind == "mono":
        return "monospace"
    first = " ".join(names).lower()
    if "mono" in first:
        return "monospace"
    if "sans" in first and "serif" not in first.replace("sans", ""):
        return "sans-serif"
    return "sans-serif" if kind == "heading" and "serif" not in first else "serif"


def font_stack(theme: Theme, kind: str) -> str:
    names: tuple[str, ...] = getattr(theme.fonts, kind, theme.fonts.body)
    quoted = [f'"{_CSS_UNSAFE.sub("", n).strip()}"' for n in names if _CSS_UNSAFE.sub("", n)]
    return ", ".join([*quoted, generic_family(names, kind)])


def _em(points: float, base: float) -> str:
    value = round(points / base, 3) if base else 0.0
    return "0" if value == 0 else f"{value:g}em"


class _Colours:
    """The theme's colours, adjusted for contrast once, warning about each change."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.changed: list[str] = []

    def fix(self, name: str, colour: str, *backgrounds: str) -> str:
        fixed = readable(colour, *backgrounds)
        if fixed != colour:
            self.changed.append(f"{name} {colour} -> {fixed}")
        return fixed


def _role_rules(
    style: TextStyle,
    theme: Theme,
    base: float,
    colours: _Colours,
    name: str,
    backgrounds: tuple[str, ...] = (WHITE,),
    colour: bool = True,
) -> list[str]:
    rules = [
        f"font-family: {font_stack(theme, style.font)};",
        f"font-size: {_em(style.size, base) if style.size != base else '1em'};",
        f"font-weight: {'bold' if style.bold else 'normal'};",
        f"font-style: {'italic' if style.italic else 'normal'};",
        f"line-height: {style.leading:g};",
        f"margin-top: {_em(style.space_before, base)};",
        f"margin-bottom: {_em(style.space_after, base)};",
    ]
    if colour and style.color.lower() not in (theme.color("text").lower(), "#000000"):
        rules.append(f"color: {colours.fix(name, style.color, *backgrounds)};")
    return rules


def _block(selector: str, rules: list[str]) -> str:
    body = "\n".join(f"  {r}" for r in rules)
    return f"{selector} {{\n{body}\n}}\n"


def stylesheet(theme: Theme) -> str:
    """The CSS for every document of the book."""
    base = theme.role("body").size or 10.5
    box = theme.box
    colours = _Colours(theme)
    box_bg = box.background
    on_box = (WHITE, box_bg)
    role = theme.role

    def r(name: str, backgrounds: tuple[str, ...] = (WHITE,), colour: bool = True) -> list[str]:
        return _role_rules(role(name), theme, base, colours, name, backgrounds, colour)

    link = colours.fix("link", theme.color("link"), *on_box)
    muted = colours.fix("muted", theme.color("muted"), *on_box)
    box_text = colours.fix("box text", theme.color("text"), box_bg)
    box_border = box.border

    body = role("body")
    parts: list[str] = [
        f"/* docexport theme: {_CSS_UNSAFE.sub('', theme.name)} */\n",
        _block(
            "body",
            [
                f"font-family: {font_stack(theme, body.font)};",
                f"line-height: {body.leading:g};",
                "margin: 0.6em 4%;",
                "overflow-wrap: break-word;",
            ],
        ),
        _block(
            "p",
            [
                "margin: 0;",
                f"margin-bottom: {_em(body.space_after, base)};",
                f"text-align: {body.align};",
                "hyphens: auto;",
                "orphans: 2;",
                "widows: 2;",
            ],
        ),
        _block("h1", [*r("heading1"), "page-break-after: avoid;", "break-after: avoid;"]),
        _block("h2", [*r("heading2"), "page-break-after: avoid;", "break-after: avoid;"]),
        _block(
            "h3, h4, h5, h6", [*r("heading3"), "page-break-after: avoid;", "break-after: avoid;"]
        ),
        _block("a", [f"color: {link};"]),
        _block("a:visited", [f"color: {link};"]),
        _block("section.summary-page h1", [*r("title")]),
        _block(".marking", [*r("header"), "text-transform: uppercase;", "letter-spacing: 0.08em;"]),
        _block(".meta", [*r("meta"), f"color: {muted};"]),
        _block("p.standfirst", [*r("standfirst"), "text-align: start;"]),
        _block(".summary-list, .summary-list li", [*r("summary")]),
        _block("ul.summary-list", ["padding-inline-start: 1.2em;"]),
        _block("p.lead", ["font-weight: bold;"]),
        _block("p.background", []),
        _block("p.closing", ["font-style: italic;"]),
        _block("p.note", [f"color: {muted};", "font-size: 0.9em;"]),
        _block("ul, ol", [*r("list"), "padding-inline-start: 1.5em;"]),
        _block("li", ["margin-bottom: 0.25em;"]),
        _block("pre", [*r("code"), "white-space: pre-wrap;", "text-align: start;"]),
        _block("code", [f"font-family: {font_stack(theme, 'mono')};"]),
        _block("figure.quote", ["margin: 1em 0;", "padding: 0;"]),
        _block(
            "blockquote",
            [
                *r("quote"),
                f"border-inline-start: 0.2em solid {theme.color('rule')};",
                "margin-inline-start: 0;",
                "margin-inline-end: 0;",
                "padding-inline-start: 0.9em;",
            ],
        ),
        _block("blockquote p", ["font-style: inherit;", "text-align: start;"]),
        _block(
            "figure.quote figcaption",
            ["padding-inline-start: 1.1em;", f"color: {muted};", "font-size: 0.9em;"],
        ),
        _block(
            "p.attribution",
            [
                *r("attribution"),
                f"color: {muted};",
                f"border-top: 0.05em solid {theme.color('rule')};",
                "padding-top: 0.5em;",
                "text-align: start;",
            ],
        ),
        _block(
            "a.backlink",
            [
                "font-size: 0.75em;",
                "vertical-align: super;",
                "line-height: 0;",
                "text-decoration: none;",
                "padding: 0 0.15em;",
            ],
        ),
        _block(
            "aside.key-facts",
            [
                f"border: {box.border_width:g}pt solid {box_border};",
                f"background-color: {box_bg};",
                f"color: {box_text};",
                f"padding: {_em(box.padding, base)} {_em(box.padding * 1.25, base)};",
                "margin: 1.2em 0;",
                "page-break-inside: avoid;",
                "break-inside: avoid;",
            ],
        ),
        _block("aside.key-facts h2", [*r("box_title", on_box), "margin-top: 0;"]),
        _block(
            "aside.key-facts h3",
            [*r("fact_label", on_box), "text-transform: uppercase;", "letter-spacing: 0.04em;"],
        ),
        _block(
            "aside.key-facts ul",
            [
                *r("fact_value", on_box, colour=False),
                "list-style: none;",
                "padding: 0;",
                "margin-top: 0;",
            ],
        ),
        _block("aside.key-facts li", ["margin-bottom: 0.2em;", "text-align: start;"]),
        _block(".fact-detail", [f"color: {muted};"]),
        _block("section.cover", ["margin-top: 30%;", "text-align: center;"]),
        _block("section.cover h1", [*r("title")]),
        _block("section.cover p", ["text-align: center;"]),
        _block("section.cover .cover-standfirst", [*r("subtitle")]),
        _block("nav ol", ["list-style: none;", "padding-inline-start: 1.2em;"]),
        _block("nav > ol", ["padding-inline-start: 0;"]),
        # Night mode: the reader's dark background wins; our light tint and
        # dark accent colours would otherwise fight it.
        "@media (prefers-color-scheme: dark) {\n"
        "  aside.key-facts { background-color: transparent; color: inherit; }\n"
        "  h1, h2, h3, h4, h5, h6, .meta, .fact-detail, figure.quote figcaption,"
        " p.attribution, p.note, blockquote, .marking, aside.key-facts h2,"
        " aside.key-facts h3 { color: inherit; }\n"
        "  a, a:visited { color: inherit; }\n"
        "}\n",
    ]
    if colours.changed:
        warnings.warn(
            DocexportWarning(
                f"theme {theme.name!r}: colours darkened for WCAG AA contrast in the EPUB: "
                + ", ".join(dict.fromkeys(colours.changed))
            ),
            stacklevel=2,
        )
    return "\n".join(parts)
