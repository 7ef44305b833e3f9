"""The JSON Schemas shipped in the package are the ones the code derives."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from docexport.manifest import FailureRecord, Manifest, OutputRecord, manifest_schema
from docexport.serialize import json_schema


def _shipped(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads(resources.files("docexport.schemas").joinpath(name).read_text("utf-8"))


def test_shipped_schemas_are_current() -> None:
    assert _shipped("pack.schema.json") == json_schema()
    assert _shipped("manifest.schema.json") == manifest_schema()


def test_manifest_round_trip_and_validity() -> None:
    m = Manifest(
        version="0.1.0",
        theme="default",
        formats=("pdf",),
        outputs=(
            OutputRecord(
                input="a.txt",
                input_sha256="0" * 64,
                format="pdf",
                path="dist/a.pdf",
                bytes=10,
                sha256="1" * 64,
                key="k",
                pages=2,
                warnings=("w",),
            ),
        ),
        failures=(FailureRecord(input="b.txt", stage="read", error="binary data, not text"),),
    )
    data = json.loads(m.to_json())
    jsonschema.validate(data, manifest_schema())
    assert Manifest.from_json(m.to_json()) == m
    assert not m.ok
