"""Packs for the EPUB tests: the seed with key facts, a multi-article pack with
pack facts, and a pack of hostile text (markup, control characters, RTL)."""

from __future__ import annotations

import dataclasses

from docexport.model import (
    STANDFIRST_ID,
    Article,
    BlockQuote,
    CodeBlock,
    DateFact,
    Figure,
    Heading,
    Link,
    ListBlock,
    Organisation,
    Pack,
    Paragraph,
    Person,
    Place,
    Quote,
    Sentence,
    Source,
    Text,
    plain_text,
)


def _sentence_with(article: Article, needle: str) -> str:
    for s in article.sentences:
        if needle in s.text:
            return s.id
    raise AssertionError(f"no sentence contains {needle!r}")


def seed_facts(article: Article) -> Article:
    """The seed's key facts as issue 2 lists them, each pointing at its sentence."""
    at = lambda needle: _sentence_with(article, needle)  # noqa: E731
    facts = (
        Person(
            id="f1",
            text="William Ruto",
            role="President of Kenya",
            sentence=at("In Nairobi, President William Ruto"),
            featured=True,
        ),
        Person(
            id="f2",
            text="Garry Conille",
            role="Prime Minister of Haiti",
            sentence=at("talks with Haiti Prime Minister Garry Conille"),
            featured=True,
        ),
        Organisation(
            id="f3",
            text="Multinational Security Support Mission",
            acronym="MSS",
            sentence=at("Multinational Security Support (MSS)"),
            featured=True,
        ),
        Organisation(
            id="f4",
            text="United Nations",
            acronym="UN",
            sentence=at("by the United Nations"),
            featured=True,
        ),
        Organisation(
            id="f5",
            text="Haitian National Police",
            sentence=at("Haitian National Police"),
            featured=True,
        ),
        Place(id="f6", text="Kenya", sentence=at("Kenya is set to deploy"), featured=True),
        Place(id="f7", text="Nairobi", sentence=at("In Nairobi"), featured=True),
        Figure(
            id="f8",
            text="600",
            label="additional Kenyan police officers",
            value=600,
            sentence=at("additional 600 police officers to Haiti"),
            featured=True,
        ),
        Figure(
            id="f9",
            text="12 million",
            label="citizens oppressed by gangs",
            sentence=at("12 million citizens"),
            featured=True,
        ),
        DateFact(id="f10", text="2025-2027", sentence=at("2025-2027"), featured=True),
        Quote(
            id="f11",
            text="…this is a battle we can win if our friends stand resolute "
            "in solidarity with Haiti.",
            speaker="William Ruto",
            sentence=at("battle we can win"),
            featured=True,
        ),
        Quote(
            id="f12",
            text="To achieve lasting change, we must invest in economic growth "
            "and social connectivity.",
            speaker="William Ruto",
            sentence=at("lasting change"),
            featured=False,
        ),
    )
    return dataclasses.replace(article, facts=facts, published="2024-11-03")


def rich_seed(seed_pack: Pack) -> Pack:
    return dataclasses.replace(
        seed_pack, articles=(seed_facts(seed_pack.articles[0]),), date="2024-11-04"
    )


def rich_multi(multi_pack: Pack) -> Pack:
    """The conftest multi pack with the seed's facts, a pack summary and pack facts."""
    first = seed_facts(multi_pack.articles[0])
    second = multi_pack.articles[1]
    valencia = Place(
        id="v1",
        text="Valencia",
        featured=True,
        sentence=_sentence_with(second, "regional government of Valencia"),
    )
    mayor = Person(
        id="v2",
        text="María José Catalá",
        role="Mayor",
        featured=True,
        sentence=_sentence_with(second, "Mayor María José Catalá"),
    )
    second = dataclasses.replace(second, facts=(valencia, mayor))
    articles = (first, second, *multi_pack.articles[2:])
    return dataclasses.replace(
        multi_pack,
        articles=articles,
        summary=(
            "Kenya will send 600 more police officers to Haiti.",
            "Valencia's new flood barriers are ready.",
            "A multilingual note closes the pack.",
        ),
        facts=(*first.facts[:4], valencia, mayor),
    )


HOSTILE_HEADLINE = "<script>alert('x')</script> & ]]> \x01\x0b Bold \"claims\" <b>here</b>"
LONG_WORD = "x" * 3000
ARABIC = "قال الرئيس إن البعثة ستستمر. وأضاف أن الشرطة جاهزة."
HEBREW = "ראש הממשלה אמר שהמשימה תימשך."


