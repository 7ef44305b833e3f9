"""A theme written back as TOML (``docexport styles --show NAME``): every key
with its effective value, so a user copies it and changes what they want."""

from __future__ import annotations

import dataclasses
import json

from .themes import ROLES, Theme


def _value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, tuple):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)


def _table(lines: list[str], header: str, obj: object) -> None:
    lines.append("")
    lines.append(f"[{header}]")
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if value is None:
            lines.append(f"# {f.name} is not set")
            continue
        lines.append(f"{f.name} = {_value(value)}")


def theme_toml(theme: Theme) -> str:
    """The whole theme as a TOML file that loads back to the same theme."""
    lines = [
        f"# docexport theme {theme.name!r}: every key, with its value.",
        "# Keep the keys you want to change; the rest come from the default theme.",
        f"name = {_value(theme.name)}",
        f"description = {_value(theme.description)}",
    ]
    _table(lines, "page", theme.page)
    _table(lines, "fonts", theme.fonts)
    lines.append("")
    lines.append("[colors]")
    for k, v in theme.colors.items():
        key = k if k.replace("_", "").replace("-", "").isalnum() else json.dumps(k)
        lines.append(f"{key} = {_value(v)}")
    for role in ROLES:
        _table(lines, f"roles.{role}", theme.role(role))
    _table(lines, "box", theme.box)
    _table(lines, "header", theme.header)
    _table(lines, "footer", theme.footer)
    return "\n".join(lines) + "\n"
