"""Input kind by content first, then by extension; --input-format forces it."""

from __future__ import annotations

import pytest

from docexport.errors import InputError
from docexport.readers import read_bytes, sniff


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", "page.txt", "html"),
        (b"\xef\xbb\xbf  <html lang=en><head></head></html>", "noext", "html"),
        (
            b"<!-- saved from url --><html><head><link type='application/rss+xml'></head>",
            "x",
            "html",
        ),
        (b"<?xml version='1.0'?><rss version='2.0'><channel/></rss>", "feed.txt", "feed"),
        (b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "x", "feed"),
        (b"<rdf:RDF xmlns:rdf='x'></rdf:RDF>", "x", "feed"),
        ("<rss version='2.0'></rss>".encode("utf-16"), "x", "feed"),
        (
            b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head/></html>",
            "p.xhtml",
            "html",
        ),
        (b'{"headline": "H", "body": "B"}', "x", "json"),
        (b"---\ntitle: T\n---\nBody", "note", "markdown"),
        (b"# Title\n\nBody", "note", "markdown"),
        (b"Headline\n\nBody text.", "note.md", "markdown"),
        (b"Headline\n\nBody text.", "story.txt", "text"),
        (b"Headline\n\nBody text.", "story", "text"),
    ],
)
def test_sniff(data: bytes, name: str, kind: str) -> None:
    assert sniff(data, name) == kind


def test_input_format_forces_the_reader() -> None:
    html = b"<html><head><title>Forced</title></head><body>" + b"<p>Words of the story.</p>" * 5
    assert read_bytes(html, name="x.html").articles[0].headline == "Forced"
    text = read_bytes(html, name="x.html", input_format="text").articles[0]
    assert text.headline.startswith("<html>")  # read as plain text, nothing interpreted
    with pytest.raises(InputError, match="unknown input format"):
        read_bytes(html, name="x", input_format="pdf")
