"""The PDF document: page templates, page furniture, outline and metadata.

Page numbers "N of M" come from a canvas that holds every page until the end
(one layout pass); only multi-article packs, whose table of contents needs the
article page numbers, are laid out twice (reportlab's ``multiBuild``).
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from ...model import Article, Pack
from ...textutil import strip_illegal
from ...themes import Theme
from .. import briefing
from .markup import MarkupContext, text
from .styles import Styles

FIXED_EPOCH = 946684800  # 2000-01-01T00:00:00Z, when nothing else gives a date


@dataclass(slots=True)
class Mark:
    """What a flowable announces when it is drawn (outline, contents, footer)."""

    key: str | None = None
    title: str | None = None
    level: int = 0
    toc_markup: str | None = None
    article: int | None = None


def tag(flowable: Flowable, mark: Mark) -> Flowable:
    flowable._dx_mark = mark
    return flowable


@dataclass(slots=True)
class Furniture:
    """Header and footer drawn on every page, from a per-document cache."""

    theme: Theme
    styles: Styles
    ctx: MarkupContext
    pack: Pack
    header_title: str
    marking: str | None
    _paras: dict[tuple[str, str, float], Paragraph] = field(default_factory=dict)

    def para(self, markup: str, role: str, width: float, align: int = 0) -> Paragraph:
        key = (markup, role + str(align), width)
        p = self._paras.get(key)
        if p is None:
            style = self.styles[role]
            if align != style.alignment:
                style = ParagraphStyle(f"{role}-{align}", parent=style, alignment=align)
            p = Paragraph(markup, style)
            p.wrap(width, 200)
            self._paras[key] = p
        return p

    def draw(self, canv: Canvas, doc: DocTemplate, header: bool) -> None:
        page = self.theme.page
        width = page.width - page.margin_left - page.margin_right
        x = page.margin_left
        rule = HexColor(self.theme.color("rule"))
        canv.saveState()
        canv.setStrokeColor(rule)
        canv.setLineWidth(0.5)
        if header:
            top = page.height - page.margin_top + 18
            mark_w = 0.0
            if self.marking:
                m = self.para(
                    "<b>" + text(self.marking, self.theme.role("header").font, self.ctx) + "</b>",
                    "header",
                    width * 0.35,
                    2,
                )
                mark_w = width * 0.35
                m.drawOn(canv, x + width - mark_w, top)
            t = self.para(
                text(self.header_title, self.theme.role("header").font, self.ctx),
                "header",
                width - mark_w - 6,
            )
            t.drawOn(canv, x, top)
            canv.line(x, top - 4, x + width, top - 4)
        bottom = page.margin_bottom - 28
        canv.line(x, bottom + 12, x + width, bottom + 12)
        article = None
        if doc.article_index is not None:
            article = self.pack.articles[doc.article_index]
        footer = briefing.footer_text(self.pack, article, self.theme)
        f = self.para(text(footer, self.theme.role("footer").font, self.ctx), "footer", width * 0.7)
        f.drawOn(canv, x, bottom)
        canv.restoreState()


def _numbered_canvas(font: str, size: float, color: str, right: float, y: float, on: bool) -> type:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds pages until save() so each can say "Page N of M".

        Bookmarks and links name pages by the document's page counter, so it
        advances with every held page and is rewound before the pages are
        written in order.
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self._first_page = self._doc.pageCounter

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._doc.pageCounter += 1
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            self._doc.pageCounter = self._first_page
            for n, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                if on:
                    self.saveState()
                    self.setFont(font, size)
                    self.setFillColor(HexColor(color))
                    self.drawRightString(right, y, f"Page {n} of {total}")
                    self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class DocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Announces tagged flowables to the outline, the contents and the footer."""

    def __init__(self, buf: io.BytesIO, **kwargs: Any) -> None:
        super().__init__(buf, **kwargs)
        self.article_index: int | None = None
        self._outline_level = -1

    def afterFlowable(self, flowable: Flowable) -> None:
        mark: Mark | None = getattr(flowable, "_dx_mark", None)
        if mark is None:
            return
        if mark.article is not None:
            self.article_index = mark.article
        if mark.key and mark.title is not None:
            canv = self.canv
            canv.bookmarkPage(mark.key)
            # An outline may go down only one level at a time.
            level = min(mark.level, self._outline_level + 1)
            self._outline_level = level
            canv.addOutlineEntry(strip_illegal(mark.title), mark.key, level=level, closed=level > 0)
            if mark.toc_markup is not None:
                self.notify("TOCEntry", (0, mark.toc_markup, self.page, mark.key))

    def handle_documentBegin(self) -> None:
        self.article_index = None
        self._outline_level = -1
        super().handle_documentBegin()


