"""Where everything goes: file names, languages, and the link targets that
cross documents (fact -> source sentence, sentence -> back to its fact).

Decided before any document is built, so the summary chapter can link into an
article chapter written after it and the chapter can link back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import STANDFIRST_ID, Article, Pack, block_text
from ...themes import Theme
from ..briefing import Briefing, FactLine, SummaryPage
from .lang import direction, language_tag
from .xhtml import IdMaker

COVER_FILE = "cover.xhtml"
NAV_FILE = "nav.xhtml"
PACK_SUMMARY_FILE = "summary.xhtml"
CSS_FILE = "style.css"


@dataclass(frozen=True, slots=True)
class Target:
    file: str
    id: str

    def href(self, from_file: str) -> str:
        return f"#{self.id}" if from_file == self.file else f"{self.file}#{self.id}"


Box = list[tuple[str, list[tuple[FactLine, str]]]]  # (label, [(line, html id)])


@dataclass
class ArticlePlan:
    number: int
    article: Article
    summary_file: str
    chapter_file: str
    lang: str
    dir: str
    page: SummaryPage
    box: Box = field(default_factory=list)

    @property
    def box_id(self) -> str:
        return f"key-facts-{self.number}"


@dataclass
class Plan:
    b: Briefing
    pack: Pack
    theme: Theme
    lang: str
    dir: str
    articles: list[ArticlePlan]
    pack_page: SummaryPage | None = None
    pack_box: Box = field(default_factory=list)
    # (article number, sentence id) -> the anchor at the start of that sentence.
    # Keyed by article too: articles analysed apart may reuse sentence ids.
    anchors: dict[tuple[int, str], Target] = field(default_factory=dict)
    # (article number, sentence id) -> the key fact that cites it (for the back link)
    backlinks: dict[tuple[int, str], Target] = field(default_factory=dict)
    anchor_ids: IdMaker = field(default_factory=lambda: IdMaker("s-"))

    def anchor(self, number: int | None, sentence: str | None) -> tuple[int, Target] | None:
        """Where ``sentence`` starts: in article ``number``, or (for the pack's
        combined facts, ``None``) in the first article that has it."""
        if sentence is None:
            return None
        numbers = [number] if number is not None else [ap.number for ap in self.articles]
        for n in numbers:
            target = self.anchors.get((n, sentence))
            if target is not None:
                return n, target
        return None

    @property
    def summary_file(self) -> str:
        """The first summary page: the pack's for a multi-article pack."""
        return PACK_SUMMARY_FILE if self.pack.is_multi else self.articles[0].summary_file

    def spine(self) -> list[str]:
        files = [COVER_FILE]
        if self.pack.is_multi:
            files += [PACK_SUMMARY_FILE, NAV_FILE]
        for ap in self.articles:
            files += [ap.summary_file, ap.chapter_file]
        return files


def _sample(article: Article) -> str:
    parts = [article.headline, article.standfirst or ""]
    parts += [block_text(b) for b in article.body[:5]]
    return " ".join(parts)[:4000]


def _box(facts_box: list[tuple[str, list[FactLine]]], prefix: str) -> Box:
    out: Box = []
    k = 0
    for label, lines in facts_box:
        entries = []
        for line in lines:
            k += 1
            entries.append((line, f"{prefix}-{k}"))
        out.append((label, entries))
    return out


def make_plan(b: Briefing) -> Plan:
    pack, theme = b.pack, b.theme
    first = pack.articles[0] if pack.articles else None
    pack_lang = language_tag(b.language_tag(None))
    pack_dir = direction(pack_lang, _sample(first) if first else pack.title)
    articles: list[ArticlePlan] = []
    for n, article in enumerate(pack.articles, start=1):
        lang = language_tag(b.language_tag(article))
        page = b.summary_page(article)
        ap = ArticlePlan(
            number=n,
            article=article,
            summary_file=f"a{n}-summary.xhtml",
            chapter_file=f"a{n}.xhtml",
            lang=lang,
            dir=direction(lang, _sample(article)),
            page=page,
        )
        ap.box = _box(page.box, f"fact-{n}")
        articles.append(ap)
    plan = Plan(b=b, pack=pack, theme=theme, lang=pack_lang, dir=pack_dir, articles=articles)
    if pack.is_multi:
        plan.pack_page = b.summary_page(None)
        plan.pack_box = _box(plan.pack_page.box, "fact-pack")

    for ap in articles:
        blocks = {b.id for b in ap.article.body}
        if ap.article.standfirst:
            blocks.add(STANDFIRST_ID)
        for s in ap.article.sentences:
            if s.block in blocks and (ap.number, s.id) not in plan.anchors:
                plan.anchors[ap.number, s.id] = Target(ap.chapter_file, plan.anchor_ids(s.id))

    for ap in articles:
        for _label, entries in ap.box:
            for line, html_id in entries:
                found = plan.anchor(ap.number, line.sentence)
                if found is not None:
                    plan.backlinks.setdefault(
                        (ap.number, line.sentence or ""), Target(ap.summary_file, html_id)
                    )
    for _label, entries in plan.pack_box:
        for line, html_id in entries:
            found = plan.anchor(None, line.sentence)
            if found is not None:
                plan.backlinks.setdefault(
                    (found[0], line.sentence or ""), Target(PACK_SUMMARY_FILE, html_id)
                )
    return plan
