"""The table of contents: one tree, written as the EPUB 3 nav document (with
landmarks) and handed to ebooklib for the EPUB 2 NCX older readers use."""

from __future__ import annotations

from dataclasses import dataclass, field

from .chapters import OutlineEntry
from .plan import COVER_FILE, CSS_FILE, NAV_FILE, PACK_SUMMARY_FILE, ArticlePlan, Plan
from .xhtml import EPUB_TYPE, Document, Element, block_dir, label, set_lang, sub, xml_safe


def clean_title(title: str) -> str:
    return " ".join(xml_safe(title).split()) or "Untitled"


@dataclass
class TocEntry:
    title: str
    href: str
    lang: str | None = None  # set when it differs from the nav document's
    dir: str | None = None
    children: list[TocEntry] = field(default_factory=list)


def _sections(ap: ArticlePlan, outline: list[OutlineEntry]) -> list[TocEntry]:
    """Nest a chapter's flat heading list by level."""
    root: list[TocEntry] = []
    stack: list[tuple[int, TocEntry]] = []
    for entry in outline:
        node = TocEntry(entry.title, f"{ap.chapter_file}#{entry.id}")
        while stack and stack[-1][0] >= entry.level:
            stack.pop()
        (stack[-1][1].children if stack else root).append(node)
        stack.append((entry.level, node))
    return root


def toc_tree(plan: Plan, outlines: dict[str, list[OutlineEntry]]) -> list[TocEntry]:
    entries = [TocEntry("Cover", COVER_FILE)]

    def own(ap: ArticlePlan, title: str, href: str, children: list[TocEntry]) -> TocEntry:
        return TocEntry(
            title,
            href,
            ap.lang if ap.lang != plan.lang else None,
            ap.dir if ap.dir != plan.dir else None,
            children,
        )

    if not plan.pack.is_multi:
        ap = plan.articles[0]
        entries.append(TocEntry("Summary and key facts", ap.summary_file))
        entries.append(
            own(ap, ap.article.headline, ap.chapter_file, _sections(ap, outlines[ap.chapter_file]))
        )
        return entries
    entries.append(TocEntry("Pack summary and key facts", PACK_SUMMARY_FILE))
    for ap in plan.articles:
        children = [
            TocEntry("Summary and key facts", ap.summary_file),
            TocEntry(
                "Full article", ap.chapter_file, children=_sections(ap, outlines[ap.chapter_file])
            ),
        ]
        entries.append(own(ap, ap.article.headline, ap.summary_file, children))
    return entries


_OWN_TITLES = frozenset(
    {"Cover", "Summary and key facts", "Pack summary and key facts", "Full article"}
)


def _fill(parent: Element, entries: list[TocEntry], doc: Document) -> None:
    ol = sub(parent, "ol")
    for entry in entries:
        li = sub(ol, "li")
        title = clean_title(entry.title)
        if entry.title in _OWN_TITLES and entry.lang is None:
            label(li, "a", title, doc, {"href": entry.href})
        else:
            a = sub(li, "a", {"href": entry.href}, title)
            if entry.lang:
                set_lang(a, entry.lang)
            if entry.dir:
                a.set("dir", entry.dir)
            else:
                block_dir(a, title, doc.dir)
        if entry.children:
            _fill(li, entry.children, doc)


def nav_document(plan: Plan, tree: list[TocEntry]) -> bytes:
    doc = Document(title="Contents", lang=plan.lang, dir=plan.dir, css_href=CSS_FILE)
    toc = sub(doc.body, "nav", {"id": "toc", "role": "doc-toc", "aria-labelledby": "toc-title"})
    toc.set(EPUB_TYPE, "toc")
    label(toc, "h1", "Contents", doc, {"id": "toc-title"})
    _fill(toc, tree, doc)

    landmarks = sub(
        doc.body,
        "nav",
        {"id": "landmarks", "hidden": "hidden", "aria-labelledby": "landmarks-title"},
    )
    landmarks.set(EPUB_TYPE, "landmarks")
    label(landmarks, "h2", "Landmarks", doc, {"id": "landmarks-title"})
    ol = sub(landmarks, "ol")
    marks = [("cover", "Cover", COVER_FILE)]
    if NAV_FILE in plan.spine():  # epubcheck: landmarks may only point into the spine
        marks.append(("toc", "Contents", f"{NAV_FILE}#toc"))
    marks.append(("bodymatter", "Start of content", plan.summary_file))
    for kind, title, href in marks:
        a = label(sub(ol, "li"), "a", title, doc, {"href": href})
        a.set(EPUB_TYPE, kind)
    return doc.to_bytes()
