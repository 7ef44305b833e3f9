"""Language tags and writing direction for the EPUB's documents.

epubcheck rejects a malformed ``dc:language`` or ``xml:lang``, and a reader
needs ``dir="rtl"`` to lay out Arabic or Hebrew, so both are decided here from
the model's (untrusted) language tags and, failing those, from the text itself.
"""

from __future__ import annotations

import re
import unicodedata

# Well-formed enough for BCP 47: a 2-3 letter language (or 4-8 registered),
# then alphanumeric subtags of 1-8 characters.
_TAG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")

# Languages written right to left by default (primary subtags).
RTL_LANGUAGES = frozenset(
    {
        "ar",
        "arc",
        "ckb",
        "dv",
        "fa",
        "he",
        "iw",
        "ks",
        "ku-arab",
        "ps",
        "sd",
        "syr",
        "ug",
        "ur",
        "yi",
    }
)
# Scripts that force right to left whatever the language subtag says.
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"})

UNDETERMINED = "und"


def language_tag(*candidates: str | None) -> str:
    """The first candidate that is a well-formed BCP 47 tag, normalised; else ``und``."""
    for raw in candidates:
        if not raw:
            continue
        tag = raw.strip().replace("_", "-")
        if _TAG.match(tag):
            return tag
    return UNDETERMINED


def primary(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def is_english(tag: str) -> bool:
    return primary(tag) == "en"


def strong_direction(text: str) -> str | None:
    """``rtl`` or ``ltr`` from the first strongly directional character, as HTML's
    ``dir="auto"`` decides; ``None`` for text without one (digits, punctuation)."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            return "ltr"
        if bidi in ("R", "AL"):
            return "rtl"
    return None


def _rtl_share(text: str) -> float:
    rtl = ltr = 0
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            ltr += 1
        elif bidi in ("R", "AL"):
            rtl += 1
    total = rtl + ltr
    return rtl / total if total else 0.0


def direction(tag: str, sample: str = "") -> str:
    """The base direction of a document in language ``tag`` whose text is ``sample``.

    The tag decides when it names a right-to-left language or script; an
    undetermined tag falls back on the text, so an untagged Arabic article is
    still laid out right to left.
    """
    lowered = tag.lower()
    parts = lowered.split("-")
    if parts[0] in RTL_LANGUAGES or lowered in RTL_LANGUAGES:
        # A Latin-script override (e.g. "ku-Latn", "az-Latn") stays left to right.
        return "ltr" if "latn" in parts[1:] else "rtl"
    if any(p in _RTL_SCRIPTS for p in parts[1:]):
        return "rtl"
    if parts[0] == UNDETERMINED and _rtl_share(sample) > 0.5:
        return "rtl"
    return "ltr"
