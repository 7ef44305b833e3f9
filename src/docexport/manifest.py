"""The export manifest: what a run wrote and what failed, for machines.

Stable ordering (by input, then format) so two runs' manifests diff cleanly.
Its JSON Schema ships as ``docexport/schemas/manifest.schema.json`` and is
derived from these dataclasses (a test keeps the two equal).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import DocexportError, InputError

MANIFEST_VERSION = "1.1"
# The largest manifest read back; one record is a few hundred bytes.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024


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


@dataclass(frozen=True, slots=True, kw_only=True)
class FailureRecord:
    """One input (or one format of it) that could not be done."""

    input: str
    stage: str
    error: str
    format: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RunFacts:
    """What this run did, as opposed to what the folder holds: the only part
    of two manifests of the same inputs that may differ."""

    rendered: int = 0
    unchanged: int = 0
    failed: int = 0
    pruned: tuple[str, ...] = ()  # outputs removed because their input is gone


@dataclass(frozen=True, slots=True, kw_only=True)
class Manifest:
    """The record of one export run."""

    version: str
    theme: str
    formats: tuple[str, ...]
    outputs: tuple[OutputRecord, ...] = ()
    failures: tuple[FailureRecord, ...] = ()
    interrupted: bool = False
    run: RunFacts = RunFacts()

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
                    OutputRecord(
                        **{**_known(OutputRecord, o), "warnings": tuple(o.get("warnings", ()))}
                    )
                    for o in data.get("outputs", [])
                ),
                failures=tuple(
                    FailureRecord(**_known(FailureRecord, f)) for f in data.get("failures", [])
                ),
                interrupted=bool(data.get("interrupted", False)),
                run=_run_facts(data.get("run")),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"manifest does not match its schema: {exc}") from None


def _known(cls: type, record: Any) -> dict[str, Any]:
    """The record's fields this version knows (older manifests had ``reused``)."""
    if not isinstance(record, dict):
        raise TypeError(f"a record is not an object: {record!r:.40}")
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in record.items() if k in names}


def _run_facts(data: Any) -> RunFacts:
    if not isinstance(data, dict):
        return RunFacts()
    known = _known(RunFacts, data)
    return RunFacts(**{**known, "pruned": tuple(known.get("pruned", ()))})


def read_manifest(path: Path, limit: int = MAX_MANIFEST_BYTES) -> Manifest:
    """The manifest at ``path``, read with a bound; anything but a regular file of
    at most ``limit`` bytes holding a manifest is an :class:`InputError` naming it."""
    from .readfile import read_file

    try:
        data = read_file(path, limit)
        return Manifest.from_json(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"manifest {path}: not UTF-8 text") from None
    except (RecursionError, ValueError):  # nested too deeply, a number of 5,000 digits
        raise InputError(f"manifest {path}: does not match its schema") from None
    except DocexportError as exc:
        raise InputError(f"manifest {path}: {exc}") from None


def output_intact(record: OutputRecord) -> bool:
    """Whether a recorded output is still there with the recorded content. Reads
    at most the recorded size (plus one byte) and only from a regular file: a
    record pointing at a pipe or a device is simply not intact."""
    from .readfile import read_file

    try:
        data = read_file(record.path, max(0, record.bytes))
    except DocexportError:
        return False
    return hashlib.sha256(data).hexdigest() == record.sha256


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
