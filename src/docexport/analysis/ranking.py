"""Ranking facts and choosing the ones the key-facts box shows.

A fact scores by how often the article comes back to it, how early it first
appears (news puts the essentials first), and whether the headline or
standfirst names it. The box takes the best of each kind within per-kind
caps and an overall cap, so a long article never gives a 60-line box.
"""

from __future__ import annotations

import dataclasses
import math

from ..model import AnyFact
from .confidence import BOX_THRESHOLD

# At most this many featured facts of each kind, and in all.
KIND_CAPS: dict[str, int] = {
    "person": 4,
    "organisation": 4,
    "place": 3,
    "figure": 3,
    "date": 2,
    "quote": 2,
}
BOX_CAP = 14
KIND_ORDER = ("person", "organisation", "place", "figure", "date", "quote")


def score(
    *, mentions: int, first_position: float, in_lead: bool, in_headline: bool, bonus: float = 0.0
) -> float:
    """A score in [0, ~1.5]: frequency (log-damped), earliness, prominence."""
    freq = math.log1p(mentions) / math.log(8)
    early = 1.0 - min(max(first_position, 0.0), 1.0)
    value = (
        0.45 * min(freq, 1.0)
        + 0.35 * early
        + (0.15 if in_lead else 0.0)
        + (0.2 if in_headline else 0.0)
        + bonus
    )
    return round(value, 4)


def feature(
    facts: list[AnyFact], *, caps: dict[str, int] | None = None, total: int = BOX_CAP
) -> tuple[AnyFact, ...]:
    """Facts ranked best first, the box's ones marked ``featured``: only facts confident
    enough to box (:data:`.confidence.BOX_THRESHOLD`) are candidates."""
    caps = caps or KIND_CAPS
    ranked = sorted(facts, key=lambda f: (-f.score, KIND_ORDER.index(f.kind), f.id))
    boxable = [f for f in ranked if f.confidence >= BOX_THRESHOLD]
    chosen: set[str] = set()
    per_kind: dict[str, int] = {}
    # First pass: at least the best fact of every kind, then fill by score.
    for f in boxable:
        if f.kind not in per_kind and len(chosen) < total:
            per_kind[f.kind] = 1
            chosen.add(f.id)
    for f in boxable:
        if f.id in chosen or len(chosen) >= total:
            continue
        if per_kind.get(f.kind, 0) < caps.get(f.kind, 0):
            per_kind[f.kind] = per_kind.get(f.kind, 0) + 1
            chosen.add(f.id)
    return tuple(dataclasses.replace(f, featured=f.id in chosen) for f in ranked)
