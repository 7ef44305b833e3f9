"""Small OOXML helpers: elements, run properties, safe text.

python-docx covers paragraphs and runs; fields, bookmarks, table borders and
style details need raw WordprocessingML, built here in one place.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .docx_adapter import p_el

# Characters XML 1.0 cannot hold. Readers strip them already; a renderer must
# still never crash on a model built by hand (lxml raises on them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# python-docx's Run.text turns tabs into w:tab and line ends into w:br.
_RUN_BREAKS = re.compile(r"([\t\r\n])")

ALIGN = {"left": "left", "justify": "both", "center": "center", "right": "right"}

# Languages written right to left: their paragraphs get w:bidi, their runs w:rtl.
RTL_LANGUAGES = frozenset({"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})

# Word's proofing tools want a region; a bare tag gets its most common one.
_REGIONS = {
    "en": "en-GB",
    "fr": "fr-FR",
    "de": "de-DE",
    "es": "es-ES",
    "it": "it-IT",
    "pt": "pt-PT",
    "nl": "nl-NL",
    "el": "el-GR",
    "ru": "ru-RU",
    "uk": "uk-UA",
    "pl": "pl-PL",
    "ar": "ar-SA",
    "he": "he-IL",
    "fa": "fa-IR",
    "ur": "ur-PK",
    "sw": "sw-KE",
    "vi": "vi-VN",
    "tr": "tr-TR",
    "zh": "zh-CN",
    "ja": "ja-JP",
    "ko": "ko-KR",
    "sv": "sv-SE",
    "da": "da-DK",
    "fi": "fi-FI",
    "nb": "nb-NO",
    "cs": "cs-CZ",
    "hu": "hu-HU",
    "ro": "ro-RO",
    "bg": "bg-BG",
    "hi": "hi-IN",
}


_LANG_TAG = re.compile(r"^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$")


def safe(text: str) -> str:
    """Text that XML can hold; everything else is kept literally (lxml escapes it)."""
    return _NOT_XML.sub("", text)


def word_language(tag: str | None) -> str:
    """A BCP 47 tag as Word's w:lang wants it: ``en`` -> ``en-GB``."""
    if not tag or not _LANG_TAG.match(tag):
        return "en-GB"
    tag = tag.replace("_", "-")
    primary = tag.split("-")[0].lower()
    if "-" in tag:
        return tag
    return _REGIONS.get(primary, primary)


def is_rtl(tag: str | None) -> bool:
    return bool(tag) and str(tag).replace("_", "-").split("-")[0].lower() in RTL_LANGUAGES


def hex6(colour: str) -> str:
    """``#1f4e79`` -> ``1F4E79``."""
    return colour.lstrip("#").upper()


def el(tag: str, **attrs: str) -> BaseOxmlElement:
    """A new element; attribute names are ``w_val`` style (prefix_local)."""
    e = OxmlElement(tag)
    for k, v in attrs.items():
        prefix, _, local = k.partition("_")
        e.set(qn(f"{prefix}:{local}"), safe(v))
    return e


def child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The first child named ``tag``, created at the end when missing."""
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def remove_all(parent: BaseOxmlElement, *tags: str) -> None:
    for tag in tags:
        for e in parent.findall(qn(tag)):
            parent.remove(e)


def twips(points: float) -> str:
    return str(round(points * 20))


# Schema order of rPr children (CT_RPr); Word refuses a file that breaks it,
# and template styles carry elements (kern, spacing...) we do not write.
_RPR_ORDER = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
)
# Schema order of pPr children (CT_PPr).
_PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _sort(parent: BaseOxmlElement, order: tuple[str, ...]) -> None:
    rank = {qn(t): i for i, t in enumerate(order)}
    kids = list(parent)
    kids.sort(key=lambda e: rank.get(e.tag, len(order)))
    for e in kids:
        parent.remove(e)
        parent.append(e)


def sort_rpr(rpr: BaseOxmlElement) -> None:
    _sort(rpr, _RPR_ORDER)


def sort_ppr(ppr: BaseOxmlElement) -> None:
    _sort(ppr, _PPR_ORDER)


def set_fonts(rpr: BaseOxmlElement, family: str) -> None:
    """One family for every script slot, theme-font attributes removed.

    Template styles name theme fonts (asciiTheme...), which win over explicit
    names; left in place they would silently keep Calibri/Cambria.
    """
    remove_all(rpr, "w:rFonts")
    rpr.append(el("w:rFonts", w_ascii=family, w_hAnsi=family, w_cs=family, w_eastAsia=family))


def set_run_format(
    rpr: BaseOxmlElement,
    *,
    family: str | None = None,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    colour: str | None = None,
) -> None:
    """Write run formatting into an rPr, replacing what was there."""
    if family is not None:
        set_fonts(rpr, family)
    if size is not None:
        remove_all(rpr, "w:sz", "w:szCs")
        half = str(round(size * 2))
        rpr.append(el("w:sz", w_val=half))
        rpr.append(el("w:szCs", w_val=half))
    if bold is not None:
        remove_all(rpr, "w:b", "w:bCs")
        val = "1" if bold else "0"
        rpr.append(el("w:b", w_val=val))
        rpr.append(el("w:bCs", w_val=val))
    if italic is not None:
        remove_all(rpr, "w:i", "w:iCs")
        val = "1" if italic else "0"
        rpr.append(el("w:i", w_val=val))
        rpr.append(el("w:iCs", w_val=val))
    if colour is not None:
        remove_all(rpr, "w:color")
        rpr.append(el("w:color", w_val=hex6(colour)))
    sort_rpr(rpr)


def new_run(paragraph: Paragraph, text: str) -> Run:
    """``paragraph.add_run(safe(text))`` with the same XML, built per piece rather
    than per character (python-docx feeds run text through a one-character state
    machine, a fifth of a long document's DOCX time)."""
    r = p_el(paragraph).add_r()
    for piece in _RUN_BREAKS.split(safe(text)):
        if piece == "\t":
            r.add_tab()
        elif piece in ("\r", "\n"):
            r.add_br()
        elif piece:
            r.add_t(piece)
    return Run(r, paragraph)


def set_style(props: BaseOxmlElement, tag: str, style_id: str) -> None:
    """Give a w:pPr its w:pStyle (or a w:rPr its w:rStyle): always the first child,
    so it goes in directly rather than through python-docx's search of every
    element that may follow it (a tenth of a render)."""
    style = props.find(qn(tag))
    if style is None:
        style = OxmlElement(tag)
        props.insert(0, style)
    style.set(qn("w:val"), style_id)
