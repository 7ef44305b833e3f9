"""The model's JSON form and its JSON Schema, both derived from the dataclasses.

One mechanism walks the type hints of :mod:`docexport.model`, so the JSON, the
decoder and the schema cannot drift apart. Blocks and inlines carry a ``type``
tag, facts a ``kind``; the top level carries ``schema_version``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, Union, get_args, get_origin

from . import model
from .errors import InputError
from .model import SCHEMA_VERSION, Pack

# Tagged unions: JSON tag value -> class, per union.
_BLOCK_TAGS: dict[str, type] = {
    "heading": model.Heading,
    "paragraph": model.Paragraph,
    "blockquote": model.BlockQuote,
    "list": model.ListBlock,
    "code": model.CodeBlock,
}
_INLINE_TAGS: dict[str, type] = {"text": model.Text, "link": model.Link}
_UNIONS: list[tuple[frozenset[type], str, dict[str, type]]] = [
    (frozenset(_BLOCK_TAGS.values()), "type", _BLOCK_TAGS),
    (frozenset(_INLINE_TAGS.values()), "type", _INLINE_TAGS),
    (frozenset(model.FACT_TYPES.values()), "kind", dict(model.FACT_TYPES)),
]
# (field, where-from) pairs read better as a JSON object.
_PAIR_FIELDS = {"provenance"}


class SchemaError(InputError):
    """The JSON does not match the model."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    import sys

    return typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))


def _fields(cls: type) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(cls) if f.init]


def _union_tag(cls: type) -> tuple[str, str] | None:
    for members, key, tags in _UNIONS:
        if cls in members:
            for tag, tcls in tags.items():
                if tcls is cls:
                    return key, tag
    return None


# --------------------------------------------------------------------------- encode


def to_data(obj: Any) -> Any:
    """The JSON-ready form of a model object (dicts, lists, str, numbers)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        tag = _union_tag(type(obj))
        if tag:
            out[tag[0]] = tag[1]
        for f in _fields(type(obj)):
            value = getattr(obj, f.name)
            if f.name in _PAIR_FIELDS:
                out[f.name] = dict(value)
            else:
                out[f.name] = to_data(value)
        return out
    if isinstance(obj, tuple):
        return [to_data(v) for v in obj]
    return obj


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(to_data(pack))
    return data


def dumps(pack: Pack, *, indent: int | None = 2) -> str:
    """The pack as JSON text, stable: same pack, same text."""
    return json.dumps(pack_to_dict(pack), ensure_ascii=False, indent=indent) + "\n"


# --------------------------------------------------------------------------- decode


def _decode(tp: Any, value: Any, path: str) -> Any:
    origin = get_origin(tp)
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if value is None and type(None) in args:
            return None
        members = [a for a in args if a is not type(None)]
        if len(members) == 1:
            return _decode(members[0], value, path)
        return _decode_tagged(frozenset(members), value, path)
    if origin is typing.Literal:
        if value not in get_args(tp):
            allowed = ", ".join(repr(a) for a in get_args(tp))
            raise SchemaError(f"{path}: {value!r} is not one of {allowed}")
        return value
    if origin is tuple:
        args = get_args(tp)
        if not isinstance(value, list):
            raise SchemaError(f"{path}: expected a list, got {type(value).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{path}[{i}]") for i, v in enumerate(value))
        raise SchemaError(f"{path}: unsupported tuple type")  # pragma: no cover
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, value, path)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise SchemaError(f"{path}: expected a number, got {value!r}")
        return float(value)
    if tp in (str, int, bool):
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise SchemaError(f"{path}: expected {tp.__name__}, got {type(value).__name__}")
        return value
    raise SchemaError(f"{path}: unsupported type {tp!r}")  # pragma: no cover


def _decode_tagged(members: frozenset[type], value: Any, path: str) -> Any:
    for union_members, key, tags in _UNIONS:
        if members == union_members:
            if not isinstance(value, dict) or key not in value:
                raise SchemaError(f"{path}: expected an object with a {key!r} field")
            cls = tags.get(value[key])
            if cls is None:
                raise SchemaError(f"{path}.{key}: unknown {key} {value[key]!r}")
            return _decode_dataclass(cls, value, path, skip=key)
    raise SchemaError(f"{path}: unsupported union")  # pragma: no cover


def _decode_dataclass(cls: type, value: Any, path: str, skip: str | None = None) -> Any:
    if not isinstance(value, dict):
        raise SchemaError(f"{path}: expected an object, got {type(value).__name__}")
    hints = _hints(cls)
    names = {f.name for f in _fields(cls)}
    unknown = set(value) - names - {skip, "schema_version"}
    if unknown:
        raise SchemaError(f"{path}: unknown field {sorted(unknown)[0]!r}")
    kwargs: dict[str, Any] = {}
    for f in _fields(cls):
        sub = f"{path}.{f.name}" if path else f.name
        if f.name not in value:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise SchemaError(f"{sub}: required field is missing")
            continue
        raw = value[f.name]
        if f.name in _PAIR_FIELDS:
            if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
                raise SchemaError(f"{sub}: expected an object of strings")
            kwargs[f.name] = tuple(raw.items())
        else:
            kwargs[f.name] = _decode(hints[f.name], raw, sub)
    return cls(**kwargs)


def pack_from_dict(data: Any) -> Pack:
    if not isinstance(data, dict):
        raise SchemaError("expected a JSON object at the top level")
    version = data.get("schema_version")
    if version is not None and str(version).split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise SchemaError(
            f"schema_version {version!r} is not supported (this docexport reads {SCHEMA_VERSION})"
        )
    pack: Pack = _decode_dataclass(Pack, data, "")
    return pack


def loads(text: str) -> Pack:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"not valid JSON: {exc}") from None
    return pack_from_dict(data)


# --------------------------------------------------------------------------- schema


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        members = [a for a in args if a is not type(None)]
        inner: dict[str, Any]
        if len(members) == 1:
            inner = _schema_for(members[0], defs)
        else:
            inner = {"oneOf": [_schema_for(m, defs) for m in members]}
        if type(None) in args:
            return {"anyOf": [inner, {"type": "null"}]}
        return inner
    if origin is typing.Literal:
        return {"enum": list(get_args(tp))}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(get_args(tp)[0], defs)}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = dataclass_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}
    if tp is Any:
        return {}
    raise TypeError(f"no schema for {tp!r}")  # pragma: no cover


def dataclass_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a dataclass; nested dataclasses go into ``defs``."""
    hints = _hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    tag = _union_tag(cls)
    if tag:
        props[tag[0]] = {"const": tag[1]}
        required.append(tag[0])
    for f in _fields(cls):
        if f.name in _PAIR_FIELDS:
            props[f.name] = {"type": "object", "additionalProperties": {"type": "string"}}
        else:
            props[f.name] = _schema_for(hints[f.name], defs)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    doc = (cls.__doc__ or "").strip().split("\n")[0]
    out: dict[str, Any] = {"type": "object", "properties": props, "required": required}
    if doc and not doc.startswith(cls.__name__ + "("):
        out["description"] = doc
    out["additionalProperties"] = False
    return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`dumps` output."""
    defs: dict[str, Any] = {}
    root = dataclass_schema(Pack, defs)
    root["properties"] = {"schema_version": {"const": SCHEMA_VERSION}, **root["properties"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://docexport.invalid/schema/pack-{SCHEMA_VERSION}.json",
        "title": "docexport briefing pack",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
