"""Content documents and nav: order, languages, headings, the linked key facts."""

from __future__ import annotations

import itertools

from docexport.model import Pack
from docexport.renderers import briefing
from docexport.themes import Theme

from .conftest import NS, XML_LANG, Book


def test_spine_order_single(seed_book: Book) -> None:
    assert seed_book.spine == ["cover.xhtml", "a1-summary.xhtml", "a1.xhtml"]


def test_spine_order_multi(multi_book: Book) -> None:
    assert multi_book.spine == [
        "cover.xhtml",
        "summary.xhtml",
        "nav.xhtml",
        "a1-summary.xhtml",
        "a1.xhtml",
        "a2-summary.xhtml",
        "a2.xhtml",
        "a3-summary.xhtml",
        "a3.xhtml",
    ]


def test_every_document_has_matching_lang_and_xml_lang(any_book: Book) -> None:
    for href, doc in any_book.docs.items():
        lang, xml_lang = doc.get("lang"), doc.get(XML_LANG)
        assert lang and lang == xml_lang, href
        for el in doc.xpath("//*[@lang or @xml:lang]"):
            assert el.get("lang") == el.get(XML_LANG), href
        assert doc.xpath("string(//h:head/h:title)", namespaces=NS).strip(), href


def test_cover_is_image_free_with_title_date_source(seed_book: Book) -> None:
    cover = seed_book.docs["cover.xhtml"]
    assert cover.xpath("//h:body/@epub:type", namespaces=NS) == ["cover"]
    assert not cover.xpath("//h:img | //h:svg", namespaces=NS)
    text = seed_book.text("cover.xhtml")
    assert "President Ruto Urges Global Community" in text
    assert "3 November 2024" in text
    assert "allafrica.com" in text


def test_summary_chapter(seed_book: Book, seed_facts_pack: Pack, default_theme: Theme) -> None:
    article = seed_facts_pack.articles[0]
    doc = "a1-summary.xhtml"
    assert seed_book.x(doc, "string(//h:h1)") == article.headline
    said = briefing.brief(seed_facts_pack, default_theme)
    assert seed_book.x(doc, "string(//h:p[@class='meta'])") == said.meta(said.pack.articles[0])
    assert seed_book.x(doc, "string(//h:p[@class='standfirst'])") == article.standfirst
    points = [str(p) for p in seed_book.x(doc, "//h:ul[@class='summary-list']/h:li/text()")]
    assert points == list(article.summary)
    aside = seed_book.x(doc, "//h:aside[@class='key-facts']")
    assert len(aside) == 1
    assert aside[0].xpath("string(h:h2)", namespaces=NS) == default_theme.box.title
    labels = [str(t) for t in aside[0].xpath("h:h3/text()", namespaces=NS)]
    assert labels == ["People", "Organisations", "Places", "Figures", "Dates", "Quote"]
    text = "".join(aside[0].itertext())
    for fact in (
        "William Ruto",
        "President of Kenya",
        "Garry Conille",
        "Prime Minister of Haiti",
        "Multinational Security Support Mission (MSS)",
        "United Nations (UN)",
        "Haitian National Police",
        "Kenya",
        "Haiti",
        "Nairobi",
        "600",
        "additional Kenyan police officers",
        "12 million",
        "2025-2027",
        "battle we can win",
    ):
        assert fact in text
    assert "lasting change" not in text  # not featured: the box shows the leading quote only


def test_every_fact_links_to_its_sentence_and_back(any_book: Book) -> None:
    checked = 0
    for href in any_book.docs:
        for a in any_book.x(href, "//h:aside[@class='key-facts']//h:li/h:a"):
            target_doc, frag = any_book.resolve(href, a.get("href"))
            assert frag is not None
            assert frag in any_book.ids(target_doc), (href, a.get("href"))
            checked += 1
        for back in any_book.x(href, "//h:a[@class='backlink']"):
            target_doc, frag = any_book.resolve(href, back.get("href"))
            assert frag in any_book.ids(target_doc)
            fact = any_book.x(target_doc, f"//h:li[@id='{frag}']")
            assert fact, "a back link lands on a key fact"
            assert back.get("aria-label")
    assert checked > 0


