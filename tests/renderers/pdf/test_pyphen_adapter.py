"""pyphen's internals that hyphenation.py relies on; and the hyphenation rules."""

from __future__ import annotations

import pyphen

from docexport.renderers.pdf.hyphenation import hyphenator


def test_pyphen_internals_are_there() -> None:
    assert isinstance(pyphen.hdcache, dict)
    for name in ("HyphDict", "LANGUAGES", "language_fallback", "ignored", "parse", "parse_hex"):
        assert hasattr(pyphen, name), f"pyphen.{name} is gone: check hyphenation.py"
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    for attr in ("patterns", "cache", "maxlen"):
        setattr(hd, attr, None)  # the three attributes hyphenation._pyphen sets


def test_no_hyphen_in_names_or_short_words() -> None:
    split = hyphenator("en_US")
    assert split("international")  # an ordinary long word may break
    assert split("Singapore") == ()  # capitalised: a name, never broken
    assert split("Smith-Jones") == ()
    assert split("maker") == ()  # under six letters
