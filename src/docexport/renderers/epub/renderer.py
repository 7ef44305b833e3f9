"""The EPUB 3 renderer: our XHTML and CSS, packaged by ebooklib, re-zipped
reproducibly.

ebooklib writes the package document, the NCX and the container; the content
documents and the nav are built here with lxml and handed to ebooklib as
plain items: ``EpubHtml`` re-parses content with an HTML parser and rebuilds
the head and root from its own template, and its generated nav has no
per-entry languages and derives landmarks from the EPUB 2 guide.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any, ClassVar

from ...errors import RenderError
from ...model import Pack
from ...themes import Theme
from .. import RenderOptions
from . import chapters, metadata, nav, package
from .css import stylesheet
from .plan import COVER_FILE, CSS_FILE, NAV_FILE, PACK_SUMMARY_FILE, make_plan

XHTML = "application/xhtml+xml"


class EpubRenderer:
    name: ClassVar[str] = "epub"
    extension: ClassVar[str] = "epub"
    media_type: ClassVar[str] = "application/epub+zip"

    def render(self, pack: Pack, theme: Theme, options: RenderOptions) -> bytes:
        if not pack.articles:
            raise RenderError("the pack has no articles")
        from ..briefing import brief

        b = brief(pack, theme, language=options.language, epoch=options.epoch())
        plan = make_plan(b)
        pack = b.pack
        docs: dict[str, bytes] = {COVER_FILE: chapters.cover(plan)}
        outlines: dict[str, list[chapters.OutlineEntry]] = {}
        if pack.is_multi:
            docs[PACK_SUMMARY_FILE] = chapters.pack_summary(plan)
        for ap in plan.articles:
            docs[ap.summary_file] = chapters.article_summary(plan, ap)
            docs[ap.chapter_file], outlines[ap.chapter_file] = chapters.article_chapter(plan, ap)
        tree = nav.toc_tree(plan, outlines)
        docs[NAV_FILE] = nav.nav_document(plan, tree)

        when = metadata.modified(b)
        raw = _ebooklib_epub(plan, docs, stylesheet(theme).encode("utf-8"), tree, when)
        return package.repack(package.read_entries(raw), when)


def _ebooklib_epub(
    plan: Any, docs: dict[str, bytes], css: bytes, tree: list[nav.TocEntry], when: Any
) -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    metadata.apply(book, plan)
    book.add_item(epub.EpubItem(uid="css", file_name=CSS_FILE, media_type="text/css", content=css))
    items: dict[str, Any] = {}
    for n, file_name in enumerate([*plan.spine(), NAV_FILE]):
        if file_name in items:
            continue
        item = epub.EpubItem(
            uid=_item_id(file_name, n),
            file_name=file_name,
            media_type=XHTML,
            content=docs[file_name],
        )
        item.properties = ["nav"] if file_name == NAV_FILE else []
        items[file_name] = book.add_item(item)
    book.add_item(epub.EpubNcx())
    book.spine = [items[f] for f in plan.spine()]
    book.toc = _ncx_toc(tree, epub)

    out = io.BytesIO()
    writer = epub.EpubWriter(
        out,
        book,
        {
            "mtime": when,
            "epub2_guide": False,
            "epub3_landmark": False,
            "epub3_pages": False,
            "raise_exceptions": True,
        },
    )
    try:
        writer.process()
        writer.write()
    except Exception as exc:  # ebooklib raises bare exceptions on bad input
        with contextlib.suppress(Exception):
            writer.out.close()
        raise RenderError(f"EPUB packaging failed: {exc}") from exc
    return out.getvalue()


def _item_id(file_name: str, n: int) -> str:
    stem = file_name.rsplit(".", 1)[0].replace("-", "_")
    return stem if stem[0].isalpha() else f"doc{n}"


def _ncx_toc(tree: list[nav.TocEntry], epub: Any) -> list[Any]:
    counter = iter(range(1, 100000))

    def convert(entries: list[nav.TocEntry]) -> list[Any]:
        out: list[Any] = []
        for entry in entries:
            link = epub.Link(entry.href, nav.clean_title(entry.title), f"navpoint-{next(counter)}")
            out.append((link, convert(entry.children)) if entry.children else link)
        return out

    return convert(tree)