def _hostile_article() -> Article:
    body_text = (
        "Markup <script>document.write('x')</script> & entities &amp; &lt; stay text. "
        "A CDATA end ]]> and a comment <!-- x --> too. "
        "Controls \x00\x07\x1b\x7f\x85 and a lone surrogate \ud800 vanish. "
    )
    long_paragraph = ("This is a very long paragraph sentence number one. " * 2500) + LONG_WORD
    sentences = (
        Sentence(id="a1 s<1>", block=STANDFIRST_ID, start=0, end=10, text="x"),
        Sentence(id="a1s2", block="p1", start=0, end=75, text="Markup"),
        Sentence(id="a1s2", block="p1", start=76, end=120, text="dup id"),  # duplicate id
        Sentence(id="a1s3", block="list", start=0, end=5, text="one"),
        Sentence(id="a1s4", block="list", start=6, end=11, text="two"),
        Sentence(id="a1s5", block="code", start=0, end=5, text="code"),
        Sentence(id="a1s6", block="nowhere", start=0, end=5, text="lost"),
        Sentence(id="a1s7", block="q1", start=0, end=8, text="quote"),
    )
    facts = (
        Person(
            id="bad id <1>",
            text='<Eve & "Mallory">',
            role="]]> role",
            sentence="a1 s<1>",
            featured=True,
        ),
        Organisation(id="o", text="", sentence="a1s2", featured=True),  # empty text
        Place(id="p", text="Place \x0b\x01", sentence="a1s6", featured=True),  # unanchored
        Quote(
            id="q", text="<q>quoted</q>", speaker="<i>Speaker</i>", sentence="a1s7", featured=True
        ),
        Figure(id="n", text="42", label="answers", sentence="a1s3", featured=True),
        DateFact(id="d", text="2024", sentence=None, featured=True),
    )
    body = (
        Heading(id="h", level=4, inlines=(Text(text="Deep <heading> & ]]>"),)),
        Paragraph(
            id="p1",
            inlines=(
                Text(text=body_text),
                Link(text="a javascript link", url="javascript:alert(1)"),
                Text(text=" and "),
                Link(
                    text="a good <link>",
                    url="https://example.org/a b?q=<x>&y=1#frag ment",
                    marks=("strong",),
                ),
                Text(text=" and emphasis", marks=("emphasis", "strong")),
                Text(text=" and code <x/>", marks=("code",)),
            ),
        ),
        Paragraph(id="p1", inlines=(Text(text="Same block id again. Second."),)),  # duplicate
        BlockQuote(
            id="q1", inlines=(Text(text="Quoted <text> & more"),), speaker="<b>Speaker</b> & co"
        ),
        ListBlock(
            id="list", items=((Text(text="one <1>"),), (Text(text="two & 2"),)), ordered=True
        ),
        CodeBlock(id="code", text="if a < b && c > d:\n    print(']]>')\n<![CDATA[ x ]]>"),
        Paragraph(id="rtl", inlines=(Text(text=ARABIC),)),
        Paragraph(id="long", inlines=(Text(text=long_paragraph),)),
        Paragraph(id="bg", role="background", inlines=(Text(text="Background & history."),)),
        Paragraph(id="nt", role="note", inlines=(Text(text="A note."),)),
        Paragraph(id="cl", role="closing", inlines=(Text(text="Closing words."),)),
    )
    return Article(
        headline=HOSTILE_HEADLINE,
        standfirst="Standfirst <with> & markup ]]> \x0c",
        source=Source(name="<Evil & Co>", url="https://example.com/news?id=1&x=<2>"),
        published="not a date",
        authors=("Ann <Author>",),
        language="english!!",  # malformed: must not reach dc:language
        summary=("Point <one> & ]]>", "Point \x01two"),
        facts=facts,
        sentences=sentences,
        body=body,
    )


def _rtl_article(language: str, text: str, n: int) -> Article:
    headline = text.split(".")[0]
    return Article(
        headline=headline,
        standfirst=text,
        source=Source(name="مصدر" if language == "ar" else "מקור", url="javascript:void(0)"),
        published="2024-02-30",  # impossible date
        language=language,
        summary=(text,),
        sentences=(Sentence(id=f"r{n}s1", block="b1", start=0, end=len(text), text=text),),
        facts=(Place(id=f"r{n}", text=headline[:12], sentence=f"r{n}s1", featured=True),),
        body=(
            Paragraph(id="b1", inlines=(Text(text=text),)),
            Paragraph(id="b2", inlines=(Text(text="English words inside an RTL article."),)),
        ),
    )


def hostile_pack() -> Pack:
    articles = (_hostile_article(), _rtl_article("ar", ARABIC, 2), _rtl_article("he", HEBREW, 3))
    return Pack(
        title="Hostile <pack> & ]]>",
        articles=articles,
        date="2024-13-45",  # invalid
        marking="<OFFICIAL & SENSITIVE>",
        language="english!!",
        summary=("Summary <b>point</b>",),
        facts=articles[0].facts[:2],
    )


def arabic_pack() -> Pack:
    """A single Arabic article: the whole book runs right to left."""
    return Pack(
        title=ARABIC.split(".")[0], articles=(_rtl_article("ar", ARABIC, 1),), language="ar"
    )


__all__ = [
    "HOSTILE_HEADLINE",
    "arabic_pack",
    "hostile_pack",
    "plain_text",
    "rich_multi",
    "rich_seed",
]
