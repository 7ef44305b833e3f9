"""Project defaults from ``[tool.docexport]`` in the nearest ``pyproject.toml``
or from a ``docexport.toml``; command-line flags override them.

Each key is type-checked here, and a path a config file sets is taken relative
to that file (so a CI job may run from any folder). Merging with the flags and
the checks that need the flags too live in :mod:`docexport.settings`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["KEYS", "PATH_KEYS", "Config", "ConfigError", "find_config", "load_config"]

# The largest configuration file read: a config is a few lines.
_MAX_CONFIG_BYTES = 1024 * 1024


def _str_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


# key -> (what it must be, for messages; a checker returning the value or None; default)
KEYS: dict[str, tuple[str, Callable[[Any], Any], Any]] = {
    "formats": (
        "a list of format names",
        _str_list,
        ["docx", "pdf", "epub"],
    ),
    "out": ("a folder path", lambda v: v if isinstance(v, str) and v else None, "dist"),
    "style": ("a theme name or .toml path", lambda v: v if isinstance(v, str) else None, "default"),
    "jobs": (
        "a whole number, 0 for one per core",
        lambda v: v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else None,
        0,
    ),
    "manifest": ("a file path", lambda v: v if isinstance(v, str) else None, ""),
    "skip_unchanged": ("true or false", lambda v: v if isinstance(v, bool) else None, False),
    "prune": ("true or false", lambda v: v if isinstance(v, bool) else None, False),
    "max_input_size": (
        "a number of bytes, at least 1",
        lambda v: v if isinstance(v, int) and not isinstance(v, bool) and v >= 1 else None,
        20 * 1024 * 1024,
    ),
    "marking": ("a string", lambda v: v if isinstance(v, str) else None, ""),
    "language": ("a language tag", lambda v: v if isinstance(v, str) else None, ""),
    "input_format": ("an input kind", lambda v: v if isinstance(v, str) else None, ""),
    "reference_docx": ("a .docx path", lambda v: v if isinstance(v, str) else None, ""),
    "exclude": ("a list of globs", _str_list, []),
    "executor": ("process or dask", lambda v: v if v in ("process", "dask") else None, "process"),
    "scheduler": ("a Dask scheduler address", lambda v: v if isinstance(v, str) else None, ""),
}

# Keys whose value is a path: taken relative to the file that set it.
PATH_KEYS = frozenset({"out", "manifest", "reference_docx"})


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def get(self, key: str) -> Any:
        return self.values.get(key, KEYS[key][2])

    def has(self, key: str) -> bool:
        return key in self.values

    def origin(self, key: str) -> str:
        return self.origins.get(key, "built-in default")


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``docexport.toml`` or ``pyproject.toml`` with ``[tool.docexport]``."""
    folder = (start or Path.cwd()).resolve()
    for d in (folder, *folder.parents):
        own = d / "docexport.toml"
        if own.is_file():
            return own, _read(own)
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("docexport")
            if isinstance(table, dict):
                return pyproject, table
            if table is not None:
                raise ConfigError(f"{pyproject}: [tool.docexport] must be a table")
    return None


def _read(path: Path) -> dict[str, Any]:
    from .readfile import read_file

    try:
        raw = read_file(path, _MAX_CONFIG_BYTES, error=ConfigError)
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
        return data
    except (ConfigError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def _looks_like_path(style: str) -> bool:
    return style.endswith(".toml") or "/" in style or "\\" in style


def _relative_to_file(config_path: Path, value: str) -> str:
    """``value`` (a path the file sets) taken from the file's folder, written
    relative to the current folder when it can be (shorter in logs and manifests)."""
    import os

    target = config_path.parent / value
    try:
        return os.path.relpath(target)
    except ValueError:  # another drive on Windows
        return str(target)


def load_config(start: Path | None = None) -> Config:
    """The configuration found from ``start`` (the current folder) upwards,
    every key checked and every path made relative to the file."""
    found = find_config(start)
    if found is None:
        return Config()
    path, table = found
    label = f"{path.name} [tool.docexport]" if path.name == "pyproject.toml" else path.name
    config = Config(path=path)
    for key, value in table.items():
        norm = key.replace("-", "_")
        if norm not in KEYS:
            raise ConfigError(f"{path}: {key}: unknown key (allowed: {', '.join(KEYS)})")
        expected, check, _default = KEYS[norm]
        checked = check(value)
        if checked is None:
            raise ConfigError(f"{path}: {key}: expected {expected}, got {value!r}")
        if (norm in PATH_KEYS and checked) or (norm == "style" and _looks_like_path(checked)):
            checked = _relative_to_file(path, checked)
        config.values[norm] = checked
        config.origins[norm] = f"{label} ({path})"
    return config
