"""The PDF document: page templates, page furniture, outline and metadata.

Page numbers "N of M" come from a canvas that holds every page until the end
(one layout pass); only multi-article packs, whose table of contents needs the
article page numbers, are laid out twice (reportlab's ``multiBuild``).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from ...textutil import strip_illegal
from ...themes import Page
from ..briefing import Briefing
from .markup import MarkupContext, fit_line
from .styles import Styles


@dataclass(slots=True)
class Mark:
    """What a flowable announces when it is drawn (outline, contents, footer)."""

    key: str | None = None
    title: str | None = None
    level: int = 0
    toc_markup: str | None = None
    article: int | None = None
    toc_level: int = 0


def tag(flowable: Flowable, mark: Mark) -> Flowable:
    flowable._dx_mark = mark
    return flowable


# Gap between the text frame and the header/footer rules, and between rule and text.
_RULE_GAP = 6.0
_TEXT_GAP = 3.0


@dataclass(slots=True)
class Furniture:
    """The running header and footer of every page: one line each, never wrapped
    (a text too long is shortened with an ellipsis), clear of their rules.

    Header: the running title on the left (body pages), the marking on the
    right. Footer: the footer text on the left, the marking in the middle, the
    page label on the right. The marking is on every page, the first included.
    """

    b: Briefing
    ctx: MarkupContext

    @property
    def page(self) -> Page:
        return self.b.theme.page

    def _font(self, role: str) -> tuple[str, float, str]:
        ts = self.b.theme.role(role)
        return self.ctx.fonts.main(ts.font).name, ts.size, ts.color

    def _draw(
        self,
        canv: Canvas,
        role: str,
        s: str,
        x: float,
        y: float,
        width: float,
        align: str,
        bold: bool = False,
    ) -> float:
        """``s`` on one line at baseline ``y`` within ``width``; its drawn width."""
        _, size, color = self._font(role)
        runs = fit_line(s, self.b.theme.role(role).font, size, width, self.ctx, bold=bold)
        drawn = sum(w for _, _, w in runs)
        if align == "right":
            x -= drawn
        elif align == "centre":
            x -= drawn / 2
        canv.setFillColor(HexColor(color))
        for face, chunk, w in runs:
            canv.setFont(face, size)
            canv.drawString(x, y, chunk)
            x += w
        return drawn

    def header_baseline(self) -> float:
        _, size, _ = self._font("header")
        return self.page.height - self.page.margin_top + _RULE_GAP + _TEXT_GAP + size * 0.25

    def footer_baseline(self) -> float:
        _, size, _ = self._font("footer")
        return self.page.margin_bottom - _RULE_GAP - _TEXT_GAP - size

    def draw(self, canv: Canvas, doc: DocTemplate, header: bool) -> None:
        page = self.page
        width = page.width - page.margin_left - page.margin_right
        left, right = page.margin_left, page.width - page.margin_right
        article = None
        if doc.article_index is not None:
            article = self.b.pack.articles[doc.article_index]
        marking = self.b.marking
        canv.saveState()
        canv.setStrokeColor(HexColor(self.b.theme.color("rule")))
        canv.setLineWidth(0.5)
        # header: marking right, running title left of it
        y = self.header_baseline()
        used = 0.0
        if marking:
            used = self._draw(canv, "header", marking, right, y, width * 0.45, "right", bold=True)
        if header:
            room = width - used - (12 if used else 0)
            if room > 24:
                self._draw(canv, "header", self.b.header(article), left, y, room, "left")
        if header or marking:
            rule = page.height - page.margin_top + _RULE_GAP
            canv.line(left, rule, right, rule)
        # footer: text left, marking centre, page label right (drawn at the end)
        rule = page.margin_bottom - _RULE_GAP
        canv.line(left, rule, right, rule)
        y = self.footer_baseline()
        label_room = min(110.0, width * 0.3)
        centre = 0.0
        if marking:
            centre = self._draw(
                canv, "footer", marking, left + width / 2, y, width * 0.3, "centre", bold=True
            )
        room = (width / 2 - centre / 2 - 12) if marking else (width - label_room - 12)
        self._draw(canv, "footer", self.b.footer(article), left, y, max(room, 24.0), "left")
        canv.restoreState()

    def draw_page_label(self, canv: Canvas, label: str) -> None:
        if not self.b.theme.footer.page_numbers:
            return
        page = self.page
        canv.saveState()
        width = page.width - page.margin_left - page.margin_right
        self._draw(
            canv,
            "footer",
            label,
            page.width - page.margin_right,
            self.footer_baseline(),
            min(110.0, width * 0.3),
            "right",
        )
        canv.restoreState()


class DocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Announces tagged flowables to the outline, the contents and the footer."""

    def __init__(self, buf: io.BytesIO, *, date: str, **kwargs: Any) -> None:
        super().__init__(buf, **kwargs)
        self.article_index: int | None = None
        self._outline_level = -1
        self._dx_date = date

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
                self.notify("TOCEntry", (mark.toc_level, mark.toc_markup, self.page, mark.key))

    def handle_documentBegin(self) -> None:
        self.article_index = None
        self._outline_level = -1
        # Called once the canvas exists: every date it writes is the pack's.
        self.canv.setDateFormatter(lambda *_: self._dx_date)
        self.canv.showOutline()
        super().handle_documentBegin()


def pdf_date(b: Briefing) -> str:
    """The PDF date string for creation and modification: never the clock."""
    return b.timestamp().strftime("D:%Y%m%d%H%M%S+00'00'")


def metadata(b: Briefing) -> dict[str, Any]:
    lang = b.language_tag(None)
    if not re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", lang):
        lang = "und"  # not a BCP 47 tag; say "undetermined" rather than write junk
    # Info strings are hashed as UTF-8: a lone surrogate from a hand-made model
    # would crash the render, so metadata loses what XML could not hold either.
    return {
        "title": strip_illegal(b.title),
        "author": strip_illegal("; ".join(b.authors())),
        "subject": strip_illegal(b.subject()),
        "keywords": [strip_illegal(k) for k in b.keywords()],
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
    sub = ParagraphStyle("toc1", parent=level, leftIndent=14, spaceBefore=0, spaceAfter=2)
    return TableOfContents(levelStyles=[level, sub], dotsMinLevel=0, tableStyle=table_style)


def build_pdf(
    story: list[Flowable],
    *,
    b: Briefing,
    styles: Styles,
    ctx: MarkupContext,
) -> bytes:
    from .rl_adapter import numbered_canvas

    theme = b.theme
    page = theme.page
    buf = io.BytesIO()
    meta = metadata(b)
    furniture = Furniture(b=b, ctx=ctx)
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
    articles = b.pack.articles

    def label(n: int, total: int, article: int | None) -> str:
        return b.page_label(articles[article] if article is not None else None, n, total)

    doc = DocTemplate(
        buf,
        date=pdf_date(b),
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

    canvasmaker = numbered_canvas(furniture.draw_page_label, label, lambda _: doc.article_index)
    if b.pack.is_multi:
        doc.multiBuild(story, canvasmaker=canvasmaker, maxPasses=6)
    else:
        doc.build(story, canvasmaker=canvasmaker)
    return buf.getvalue()
