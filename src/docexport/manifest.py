"""The export manifest: what a run wrote and what failed, for machines.

Stable ordering (by input, then format) so two runs' manifests diff cleanly.
Its JSON Schema ships as ``docexport/schemas/manifest.schema.json`` and is
derived from these dataclasses (a test keeps the two equal).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .errors import InputError

MANIFEST_VERSION = "1.0"


@dataclass(frozen=True, slots=True, kw_only=True)
class OutputRecord:
    """One written output."""

    input: str
    input_sha256: str
    format: str
    path: str
    bytes: int
    sha256: str
    key: str  # hash of input, theme, options and tool version: decides --skip-unchanged
    pages: int | None = None
    warnings: tuple[str, ...] = ()
    reused: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class FailureRecord:
    """One input (or one format of it) that could not be done."""

    input: str
    stage: str
    error: str
    format: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Manifest:
    """The record of one export run."""

    version: str
    theme: str
    formats: tuple[str, ...]
    outputs: tuple[OutputRecord, ...] = ()
    failures: tuple[FailureRecord, ...] = ()
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.failures and not self.interrupted

    @property
    def paths(self) -> list[str]:
        return [o.path for o in self.outputs]

    def to_dict(self) -> dict[str, Any]:
        from .serialize import to_data

        return {"manifest_version": MANIFEST_VERSION, "tool": "docexport", **to_data(self)}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"manifest is not valid JSON: {exc.msg}") from None
        if not isinstance(data, dict):
            raise InputError("manifest is not a JSON object")
        try:
            return Manifest(
                version=str(data["version"]),
                theme=str(data["theme"]),
                formats=tuple(data["formats"]),
                outputs=tuple(
                    OutputRecord(**{**o, "warnings": tuple(o.get("warnings", ()))})
                    for o in data.get("outputs", [])
                ),
                failures=tuple(FailureRecord(**f) for f in data.get("failures", [])),
                interrupted=bool(data.get("interrupted", False)),
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"manifest does not match its schema: {exc}") from None


def manifest_schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Manifest.to_json`."""
    from .serialize import dataclass_schema

    defs: dict[str, Any] = {}
    root = dataclass_schema(Manifest, defs)
    root["properties"] = {
        "manifest_version": {"const": MANIFEST_VERSION},
        "tool": {"const": "docexport"},
        **root["properties"],
    }
    root["required"] = ["manifest_version", "tool", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://docexport.invalid/schema/manifest-{MANIFEST_VERSION}.json",
        "title": "docexport export manifest",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
