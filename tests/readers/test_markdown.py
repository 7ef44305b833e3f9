"""The Markdown reader: YAML front matter and a CommonMark body into the model."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import docexport
from docexport.errors import DocexportWarning, InputError
from docexport.model import (
    BlockQuote,
    CodeBlock,
    Heading,
    Link,
    ListBlock,
    Paragraph,
    Text,
    plain_text,
)
from docexport.readers import Reading, read_bytes
from docexport.readers.markdown import read_markdown

MD = Path(__file__).resolve().parent.parent / "fixtures" / "markdown"


def _read(data: bytes) -> Reading:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_markdown(data, name="note.md")


def test_front_matter_and_every_block_kind() -> None:
    with pytest.warns(DocexportWarning, match="table"):
        reading = read_markdown((MD / "analyst-note.md").read_bytes(), name="note.md")
    assert reading.marking == "OFFICIAL"
    (a,) = reading.articles
    assert a.headline == "Kenyan-led police mission lands in Haiti"
    assert a.source.name == "Analyst desk"
    assert a.source.url == "https://example.org/notes/haiti-mss"
    assert a.published == "2024-06-25"
    assert a.authors == ("Jane Doe", "John Roe")
    assert a.language == "en-GB"
    assert a.tags == ("haiti", "kenya", "security")
    # A paragraph set entirely in emphasis right under the title is the standfirst.
    assert a.standfirst == (
        "The first 400 Kenyan officers of the Multinational Security Support mission arrived "
        "in Port-au-Prince."
    )
    kinds = [type(b).__name__ for b in a.body]
    assert kinds[:3] == ["Heading", "Paragraph", "Heading"]
    h1 = a.body[0]
    assert isinstance(h1, Heading) and h1.level == 1  # with a title, the '# ' stays in the body
    p = a.body[1]
    assert isinstance(p, Paragraph)
    assert plain_text(p.inlines).startswith("The officers landed on Tuesday at Toussaint")
    assert Text(text="Tuesday", marks=("strong",)) in p.inlines
    assert Text(text="MSS", marks=("code",)) in p.inlines
    link = next(i for i in p.inlines if isinstance(i, Link))
    assert (link.text, link.url) == (
        "mission statement",
        "https://example.org/statements/2024-06-25",
    )
    lists = [b for b in a.body if isinstance(b, ListBlock)]
    assert [len(x.items) for x in lists] == [4, 2]
    assert not lists[0].ordered and lists[1].ordered
    assert plain_text(lists[0].items[2]) == "including the main fuel terminal"  # nested item kept
    assert Text(text="Haitian National Police", marks=("emphasis",)) in lists[0].items[0]
    quote = next(b for b in a.body if isinstance(b, BlockQuote))
    assert plain_text(quote.inlines).startswith('"We are here to restore order,"')
    code = next(b for b in a.body if isinstance(b, CodeBlock))
    assert code.text == "MSS strength (planned): 2,500"
    rows = [plain_text(b.inlines) for b in a.body if isinstance(b, Paragraph)]
    assert "Country | Officers" in rows and "Kenya | 400" in rows
    roles = {plain_text(b.inlines)[:20]: b.role for b in a.body if isinstance(b, Paragraph)}
    assert roles["In summary, the depl"] == "closing"
    assert roles["The mission was esta"] == "background"
    ids = [b.id for b in a.body]
    assert len(ids) == len(set(ids))
    prov = dict(a.provenance)
    assert prov["headline"] == "front matter 'title'"
    assert prov["standfirst"] == "first paragraph, set entirely in emphasis/strong"


def test_h1_is_the_headline_without_front_matter() -> None:
    (a,) = _read((MD / "plain-heading.md").read_bytes()).articles
    assert a.headline == "Council approves the new budget"
    assert a.standfirst is None  # an ordinary first paragraph is never taken as standfirst
    assert [type(b) for b in a.body] == [Paragraph, Paragraph, Paragraph]
    assert dict(a.provenance)["headline"] == "first heading (level 1)"


def test_standfirst_true_takes_the_first_paragraph() -> None:
    (a,) = _read((MD / "standfirst-true.md").read_bytes()).articles
    assert a.standfirst.startswith("Dockworkers accepted a new pay offer")  # type: ignore[union-attr]
    assert plain_text(a.body[0].inlines).startswith("The union said")  # type: ignore[union-attr]
    assert a.published == "2024-02-01T09:30:00+01:00"
    assert a.authors == ("Ana Lima", "Tomás Ruiz")
    assert a.language == "pt"


def test_markdown_becomes_a_pack_with_marking() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pack = docexport.load(MD / "analyst-note.md")
    assert pack.marking == "OFFICIAL"
    assert pack.articles[0].sentences


def test_crlf_bom_and_raw_html_stay_text() -> None:
    data = "\ufeff# Title\r\n\r\nA <script>alert(1)</script> line & more.\r\n".encode()
    (a,) = _read(data).articles
    assert a.headline == "Title"
    assert plain_text(a.body[0].inlines) == "A <script>alert(1)</script> line & more."  # type: ignore[union-attr]


def test_images_are_dropped_and_unsafe_links_become_text() -> None:
    data = b"# T\n\nSee ![chart](http://198.51.100.1/x.png) and [click](javascript:alert(1)).\n"
    (a,) = _read(data).articles
    p = a.body[0]
    assert isinstance(p, Paragraph)
    text = plain_text(p.inlines)
    assert text.startswith("See and ") and "198.51.100.1" not in text and "chart" not in text
    assert "click" in text  # markdown-it refuses the javascript: link: it stays visible text
    assert not any(isinstance(i, Link) for i in p.inlines)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: [unclosed\n---\nBody\n", "not valid YAML"),
        ("---\ntitle: T\nBody without end\n", "no closing '---'"),
        ("---\n- a\n- b\n---\nBody\n", "must be a mapping"),
        ("---\ntitle: {a: 1}\n---\nBody\n", "'title' must be text"),
        ("---\ntitle: T\ndate: soon\n---\nBody\n", "is not a date"),
        ("---\ntitle: T\nlanguage: '!!'\n---\nBody\n", "is not a language tag"),
        ("---\ntitle: T\ntags: 3\n---\nBody\n", "'tags' must be a list"),
        ("Just a paragraph, no heading.\n", "no headline"),
        ("# Only a title\n", "no body"),
    ],
)
def test_bad_input_is_a_one_line_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        _read(text.encode())
    assert "\n" not in str(err.value)


def test_unknown_front_matter_keys_warn() -> None:
    with pytest.warns(DocexportWarning, match="ignored: colour"):
        read_markdown(b"---\ntitle: T\ncolour: red\n---\nBody.\n", name="x.md")


def test_yaml_alias_bomb_is_harmless() -> None:
    bomb = (
        "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "tags: *i\ntitle: Bomb\n---\nBody.\n"
    )
    with pytest.raises(InputError, match="'tags'"):
        _read(bomb.encode())  # tags of lists are refused, never expanded into text


def test_markdown_sniffed_and_forced() -> None:
    data = (MD / "plain-heading.md").read_bytes()
    assert (
        read_bytes(data, name="note.md").articles[0].headline == "Council approves the new budget"
    )
    forced = read_bytes(data, name="note.txt", input_format="markdown")
    assert forced.articles[0].headline == "Council approves the new budget"
