"""Theme values checked as data: the range each number may take, colours, and
the running header/footer templates.

A value that passes here lays out in every format: the ranges are the ones the
renderers are tested at (``tests/hostile/test_render_bounds.py`` renders a pack
with every number at each end of its range). Templates are not ``str.format``
strings: only the documented placeholders are replaced, by plain substitution,
so ``{title.__class__}`` or ``{title:>999999999}`` is an error at load, never
evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .errors import ThemeError

# (lowest, highest) for every number a theme sets, by key name. Sizes are in
# points; ``leading`` is a multiple of the size. Header and footer sizes are
# tighter: they live in the page margins.
RANGES: dict[str, tuple[float, float]] = {
    "size": (4.0, 72.0),
    "leading": (0.8, 3.0),
    "space_before": (0.0, 72.0),
    "space_after": (0.0, 72.0),
    "margin_top": (28.0, 288.0),
    "margin_bottom": (28.0, 288.0),
    "margin_left": (18.0, 288.0),
    "margin_right": (18.0, 288.0),
    "border_width": (0.0, 8.0),
    "padding": (0.0, 36.0),
    "max_facts": (1, 40),
}
FURNITURE_SIZE = (5.0, 14.0)  # roles.header.size, roles.footer.size
# Longest text a theme may set, in characters (a title is one line in a box).
TEXT_LIMITS: dict[str, int] = {
    "name": 100,
    "description": 300,
    "title": 120,
    "text": 300,
    "marking": 200,
    "extends": 300,
    "family": 100,
}
MAX_FAMILIES = 12

TEMPLATE_FIELDS: tuple[str, ...] = ("source", "title", "date")
_TEMPLATE_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def check_colour(value: object, key: str) -> str:
    if not isinstance(value, str) or not _COLOUR.match(value):
        raise ThemeError(f"{key}: {value!r} is not a colour like '#1f4e79'")
    return value.lower()


def check_number(value: object, key: str, name: str, *, whole: bool = False) -> float | int:
    """A number inside the range of ``name``, else a ThemeError naming ``key``."""
    lo, hi = FURNITURE_SIZE if _is_furniture_size(key) else RANGES[name]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        kind = "a whole number" if whole else "a number"
        raise ThemeError(f"{key}: expected {kind} from {lo:g} to {hi:g}, got {value!r}")
    if whole and not isinstance(value, int):
        raise ThemeError(f"{key}: expected a whole number from {lo:g} to {hi:g}, got {value!r}")
    if not lo <= value <= hi:
        raise ThemeError(f"{key}: {value!r} is out of range ({lo:g} to {hi:g})")
    return value if whole else float(value)


def _is_furniture_size(key: str) -> bool:
    return key in ("roles.header.size", "roles.footer.size")


def check_text(value: object, key: str, name: str) -> str:
    if not isinstance(value, str):
        raise ThemeError(f"{key}: expected a string, got {type(value).__name__}")
    limit = TEXT_LIMITS.get(name, 300)
    if len(value) > limit:
        raise ThemeError(f"{key}: {len(value):,} characters is over the limit of {limit}")
    if any(ord(c) < 32 for c in value):
        raise ThemeError(f"{key}: control characters (line breaks, tabs) are not allowed")
    return value


def check_template(value: object, key: str) -> str:
    """A header/footer template: text with ``{source}``, ``{title}``, ``{date}``;
    ``{{`` and ``}}`` stand for braces. Anything else in braces is an error."""
    text = check_text(value, key, "text")
    allowed = ", ".join("{" + f + "}" for f in TEMPLATE_FIELDS)
    for m in _TEMPLATE_TOKEN.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        if token in ("{", "}"):
            raise ThemeError(f"{key}: a lone {token!r} (use {{{{ and }}}} for braces)")
        if m.group(1) not in TEMPLATE_FIELDS:
            raise ThemeError(f"{key}: unknown placeholder {token} (allowed: {allowed})")
    return text


def fill_template(template: str, values: Mapping[str, str]) -> str:
    """The template with its placeholders replaced by ``values`` (plain text, no
    formatting language); the template was checked by :func:`check_template`."""

    def one(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = m.group(1)
        if name is not None and name in values:
            return values[name]
        return token

    return _TEMPLATE_TOKEN.sub(one, template)
