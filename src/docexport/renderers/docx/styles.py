"""Theme -> named Word styles, so a user restyles the whole pack by editing styles.

Every paragraph the renderer writes carries one of the styles below and no
direct formatting, except the key-facts box's borders and shading. Built-in
Word names (Title, Heading 1, Body Text, Quote, List Bullet, Footer...) are
used where Word has one, so Word's navigation pane, outline view and TOC work;
the rest get plain names by meaning (Key Fact Label, Summary, Attribution...).

With a reference document, styles it already defines are kept as they are:
its look wins, the theme only fills in styles it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import BaseStyle
from docx.styles.styles import Styles

from ...themes import TextStyle, Theme
from .docx_adapter import add_style
from .ooxml import (
    ALIGN,
    child,
    el,
    hex6,
    remove_all,
    set_run_format,
    sort_ppr,
    sort_rpr,
    twips,
)

TITLE = "Title"
SUBTITLE = "Subtitle"
META = "Meta"
MARKING = "Marking"
STANDFIRST = "Standfirst"
SUMMARY_HEADING = "Summary Heading"
SUMMARY = "Summary"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
BODY = "Body Text"
NOTE = "Note"
QUOTE = "Quote"
QUOTE_SOURCE = "Quote Source"
LIST_BULLET = "List Bullet"
LIST_NUMBER = "List Number"
CODE = "Code Block"
BOX_TITLE = "Key Facts Title"
FACT_LABEL = "Key Fact Label"
FACT_VALUE = "Key Fact Value"
ATTRIBUTION = "Attribution"
HEADER = "Header"
FOOTER = "Footer"
TOC_HEADING = "TOC Heading"
TOC_LEVELS = ("TOC 1", "TOC 2")
PAGE_BREAK = "Page Break"
HYPERLINK = "Hyperlink"
STRONG = "Strong"
EMPHASIS = "Emphasis"
INLINE_CODE = "Inline Code"
FACT_LINK = "Fact Link"
MARKING_CHAR = "Marking Char"


@dataclass(frozen=True, slots=True)
class _Spec:
    name: str
    role: str
    base: str | None = "Normal"
    outline: int | None = None
    keep_next: bool = False
    keep_lines: bool = False
    indent: float = 0.0
    next_style: str | None = None
    override: dict[str, object] | None = None  # TextStyle fields changed for this style


def _paragraph_specs() -> list[_Spec]:
    return [
        _Spec(TITLE, "title", next_style=META, keep_next=True),
        _Spec(SUBTITLE, "subtitle", next_style=BODY),
        _Spec(META, "meta", next_style=STANDFIRST, keep_next=True),
        _Spec(MARKING, "header", override={"bold": True, "space_after": 8.0}, keep_next=True),
        _Spec(STANDFIRST, "standfirst", next_style=BODY),
        _Spec(SUMMARY_HEADING, "heading2", next_style=SUMMARY, keep_next=True),
        _Spec(SUMMARY, "summary", base=LIST_BULLET),
        _Spec(HEADINGS[0], "heading1", outline=0, keep_next=True, keep_lines=True, next_style=BODY),
        _Spec(HEADINGS[1], "heading2", outline=1, keep_next=True, keep_lines=True, next_style=BODY),
        _Spec(HEADINGS[2], "heading3", outline=2, keep_next=True, keep_lines=True, next_style=BODY),
        _Spec(BODY, "body"),
        _Spec(NOTE, "body", override={"italic": True, "size_delta": -1.0}),
        _Spec(QUOTE, "quote", indent=24.0, next_style=BODY),
        _Spec(QUOTE_SOURCE, "quote", indent=24.0, override={"italic": False, "space_before": 0.0}),
        _Spec(LIST_BULLET, "list"),
        _Spec(LIST_NUMBER, "list"),
        _Spec(CODE, "code", keep_lines=True),
        _Spec(BOX_TITLE, "box_title", keep_next=True),
        _Spec(FACT_LABEL, "fact_label", keep_next=True),
        _Spec(FACT_VALUE, "fact_value", keep_next=True),
        _Spec(ATTRIBUTION, "attribution"),
        _Spec(HEADER, "header"),
        _Spec(FOOTER, "footer"),
        _Spec(TOC_HEADING, "heading1", keep_next=True, next_style=TOC_LEVELS[0]),
        _Spec(TOC_LEVELS[0], "summary", override={"space_before": 4.0}),
        _Spec(TOC_LEVELS[1], "summary", indent=14.0, override={"space_after": 1.0}),
        _Spec(
            PAGE_BREAK,
            "body",
            override={"size": 1.0, "space_after": 0.0, "space_before": 0.0, "leading": 1.0},
        ),
    ]


def role_of(style_name: str) -> str:
    """The theme role a paragraph style is built from (for height estimates)."""
    for spec in _paragraph_specs():
        if spec.name == style_name:
            return spec.role
    return "body"


def _family(theme: Theme, which: str) -> str:
    fonts = {"body": theme.fonts.body, "heading": theme.fonts.heading, "mono": theme.fonts.mono}
    return fonts.get(which, theme.fonts.body)[0]


def _effective(theme: Theme, spec: _Spec) -> TextStyle:
    ts = theme.role(spec.role)
    if not spec.override:
        return ts
    values = {f: getattr(ts, f) for f in ts.__slots__}
    for k, v in spec.override.items():
        if k == "size_delta":
            values["size"] = max(1.0, ts.size + float(v))  # type: ignore[arg-type]
        else:
            values[k] = v
    return TextStyle(**values)


def _paragraph_format(ppr: BaseOxmlElement, ts: TextStyle, spec: _Spec) -> None:
    remove_all(
        ppr,
        "w:spacing",
        "w:jc",
        "w:ind",
        "w:keepNext",
        "w:keepLines",
        "w:outlineLvl",
        "w:contextualSpacing",
        "w:pBdr",
        "w:shd",
    )
    # The theme's leading is a multiple of the font size, as in the PDF; Word's
    # "auto" spacing multiplies the font's own line height (about 1.36 times
    # the size for Noto and DejaVu), which made DOCX lines a third taller.
    ppr.append(
        el(
            "w:spacing",
            w_before=twips(ts.space_before),
            w_after=twips(ts.space_after),
            w_line=twips(ts.size * ts.leading),
            w_lineRule="atLeast",
        )
    )
    ppr.append(el("w:jc", w_val=ALIGN.get(ts.align, "left")))
    if spec.indent:
        ppr.append(el("w:ind", w_left=twips(spec.indent)))
    if spec.keep_next:
        ppr.append(el("w:keepNext"))
    if spec.keep_lines:
        ppr.append(el("w:keepLines"))
    if spec.outline is not None:
        ppr.append(el("w:outlineLvl", w_val=str(spec.outline)))
    sort_ppr(ppr)


def _decorate(ppr: BaseOxmlElement, spec: _Spec, theme: Theme) -> None:
    """The few rules and tints that belong to a style rather than to the text."""
    if spec.name == QUOTE:
        bdr = el("w:pBdr")
        bdr.append(
            el(
                "w:left",
                w_val="single",
                w_sz="18",
                w_space="8",
                w_color=hex6(theme.color("accent")),
            )
        )
        ppr.append(bdr)
    elif spec.name == TITLE:
        bdr = el("w:pBdr")
        bdr.append(
            el("w:bottom", w_val="single", w_sz="6", w_space="4", w_color=hex6(theme.color("rule")))
        )
        ppr.append(bdr)
    elif spec.name == CODE:
        ppr.append(el("w:shd", w_val="clear", w_color="auto", w_fill=hex6(theme.box.background)))
    sort_ppr(ppr)


def _tabs(ppr: BaseOxmlElement, text_width: float, *, centre: bool) -> None:
    remove_all(ppr, "w:tabs")
    tabs = el("w:tabs")
    if centre:
        tabs.append(el("w:tab", w_val="center", w_pos=twips(text_width / 2)))
    tabs.append(el("w:tab", w_val="right", w_pos=twips(text_width)))
    ppr.append(tabs)
    sort_ppr(ppr)


def _toc_tabs(ppr: BaseOxmlElement, text_width: float) -> None:
    remove_all(ppr, "w:tabs")
    tabs = el("w:tabs")
    tabs.append(el("w:tab", w_val="right", w_leader="dot", w_pos=twips(text_width)))
    ppr.append(tabs)
    sort_ppr(ppr)


def set_document_defaults(doc: DocxDocument, theme: Theme | None, lang: str, rtl: bool) -> None:
    """w:lang (and fonts, sizes when the theme decides) in the style defaults."""
    styles = doc.styles.element
    defaults = child(styles, "w:docDefaults")
    rpr_default = child(defaults, "w:rPrDefault")
    rpr = child(rpr_default, "w:rPr")
    if theme is not None:
        body = theme.role("body")
        set_run_format(rpr, family=_family(theme, "body"), size=body.size)
    remove_all(rpr, "w:lang")
    lang_el = el("w:lang", w_val=lang, w_eastAsia=lang)
    lang_el.set(qn("w:bidi"), lang if rtl else "ar-SA")
    rpr.append(lang_el)
    sort_rpr(rpr)


# The font Word and LibreOffice use for right-to-left (complex script) text: the
# theme's Latin families have no Arabic or Hebrew, and a fallback font set in
# bold is smeared (synthetic bold); these have real bold faces.
_COMPLEX_SCRIPT_FONTS = {
    "ar": "Noto Sans Arabic",
    "fa": "Noto Sans Arabic",
    "ur": "Noto Sans Arabic",
    "ps": "Noto Sans Arabic",
    "he": "Noto Sans Hebrew",
    "iw": "Noto Sans Hebrew",
    "yi": "Noto Sans Hebrew",
}


def set_complex_script_font(doc: DocxDocument, lang_tag: str) -> None:
    """Every style's complex-script font: a font for the document's script."""
    primary = lang_tag.replace("_", "-").split("-")[0].lower()
    family = _COMPLEX_SCRIPT_FONTS.get(primary, "DejaVu Sans")
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        fonts.set(qn("w:cs"), family)


def _add_style(styles: Styles, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
    return add_style(styles, name, kind)


def build_styles(
    doc: DocxDocument, theme: Theme, *, text_width: float, keep_existing: bool
) -> None:
    """Create or restyle every style the renderer uses.

    ``keep_existing``: a reference document's own styles are left untouched.
    """
    styles = doc.styles
    found = {s.name: s for s in styles}
    existing = set(found)
    if not keep_existing or "Normal" not in existing:
        normal = found["Normal"]
        body = theme.role("body")
        rpr = normal.element.get_or_add_rPr()
        set_run_format(
            rpr, family=_family(theme, "body"), size=body.size, colour=theme.color("text")
        )
        ppr = normal.element.get_or_add_pPr()
        remove_all(ppr, "w:spacing")
        ppr.append(el("w:spacing", w_before="0", w_after="0", w_line="240", w_lineRule="auto"))
        sort_ppr(ppr)
    by_name = {s.name: s.style_id for s in styles}
    for spec in _paragraph_specs():
        by_name.setdefault(spec.name, spec.name.replace(" ", ""))
    for spec in _paragraph_specs():
        fresh = spec.name not in existing
        if fresh:
            style = _add_style(styles, spec.name, WD_STYLE_TYPE.PARAGRAPH)
            existing.add(spec.name)
            by_name[spec.name] = style.style_id
        else:
            style = found[spec.name]
            if keep_existing:
                continue
        style.hidden = False
        style.unhide_when_used = False
        style.quick_style = spec.name not in (PAGE_BREAK, *TOC_LEVELS)
        # by id: python-docx's name lookups scan every style each time
        if spec.base and spec.base in by_name:
            style.element.basedOn_val = by_name[spec.base]
        if spec.next_style and spec.next_style in by_name:
            nxt = style.element.get_or_add_next()
            nxt.val = by_name[spec.next_style]
        ts = _effective(theme, spec)
        set_run_format(
            style.element.get_or_add_rPr(),
            family=_family(theme, ts.font),
            size=ts.size,
            bold=ts.bold,
            italic=ts.italic,
            colour=ts.color,
        )
        if spec.name == FACT_LABEL:
            rpr = style.element.get_or_add_rPr()
            remove_all(rpr, "w:caps")
            rpr.append(el("w:caps"))
            sort_rpr(rpr)
        ppr = style.element.get_or_add_pPr()
        _paragraph_format(ppr, ts, spec)
        _decorate(ppr, spec, theme)
        if spec.name in (HEADER, FOOTER):
            _tabs(ppr, text_width, centre=True)
        if spec.name in TOC_LEVELS:
            _toc_tabs(ppr, text_width)
    _character_styles(doc, theme, keep_existing=keep_existing)


def _character_styles(doc: DocxDocument, theme: Theme, *, keep_existing: bool) -> None:
    styles = doc.styles
    found = {s.name: s for s in styles}
    specs: list[tuple[str, dict[str, object]]] = [
        (HYPERLINK, {"colour": theme.color("link")}),
        (STRONG, {"bold": True}),
        (EMPHASIS, {"italic": True}),
        (INLINE_CODE, {"family": _family(theme, "mono")}),
        # Facts in the box link to their sentences; underlining every one of
        # them would make the box hard to read, the colour says "link".
        (FACT_LINK, {"colour": theme.color("link")}),
        (MARKING_CHAR, {"bold": True}),
    ]
    for name, fmt in specs:
        if name in found:
            if keep_existing:
                continue
            style = found[name]
        else:
            style = _add_style(styles, name, WD_STYLE_TYPE.CHARACTER)
        style.hidden = False
        style.unhide_when_used = False
        rpr = style.element.get_or_add_rPr()
        for e in list(rpr):
            rpr.remove(e)
        set_run_format(rpr, **fmt)  # type: ignore[arg-type]
        if name == HYPERLINK:
            rpr.append(el("w:u", w_val="single"))
            sort_rpr(rpr)
