"""Rendered EPUBs, opened for XPath: the OPF, the nav and every XHTML document."""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Any

import pytest
from lxml import etree

from docexport.model import Pack
from docexport.renderers import RenderOptions
from docexport.renderers.epub import EpubRenderer
from docexport.themes import Theme

from .packs import arabic_pack, hostile_pack, rich_multi, rich_seed

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "h": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Book:
    """An EPUB opened for inspection; paths are relative to the OPF's folder."""

    data: bytes
    files: dict[str, bytes] = field(default_factory=dict)
    opf_path: str = ""
    opf: Any = None
    docs: dict[str, Any] = field(default_factory=dict)  # href -> parsed XHTML
    manifest: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> attrs

    @classmethod
    def open(cls, data: bytes) -> Book:
        book = cls(data=data)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            book.files = {i.filename: zf.read(i) for i in zf.infolist()}
        container = etree.fromstring(book.files["META-INF/container.xml"])
        book.opf_path = container.xpath("string(//c:rootfile/@full-path)", namespaces=NS)
        book.opf = etree.fromstring(book.files[book.opf_path])
        base = posixpath.dirname(book.opf_path)
        for item in book.opf.xpath("//opf:manifest/opf:item", namespaces=NS):
            book.manifest[item.get("id")] = dict(item.attrib)
            if item.get("media-type") == "application/xhtml+xml":
                href = item.get("href")
                book.docs[href] = etree.fromstring(book.files[posixpath.join(base, href)])
        return book

    def meta(self, xpath: str) -> list[str]:
        return [str(x) for x in self.opf.xpath(xpath, namespaces=NS)]

    def prop(self, name: str) -> list[str]:
        return self.meta(f"//opf:metadata/opf:meta[@property='{name}']/text()")

    @property
    def spine(self) -> list[str]:
        ids = self.meta("//opf:spine/opf:itemref/@idref")
        return [self.manifest[i]["href"] for i in ids]

    @property
    def nav_href(self) -> str:
        return next(
            m["href"] for m in self.manifest.values() if "nav" in m.get("properties", "").split()
        )

    @property
    def nav(self) -> Any:
        return self.docs[self.nav_href]

    def x(self, href: str, xpath: str) -> list[Any]:
        result: list[Any] = self.docs[href].xpath(xpath, namespaces=NS)
        return result

    def text(self, href: str) -> str:
        """The document's words as a reader sees them, without the back-link marks."""
        xpath = "//h:body//text()[not(ancestor::h:a[@class='backlink'])]"
        return "".join(self.docs[href].xpath(xpath, namespaces=NS))

    def ids(self, href: str) -> list[str]:
        return [str(i) for i in self.docs[href].xpath("//@id")]

    def resolve(self, from_href: str, link: str) -> tuple[str, str | None]:
        """(document href, fragment) a link in ``from_href`` points at."""
        path, _, frag = link.partition("#")
        target = (
            posixpath.normpath(posixpath.join(posixpath.dirname(from_href), path))
            if path
            else from_href
        )
        return target, frag or None


def render(pack: Pack, theme: Theme, **options: Any) -> bytes:
    return EpubRenderer().render(pack, theme, RenderOptions(**options))


@pytest.fixture(scope="session")
def seed_facts_pack(seed_pack: Pack) -> Pack:
    return rich_seed(seed_pack)


@pytest.fixture(scope="session")
def multi_facts_pack(multi_pack: Pack) -> Pack:
    return rich_multi(multi_pack)


@pytest.fixture(scope="session")
def hostile() -> Pack:
    return hostile_pack()


@pytest.fixture(scope="session")
def arabic() -> Pack:
    return arabic_pack()


@pytest.fixture(scope="session")
def seed_epub(seed_facts_pack: Pack, default_theme: Theme) -> bytes:
    return render(seed_facts_pack, default_theme)


@pytest.fixture(scope="session")
def multi_epub(multi_facts_pack: Pack, default_theme: Theme) -> bytes:
    return render(multi_facts_pack, default_theme)


@pytest.fixture(scope="session")
def hostile_epub(hostile: Pack, default_theme: Theme) -> bytes:
    return render(hostile, default_theme)


@pytest.fixture(scope="session")
def seed_book(seed_epub: bytes) -> Book:
    return Book.open(seed_epub)


@pytest.fixture(scope="session")
def multi_book(multi_epub: bytes) -> Book:
    return Book.open(multi_epub)


@pytest.fixture(scope="session")
def hostile_book(hostile_epub: bytes) -> Book:
    return Book.open(hostile_epub)


@pytest.fixture(scope="session", params=["seed", "multi", "hostile"])
def any_book(request: pytest.FixtureRequest) -> Book:
    book: Book = request.getfixturevalue(f"{request.param}_book")
    return book
