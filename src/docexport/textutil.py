"""Text clean-up shared by every reader: NFC, and no characters XML cannot hold."""

from __future__ import annotations

import re
import unicodedata

# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and
# U+FFFE/U+FFFF. C1 controls (U+007F-U+009F) are legal XML but never meaningful
# text and break OOXML consumers, so they go too.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def strip_illegal(text: str) -> str:
    """Remove characters that XML 1.0 cannot hold (and C1 controls)."""
    return _ILLEGAL.sub("", text)


def clean(text: str) -> str:
    """NFC-normalise and drop characters no output format can hold."""
    return unicodedata.normalize("NFC", strip_illegal(text))


# Characters that draw nothing: controls, format characters (zero-width space,
# joiners, bidi marks), separators, combining marks on their own, surrogates,
# private-use and unassigned code points; and the letters that are blank by
# design (Hangul fillers, the blank Braille pattern, the Mongolian vowel separator).
_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp", "Mn", "Me"})
_BLANK_CHARACTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def has_visible_text(text: str) -> bool:
    """Whether ``text`` has at least one character that shows on the page."""
    return any(
        not ch.isspace()
        and ch not in _BLANK_CHARACTERS
        and unicodedata.category(ch) not in _BLANK_CATEGORIES
        for ch in text
    )


def collapse_spaces(text: str) -> str:
    """Runs of horizontal white space become one space; ends are trimmed."""
    return _SPACES.sub(" ", text).strip()
