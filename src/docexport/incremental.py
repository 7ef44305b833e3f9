"""``--skip-unchanged``: which outputs an earlier run already made.

An output's key hashes everything its bytes depend on (input bytes, format,
theme content, options, build timestamp and docexport's version). The client
computes keys from the bytes it read, so an unchanged input is never sent to a
worker; the earlier manifest (not file times) says what was made, and the
recorded file must still hold the recorded bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InputError
from .manifest import Manifest, OutputRecord, output_intact, read_manifest
from .themes import Theme


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def theme_fingerprint(theme: Theme) -> str:
    """A hash of the theme's content, so editing a theme file invalidates outputs."""
    return sha256(repr(theme).encode("utf-8"))[:16]


def output_key(fmt: str, input_sha: str, options: Mapping[str, Any]) -> str:
    """The key of one output: its format, its input's hash and every option."""
    payload = {**options, "format": fmt, "input": input_sha, "version": __version__}
    return sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8"))[:32]


def previous_manifest(path: Path | None) -> Manifest | None:
    """The manifest an earlier run wrote at ``path``; ``None`` if there is none
    or it cannot be used (a broken manifest only means everything renders)."""
    if path is None:
        return None
    try:
        return read_manifest(path)
    except (OSError, InputError):
        return None


def still_there(rec: OutputRecord) -> bool:
    """The recorded output exists as a regular file with the recorded content
    (read with a bound: a record pointing at a pipe or a device is not there)."""
    return output_intact(rec)
