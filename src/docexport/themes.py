"""Themes: one plain-data object every renderer reads, loaded from TOML.

A theme names page size and margins, font families, colours, text styles by
role (title, standfirst, heading1..3, body, quote, fact_label, fact_value,
footer...), the key-facts box look and the footer text. Lengths are points.
Each renderer adapts a theme once (Word styles, reportlab ParagraphStyles,
CSS). Built-in themes live in ``styles/`` and ship inside the wheel.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ThemeError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (595.2756, 841.8898),
    "A5": (419.5276, 595.2756),
    "Letter": (612.0, 792.0),
    "Legal": (612.0, 1008.0),
}
ROLES: tuple[str, ...] = (
    "title",
    "subtitle",
    "meta",
    "standfirst",
    "heading1",
    "heading2",
    "heading3",
    "body",
    "quote",
    "list",
    "code",
    "summary",
    "box_title",
    "fact_label",
    "fact_value",
    "attribution",
    "header",
    "footer",
)
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    size: str = "A4"
    margin_top: float = 56.0
    margin_bottom: float = 56.0
    margin_left: float = 60.0
    margin_right: float = 60.0

    @property
    def width(self) -> float:
        return PAGE_SIZES[self.size][0]

    @property
    def height(self) -> float:
        return PAGE_SIZES[self.size][1]


@dataclass(frozen=True, slots=True, kw_only=True)
class Fonts:
    """Font family names, most wanted first; renderers fall back along the list."""

    body: tuple[str, ...] = ("DejaVu Serif",)
    heading: tuple[str, ...] = ("DejaVu Sans",)
    mono: tuple[str, ...] = ("DejaVu Sans Mono",)


@dataclass(frozen=True, slots=True, kw_only=True)
class TextStyle:
    font: str = "body"  # one of: body, heading, mono
    size: float = 10.5
    bold: bool = False
    italic: bool = False
    color: str = "#000000"
    space_before: float = 0.0
    space_after: float = 6.0
    leading: float = 1.3  # line height as a multiple of size
    align: str = "left"  # left, justify, center, right


@dataclass(frozen=True, slots=True, kw_only=True)
class Box:
    title: str = "Key facts"
    border: str = "#1f4e79"
    background: str = "#eef3f8"
    border_width: float = 1.0
    padding: float = 8.0
    max_facts: int = 14


@dataclass(frozen=True, slots=True, kw_only=True)
class Footer:
    text: str = "{source}"  # placeholders: {source}, {title}, {date}
    page_numbers: bool = True
    marking: str | None = None  # default marking line (a pack's own marking wins)


@dataclass(frozen=True, slots=True, kw_only=True)
class Theme:
    name: str
    description: str = ""
    page: Page = field(default_factory=Page)
    fonts: Fonts = field(default_factory=Fonts)
    colors: dict[str, str] = field(default_factory=dict)
    roles: dict[str, TextStyle] = field(default_factory=dict)
    box: Box = field(default_factory=Box)
    footer: Footer = field(default_factory=Footer)
    source_path: str | None = None

    def role(self, name: str) -> TextStyle:
        return self.roles.get(name) or self.roles.get("body") or TextStyle()

    def color(self, name: str) -> str:
        """A colour by name from the theme (text, accent, muted, link, rule)."""
        return self.colors.get(name, "#000000")


_DEFAULT_COLORS = {
    "text": "#1a1a1a",
    "accent": "#1f4e79",
    "muted": "#555555",
    "link": "#1f4e79",
    "rule": "#9aa9b8",
}


# --------------------------------------------------------------------------- loading


def _check_colour(value: Any, key: str) -> str:
    if not isinstance(value, str) or not _COLOUR.match(value):
        raise ThemeError(f"{key}: {value!r} is not a colour like '#1f4e79'")
    return value.lower()


def _build(cls: type, data: Any, key: str) -> Any:
    """Build a theme dataclass from a TOML table, naming any bad key."""
    if not isinstance(data, dict):
        raise ThemeError(f"{key}: expected a table, got {type(data).__name__}")
    names = {f.name: f for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for k, v in data.items():
        sub = f"{key}.{k}" if key else k
        f = names.get(k)
        if f is None:
            allowed = ", ".join(sorted(names))
            raise ThemeError(f"{sub}: unknown key (allowed: {allowed})")
        kwargs[k] = _value(f, v, sub)
    return cls(**kwargs)


def _value(f: dataclasses.Field[Any], v: Any, key: str) -> Any:
    default = f.default if f.default is not dataclasses.MISSING else None
    name = f.name
    if name in ("color", "border", "background"):
        return _check_colour(v, key)
    if name in ("body", "heading", "mono") and isinstance(f.default, tuple):
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not v or not all(isinstance(x, str) and x for x in v):
            raise ThemeError(f"{key}: expected a font family name or a list of them")
        return tuple(v)
    if name == "size" and isinstance(default, str):
        if v not in PAGE_SIZES:
            raise ThemeError(f"{key}: {v!r} is not a page size ({', '.join(PAGE_SIZES)})")
        return v
    if name == "font":
        if v not in ("body", "heading", "mono"):
            raise ThemeError(f"{key}: {v!r} is not one of body, heading, mono")
        return v
    if name == "align":
        if v not in ("left", "justify", "center", "right"):
            raise ThemeError(f"{key}: {v!r} is not one of left, justify, center, right")
        return v
    if name == "marking":
        if v is not None and not isinstance(v, str):
            raise ThemeError(f"{key}: expected a string")
        return v or None
    if isinstance(default, bool):
        if not isinstance(v, bool):
            raise ThemeError(f"{key}: expected true or false, got {v!r}")
        return v
    if isinstance(default, int):
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise ThemeError(f"{key}: expected a positive whole number, got {v!r}")
        return v
    if isinstance(default, float):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 2000:
            raise ThemeError(f"{key}: expected a number of points (0-2000), got {v!r}")
        # A zero font size or line height divides by zero in the renderers.
        if name in ("size", "leading") and v <= 0:
            raise ThemeError(f"{key}: expected a number above 0, got {v!r}")
        return float(v)
    if name == "text" and isinstance(default, str) and "{" in default:
        return _check_footer_text(v, key)
    if isinstance(default, str):
        if not isinstance(v, str):
            raise ThemeError(f"{key}: expected a string, got {type(v).__name__}")
        return v
    raise ThemeError(f"{key}: unsupported value {v!r}")  # pragma: no cover


_FOOTER_FIELDS = ("source", "title", "date")
# The smallest text area a page may keep after its margins, in points.
_MIN_TEXT_AREA = 72.0


def _check_footer_text(v: Any, key: str) -> str:
    """A footer template may only use {source}, {title} and {date}."""
    import string

    if not isinstance(v, str):
        raise ThemeError(f"{key}: expected a string, got {type(v).__name__}")
    allowed = ", ".join("{" + f + "}" for f in _FOOTER_FIELDS)
    try:
        fields = [f for _, f, spec, conv in string.Formatter().parse(v) if f is not None]
    except ValueError as exc:
        raise ThemeError(f"{key}: {exc} (use {{{{ and }}}} for braces)") from None
    for f in fields:
        if f not in _FOOTER_FIELDS:
            raise ThemeError(f"{key}: unknown placeholder {{{f}}} (allowed: {allowed})")
    try:
        v.format(source="", title="", date="")
    except (ValueError, KeyError, IndexError, AttributeError) as exc:
        raise ThemeError(f"{key}: {exc}") from None
    return v


def _check_page(page: Page) -> Page:
    if page.width - page.margin_left - page.margin_right < _MIN_TEXT_AREA:
        raise ThemeError(
            "page.margin_left, page.margin_right: the margins leave less than "
            f"{_MIN_TEXT_AREA:g} points of a {page.size} page's width"
        )
    if page.height - page.margin_top - page.margin_bottom < 2 * _MIN_TEXT_AREA:
        raise ThemeError(
            "page.margin_top, page.margin_bottom: the margins leave less than "
            f"{2 * _MIN_TEXT_AREA:g} points of a {page.size} page's height"
        )
    return page


def theme_from_dict(data: dict[str, Any], *, source_path: str | None = None) -> Theme:
    known = {"name", "description", "page", "fonts", "colors", "roles", "box", "footer"}
    for k in data:
        if k not in known:
            raise ThemeError(f"{k}: unknown key (allowed: {', '.join(sorted(known))})")
    name = data.get("name", Path(source_path).stem if source_path else "custom")
    if not isinstance(name, str) or not name:
        raise ThemeError("name: expected a non-empty string")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ThemeError("description: expected a string")
    colors = dict(_DEFAULT_COLORS)
    raw_colors = data.get("colors", {})
    if not isinstance(raw_colors, dict):
        raise ThemeError("colors: expected a table")
    for k, v in raw_colors.items():
        colors[k] = _check_colour(v, f"colors.{k}")
    raw_roles = data.get("roles", {})
    if not isinstance(raw_roles, dict):
        raise ThemeError("roles: expected a table")
    roles: dict[str, TextStyle] = {}
    for role in ROLES:
        roles[role] = TextStyle()
    for k, v in raw_roles.items():
        if k not in ROLES:
            raise ThemeError(f"roles.{k}: unknown role (allowed: {', '.join(ROLES)})")
        roles[k] = _build(TextStyle, v, f"roles.{k}")
    return Theme(
        name=name,
        description=description,
        page=_check_page(_build(Page, data.get("page", {}), "page")),
        fonts=_build(Fonts, data.get("fonts", {}), "fonts"),
        colors=colors,
        roles=roles,
        box=_build(Box, data.get("box", {}), "box"),
        footer=_build(Footer, data.get("footer", {}), "footer"),
        source_path=source_path,
    )


def builtin_themes() -> list[str]:
    """Names of the themes shipped with docexport."""
    folder = resources.files("docexport.styles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


_CACHE: dict[str, Theme] = {}
# The largest theme file read, in bytes (a theme is a few kilobytes).
MAX_THEME_BYTES = 1024 * 1024


def load_theme(name_or_path: str | Path | None = None) -> Theme:
    """A built-in theme by name, or a theme file by path; ``None`` is the default.

    Parsed once per process: later calls return the same object.
    """
    key = str(name_or_path or "default")
    if key in _CACHE:
        return _CACHE[key]
    path = Path(key)
    if key.endswith(".toml") or path.is_file():
        from .readfile import read_file

        try:
            raw = read_file(path, MAX_THEME_BYTES, error=ThemeError)
        except ThemeError as exc:
            raise ThemeError(f"cannot read theme file {key}: {exc}") from None
        label = key
    else:
        resource = resources.files("docexport.styles").joinpath(f"{key}.toml")
        if not resource.is_file():
            known = ", ".join(builtin_themes())
            raise ThemeError(f"no theme named {key!r} (built-in themes: {known})")
        raw = resource.read_bytes()
        label = f"{key}.toml"
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ThemeError(f"{label}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{label}: invalid TOML: {exc}") from None
    try:
        theme = theme_from_dict(data, source_path=label)
    except ThemeError as exc:
        raise ThemeError(f"{label}: {exc}") from None
    _CACHE[key] = theme
    return theme