def pdf_date(pack: Pack, epoch: int | None) -> str:
    """The PDF date string for creation and modification: never the clock."""
    if epoch is None:
        env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        epoch = int(env) if env.isdigit() else None
    when: _dt.datetime | None = None
    if epoch is not None:
        when = _dt.datetime.fromtimestamp(epoch, _dt.timezone.utc)
    else:
        for iso in (pack.date, *(a.published for a in pack.articles)):
            if not iso:
                continue
            try:
                if len(iso) == 4:
                    iso = iso + "-01-01"
                elif len(iso) == 7:
                    iso = iso + "-01"
                when = _dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
            except ValueError:
                continue
            if when.tzinfo is None:
                when = when.replace(tzinfo=_dt.timezone.utc)
            when = when.astimezone(_dt.timezone.utc)
            break
    if when is None:
        when = _dt.datetime.fromtimestamp(FIXED_EPOCH, _dt.timezone.utc)
    return when.strftime("D:%Y%m%d%H%M%S+00'00'")


def metadata(pack: Pack) -> dict[str, Any]:
    first: Article | None = pack.articles[0] if pack.articles else None
    sources: list[str] = []
    for a in pack.articles:
        label = briefing.source_label(a)
        if label not in sources:
            sources.append(label)
    if pack.is_multi or first is None:
        subject = (
            pack.summary[0] if pack.summary else f"Briefing pack: {len(pack.articles)} articles"
        )
        facts = pack.facts or tuple(f for a in pack.articles for f in a.facts)
        title = pack.title
    else:
        subject = briefing.document_subject(first)
        facts = first.facts
        title = pack.title or first.headline
    lang = pack.language or (first.language if first else None) or ""
    if not re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", lang):
        lang = "und"  # not a BCP 47 tag; say "undetermined" rather than write junk
    # Info strings are hashed as UTF-8: a lone surrogate from a hand-made model
    # would crash the render, so metadata loses what XML could not hold either.
    return {
        "title": strip_illegal(title),
        "author": strip_illegal("; ".join(sources)),
        "subject": strip_illegal(subject),
        "keywords": [strip_illegal(k) for k in briefing.keywords(facts)],
        "lang": lang,
    }


def toc(styles: Styles) -> TableOfContents:
    level = ParagraphStyle(
        "toc0",
        parent=styles["body"],
        alignment=0,
        leftIndent=0,
        firstLineIndent=0,
        spaceBefore=2,
        spaceAfter=4,
    )
    from reportlab.platypus import TableStyle

    # The contents is a Table inside; its default font would be Helvetica.
    table_style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), styles.fonts.main("body").name),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return TableOfContents(levelStyles=[level], dotsMinLevel=0, tableStyle=table_style)


def build_pdf(
    story: list[Flowable],
    *,
    pack: Pack,
    theme: Theme,
    styles: Styles,
    ctx: MarkupContext,
    epoch: int | None,
    multi_pass: bool,
) -> bytes:
    page = theme.page
    buf = io.BytesIO()
    meta = metadata(pack)
    marking = briefing.marking(pack, theme)
    furniture = Furniture(
        theme=theme,
        styles=styles,
        ctx=ctx,
        pack=pack,
        header_title=pack.title,
        marking=marking,
    )
    frame_args = dict(
        x1=page.margin_left,
        y1=page.margin_bottom,
        width=page.width - page.margin_left - page.margin_right,
        height=page.height - page.margin_top - page.margin_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    templates = [
        PageTemplate(
            id="summary",
            frames=[Frame(id="summary", **frame_args)],
            onPageEnd=lambda c, d: furniture.draw(c, d, header=False),
            autoNextPageTemplate="body",
        ),
        PageTemplate(
            id="body",
            frames=[Frame(id="body", **frame_args)],
            onPageEnd=lambda c, d: furniture.draw(c, d, header=True),
        ),
    ]
    footer = theme.role("footer")
    font = styles.fonts.main(footer.font).name
    canvasmaker = _numbered_canvas(
        font,
        footer.size,
        footer.color,
        page.width - page.margin_right,
        page.margin_bottom - 28 + 1.5,
        theme.footer.page_numbers,
    )
    doc = DocTemplate(
        buf,
        pagesize=(page.width, page.height),
        leftMargin=page.margin_left,
        rightMargin=page.margin_right,
        topMargin=page.margin_top,
        bottomMargin=page.margin_bottom,
        title=meta["title"],
        author=meta["author"],
        subject=meta["subject"],
        keywords=meta["keywords"],
        creator="docexport",
        producer="docexport (ReportLab)",
        lang=meta["lang"],
        displayDocTitle=1,
        invariant=1,
        pageCompression=1,
        initialFontName=styles.fonts.main("body").name,
        pageTemplates=templates,
    )
    date = pdf_date(pack, epoch)
    original_start = doc._startBuild

    def start_build(*args: Any, **kwargs: Any) -> None:
        original_start(*args, **kwargs)
        doc.canv.setDateFormatter(lambda *_: date)
        doc.canv.showOutline()

    doc._startBuild = start_build
    if multi_pass:
        doc.multiBuild(story, canvasmaker=canvasmaker, maxPasses=6)
    else:
        doc.build(story, canvasmaker=canvasmaker)
    return buf.getvalue()
