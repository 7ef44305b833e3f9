"""Every use of reportlab's internals, in one place (reportlab 4.4 to 5.x).

``tests/renderers/pdf/test_rl_adapter.py`` fails loudly when reportlab changes
any of what this module relies on:

* **Bidi.** reportlab's own right-to-left layout (``wordWrap="RTL"``) needs
  ``rlbidi``, which is not on PyPI (the ``bidi`` extra cannot be installed
  from it). Given a stand-in it reorders single-font paragraphs correctly, but
  in a paragraph of several fragments (a Latin name in an Arabic sentence
  takes another font; bold, links) it orders the words and leaves each
  word's letters in logical order (``breakLines`` sets ``bidiSort = False``
  for them), and with its HarfBuzz shaping the words of a right-to-left line
  come out in the wrong order. So reportlab breaks lines in logical order as
  for any text, and :func:`visual_lines` reorders each line just before it is
  drawn, with python-bidi's Unicode Bidirectional Algorithm
  (:func:`log2vis`, rlbidi's interface).
* **The text layer.** Arabic letters are drawn as their contextual forms
  (presentation forms: reportlab's own HarfBuzz shaping, the ``shaping``
  extra, puts words of a right-to-left line in the wrong order and writes
  ligature code points such as U+FDF4 into the text). :func:`patch_to_unicode`
  maps every presentation form back to its base letters in the font's
  ToUnicode map, so ``pdftotext`` finds the words; it also writes characters
  beyond the BMP as UTF-16 surrogate pairs, as the PDF format asks.
* **Fonts.** A registered face that parses its file on first use, and a
  faster ``splitString`` for lines whose characters already have codes.
* **Held pages.** A canvas that keeps every page until the end, so each can
  say "Page N of M" in one layout pass.
* **Marked content.** ``/Span <</Lang (fr)>> BDC … EMC`` around text in
  another language than the document's.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

_lock = threading.RLock()


# --------------------------------------------------------------------------- bidi


def log2vis(
    text: str,
    base_direction: str = "RTL",
    clean: bool = True,
    positions_V_to_L: list[int] | None = None,
    **_: Any,
) -> str:
    """rlbidi's ``log2vis``: ``text`` in visual order (mirrored where the
    algorithm mirrors), and, when asked, the logical index of each visual
    position. Built on python-bidi's Unicode Bidirectional Algorithm."""
    from bidi.algorithm import (
        explicit_embed_and_overrides,
        get_embedding_levels,
        get_empty_storage,
        resolve_implicit_levels,
        resolve_neutral_types,
        resolve_weak_types,
    )
    from bidi.mirror import MIRRORED

    base = 1 if (base_direction or "RTL").upper() == "RTL" else 0
    storage = get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "LR"[base]
    # Unassigned code points have no bidi class and a paragraph separator ends
    # the paragraph: both count as other neutrals (one character for one).
    resolved = "".join("!" if unicodedata.bidirectional(c) in ("", "B") else c for c in text)
    get_embedding_levels(resolved, storage)
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage)
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    levels = [c["level"] for c in storage["chars"]]
    order = _marks_after_base(text, levels, visual_order(levels))
    if positions_V_to_L is not None:
        positions_V_to_L[:] = order
    return "".join(MIRRORED.get(text[i], text[i]) if levels[i] % 2 else text[i] for i in order)


def _marks_after_base(text: str, levels: list[int], order: list[int]) -> list[int]:
    """UAX #9 rule L3: a reversed run puts a combining mark before its base
    letter; drawn that way it would sit on the wrong letter, so each mark is
    moved back after its base."""
    out = list(order)
    i = 0
    while i < len(out):
        k = out[i]
        if levels[k] % 2 and unicodedata.category(text[k]) in ("Mn", "Me"):
            j = i
            while j < len(out) and unicodedata.category(text[out[j]]) in ("Mn", "Me"):
                j += 1
            if j < len(out):
                out[i : j + 1] = [out[j], *out[i:j]]
            i = j + 1
        else:
            i += 1
    return out


