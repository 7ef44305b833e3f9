"""The flowables of a briefing pack: cover, contents, summary pages, key-facts box, body."""

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
    AnyFact,
    Article,
    BlockQuote,
    CodeBlock,
    Heading,
    ListBlock,
    Pack,
    Sentence,
    Text,
)
from ...model import (
    Paragraph as ParagraphBlock,
)
from ...themes import Theme
from .. import briefing
from ..briefing import Anchor
from .document import Mark, tag, toc
from .markup import MarkupContext, escape, inlines, internal_link, link, text
from .styles import Styles, build

# A fact line longer than this is cut in the box: the box is a summary, and
# a cell taller than a page cannot be laid out at all.
FACT_CHARS = 280
_TAG = re.compile(r"<[^>]*>")
_LONG_TOKEN = re.compile(r"\S{60,}")
_LEADING_ANCHORS = re.compile(r"^(?:<a name=\"[^\"]*\"/>)+")
_TAG_OR_SPACE = re.compile(r"<[^>]*>|\s")


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


def _clip(s: str, limit: int) -> str:
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


@dataclass(slots=True)
class StoryBuilder:
    pack: Pack
    theme: Theme
    ctx: MarkupContext
    base: Styles
    anchors: set[str] = field(default_factory=set)  # sentence ids that get a target
    _placed: set[str] = field(default_factory=set)
    _derived: dict[tuple[str, str], ParagraphStyle] = field(default_factory=dict)
    # (id(article), block id) -> that block's anchored sentences, in article order.
    _by_block: dict[tuple[int, str], list[Sentence]] = field(default_factory=dict)

    # ----------------------------------------------------------------- helpers

    def style(self, styles: Styles, role: str, **changes: object) -> ParagraphStyle:
        if not changes:
            return styles[role]
        key = (f"{id(styles)}:{role}", repr(sorted(changes.items())))
        s = self._derived.get(key)
        if s is None:
            s = ParagraphStyle(f"{role}-x{len(self._derived)}", parent=styles[role], **changes)
            self._derived[key] = s
        return s

    def para(self, markup: str, style: ParagraphStyle, **kw: object) -> Paragraph:
        if getattr(style, "hyphenationLang", None) and _LONG_TOKEN.search(_TAG.sub(" ", markup)):
            # reportlab tries every hyphenation split of a long token, measuring
            # each: a 3,000-character "word" takes seconds. Such tokens are not
            # words; break them without hyphenation.
            style = self.style_for(style, hyphenationLang="")
        return Paragraph(_anchors_after_first_token(markup), style, **kw)

    def style_for(self, style: ParagraphStyle, **changes: object) -> ParagraphStyle:
        key = (f"{id(style)}:{style.name}", repr(sorted(changes.items())))
        derived = self._derived.get(key)
        if derived is None:
            derived = ParagraphStyle(f"{style.name}-y{len(self._derived)}", parent=style, **changes)
            self._derived[key] = derived
        return derived

    def t(self, s: str, role: str) -> str:
        return text(s, self.theme.role(role).font, self.ctx)

    @property
    def link_color(self) -> str:
        return self.theme.color("link")

    def plan_anchors(self) -> None:
        """Which sentences get a link target: those a drawn box links to, in blocks
        the body draws.

        Only linked sentences get an ``<a name>``: every anchor splits its
        paragraph into more fragments, and reportlab lays out a one-fragment
        paragraph on a much faster path (no per-word fragment comparison), so
        anchoring every sentence made the body several times slower to lay
        out for destinations nothing pointed at. The DOCX renderer bookmarks
        the same set.
        """
        boxes = [a.facts for a in self.pack.articles]
        if self.pack.is_multi:
            boxes.append(self.pack.facts)  # the cover's box
        wanted = briefing.linked_sentences(boxes, self.theme)
        for article in self.pack.articles:
            blocks = {STANDFIRST_ID} if article.standfirst else set()
            blocks |= {b.id for b in article.body if not isinstance(b, (ListBlock, CodeBlock))}
            for s in article.sentences:
                if s.id in wanted and s.block in blocks:
                    self.anchors.add(s.id)
                    # Only these go to with_anchors: the paragraph is split at
                    # linked sentences alone, and a block nothing links to
                    # stays one fragment.
                    self._by_block.setdefault((id(article), s.block), []).append(s)

    # ----------------------------------------------------------------- box

    def facts_box(self, facts: tuple[AnyFact, ...], styles: Styles) -> list[Flowable]:
        sections = briefing.box_sections(facts, self.theme)
        if not sections:
            return []
        box = self.theme.box
        title = self.para(self.t(box.title, "box_title"), styles["box_title"])
        rows: list[list[object]] = [[title, ""]]
        linked = False
        label_style = self.style(styles, "fact_label", spaceBefore=1.5)
        starts: list[int] = []
        for label, lines in sections:
            # One row per fact, so a long box can still break between rows.
            for n, line in enumerate(lines):
                markup = self.t(_clip(line.text, FACT_CHARS), "fact_value")
                if line.sentence and line.sentence in self.anchors:
                    markup = internal_link(markup, line.sentence, self.link_color)
                    linked = True
                if line.detail:
                    muted = self.theme.color("muted")
                    detail = self.t(_clip(line.detail, FACT_CHARS), "fact_value")
                    markup += f' <font color="{muted}">— {detail}</font>'
                head = self.para(self.t(label, "fact_label"), label_style) if n == 0 else ""
                if n == 0:
                    starts.append(len(rows))
                rows.append([head, self.para(markup, styles["fact_value"])])
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
            rows.append(
                [
                    "",
                    self.para(
                        self.t("Each fact links to its sentence in the article.", "fact_value"),
                        hint,
                    ),
                ]
            )
        width = self.theme.page.width - self.theme.page.margin_left - self.theme.page.margin_right
        label_w = min(100.0, width * 0.25)
        table = Table(rows, colWidths=[label_w, width - label_w], hAlign="LEFT")
        pad = box.padding
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
        return [self.para(self.t(p, "summary"), st, bulletText="•") for p in points]

    def cover(self) -> list[Flowable]:
        pack, styles = self.pack, self.base
        out: list[Flowable] = []
        mk = briefing.marking(pack, self.theme)
        if mk:
            out.append(self.para("<b>" + self.t(mk, "meta") + "</b>", styles["meta"]))
        title = self.para(self.t(pack.title, "title"), styles["title"])
        out.append(tag(title, Mark(key="cover", title=pack.title, level=0)))
        out.append(self.para(self.t(briefing.meta_line(pack, None), "meta"), styles["meta"]))
        if pack.summary:
            out.append(self.para(self.t("Summary", "heading2"), styles["heading2"]))
            out.extend(self.bullets(pack.summary, styles))
        out.extend(self.facts_box(pack.facts, styles))
        out.append(NextPageTemplate("body"))
        out.append(PageBreak())
        heading = self.para(self.t("Contents", "heading1"), styles["heading1"])
        out.append(tag(heading, Mark(key="contents", title="Contents", level=0)))
        out.append(toc(styles))
        return out

    def article(self, index: int, article: Article) -> list[Flowable]:
        styles = build(self.theme, article.language or self.pack.language)
        key = f"art{index}"
        out: list[Flowable] = [NextPageTemplate("summary")]
        if index or self.pack.is_multi:
            out.append(PageBreak())
        mk = briefing.marking(self.pack, self.theme)
        if mk and not self.pack.is_multi:
            out.append(self.para("<b>" + self.t(mk, "meta") + "</b>", styles["meta"]))
        headline = self.t(article.headline, "title")
        out.append(
            tag(
                self.para(headline, styles["title"]),
                Mark(
                    key=key,
                    title=article.headline,
                    level=0,
                    toc_markup=self.t(article.headline, "body") if self.pack.is_multi else None,
                    article=index,
                ),
            )
        )
        out.append(
            self.para(self.t(briefing.meta_line(self.pack, article), "meta"), styles["meta"])
        )
        if article.standfirst:
            out.append(self.para(self.t(article.standfirst, "standfirst"), styles["standfirst"]))
        if article.summary:
            h = self.para(self.t("Summary", "heading2"), styles["heading2"])
            out.append(tag(h, Mark(key=f"{key}-summary", title="Summary", level=1)))
            out.extend(self.bullets(article.summary, styles))
        box = self.facts_box(article.facts, styles)
        if box:
            out.append(
                tag(Spacer(1, 0), Mark(key=f"{key}-facts", title=self.theme.box.title, level=1))
            )
            out.extend(box)
        out.append(NextPageTemplate("body"))
        out.append(PageBreak())
        out.extend(self.body(index, article, styles))
        return out

    # ----------------------------------------------------------------- body

    def anchored(
        self, block_inlines: tuple[object, ...], block_id: str, article: Article, role: str
    ) -> str:
        sentences = self._by_block.get((id(article), block_id))
        if not sentences:  # nothing links here: plain text, one fragment
            return inlines(block_inlines, self.theme.role(role).font, self.ctx, self.link_color)  # type: ignore[arg-type]
        items = briefing.with_anchors(block_inlines, block_id, tuple(sentences))  # type: ignore[arg-type]
        kept: list[object] = []
        for item in items:
            if isinstance(item, Anchor):
                if item.id not in self.anchors or item.id in self._placed:
                    continue
                self._placed.add(item.id)
            kept.append(item)
        return inlines(kept, self.theme.role(role).font, self.ctx, self.link_color)  # type: ignore[arg-type]

    def body(self, index: int, article: Article, styles: Styles) -> list[Flowable]:
        key = f"art{index}"
        out: list[Flowable] = []
        head = self.para(self.t(article.headline, "heading1"), styles["heading1"])
        out.append(tag(head, Mark(key=f"{key}-text", title="Full text", level=1, article=index)))
        if article.standfirst:
            st = (Text(text=article.standfirst),)
            out.append(
                self.para(
                    self.anchored(st, STANDFIRST_ID, article, "standfirst"), styles["standfirst"]
                )
            )
        background_done = any(
            isinstance(b, Heading) and b.inlines and "background" in b.inlines[0].text.lower()
            for b in article.body
        )
        for n, block in enumerate(article.body, 1):
            bkey = f"{key}-b{n}"
            match block:
                case Heading():
                    lvl = max(1, min(block.level, 3))
                    role = f"heading{min(lvl + 1, 3)}"
                    title = "".join(i.text for i in block.inlines)
                    p = self.para(
                        self.anchored(block.inlines, block.id, article, role), styles[role]
                    )
                    out.append(CondPageBreak(60))
                    out.append(tag(p, Mark(key=bkey, title=title, level=1 + lvl)))
                case ParagraphBlock():
                    if block.role == "background" and not background_done:
                        background_done = True
                        h = self.para(self.t("Background", "heading2"), styles["heading2"])
                        out.append(CondPageBreak(60))
                        out.append(tag(h, Mark(key=bkey + "-bg", title="Background", level=2)))
                    role = "body"
                    if block.role == "lead":
                        role = "standfirst"
                    st = styles[role]
                    if block.role == "note":
                        st = self.style(
                            styles, "body", textColor=HexColor(self.theme.color("muted"))
                        )
                    out.append(self.para(self.anchored(block.inlines, block.id, article, role), st))
                case BlockQuote():
                    st = self.style(styles, "quote", leftIndent=18, rightIndent=12)
                    out.append(
                        self.para(self.anchored(block.inlines, block.id, article, "quote"), st)
                    )
                    if block.speaker:
                        sp = self.style(
                            styles, "attribution", leftIndent=18, spaceBefore=0, spaceAfter=8
                        )
                        out.append(self.para("— " + self.t(block.speaker, "attribution"), sp))
                case ListBlock():
                    st = self.style(styles, "list", leftIndent=16, bulletIndent=4)
                    for i, item in enumerate(block.items, 1):
                        bullet = f"{i}." if block.ordered else "•"
                        markup = inlines(
                            item, self.theme.role("list").font, self.ctx, self.link_color
                        )
                        out.append(self.para(markup, st, bulletText=bullet))
                case CodeBlock():
                    out.append(self.code(block.text, styles))
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
        label, url = briefing.attribution(article)
        role = "attribution"
        if url and label.endswith(url):
            markup = self.t(label[: -len(url)], role) + link(
                self.t(url, role), url, self.link_color
            )
        elif url:
            markup = link(self.t(label, role), url, self.link_color)
        else:
            markup = self.t(label, role)
        return self.para(markup, styles[role])


def story(pack: Pack, theme: Theme, ctx: MarkupContext, base: Styles) -> list[Flowable]:
    builder = StoryBuilder(pack=pack, theme=theme, ctx=ctx, base=base)
    builder.plan_anchors()
    out: list[Flowable] = []
    if pack.is_multi:
        out.extend(builder.cover())
    for i, article in enumerate(pack.articles):
        out.extend(builder.article(i, article))
    if not pack.articles:
        out.append(Paragraph(escape(pack.title) or " ", base["title"]))
    return out
