"""Language detection, offline and deterministic: scripts first, then stopwords.

Non-Latin scripts decide by themselves (Greek, Cyrillic, Arabic, Hebrew, CJK,
Thai...). For Latin-script text the language whose most frequent function
words cover the most tokens wins. No model, no download, same text -> same tag.
"""

from __future__ import annotations

import functools
import re
import unicodedata

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "is",
            "was",
            "that",
            "for",
            "on",
            "with",
            "as",
            "by",
            "at",
            "from",
            "his",
            "her",
            "it",
            "are",
            "were",
            "has",
            "have",
            "said",
            "be",
            "this",
            "which",
            "an",
            "will",
            "not",
            "but",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "et",
            "est",
            "un",
            "une",
            "dans",
            "pour",
            "que",
            "qui",
            "sur",
            "au",
            "aux",
            "par",
            "pas",
            "ce",
            "cette",
            "sont",
            "ont",
            "été",
            "il",
            "elle",
            "avec",
            "selon",
            "lors",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "del",
            "de",
            "y",
            "en",
            "que",
            "un",
            "una",
            "por",
            "para",
            "con",
            "es",
            "se",
            "su",
            "sus",
            "al",
            "fue",
            "ha",
            "como",
            "más",
            "según",
            "dijo",
            "entre",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "ein",
            "eine",
            "den",
            "dem",
            "des",
            "von",
            "mit",
            "sich",
            "auf",
            "für",
            "im",
            "zu",
            "auch",
            "wurde",
            "wird",
            "sind",
            "bei",
            "nach",
            "hat",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "lo",
            "la",
            "gli",
            "le",
            "di",
            "e",
            "che",
            "un",
            "una",
            "per",
            "con",
            "del",
            "della",
            "dei",
            "è",
            "sono",
            "non",
            "nel",
            "alla",
            "ha",
            "anche",
            "come",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "a",
            "os",
            "as",
            "do",
            "da",
            "dos",
            "das",
            "e",
            "que",
            "um",
            "uma",
            "em",
            "no",
            "na",
            "para",
            "com",
            "não",
            "por",
            "foi",
            "ao",
            "se",
            "mais",
            "pelo",
            "pela",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "is",
            "dat",
            "op",
            "te",
            "in",
            "voor",
            "met",
            "niet",
            "zijn",
            "was",
            "aan",
            "door",
            "ook",
            "bij",
            "naar",
            "wordt",
        ]
    ),
}
# Words shared by several languages count for none of them.
_SHARED = frozenset(
    w for lang, ws in STOPWORDS.items() for w in ws if sum(w in o for o in STOPWORDS.values()) > 1
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_SCRIPTS = (
    ("GREEK", "el"),
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("THAI", "th"),
    ("HANGUL", "ko"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("CJK", "zh"),
    ("DEVANAGARI", "hi"),
)


@functools.lru_cache(maxsize=4096)
def _script_of(ch: str) -> str | None:
    if ch < "\x80":
        return "LATIN"
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    for script, _ in _SCRIPTS:
        if name.startswith(script):
            return script
    return "LATIN" if "LATIN" in name else None


def detect(text: str, default: str = "en") -> str:
    """A BCP 47 language tag for ``text`` (``default`` when nothing tells)."""
    counts: dict[str, int] = {}
    for ch in text[:20000]:
        if ch.isalpha():
            script = _script_of(ch)
            if script:
                counts[script] = counts.get(script, 0) + 1
    letters = sum(counts.values())
    if not letters:
        return default
    top = max(sorted(counts), key=lambda s: counts[s])
    if top != "LATIN" and counts[top] > 0.3 * letters:
        if top in ("HIRAGANA", "KATAKANA") or (
            top == "CJK" and (counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0)) > 0
        ):
            return "ja"
        return dict(_SCRIPTS)[top]
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return default
    scores = {
        lang: sum(1 for w in words if w in ws and w not in _SHARED)
        for lang, ws in STOPWORDS.items()
    }
    best = max(sorted(scores), key=lambda lang: scores[lang])
    if scores[best] < 2 or scores[best] < 0.02 * len(words):
        return default
    return best
