"""Project defaults from ``[tool.docexport]`` in the nearest ``pyproject.toml``
or from a ``docexport.toml``; command-line flags override them."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DocexportError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# key -> (type, default)
KEYS: dict[str, tuple[type, Any]] = {
    "formats": (list, ["docx", "pdf", "epub"]),
    "out": (str, "dist"),
    "style": (str, "default"),
    "jobs": (int, 0),  # 0: the number of cores
    "manifest": (str, ""),
    "skip_unchanged": (bool, False),
    "max_input_size": (int, 20 * 1024 * 1024),
    "marking": (str, ""),
}


# The largest configuration file read, in bytes.
MAX_CONFIG_BYTES = 1024 * 1024


class ConfigError(DocexportError):
    pass


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def get(self, key: str) -> Any:
        return self.values.get(key, KEYS[key][1])

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
    return None


def _read(path: Path) -> dict[str, Any]:
    from .readfile import read_file

    try:
        raw = read_file(path, MAX_CONFIG_BYTES, error=ConfigError)
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
        return data
    except (ConfigError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def load_config(start: Path | None = None) -> Config:
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
        typ = KEYS[norm][0]
        if typ is list and isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
            raise ConfigError(f"{path}: {key}: expected {typ.__name__}, got {value!r}")
        config.values[norm] = value
        config.origins[norm] = f"{label} ({path})"
    return config
