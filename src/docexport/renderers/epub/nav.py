"""The table of contents: one tree, written as the EPUB 3 nav document (with
landmarks) and handed to ebooklib for the EPUB 2 NCX older readers use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
    label_lang: str | None = None  # docexport's own wording, in this language


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
    words = plan.b.words(None)

    def own_label(msgid: str, href: str, article: ArticlePlan | None = None, **kw: Any) -> TocEntry:
        w = plan.b.words(article.article) if article is not None else words
        return TocEntry(w(msgid), href, label_lang=w.language, **kw)

    entries = [own_label("Cover", COVER_FILE)]

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
        entries.append(own_label("Summary and key facts", ap.summary_file, ap))
        entries.append(
            own(ap, ap.article.headline, ap.chapter_file, _sections(ap, outlines[ap.chapter_file]))
        )
        return entries
    entries.append(own_label("Pack summary and key facts", PACK_SUMMARY_FILE))
    for ap in plan.articles:
        children = [
            own_label("Summary and key facts", ap.summary_file, ap),
            own_label(
                "Full article",
                ap.chapter_file,
                ap,
                children=_sections(ap, outlines[ap.chapter_file]),
            ),
        ]
        entries.append(own(ap, ap.article.headline, ap.summary_file, children))
    return entries


def _fill(parent: Element, entries: list[TocEntry], doc: Document) -> None:
    ol = sub(parent, "ol")
    for entry in entries:
        li = sub(ol, "li")
        title = clean_title(entry.title)
        if entry.label_lang is not None:
            label(li, "a", title, doc, {"href": entry.href}, lang=entry.label_lang)
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
    words = plan.b.words(None)
    lang = words.language
    doc = Document(title=words("Contents"), lang=plan.lang, dir=plan.dir, css_href=CSS_FILE)
    toc = sub(doc.body, "nav", {"id": "toc", "role": "doc-toc", "aria-labelledby": "toc-title"})
    toc.set(EPUB_TYPE, "toc")
    label(toc, "h1", words("Contents"), doc, {"id": "toc-title"}, lang=lang)
    _fill(toc, tree, doc)

    landmarks = sub(
        doc.body,
        "nav",
        {"id": "landmarks", "hidden": "hidden", "aria-labelledby": "landmarks-title"},
    )
    landmarks.set(EPUB_TYPE, "landmarks")
    label(landmarks, "h2", words("Landmarks"), doc, {"id": "landmarks-title"}, lang=lang)
    ol = sub(landmarks, "ol")
    marks = [("cover", words("Cover"), COVER_FILE)]
    if NAV_FILE in plan.spine():  # epubcheck: landmarks may only point into the spine
        marks.append(("toc", words("Contents"), f"{NAV_FILE}#toc"))
    marks.append(("bodymatter", words("Start of content"), plan.summary_file))
    for kind, title, href in marks:
        a = label(sub(ol, "li"), "a", title, doc, {"href": href}, lang=lang)
        a.set(EPUB_TYPE, kind)
    return doc.to_bytes()
