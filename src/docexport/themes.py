"""Themes: one plain-data object every renderer reads, loaded from TOML.

A theme names page size and margins, font families, colours, text styles by
role (title, standfirst, heading1..3, body, quote, fact_label, fact_value,
footer...), the key-facts box look and the running header and footer. Lengths
are points. Each renderer adapts a theme once (Word styles, reportlab
ParagraphStyles, CSS). Built-in themes live in ``styles/`` and ship inside the
wheel.

Themes cascade: a theme file sets only what it changes, and every key it does
not set comes from the theme it ``extends`` (a built-in name or a path next to
it), by default the built-in ``default`` theme. Values are checked as data
(:mod:`docexport.theme_values`): every number has a range that still lays out.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ThemeError
from .theme_values import (
    MAX_FAMILIES,
    RANGES,
    check_colour,
    check_number,
    check_template,
    check_text,
)

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
DEFAULT_THEME = "default"
TABLES: tuple[str, ...] = ("page", "fonts", "colors", "roles", "box", "header", "footer")
# The smallest text area a page may keep after its margins, in points.
_MIN_TEXT_AREA = 72.0
# A theme file larger than this is not a theme.
MAX_THEME_BYTES = 1024 * 1024
_MAX_EXTENDS = 8


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
class Header:
    text: str = "{title}"  # placeholders: {source}, {title}, {date}


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
    header: Header = field(default_factory=Header)
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


# --------------------------------------------------------------------------- values


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
        kwargs[k] = _value(cls, f, v, sub)
    return cls(**kwargs)


_CHOICES = {
    "font": ("body", "heading", "mono"),
    "align": ("left", "justify", "center", "right"),
}


def _value(cls: type, f: dataclasses.Field[Any], v: Any, key: str) -> Any:
    name = f.name
    if name in ("color", "border", "background"):
        return check_colour(v, key)
    if cls is Fonts:
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not v or not all(isinstance(x, str) and x for x in v):
            raise ThemeError(f"{key}: expected a font family name or a list of them")
        if len(v) > MAX_FAMILIES:
            raise ThemeError(f"{key}: more than {MAX_FAMILIES} families")
        return tuple(check_text(x, key, "family") for x in v)
    if cls is Page and name == "size":
        if v not in PAGE_SIZES:
            raise ThemeError(f"{key}: {v!r} is not a page size ({', '.join(PAGE_SIZES)})")
        return v
    if name in _CHOICES:
        if v not in _CHOICES[name]:
            raise ThemeError(f"{key}: {v!r} is not one of {', '.join(_CHOICES[name])}")
        return v
    if name == "marking":
        if v is None:
            return None
        return check_text(v, key, "marking") or None
    if name == "text" and cls in (Header, Footer):
        return check_template(v, key)
    if isinstance(f.default, bool):
        if not isinstance(v, bool):
            raise ThemeError(f"{key}: expected true or false, got {v!r}")
        return v
    if name in RANGES:
        return check_number(v, key, name, whole=isinstance(f.default, int))
    if isinstance(f.default, str):
        return check_text(v, key, name)
    raise ThemeError(f"{key}: unsupported value {v!r}")  # pragma: no cover


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


def _check_fit(page: Page, roles: dict[str, TextStyle]) -> None:
    """Every role's lines fit the text area: three lines and the spacing around
    them (a paragraph needs two lines at the top and the bottom of a page)."""
    area = page.height - page.margin_top - page.margin_bottom
    for name, ts in roles.items():
        if name in ("header", "footer"):
            continue
        need = 3 * ts.size * ts.leading + ts.space_before + ts.space_after
        if need > area:
            raise ThemeError(
                f"roles.{name}.size: three lines of {ts.size:g} pt at leading {ts.leading:g} "
                f"with their spacing need {need:g} pt; the page's text area is {area:g} pt"
            )


def _check_layer(data: Any) -> dict[str, Any]:
    """One theme file's table, its keys and values checked (before merging, so an
    error names the file it is in)."""
    if not isinstance(data, dict):
        raise ThemeError("expected a table of theme keys")
    known = {"name", "description", "extends", *TABLES}
    for k in data:
        if k not in known:
            raise ThemeError(f"{k}: unknown key (allowed: {', '.join(sorted(known))})")
    for k in ("name", "description", "extends"):
        if k in data:
            check_text(data[k], k, k)
    if "name" in data and not data["name"]:
        raise ThemeError("name: expected a non-empty string")
    for table in TABLES:
        if table in data and not isinstance(data[table], dict):
            raise ThemeError(f"{table}: expected a table")
    for k, v in data.get("colors", {}).items():
        check_colour(v, f"colors.{k}")
    for k, v in data.get("roles", {}).items():
        if k not in ROLES:
            raise ThemeError(f"roles.{k}: unknown role (allowed: {', '.join(ROLES)})")
        _build(TextStyle, v, f"roles.{k}")
    for table, cls in (("page", Page), ("fonts", Fonts), ("box", Box)):
        _build(cls, data.get(table, {}), table)
    _build(Header, data.get("header", {}), "header")
    _build(Footer, data.get("footer", {}), "footer")
    return data


def _merge(base: dict[str, Any], layer: dict[str, Any]) -> dict[str, Any]:
    """``layer`` over ``base``: a table's keys one by one, a role's keys one by one."""
    out: dict[str, Any] = {k: v for k, v in base.items() if k in TABLES}
    for table in TABLES:
        if table not in layer:
            continue
        merged = dict(out.get(table, {}))
        for k, v in layer[table].items():
            if table == "roles":
                merged[k] = {**merged.get(k, {}), **v}
            else:
                merged[k] = v
        out[table] = merged
    for k in ("name", "description"):
        if k in layer:
            out[k] = layer[k]
    return out


def _theme(data: dict[str, Any], name: str, source_path: str | None) -> Theme:
    colors = dict(_DEFAULT_COLORS)
    colors.update({k: v.lower() for k, v in data.get("colors", {}).items()})
    roles = {role: TextStyle() for role in ROLES}
    for k, v in data.get("roles", {}).items():
        roles[k] = _build(TextStyle, v, f"roles.{k}")
    page = _check_page(_build(Page, data.get("page", {}), "page"))
    _check_fit(page, roles)
    return Theme(
        name=name,
        description=data.get("description", ""),
        page=page,
        fonts=_build(Fonts, data.get("fonts", {}), "fonts"),
        colors=colors,
        roles=roles,
        box=_build(Box, data.get("box", {}), "box"),
        header=_build(Header, data.get("header", {}), "header"),
        footer=_build(Footer, data.get("footer", {}), "footer"),
        source_path=source_path,
    )


# --------------------------------------------------------------------------- loading


def _parse(raw: bytes, label: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ThemeError(f"{label}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{label}: invalid TOML: {exc}") from None
    try:
        return _check_layer(data)
    except ThemeError as exc:
        raise ThemeError(f"{label}: {exc}") from None


def _read_file(path: Path, label: str) -> bytes:
    """A theme file through the bounded reader: a regular file, at most MAX_THEME_BYTES."""
    from .readfile import read_file

    try:
        return read_file(path, MAX_THEME_BYTES, error=ThemeError)
    except ThemeError as exc:
        raise ThemeError(f"cannot read theme file {label}: {exc}") from None


def _is_path(ref: str) -> bool:
    return ref.endswith(".toml") or "/" in ref or "\\" in ref or Path(ref).is_file()


_RAW: dict[str, dict[str, Any]] = {}


def _builtin_layer(name: str) -> dict[str, Any]:
    if name not in _RAW:
        resource = resources.files("docexport.styles").joinpath(f"{name}.toml")
        if not resource.is_file():
            known = ", ".join(builtin_themes())
            raise ThemeError(f"no theme named {name!r} (built-in themes: {known})")
        _RAW[name] = _parse(resource.read_bytes(), f"{name}.toml")
    return _RAW[name]


def _layer(ref: str, relative_to: Path | None) -> tuple[dict[str, Any], str, Path | None]:
    """(checked table, label, folder for its own ``extends``) of a theme reference."""
    if _is_path(ref):
        path = Path(ref)
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        label = str(path) if relative_to is not None else ref
        return _parse(_read_file(path, label), label), label, path.parent
    return _builtin_layer(ref), f"{ref}.toml", None


def _cascade(
    layer: dict[str, Any], label: str, folder: Path | None, builtin: str | None
) -> dict[str, Any]:
    """Every layer from the root theme down to ``layer``, merged."""
    chain = [(layer, label)]
    seen = {label}
    current, here, name = layer, folder, builtin
    while True:
        parent_ref = current.get("extends")
        if parent_ref is None:
            if name == DEFAULT_THEME:
                break
            parent_ref = DEFAULT_THEME
        if len(chain) > _MAX_EXTENDS:
            raise ThemeError(f"{label}: extends: more than {_MAX_EXTENDS} themes deep")
        parent, parent_label, parent_folder = _layer(parent_ref, here)
        if parent_label in seen:
            raise ThemeError(f"{label}: extends: {parent_ref!r} extends itself in a loop")
        seen.add(parent_label)
        chain.append((parent, parent_label))
        current, here = parent, parent_folder
        name = None if _is_path(parent_ref) else parent_ref
    merged: dict[str, Any] = {}
    for table, _ in reversed(chain):
        merged = _merge(merged, table)
    return merged


def theme_from_dict(data: dict[str, Any], *, source_path: str | None = None) -> Theme:
    """A theme from a table of keys, every key it lacks taken from the theme it
    extends (by default the built-in default theme)."""
    label = source_path or "theme"
    try:
        layer = _check_layer(data)
    except ThemeError as exc:
        raise ThemeError(f"{label}: {exc}") from None
    folder = Path(source_path).parent if source_path else None
    merged = _cascade(layer, label, folder, None)
    name = data.get("name") or (Path(source_path).stem if source_path else "custom")
    try:
        return _theme(merged, name, source_path)
    except ThemeError as exc:
        raise ThemeError(f"{label}: {exc}") from None


def builtin_themes() -> list[str]:
    """Names of the themes shipped with docexport."""
    folder = resources.files("docexport.styles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


_CACHE: dict[str, Theme] = {}


def load_theme(name_or_path: str | Path | None = None) -> Theme:
    """A built-in theme by name, or a theme file by path; ``None`` is the default.

    Parsed once per process: later calls return the same object.
    """
    key = str(name_or_path or DEFAULT_THEME)
    if key in _CACHE:
        return _CACHE[key]
    layer, label, folder = _layer(key, None)
    builtin = None if _is_path(key) else key
    merged = _cascade(layer, label, folder, builtin)
    name = layer.get("name") or (Path(key).stem if builtin is None else key)
    try:
        theme = _theme(merged, name, label)
    except ThemeError as exc:
        raise ThemeError(f"{label}: {exc}") from None
    _CACHE[key] = theme
    return theme
