"""The plain-text (seed format) reader: structure, roles, encodings, clean-up."""

from __future__ import annotations

import codecs

import pytest

import docexport
from docexport.errors import InputError
from docexport.model import Paragraph, plain_text
from docexport.readers import read_bytes, sniff
from docexport.readers.decode import decode

SAMPLE = (
    "Headline here\n"
    "A standfirst that sums it up.\n"
    "The body paragraph with “curly quotes” and café.\n"
    "The agency was established to address floods in 1990.\n"
    "In summary, things happened.\n"
    "Original Source: example.org\n"
)


def _article(data: bytes):  # type: ignore[no-untyped-def]
    reading = read_bytes(data, name="x.txt")
    assert len(reading.articles) == 1
    return reading.articles[0]


def test_seed_structure(seed_path) -> None:  # type: ignore[no-untyped-def]
    a = _article(seed_path.read_bytes())
    assert a.headline == "President Ruto Urges Global Community to Support Haiti Security Mission"
    assert a.standfirst and a.standfirst.startswith("President William Ruto has called")
    assert a.source.name == "allafrica.com"
    roles = [b.role for b in a.body if isinstance(b, Paragraph)]
    assert roles == ["body", "background", "closing"]
    # never drop text: every word of the file is in the model
    words = set(seed_path.read_text(encoding="utf-8").split()) - {
        "Original",
        "Source:",
        "allafrica.com",
    }
    model_words = set(
        (
            a.headline
            + " "
            + (a.standfirst or "")
            + " "
            + " ".join(plain_text(b.inlines) for b in a.body)
        ).split()  # type: ignore[union-attr]
    )
    assert words <= model_words


def test_roles_and_source() -> None:
    a = _article(SAMPLE.encode())
    assert a.headline == "Headline here"
    assert a.standfirst == "A standfirst that sums it up."
    assert [b.role for b in a.body] == ["body", "background", "closing"]  # type: ignore[union-attr]
    assert a.source.name == "example.org"


def test_source_url_line() -> None:
    a = _article(b"Title\nOne.\nTwo.\nOriginal Source: https://example.org/x\n")
    assert a.source.url == "https://example.org/x" and a.source.name is None


def test_blank_line_separated_and_hard_wrapped_paragraphs() -> None:
    text = "Title\n\nFirst para\ncontinues here.\n\nSecond para\nalso wrapped.\n\nThird.\n"
    a = _article(text.encode())
    assert a.standfirst == "First para continues here."
    assert [plain_text(b.inlines) for b in a.body] == ["Second para also wrapped.", "Third."]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
def test_encodings(encoding: str) -> None:
    text = SAMPLE.replace("\n", "\r\n")
    data = text.encode(encoding)
    a = _article(data)
    assert "“curly quotes” and café" in plain_text(a.body[0].inlines)  # type: ignore[union-attr]


def test_nfc_and_illegal_characters_removed() -> None:
    text = "Cafe\u0301 news\nStand\x00first\x07 here.\nBody \x1b[31m with \ud800 junk\x85.\n"
    decoded = decode(text.encode("utf-8", "surrogatepass"))
    assert "\x00" not in decoded and "\x07" not in decoded and "\x85" not in decoded
    assert decoded.startswith("Café news")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 20, "binary"),
        (("word " * 100).encode(), "no headline"),
    ],
)
def test_bad_inputs_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_bytes(data, name="bad.txt", input_format="text")


def test_sniffing() -> None:
    assert sniff(b"Headline\nBody", "a.txt") == "text"
    assert sniff(b'{"articles": []}', "a.txt") == "json"
    assert sniff(b"<!DOCTYPE html><html>", "page") == "html"
    assert sniff(b'<?xml version="1.0"?><rss version="2.0">', "feed") == "feed"
    assert sniff(b"---\ntitle: x\n---\n# Hi", "note") == "markdown"
    assert sniff(codecs.BOM_UTF8 + b"Headline", "a") == "text"


def test_title_case_lines_between_paragraphs_are_subheadings() -> None:
    from docexport.model import Heading, Paragraph
    from docexport.readers.text import parse_text

    article = parse_text(
        "Three cases closed\n"
        "The office announced the results of three cases today.\n"
        "1. Local Man Sentenced to 10 Years for Fraud\n"
        "A man was sentenced to 10 years in prison on Monday.\n"
        "Group F — Sweden 1 – 0 Korea Republic\n"
        "Sweden won with a penalty in the second half.\n"
        "Four counts of fraud: not guilty\n"
    )
    kinds = [type(b).__name__ for b in article.body]
    assert kinds == ["Heading", "Paragraph", "Heading", "Paragraph", "Paragraph"]
    assert all(b.level == 2 for b in article.body if isinstance(b, Heading))
    assert isinstance(article.body[-1], Paragraph)  # lower-case list line stays text
    pack = docexport.load_text(
        "Three cases closed\nThe office announced three results.\n"
        "1. Local Man Sentenced to 10 Years for Fraud\nA man was sentenced on Monday.\n"
    )
    points = " ".join(pack.articles[0].summary)
    assert "Local Man Sentenced" not in points
