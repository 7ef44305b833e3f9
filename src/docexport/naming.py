"""Output names for a whole batch, decided before anything renders.

Each input gets a stem; a feed (or any input that may hold several articles)
also owns every ``stem-NN`` name for its items. Stems are unique across the
run's inputs, their feed items and the outputs an earlier manifest records
for other inputs, so no output ever overwrites another input's. An input an
earlier manifest knows keeps its recorded stem, so adding ``b.md`` beside
``b.txt`` never takes ``b.txt``'s names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .output import MAX_STEM, safe_stem

_ITEM = re.compile(r"^(.*)-\d+$")
# Room kept below the stem limit for "-NNNN" item numbers and "-ext_NN" tie-breakers.
_RESERVE = 16


def cut_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes on a character boundary."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore").rstrip("._-")


def base_stem(name: str) -> str:
    """A safe stem for an input file, short enough (in bytes and characters)
    that item and tie-breaker suffixes always fit below the name limit."""
    return cut_bytes(safe_stem(name), MAX_STEM - _RESERVE) or "article"


def item_stem(stem: str, index: int, count: int) -> str:
    """The name of a feed's ``index``-th item of ``count``: ``stem-01``."""
    width = max(2, len(str(count)))
    return f"{stem}-{index:0{width}d}"


@dataclass(frozen=True, slots=True)
class Planned:
    input: str
    stem: str
    multi: bool  # may write stem-NN items


class _Claims:
    """Stems taken so far, indexed so each check is constant time."""

    def __init__(self) -> None:
        self.exact: dict[str, str] = {}  # stem -> owner
        self.families: dict[str, str] = {}  # base of a multi stem -> owner
        self.exact_bases: dict[str, set[str]] = {}  # base of an exact "x-NN" stem -> owners

    def clashes(self, stem: str, multi: bool, owner: str) -> bool:
        key = stem.lower()
        other = self.exact.get(key)
        if other is not None and other != owner:
            return True
        other = self.families.get(key)
        if other is not None and other != owner:
            return True
        m = _ITEM.match(key)
        if m is not None:
            other = self.families.get(m.group(1))
            if other is not None and other != owner:
                return True
        return bool(multi and self.exact_bases.get(key, set()) - {owner})

    def add(self, stem: str, multi: bool, owner: str) -> None:
        key = stem.lower()
        self.exact.setdefault(key, owner)
        if multi:
            self.families.setdefault(key, owner)
        m = _ITEM.match(key)
        if m is not None:
            self.exact_bases.setdefault(m.group(1), set()).add(owner)


def recorded_stems(paths_by_input: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """The stem an earlier run gave each input, from its recorded output paths:
    the one stem, or the common base of its ``-NN`` items."""
    out: dict[str, str] = {}
    for inp, paths in paths_by_input.items():
        stems = sorted({Path(p).stem for p in paths})
        if len(stems) == 1:
            out[inp] = stems[0]
            continue
        bases = {m.group(1) if (m := _ITEM.match(s)) else s for s in stems}
        if len(bases) == 1:
            out[inp] = bases.pop()
    return out


def plan_names(
    inputs: Sequence[str],
    *,
    multi: Sequence[bool],
    previous: Mapping[str, Sequence[str]] | None = None,
) -> list[Planned]:
    """One stem per input, in input order, unique as the module says.

    ``previous`` maps inputs of an earlier manifest to the output paths it
    recorded: those names stay claimed by their inputs.
    """
    previous = previous or {}
    claims = _Claims()
    # Outputs an earlier run recorded belong to their inputs, present or not.
    for inp, paths in previous.items():
        for p in paths:
            claims.add(Path(p).stem, False, inp)
    kept = recorded_stems(previous)
    planned: dict[int, Planned] = {}
    # Inputs an earlier manifest knows keep their names first.
    for i, (inp, many) in enumerate(zip(inputs, multi, strict=True)):
        stem = kept.get(inp)
        if stem is not None and not claims.clashes(stem, many, inp):
            claims.add(stem, many, inp)
            planned[i] = Planned(inp, stem, many)
    for i, (inp, many) in enumerate(zip(inputs, multi, strict=True)):
        if i in planned:
            continue
        path = Path(inp)
        base = base_stem(path.stem)
        ext = safe_stem(path.suffix.lstrip("."), "")
        candidates = [base]
        if ext:
            candidates.append(f"{base}-{ext}")
        stem = next((c for c in candidates if not claims.clashes(c, many, inp)), None)
        n = 2
        while stem is None:
            c = f"{candidates[-1]}_{n}"
            if not claims.clashes(c, many, inp):
                stem = c
            n += 1
        claims.add(stem, many, inp)
        planned[i] = Planned(inp, stem, many)
    return [planned[i] for i in range(len(inputs))]