def test_fact_link_lands_at_the_start_of_its_sentence(
    seed_book: Book, seed_facts_pack: Pack
) -> None:
    article = seed_facts_pack.articles[0]
    link = seed_book.x("a1-summary.xhtml", "//h:li[h:a='Garry Conille']/h:a/@href")[0]
    doc, frag = seed_book.resolve("a1-summary.xhtml", link)
    span = seed_book.x(doc, f"//*[@id='{frag}']")[0]
    following = "".join(span.xpath("following::text()"))
    sentence = next(s for s in article.sentences if "talks with Haiti Prime Minister" in s.text)
    assert following.startswith(sentence.text)


def test_no_duplicate_ids(any_book: Book) -> None:
    for href in any_book.docs:
        ids = any_book.ids(href)
        assert len(ids) == len(set(ids)), href


def test_article_chapter_structure(seed_book: Book, seed_facts_pack: Pack) -> None:
    doc = "a1.xhtml"
    article = seed_facts_pack.articles[0]
    assert seed_book.x(doc, "string(//h:h1)") == article.headline
    assert seed_book.x(doc, "//h:section/@epub:type") == ["chapter"]
    assert seed_book.x(doc, "string(//h:p[@class='standfirst'])").startswith(
        article.standfirst[:40]
    )
    assert seed_book.x(doc, "string(//h:h2[@id='sec-background'])") == "Background"
    assert seed_book.x(doc, "//h:h2[@id='sec-background']/following-sibling::h:p[1]/@class") == [
        "background"
    ]
    assert seed_book.x(doc, "//h:p[@class='closing']")
    assert seed_book.x(doc, "string(//h:p[@class='attribution'])") == "Source: allafrica.com"
    body = seed_book.text(doc)
    for block in article.body:
        assert "".join(i.text for i in block.inlines)[:200] in body  # type: ignore[union-attr]


def test_attribution_links_the_source(multi_book: Book) -> None:
    links = multi_book.x("a3.xhtml", "//h:p[@class='attribution']/h:a/@href")
    assert links == ["https://example.net/news/1"]


def test_headings_never_skip_a_level(any_book: Book) -> None:
    for href, doc in any_book.docs.items():
        levels = [
            int(h.tag[-1])
            for h in doc.iter()
            if isinstance(h.tag, str)
            and h.tag.startswith("{http://www.w3.org/1999/xhtml}h")
            and h.tag[-1].isdigit()
            and len(h.tag.rsplit("}", 1)[1]) == 2
        ]
        if not levels:
            continue
        assert levels[0] == 1, href
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (href, levels)


def test_links_have_text(any_book: Book) -> None:
    for href in any_book.docs:
        for a in any_book.x(href, "//h:a[@href]"):
            assert "".join(a.itertext()).strip() or a.get("aria-label"), href


def test_nav_lists_every_article_and_section(multi_book: Book, multi_facts_pack: Pack) -> None:
    nav = multi_book.nav
    toc = nav.xpath("//h:nav[@epub:type='toc']", namespaces=NS)[0]
    hrefs = [str(h) for h in toc.xpath(".//h:a/@href", namespaces=NS)]
    titles = [str(t) for t in toc.xpath(".//h:a/text()", namespaces=NS)]
    for n, article in enumerate(multi_facts_pack.articles, start=1):
        assert article.headline in titles
        assert f"a{n}-summary.xhtml" in hrefs
        assert f"a{n}.xhtml" in hrefs
    assert "a1.xhtml#sec-background" in hrefs
    for href in hrefs:
        doc, frag = multi_book.resolve(multi_book.nav_href, href)
        assert doc in multi_book.docs
        assert frag is None or frag in multi_book.ids(doc)
    # every heading of every chapter is in the toc
    for n in range(1, 4):
        for hid in multi_book.x(f"a{n}.xhtml", "//h:h2/@id | //h:h3/@id"):
            assert f"a{n}.xhtml#{hid}" in hrefs