def visual_order(levels: list[int]) -> list[int]:
    """UAX #9 rule L2: reverse every run at each level from the highest down to
    the lowest odd one; the logical index at each visual position."""
    order = list(range(len(levels)))
    if not levels:
        return order
    odd = [lv for lv in levels if lv % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def _visual_words(words: list[str], base: str) -> list[str]:
    """A line of a one-font paragraph (its words) in visual order."""
    text = " ".join(words)
    visual = log2vis(text, base)
    return visual.split(" ")


def _visual_frags(frags: list[Any], base: str) -> list[Any]:
    """A line of a paragraph of several fragments, in visual order: each
    character keeps its fragment (font, colour, link), consecutive characters
    of one fragment are drawn as one."""
    chars: list[str] = []
    owner: list[int] = []
    specials: list[Any] = []  # anchors and other zero-width callbacks
    for k, frag in enumerate(frags):
        if hasattr(frag, "cbDefn"):
            specials.append(frag)
            continue
        chars.extend(frag.text)
        owner.extend([k] * len(frag.text))
    if not chars:
        return frags
    order: list[int] = []
    visual = log2vis("".join(chars), base, positions_V_to_L=order)
    out: list[Any] = list(specials)
    for v, ch in enumerate(visual):
        k = owner[order[v]]
        if out and getattr(out[-1], "_dx_owner", None) == k:
            out[-1].text += ch
        else:
            piece = frags[k].clone(text=ch)
            piece._dx_owner = k
            out.append(piece)
    return out


def visual_lines(para: Any, base: str) -> Any:
    """``para.blPara`` with every line in visual order (the paragraph keeps its
    logical lines for splitting across pages)."""
    bl = para.blPara
    copy = bl.clone() if hasattr(bl, "clone") else bl
    if bl.kind == 0:
        copy.lines = [(extra, _visual_words(list(words), base)) for extra, words in bl.lines]
    else:
        lines = []
        for line in bl.lines:
            new = line.clone()
            new.words = _visual_frags(list(line.words), base)
            lines.append(new)
        copy.lines = lines
    return copy


def ends_with_hyphen(line: Any) -> bool:
    """Whether a laid-out line (either kind of paragraph) ends with a hyphen."""
    if isinstance(line, tuple):
        words = line[1]
        return bool(words) and str(words[-1]).endswith("-")
    words = getattr(line, "words", None) or []
    return bool(words) and str(getattr(words[-1], "text", "")).endswith("-")


def split_lines(part: Any) -> list[Any]:
    """The lines of the first part of a split paragraph (reportlab keeps them)."""
    return list(getattr(getattr(part, "blPara", None), "lines", []) or [])


# --------------------------------------------------------------------------- text layer


def unicode_of(code_point: int) -> str:
    """What a glyph drawn for ``code_point`` means as text: presentation forms
    (Arabic contextual forms and ligatures, Hebrew forms) as their base letters."""
    ch = chr(code_point)
    if 0xFB1D <= code_point <= 0xFDFF or 0xFE70 <= code_point <= 0xFEFF:
        base = unicodedata.normalize("NFKC", ch)
        if base and base != ch and not base.isspace():
            # A ligature is drawn in visual order like any glyph of the line:
            # text extractors reverse the letters of a right-to-left word, so
            # its letters go in reversed too and come out in logical order.
            return base[::-1] if unicodedata.bidirectional(base[0]) in ("R", "AL") else base
    return ch


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ``makeToUnicodeCMap`` with base letters for presentation forms
    and surrogate pairs beyond the BMP (reportlab writes 5 hex digits there)."""
    cmap = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(unicode_of(v))}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(cmap)


@functools.cache
def patch_to_unicode() -> None:
    from reportlab.pdfbase import ttfonts

    if not callable(getattr(ttfonts, "makeToUnicodeCMap", None)):  # pragma: no cover
        raise RuntimeError("reportlab.pdfbase.ttfonts.makeToUnicodeCMap is gone")
    ttfonts.makeToUnicodeCMap = to_unicode_cmap


# --------------------------------------------------------------------------- fonts


def font_registry() -> dict[str, Any] | None:
    """reportlab's font registry (a plain dict), or None if it is not one."""
    from reportlab.pdfbase import pdfmetrics

    registry = getattr(pdfmetrics, "_fonts", None)
    return registry if isinstance(registry, dict) else None


def glyph_coverage(font: Any) -> frozenset[str]:
    """The characters a registered TrueType face has glyphs for."""
    return frozenset(map(chr, font.face.charToGlyph))


@functools.cache
def font_classes() -> tuple[type, type]:
    """The TTFont subclasses fonts are registered as (reportlab imported on first use)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    class SubsetTTFont(TTFont):  # type: ignore[misc]
        """A TTFont that maps already-seen text to its subset codes in one pass.

        reportlab's ``splitString`` looks up every character of every drawn
        line in a Python loop (the hottest function when drawing a long
        document). Once a document's characters have their codes, which is
        after a page or two, a line is one ``bytes(map(...))``. Anything else
        (a new character, a second subset of 256 codes) takes reportlab's own
        path, so the output bytes are the same.
        """

        def splitString(
            self, text: str, doc: object, encoding: str = "utf-8"
        ) -> list[tuple[int, bytes]]:
            state = self.state.get(doc)
            codes = getattr(state, "assignments", None)
            if codes is not None and text and isinstance(text, str):
                try:
                    # reportlab draws U+00A0 as the space (code 32).
                    line = bytes(map(codes.__getitem__, map(ord, text.replace("\xa0", " "))))
                except (KeyError, ValueError):  # unassigned, or a code past subset 0
                    pass
                else:
                    return [(0, line)]
            return super().splitString(text, doc, encoding)  # type: ignore[no-any-return]

    class LazyTTFont(SubsetTTFont):
        """A font whose file is parsed the first time reportlab needs it.

        Everything ``TTFont.__init__`` sets is missing until then, so the
        first lookup of any of it (the face, the encoding, the subset state)
        lands in ``__getattr__``, which runs the real constructor. A file that
        cannot be read then (not embeddable, damaged) is replaced by the
        family's regular face, as eager registration did.
        """

        def __init__(self, name: str, path: Path, regular: Path) -> None:
            self.fontName = name
            self._dx_files = (path, regular)

        def __getattr__(self, attr: str) -> Any:
            files = self.__dict__.get("_dx_files")
            if files is None or attr.startswith("__"):
                raise AttributeError(attr)
            with _lock:
                if "_dx_files" in self.__dict__:
                    path, regular = files
                    try:
                        TTFont.__init__(self, self.fontName, str(path), shapable=False)
                    except (TTFError, OSError, ValueError):
                        TTFont.__init__(self, self.fontName, str(regular), shapable=False)
                    del self.__dict__["_dx_files"]
            return getattr(self, attr)

    return SubsetTTFont, LazyTTFont


# --------------------------------------------------------------------------- held pages


PageLabel = Callable[[int, int, int | None], str]


def numbered_canvas(
    draw_label: Callable[[Any, str], None],
    label: PageLabel,
    article_of: Callable[[Any], int | None],
) -> type:
    """A canvas class that holds every page until ``save()``, then draws each
    page's label (``label(n, total, article)``) with ``draw_label(canvas, text)``."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Bookmarks and links name pages by the document's page counter, so it
        advances with every held page and is rewound before the pages are
        written in order."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._dx_held: list[tuple[dict[str, Any], int | None]] = []
            self._dx_first = self._doc.pageCounter

        def showPage(self) -> None:
            self._dx_held.append((dict(self.__dict__), article_of(self)))
            self._doc.pageCounter += 1
            self._startPage()

        def save(self) -> None:
            total = len(self._dx_held)
            self._doc.pageCounter = self._dx_first
            for n, (state, article) in enumerate(self._dx_held, 1):
                self.__dict__.update(state)
                draw_label(self, label(n, total, article))
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


# --------------------------------------------------------------------------- marked content


def _pdf_string(text: str) -> str:
    safe = "".join(c for c in text if c.isalnum() or c in "-")
    return f"({safe})"


def begin_language(canvas: Any, tag: str) -> None:
    """Open a marked-content span saying the text drawn next is in ``tag``."""
    canvas._code.append(f"/Span <</Lang {_pdf_string(tag)}>> BDC")


def end_language(canvas: Any) -> None:
    canvas._code.append("EMC")
