"""The feed reader on real RSS 2.0, RSS 0.92 and Atom feeds (fixtures/pages/SOURCES.md):
one article per item, full content when the feed has it, else the summary with a note."""

from __future__ import annotations

from pathlib import Path

import pytest

import docexport
from docexport.errors import InputError
from docexport.model import Article, BlockQuote, Heading, Link, Paragraph, plain_text
from docexport.readers import read_bytes, sniff
from docexport.readers.feed import SUMMARY_NOTE, read_feed, strip_doctype

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"


def _paras(article: Article) -> list[str]:
    return [plain_text(b.inlines) for b in article.body if isinstance(b, Paragraph)]


def test_feeds_are_sniffed_by_content() -> None:
    for f in FEEDS.iterdir():
        assert sniff(f.read_bytes(), "download") == "feed"


def test_rss2_with_content_encoded_becomes_a_pack() -> None:
    pack = docexport.load(FEEDS / "medium-invironment.rss")
    assert pack.title == "Food in Invironment on Medium"
    assert len(pack.articles) == 3
    first, second, third = pack.articles
    assert first.headline == "THE CREATIVE FORAGER"
    assert first.authors == ("Jeremy Puma",)
    assert first.published == "2018-04-09T18:55:38Z"
    assert first.source.name == "Food in Invironment on Medium"
    assert first.source.url is not None and first.source.url.startswith(
        "https://medium.com/invironment/the-creative-forager-125af37d838f"
    )
    assert set(first.tags) == {"plants", "environment", "nature", "foraging", "food"}
    assert first.notes == ()  # full content: no summary note
    assert isinstance(first.body[0], Heading)
    assert plain_text(first.body[0].inlines) == "Using Wild Ingredients in the Kitchen"
    assert _paras(first)[0].startswith("Food is all around us, if you learn where to look")
    assert _paras(first)[-1].startswith("THE CREATIVE FORAGER was originally published in")
    quotes = [plain_text(b.inlines) for b in first.body if isinstance(b, BlockQuote)]
    assert len(quotes) == 5 and quotes[2].startswith("“BAAAAAAAAAAAAAAAAAAAA!”")
    assert second.headline == "Eight Reasons You Shouldn’t Grow Your Own Food"
    assert third.authors == ("Thuận Sarzynski",)
    assert isinstance(third.body[0], BlockQuote)
    assert plain_text(third.body[0].inlines).startswith("« Everything started from an unused")
    links = [i.url for b in third.body for i in getattr(b, "inlines", ()) if isinstance(i, Link)]
    assert "https://www.ed.ac.uk/news/2015/bees-110215" in links
    # The tracking pixels and pictures are gone; their URLs appear nowhere.
    body_text = " ".join(" ".join(_paras(a)) for a in pack.articles)
    assert "stat?event" not in body_text and "cdn-images" not in body_text
    # The analysis ran on every article, with sentence ids unique across the pack.
    ids = [s.id for a in pack.articles for s in a.sentences]
    assert ids and len(ids) == len(set(ids))


def test_atom_feed_becomes_a_pack() -> None:
    pack = docexport.load(FEEDS / "heise-developer.atom")
    assert pack.title == "heise developer neueste Meldungen"
    assert [a.headline for a in pack.articles][:2] == [
        "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei",
        "Scrum Day 2016: Bewerbungen für Vorträge und Workshops",
    ]
    assert len(pack.articles) == 5
    a = pack.articles[0]
    assert a.published == "2016-02-01T17:22:00+01:00"
    assert a.authors == ("heise online",)  # the feed's author, for items without one
    assert dict(a.provenance)["authors"] == "feed author"
    assert a.source.url == (
        "http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-"
        "frei-3088438.html?wt_mc=rss.developer.beitrag.atom"
    )
    assert _paras(a) == [
        "Die nun verfügbare Version 10 des Enterprise-Java-Servers stellt die Basis für Red Hats "
        "kommerzielle JBoss Enterprise Application Platform 7 ist zugleich das dritte größere "
        "Release seit dem Namenswechsel des Open-Source-Projekts."
    ]
    assert a.notes == ()
    assert a.standfirst is None  # the summary only repeats the content
    last = pack.articles[-1]
    assert '"Klasse"' in _paras(last)[0]  # &quot; in CDATA HTML decoded once


def test_summary_only_feed_says_so() -> None:
    reading = read_bytes((FEEDS / "oreilly-rss092.rss").read_bytes(), name="feed.rss")
    assert reading.title == "RSS0.92 Example"
    assert [a.headline for a in reading.articles] == ["The First Item", "The Second Item"]
    for a in reading.articles:
        note = a.body[0]
        assert isinstance(note, Paragraph) and note.role == "note"
        assert plain_text(note.inlines) == SUMMARY_NOTE
        assert a.notes == ("only a summary was available",)
        assert a.language == "en-GB"
        assert a.authors == ()  # <managingEditor> is an address, not a byline
        assert dict(a.provenance)["body"].startswith("item summary")
    assert _paras(reading.articles[0])[1] == "This is the first item."
    pack = docexport.load(FEEDS / "oreilly-rss092.rss")
    assert len(pack.articles) == 2


