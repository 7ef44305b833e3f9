"""Hyphenation for justified PDF text: one memoised hyphenator per language.

reportlab, given ``hyphenationLang="en_US"``, builds ``pyphen.Pyphen(lang).iterate``
for every paragraph it breaks and splits each word afresh. It also accepts a
callable, so :func:`hyphenator` gives one per language for the whole process,
splitting each word once.

Reading a pyphen dictionary costs more than hyphenating a whole article with
it: pyphen parses each pattern in Python (en_US, 11,000 patterns: ~50 ms per
process; de_DE, 66,000: ~0.5 s). :func:`_patterns` builds the same pattern
table with whole-text string operations and hands it to pyphen through its
own dictionary cache (``pyphen.hdcache``); lines it does not handle exactly
(pyphen's non-standard ``/`` alternatives, ``^^`` escapes) are parsed by
pyphen's own code, and anything unexpected falls back to pyphen entirely.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

Hyphenator = Callable[[str], tuple[tuple[str, str], ...]]

_ASCII_DIGITS = "0123456789"
_TWO_DIGITS = re.compile("[0-9][0-9]")
_DIGITS = re.compile("[0-9]+")
# Every byte but the ASCII digits and the newline becomes a comma.
_COMMAS = bytes(b if chr(b) in _ASCII_DIGITS + "\n" else ord(",") for b in range(256))
_lock = threading.Lock()
MIN_WORD = 6  # shorter words are not hyphenated


@functools.cache
def hyphenator(lang: str) -> Hyphenator:
    """The (head, tail) splits of a word, longest head first, memoised per process.

    The dictionary is read when the first word needs splitting, not when the
    styles are built.
    """
    dictionary: Any = None

    @functools.lru_cache(maxsize=50_000)  # bounded: a batch sees a growing vocabulary
    def splits(word: str) -> tuple[tuple[str, str], ...]:
        nonlocal dictionary
        if len(word) < MIN_WORD or not word[:1].islower():
            # Names and other capitalised words ("Sin-gapore", a double-barrelled
            # surname) and short words are never broken.
            return ()
        if dictionary is None:
            dictionary = _pyphen(lang)
        return tuple(dictionary.iterate(word))

    return splits


def _pyphen(lang: str) -> Any:
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    with _lock:
        if path not in pyphen.hdcache:
            table = _patterns(path)
            if table is not None:
                hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
                # The three attributes HyphDict.__init__ sets (pyphen 0.9 to 0.18).
                hd.patterns = table
                hd.cache = {}
                hd.maxlen = max(map(len, table))
                pyphen.hdcache[path] = hd
    return pyphen.Pyphen(lang=lang)


def _read_lines(path: Path) -> list[str]:
    """The pattern lines of a ``hyph_*.dic``, as pyphen selects them."""
    from pyphen import ignored

    with path.open("rb") as fd:
        encoding = fd.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    lines = map(str.strip, path.read_text(encoding).split("\n")[1:])
    return [s for s in lines if s and not s.startswith(ignored)]


def _is_plain(line: str) -> bool:
    """A line the bulk parser reads exactly like pyphen: letters and single digits."""
    return not ("/" in line or "^" in line or "," in line or _TWO_DIGITS.search(line))


def _pyphen_line(line: str) -> tuple[str, tuple[int, tuple[Any, ...]]] | None:
    """One pattern line parsed by pyphen's own rules (``HyphDict.__init__``'s loop body)."""
    from pyphen import AlternativeParser, parse, parse_hex

    pattern = parse_hex(lambda m: chr(int(m.group(1), 16)), line)
    factory: Callable[[str], Any] = int
    if "/" in pattern and "=" in pattern:
        pattern, alternative = pattern.split("/", 1)
        factory = AlternativeParser(pattern, alternative)
    tags, values = zip(*[(s, factory(i or "0")) for i, s in parse(pattern)], strict=True)
    if max(values) == 0:
        return None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return "".join(tags), (start, tuple(values[start:end]))


def _patterns(path: Path) -> dict[str, tuple[int, tuple[Any, ...]]] | None:
    """pyphen's pattern table for ``path``, or None to let pyphen read it itself.

    A pattern such as ``a1b2c`` has the letters ``abc`` and the values
    ``0 1 2 0`` (the digit before each letter, then the one after the last):
    turning every letter into a comma gives ``,1,2,``, and filling empty slots
    with ``0`` gives the values for all lines at once.
    """
    lines = _read_lines(path)
    chars = set("".join(lines))
    if any(c.isdecimal() and c not in _ASCII_DIGITS for c in chars):
        return None  # pyphen's \\d would read these as digits too; leave them to it
    special: set[int] = set()  # lines pyphen's own code parses (de_DE: 23 of 66,000)
    if chars & {"/", "^", ","} or any(_TWO_DIGITS.search(s) for s in lines):
        special = {i for i, line in enumerate(lines) if not _is_plain(line)}
    text = "\n".join(lines)
    tags = _DIGITS.sub("", text).split("\n")
    # As ASCII bytes (one "?" per other letter) the letter -> comma mapping is
    # one C-level table lookup per byte; str.translate on accented text is slow.
    slots = b"\n" + text.encode("ascii", "replace").translate(_COMMAS) + b"\n"
    # Twice, because ",,," needs a second pass once the first pair is filled.
    slots = slots.replace(b",,", b",0,").replace(b",,", b",0,")
    slots = slots.replace(b"\n,", b"\n0,").replace(b",\n", b",0\n")
    digits = slots.replace(b",", b"").decode("ascii").split("\n")[1:-1]
    if not (len(digits) == len(tags) == len(lines)):
        return None
    table: dict[str, tuple[int, tuple[Any, ...]]] = {}
    # In file order, as pyphen does: a later line with the same letters wins.
    for i, (tag, values) in enumerate(zip(tags, digits, strict=True)):
        if i in special:
            parsed = _pyphen_line(lines[i])
            if parsed is not None:
                table[parsed[0]] = parsed[1]
            continue
        inner = values.strip("0")
        if inner:  # pyphen skips all-zero patterns
            table[tag] = (len(values) - len(values.lstrip("0")), tuple(map(int, inner)))
    return table or None
