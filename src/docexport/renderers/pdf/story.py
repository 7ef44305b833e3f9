"""The flowables of a briefing pack: cover, contents, summary pages, key-facts box, body.

What each page says comes from the shared :class:`~docexport.renderers.briefing.Briefing`;
this module only decides how reportlab draws it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ...model import (
    STANDFIRST_ID,
    Article,
    BlockQuote,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    Sentence,
    Text,
    block_text,
    plain_text,
)
from ...model import (
    Paragraph as ParagraphBlock,
)
from ...themes import Theme
from .. import briefing
from ..briefing import Anchor, Briefing, SummaryPage
from ..labels import RTL_LANGUAGES, primary
from ..links import display_url
from .document import Mark, tag, toc
from .markup import (
    MarkupContext,
    direction,
    escape,
    has_rtl,
    inlines,
    internal_link,
    joined,
    link,
    text,
)
from .styles import Styles, build, paragraph_class

# A fact line longer than this is cut in the box: the box is a summary.
FACT_CHARS = 280
# A body this short (characters) may share the summary page when it fits there.
SHORT_BODY = 2500
_TAG = re.compile(r"<[^>]*>")
_LONG_TOKEN = re.compile(r"\S{60,}")
_LEADING_ANCHORS = re.compile(r"^(?:<a name=\"[^\"]*\"/>)+")
_TAG_OR_SPACE = re.compile(r"<[^>]*>|\s")
_MIRROR = {0: 2, 2: 0}  # left <-> right for right-to-left paragraphs


def _anchors_after_first_token(markup: str) -> str:
    """Move anchors that open a paragraph to just after its first token when that
    token is too long for a line: reportlab does not break a long first word
    that follows an anchor, and the word runs off the page (invisible)."""
    m = _LEADING_ANCHORS.match(markup)
    if m is None:
        return markup
    rest = markup[m.end() :]
    first = _TAG.sub("", rest).split(None, 1)
    if not first or len(first[0]) < 60:
        return markup
    for hit in _TAG_OR_SPACE.finditer(rest):
        if hit.group().isspace():
            return rest[: hit.start()] + m.group() + rest[hit.start() :]
    return rest + m.group()


def is_rtl_language(tag: str | None) -> bool:
    return primary(tag) in RTL_LANGUAGES


def _clip(s: str, limit: int) -> str:
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


class BreakUnlessFits(CondPageBreak):  # type: ignore[misc]
    """A page break, unless everything after it fits in the space left (a short
    item stays on one page)."""

    def __init__(self, following: list[Flowable], width: float) -> None:
        height = 0.0
        for f in following:
            _, h = f.wrap(width, 10_000)
            height += h + f.getSpaceBefore() + f.getSpaceAfter()
        super().__init__(height)


@dataclass(slots=True)
class StoryBuilder:
    b: Briefing
    ctx: MarkupContext
    base: Styles
    anchors: set[str] = field(default_factory=set)  # sentence ids that get a target
    _placed: set[str] = field(default_factory=set)
    _derived: dict[tuple[str, str], ParagraphStyle] = field(default_factory=dict)
    # (id(article), block id) -> that block's anchored sentences, in article order.
    _by_block: dict[tuple[int, str], list[Sentence]] = field(default_factory=dict)
    lang: str | None = None  # the article's language when the document's /Lang is another
    rtl: bool = False  # the article's language is written right to left

    # ----------------------------------------------------------------- helpers

    @property
    def theme(self) -> Theme:
        return self.b.theme

    def style(self, styles: Styles, role: str, **changes: object) -> ParagraphStyle:
        if not changes:
            return styles[role]
        return self.style_for(styles[role], **changes)

    def style_for(self, style: ParagraphStyle, **changes: object) -> ParagraphStyle:
        key = (f"{id(style)}:{style.name}", repr(sorted(changes.items())))
        derived = self._derived.get(key)
        if derived is None:
            derived = ParagraphStyle(f"{style.name}-y{len(self._derived)}", parent=style, **changes)
            self._derived[key] = derived
        return derived

    def para(self, markup: str, style: ParagraphStyle, plain: str = "", **kw: object) -> Paragraph:
        """A paragraph of ``markup``; ``plain`` (its text) decides the direction."""
        base = None
        if has_rtl(plain):
            # Lines are broken in logical order and each is reordered when drawn
            # (see rl_adapter.visual_lines); right-to-left text is set flush right.
            base = direction(plain) or ("RTL" if self.rtl else "LTR")
            if base == "RTL":
                align = 2 if style.alignment in (0, 4) else _MIRROR.get(style.alignment, 1)
                style = self.style_for(style, alignment=align, hyphenationLang="")
                bullet = kw.pop("bulletText", None)
                if bullet:  # the bullet goes where the line starts: on the right
                    markup = f"{escape(str(bullet))}\u00a0 {markup}"
                    style = self.style_for(style, leftIndent=0, rightIndent=style.leftIndent)
        elif getattr(style, "hyphenationLang", None) and _LONG_TOKEN.search(plain):
            # reportlab tries every hyphenation split of a long token, measuring
            # each: a 3,000-character "word" takes seconds. Such tokens are not
            # words; break them without hyphenation.
            style = self.style_for(style, hyphenationLang="")
        cls = paragraph_class(self.lang, base)
        paragraph: Paragraph = cls(_anchors_after_first_token(markup), style, **kw)
        return paragraph

    def t(self, s: str, role: str) -> str:
        return text(s, self.theme.role(role).font, self.ctx)

    def toc_entry(self, s: str) -> str:
        """A contents entry: reportlab's contents draws plain paragraphs, so a
        right-to-left title goes in already in visual order (one line)."""
        if has_rtl(s):
            from .rl_adapter import log2vis

            s = log2vis(joined(s), direction(s) or "LTR")
            return self.t_visual(s)
        return self.t(s, "body")

    def t_visual(self, s: str) -> str:
        return text(s, self.theme.role("body").font, self.ctx, shape=False)

    def line(self, s: str, role: str, style: ParagraphStyle, **kw: object) -> Paragraph:
        """One piece of plain text as a paragraph."""
        return self.para(self.t(s, role), style, s, **kw)

    @property
    def link_color(self) -> str:
        return str(self.theme.color("link"))

    def plan_anchors(self) -> None:
        """Which sentences get a link target: those a drawn box links to, in blocks
        the body draws.

        Only linked sentences get an ``<a name>``: every anchor splits its
        paragraph into more fragments, and reportlab lays out a one-fragment
        paragraph on a much faster path. The DOCX renderer bookmarks the same set.
        """
        wanted = self.b.linked_sentences()
        for article in self.b.pack.articles:
            blocks = {STANDFIRST_ID} if article.standfirst else set()
            blocks |= {b.id for b in article.body if not isinstance(b, (ListBlock, CodeBlock))}
            for s in article.sentences:
                if s.id in wanted and s.block in blocks:
                    self.anchors.add(s.id)
                    self._by_block.setdefault((id(article), s.block), []).append(s)

    # ----------------------------------------------------------------- box

    def facts_box(self, page: SummaryPage, styles: Styles) -> list[Flowable]:
        box = self.theme.box
        width = self.theme.page.width - self.theme.page.margin_left - self.theme.page.margin_right
        height = self.theme.page.height - self.theme.page.margin_top - self.theme.page.margin_bottom
        # Table rows cannot split: no cell may be taller than a quarter of the
        # page. The padding leaves each column room; type too large for the
        # columns is scaled down (the box keeps the theme's proportions).
        from reportlab.pdfbase.pdfmetrics import stringWidth

        pad = min(box.padding, width * 0.05)
        label_style = self.style(styles, "fact_label", spaceBefore=1.5)
        value = styles["fact_value"]
        title_style = styles["box_title"]
        longest = max(
            (
                stringWidth(label, label_style.fontName, label_style.fontSize)
                for label, _ in page.box
            ),
            default=0.0,
        )
        room = width * 0.4 - 2 * pad - 4
        scale = min(1.0, room / longest if longest else 1.0, width / 20 / value.fontSize)
        if scale < 1.0:
            label_style = self.style_for(
                label_style,
                fontSize=label_style.fontSize * scale,
                leading=label_style.leading * scale,
            )
            value = self.style_for(
                value, fontSize=value.fontSize * scale, leading=value.leading * scale
            )
            title_style = self.style_for(
                title_style,
                fontSize=title_style.fontSize * scale,
                leading=title_style.leading * scale,
            )
            longest *= scale
        label_w = min(width * 0.4, max(min(100.0, width * 0.25), longest + 2 * pad + 4))
        quarter = height / 4
        title_chars = int((width - 2 * pad) / (title_style.fontSize * 0.7)) * max(
            1, int(quarter / title_style.leading)
        )
        title = self.line(
            _clip(page.box_title, max(4, min(120, title_chars))), "box_title", title_style
        )
        rows: list[list[object]] = [[title, ""]]
        linked = False
        per_line = max(4, int((width - label_w - 2 * pad) / (value.fontSize * 0.75)))
        lines_fit = max(1, int(quarter / max(value.leading, 1)) - 1)
        limit = max(4, min(FACT_CHARS, per_line * lines_fit))
        starts: list[int] = []
        for label, lines in page.box:
            for n, line in enumerate(lines):
                shown = _clip(line.text, limit)
                markup = self.t(shown, "fact_value")
                if line.sentence and line.sentence in self.anchors:
                    markup = internal_link(markup, line.sentence, self.link_color)
                    linked = True
                plain = shown
                if line.detail:
                    muted = self.theme.color("muted")
                    detail = _clip(line.detail, max(2, limit - len(shown)))
                    markup += f' <font color="{muted}">— {self.t(detail, "fact_value")}</font>'
                    plain += " — " + detail
                head = self.line(label, "fact_label", label_style) if n == 0 else ""
                if n == 0:
                    starts.append(len(rows))
                rows.append([head, self.para(markup, value, plain)])
        if not page.box:
            starts.append(len(rows))
            rows.append(["", self.line(page.box_empty, "fact_value", value)])
        if linked:
            starts.append(len(rows))  # the hint gets a little air above it
            hint = self.style(
                styles,
                "fact_value",
                fontSize=7.5,
                leading=9.5,
                textColor=HexColor(self.theme.color("muted")),
                spaceAfter=0,
            )
            rows.append(["", self.line(page.box_hint, "fact_value", hint)])
        widths = [label_w, width - label_w]
        if self.rtl:  # labels on the right, where a right-to-left reader starts
            rows = [rows[0]] + [list(reversed(r)) for r in rows[1:]]
            widths.reverse()
        table = Table(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("SPAN", (0, 0), (1, 0)),
                    # Empty cells still set a font; without this it is Helvetica.
                    ("FONTNAME", (0, 0), (-1, -1), self.ctx.fonts.main("body").name),
                    ("BACKGROUND", (0, 0), (-1, -1), HexColor(box.background)),
                    ("BOX", (0, 0), (-1, -1), box.border_width, HexColor(box.border)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), pad),
                    ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    *[("TOPPADDING", (0, r), (-1, r), 5) for r in starts[1:]],
                    ("TOPPADDING", (0, 0), (-1, 0), pad),
                    ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), pad),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.5, HexColor(box.border)),
                ]
            )
        )
        # KeepTogether moves the whole box to the next page rather than split it.
        return [Spacer(1, 6), KeepTogether([table])]

    # ----------------------------------------------------------------- pages

    def bullets(self, points: tuple[str, ...], styles: Styles) -> list[Flowable]:
        st = self.style(styles, "summary", leftIndent=14, bulletIndent=2)
        return [self.line(p, "summary", st, bulletText="•") for p in points]

    def summary(
        self, page: SummaryPage, styles: Styles, key: str, article: int | None
    ) -> list[Flowable]:
        """The flowables of a summary page: title, meta, standfirst, points, box."""
        out: list[Flowable] = []
        title = self.line(page.title, "title", styles["title"])
        toc_markup = None
        if article is not None and self.b.pack.is_multi:
            toc_markup = self.toc_entry(page.title)
        out.append(
            tag(
                title,
                Mark(key=key, title=page.title, level=0, toc_markup=toc_markup, article=article),
            )
        )
        out.append(self.line(page.meta, "meta", styles["meta"]))
        if page.standfirst:
            out.append(self.line(page.standfirst, "standfirst", styles["standfirst"]))
        if page.points:
            h = self.line(page.summary_heading, "heading2", styles["heading2"])
            out.append(tag(h, Mark(key=f"{key}-summary", title=page.summary_heading, level=1)))
            out.extend(self.bullets(page.points, styles))
        out.append(tag(Spacer(1, 0), Mark(key=f"{key}-facts", title=page.box_title, level=1)))
        out.extend(self.facts_box(page, styles))
        return out

    def cover(self) -> list[Flowable]:
        styles = self.base
        out = self.summary(self.b.summary_page(None), styles, "cover", None)
        out.append(NextPageTemplate("body"))
        out.append(PageBreak())
        words = self.b.words(None)
        heading = self.line(words("Contents"), "heading1", styles["heading1"])
        out.append(tag(heading, Mark(key="contents", title=words("Contents"), level=0)))
        out.append(toc(styles))
        return out

    def article(self, index: int, article: Article) -> list[Flowable]:
        styles = build(self.theme, article.language or self.b.pack.language)
        own = self.b.language_tag(article)
        self.lang = own if own != self.b.language_tag(None) else None
        self.rtl = self.b.words(article).rtl or is_rtl_language(own)
        key = f"art{index}"
        out: list[Flowable] = [NextPageTemplate("summary")]
        if index or self.b.pack.is_multi:
            out.append(PageBreak())
        out.extend(self.summary(self.b.summary_page(article), styles, key, index))
        body = self.body(index, article, styles)
        out.append(NextPageTemplate("body"))
        width = self.theme.page.width - self.theme.page.margin_left - self.theme.page.margin_right
        short = sum(len(block_text(i.block)) for i in self.b.body(article) if i.block)
        if short <= SHORT_BODY:
            out.append(BreakUnlessFits(body, width))
        else:
            out.append(PageBreak())
        out.extend(body)
        self.lang = None
        self.rtl = False
        return out

    # ----------------------------------------------------------------- body

    def anchored(
        self, block_inlines: tuple[Inline, ...], block_id: str, article: Article, role: str
    ) -> str:
        sentences = self._by_block.get((id(article), block_id))
        if not sentences:  # nothing links here: plain text, one fragment
            return inlines(block_inlines, self.theme.role(role).font, self.ctx, self.link_color)
        items = briefing.with_anchors(block_inlines, block_id, tuple(sentences))
        kept: list[Inline | Anchor] = []
        for item in items:
            if isinstance(item, Anchor):
                if item.id not in self.anchors or item.id in self._placed:
                    continue
                self._placed.add(item.id)
            kept.append(item)
        return inlines(kept, self.theme.role(role).font, self.ctx, self.link_color)

    def body(self, index: int, article: Article, styles: Styles) -> list[Flowable]:
        key = f"art{index}"
        words = self.b.words(article)
        out: list[Flowable] = []
        head = self.line(article.headline, "heading1", styles["heading1"])
        out.append(
            tag(head, Mark(key=f"{key}-text", title=words("Full text"), level=1, article=index))
        )
        if article.standfirst:
            st = (Text(text=article.standfirst),)
            out.append(
                self.para(
                    self.anchored(st, STANDFIRST_ID, article, "standfirst"),
                    styles["standfirst"],
                    article.standfirst,
                )
            )
        for n, item in enumerate(self.b.body(article), 1):
            bkey = f"{key}-b{n}"
            block = item.block
            if item.is_heading:
                role = f"heading{item.level}"
                title = item.title or ""
                if isinstance(block, Heading):
                    markup = self.anchored(block.inlines, block.id, article, role)
                else:
                    markup = self.t(title, role)
                p = self.para(markup, styles[role], title)
                out.append(CondPageBreak(60))
                toc_markup = None
                if self.b.pack.is_multi and item.level == 2:
                    toc_markup = self.toc_entry(title)
                mark = Mark(
                    key=bkey, title=title, level=item.level, toc_markup=toc_markup, toc_level=1
                )
                out.append(tag(p, mark))
                continue
            match block:
                case ParagraphBlock():
                    role = "standfirst" if block.role == "lead" else "body"
                    st = styles[role]
                    if block.role == "note":
                        st = self.style(
                            styles, "body", textColor=HexColor(self.theme.color("muted"))
                        )
                    markup = self.anchored(block.inlines, block.id, article, role)
                    out.append(self.para(markup, st, plain_text(block.inlines)))
                case BlockQuote():
                    st = self.style(styles, "quote", leftIndent=18, rightIndent=12)
                    markup = self.anchored(block.inlines, block.id, article, "quote")
                    out.append(self.para(markup, st, plain_text(block.inlines)))
                    if block.speaker:
                        sp = self.style(
                            styles, "attribution", leftIndent=18, spaceBefore=0, spaceAfter=8
                        )
                        out.append(self.line("— " + block.speaker, "attribution", sp))
                case ListBlock():
                    st = self.style(styles, "list", leftIndent=16, bulletIndent=4)
                    for i, entry in enumerate(block.items, 1):
                        bullet = f"{i}." if block.ordered else "•"
                        markup = inlines(
                            entry, self.theme.role("list").font, self.ctx, self.link_color
                        )
                        out.append(self.para(markup, st, plain_text(entry), bulletText=bullet))
                case CodeBlock():
                    out.append(self.code(block.text, styles))
        for note in article.notes:
            st = self.style(styles, "body", textColor=HexColor(self.theme.color("muted")))
            out.append(self.line(note, "body", st))
        out.append(self.attribution(article, styles))
        return out

    def code(self, code: str, styles: Styles) -> Paragraph:
        st = self.style(
            styles,
            "code",
            backColor=HexColor("#f3f4f6"),
            borderPadding=4,
            leftIndent=4,
            rightIndent=4,
            spaceBefore=4,
            spaceAfter=10,
            alignment=0,
        )
        lines = []
        for line in code.split("\n"):
            stripped = line.lstrip(" ")
            lines.append("&#160;" * (len(line) - len(stripped)) + self.t(stripped, "code"))
        return self.para("<br/>".join(lines), st)

    def attribution(self, article: Article, styles: Styles) -> Paragraph:
        label, url = self.b.attribution(article)
        role = "attribution"
        shown = display_url(article.source.url) if article.source.url else None
        if url and shown and label.endswith(shown):
            markup = self.t(label[: -len(shown)], role) + link(
                self.t(shown, role), url, self.link_color
            )
        else:
            markup = self.t(label, role)
        return self.para(markup, styles[role], label)


def story(b: Briefing, ctx: MarkupContext, base: Styles) -> list[Flowable]:
    builder = StoryBuilder(b=b, ctx=ctx, base=base)
    builder.plan_anchors()
    out: list[Flowable] = []
    if b.pack.is_multi:
        out.extend(builder.cover())
    for i, article in enumerate(b.pack.articles):
        out.extend(builder.article(i, article))
    if not b.pack.articles:
        out.append(Paragraph(escape(b.pack.title) or " ", base["title"]))
    return out