def test_rss1_rdf_feed() -> None:
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="http://example.org/"><title>RDF news</title><link>http://example.org/</link>
  <description>d</description></channel>
 <item rdf:about="http://example.org/1"><title>One</title><link>http://example.org/1</link>
  <description>First story text.</description><dc:date>2003-12-13T18:30:02Z</dc:date>
  <dc:creator>Ann Author</dc:creator></item>
</rdf:RDF>"""
    reading = read_bytes(rdf, name="x")
    (a,) = reading.articles
    assert (reading.title, a.headline, a.published, a.authors) == (
        "RDF news",
        "One",
        "2003-12-13T18:30:02Z",
        ("Ann Author",),
    )


def test_not_a_feed_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no feed items"):
        read_feed(b"<?xml version='1.0'?><root><a>1</a></root>")
    with pytest.raises(InputError, match="no feed items"):
        read_feed(b"")


def test_strip_doctype_removes_every_entity_declaration() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss/>'
    assert b"ENTITY" not in strip_doctype(data) and b"DOCTYPE" not in strip_doctype(data)
    broken = b'<!DOCTYPE rss [<!ENTITY x "y"> <rss><channel></channel></rss>'
    assert b"ENTITY" not in strip_doctype(broken)


def test_malformed_tag_flood_is_refused_quickly() -> None:
    import time

    from docexport.readers.feed import MAX_LOOSE_TAGS

    flood = b"<x>" * (MAX_LOOSE_TAGS + 1)
    data = b"<rss version='2.0'><channel><title>D</title><item><title>t</title><description>"
    start = time.perf_counter()
    with pytest.raises(InputError, match="not well-formed XML and too large"):
        read_feed(data + flood + b"</description></item></channel></rss>")
    assert time.perf_counter() - start < 2


def test_malformed_small_feed_is_still_read() -> None:
    data = b"<rss version='2.0'><channel><title>Loose & broken</title><item><title>One</title>"
    data += b"<description>Text with <b>unclosed markup</description></item></channel></rss>"
    (a,) = read_feed(data).articles
    assert a.headline == "One"


@pytest.mark.parametrize(
    ("author", "authors"),
    [
        ("Staff and agencies", ("Staff and agencies",)),
        ("Guardian staff and agencies", ("Guardian staff and agencies",)),
        ("Jane Doe, Montreal, Quebec", ("Jane Doe",)),
        ("Montreal, Quebec", ("Montreal, Quebec",)),
        ("Jane Doe, New York", ("Jane Doe",)),
        ("Jane Doe (Reuters)", ("Jane Doe",)),
        ("By Jane Doe, John Roe and Max Mustermann", ("Jane Doe", "John Roe", "Max Mustermann")),
        ("Anna Schmidt und Jens Weber", ("Anna Schmidt", "Jens Weber")),
        ("Martin Untersinger (avec Damien Leloup et Morgane Tual)", None),
        ("Jane Doe and Madonna", ("Jane Doe and Madonna",)),
        ("Y. Tanaka & K. Sato", ("Y. Tanaka", "K. Sato")),
        ("Ludwig van Beethoven", ("Ludwig van Beethoven",)),
    ],
)
def test_a_byline_is_split_only_where_each_part_is_a_name(
    author: str, authors: tuple[str, ...] | None
) -> None:
    if authors is None:
        authors = ("Martin Untersinger", "Damien Leloup", "Morgane Tual")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>One</title><link>https://example.org/1</link>"
        f"<author>{author}</author><description>Text of the item.</description></item>"
        "</channel></rss>"
    ).encode()
    (a,) = read_feed(feed).articles
    assert a.authors == authors


def test_the_summary_note_is_in_the_feeds_language_in_every_format() -> None:
    """docexport's own note goes through the label catalogue, like "Summary"."""
    from tests.readback import TEXT_OF

    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Nachrichten'
        "</title><language>de</language><item><title>Sturm in Hamburg</title>"
        "<link>https://example.de/a1</link><description>Ein schwerer Sturm hat am Montag in "
        "Hamburg Bäume entwurzelt. Die Feuerwehr rückte zu 300 Einsätzen aus.</description>"
        "</item></channel></rss>"
    ).encode()
    pack = docexport.load(feed)
    german = "Im Feed stand nur eine Zusammenfassung dieses Artikels"
    for fmt, text_of in TEXT_OF.items():
        text = " ".join(text_of(docexport.render(pack, fmt)).split())
        assert german in text, fmt
        assert "Only a summary" not in text and "only a summary" not in text, fmt
    # The model keeps the catalogue's message: an English pack reads it as written.
    assert plain_text(pack.articles[0].body[0].inlines) == SUMMARY_NOTE