def test_nav_landmarks(seed_book: Book, multi_book: Book) -> None:
    for book in (seed_book, multi_book):
        marks = book.nav.xpath("//h:nav[@epub:type='landmarks']//h:a", namespaces=NS)
        kinds = {a.get("{http://www.idpf.org/2007/ops}type"): a.get("href") for a in marks}
        assert kinds["cover"] == "cover.xhtml"
        assert kinds["bodymatter"] in book.spine
        assert all(h.split("#")[0] in book.spine for h in kinds.values())
    assert "toc" in {
        a.get("{http://www.idpf.org/2007/ops}type")
        for a in multi_book.nav.xpath("//h:nav[@epub:type='landmarks']//h:a", namespaces=NS)
    }


def test_ncx_mirrors_the_nav(multi_book: Book) -> None:
    ncx = next(f for f in multi_book.files if f.endswith(".ncx"))
    from lxml import etree

    tree = etree.fromstring(multi_book.files[ncx])
    labels = [str(t) for t in tree.xpath("//ncx:navLabel/ncx:text/text()", namespaces=NS)]
    assert "Flood defences completed in Valencia" in labels
    assert "Background" in labels


def test_multi_pack_summary(multi_book: Book, multi_facts_pack: Pack) -> None:
    doc = "summary.xhtml"
    assert multi_book.x(doc, "string(//h:h1)") == multi_facts_pack.title
    assert multi_book.x(doc, "string(//h:p[@class='marking'])") == "OFFICIAL"
    points = [str(p) for p in multi_book.x(doc, "//h:ul[@class='summary-list']/h:li/text()")]
    assert points == list(multi_facts_pack.summary)
    box = "".join(multi_book.x(doc, "//h:aside")[0].itertext())
    assert "William Ruto" in box and "María José Catalá" in box
    # a pack fact links into the right article's chapter
    link = multi_book.x(doc, "//h:li[h:a='Valencia']/h:a/@href")[0]
    assert link.startswith("a2.xhtml#")
    # every article has its own summary page with its own box
    assert multi_book.x("a2-summary.xhtml", "//h:aside[@class='key-facts']")
    # the multilingual article's documents carry their own language
    assert multi_book.docs["a3.xhtml"].get("lang") == (
        multi_facts_pack.articles[2].language or "en"
    )


def test_articles_reusing_sentence_ids_link_into_their_own_chapter(
    seed_facts_pack: Pack, default_theme: Theme
) -> None:
    from .conftest import render

    article = seed_facts_pack.articles[0]
    twice = Pack(title="Twice", articles=(article, article), facts=article.facts[:2])
    book = Book.open(render(twice, default_theme))
    for n in (1, 2):
        links = book.x(f"a{n}-summary.xhtml", "//h:aside//h:a/@href")
        assert links and all(link.startswith(f"a{n}.xhtml#") for link in links)
        backs = book.x(f"a{n}.xhtml", "//h:a[@class='backlink']/@href")
        assert backs and all(b.startswith(f"a{n}-summary.xhtml#") for b in backs)
    assert all(h.startswith("a1.xhtml#") for h in book.x("summary.xhtml", "//h:aside//h:a/@href"))


def test_attribution_shows_the_url_decoded(seed_facts_pack: Pack, default_theme: Theme) -> None:
    import dataclasses

    from docexport.model import Source

    from .conftest import render

    url = "https://de.wikinews.org/wiki/Dresden_w%C3%A4hlt"
    article = dataclasses.replace(seed_facts_pack.articles[0], source=Source(url=url))
    book = Book.open(
        render(dataclasses.replace(seed_facts_pack, articles=(article,)), default_theme)
    )
    link = book.x("a1.xhtml", "//h:p[@class='attribution']/h:a")[0]
    assert link.get("href") == url
    assert link.text == "https://de.wikinews.org/wiki/Dresden_wählt"
