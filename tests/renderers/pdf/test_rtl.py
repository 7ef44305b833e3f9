"""Right-to-left text in the PDF: lines in logical order, words and letters set
right to left and joined, a text layer in base letters that pdftotext reads in
order, and each article's language marked."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import docexport
from docexport.renderers.pdf.rl_adapter import log2vis
from tests.conftest import require_tool
from tests.crossread import pdftotext

RENDER = Path(__file__).resolve().parents[2] / "fixtures" / "render"
PRESENTATION_FORMS = re.compile("[\ufb1d-\ufdff\ufe70-\ufeff]")


def words(text: str) -> list[str]:
    return re.sub("[\u200e\u200f\u202a-\u202e]", "", text).split()


@pytest.mark.parametrize("name", ["ar-port.md", "he-rail.md"])
def test_headline_reads_in_order_on_the_first_line(name: str) -> None:
    require_tool("pdftotext")
    pack = docexport.load(RENDER / name)
    text = pdftotext(docexport.render(pack, "pdf"))
    headline = words(pack.articles[0].headline)
    first = words(text.splitlines()[0])
    # The headline wraps: its first line holds its first words, in order.
    assert len(first) >= 3 and first == headline[: len(first)], (first, headline)
    second = words(text.splitlines()[1])
    assert first + second == headline
    # Base letters, never presentation forms, so a search finds the words.
    assert not PRESENTATION_FORMS.search(text)
    body = pack.articles[0].body[0]
    assert " ".join(words(body.inlines[0].text)[:6]) in " ".join(words(text))  # type: ignore[union-attr]


def test_arabic_vowel_marks_survive() -> None:
    """ "Published" in Arabic carries a damma: it is drawn and in the text layer
    (pdftotext drops combining marks it cannot attach; pypdf keeps them)."""
    import io

    from pypdf import PdfReader

    pack = docexport.load(RENDER / "ar-port.md")
    reader = PdfReader(io.BytesIO(docexport.render(pack, "pdf")))
    text = unicodedata.normalize("NFC", reader.pages[0].extract_text())
    assert "\u064f" in text


def test_each_article_language_is_marked() -> None:
    from docexport.loading import build_pack
    from docexport.readers import Reading

    articles = tuple(docexport.load(RENDER / n).articles[0] for n in ("en-port.md", "ar-port.md"))
    pack = build_pack(Reading(articles=articles), title="Two", analyse=False)
    data = docexport.render(pack, "pdf")
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    streams = b"".join(p.get_contents().get_data() for p in reader.pages)
    assert b"/Span <</Lang (ar)>> BDC" in streams
    assert b"/Span <</Lang (en)>> BDC" not in streams  # the document's own language


def test_log2vis_is_the_unicode_bidi_algorithm() -> None:
    order: list[int] = []
    visual = log2vis("abc مرحبا بالعالم 123 def", "RTL", positions_V_to_L=order)
    assert visual == "def 123 ملاعلاب ابحرم abc"
    assert sorted(order) == list(range(len(visual)))
    assert log2vis("a (b) ג", "LTR") == "a (b) ג"
    assert log2vis("(שלום)", "RTL") == "(םולש)"  # brackets mirrored


def test_characters_beyond_the_bmp_come_back_from_the_text_layer() -> None:
    import io

    from pypdf import PdfReader

    from docexport.model import Pack

    article = docexport.load_text("The set 𝕋\nThe set 𝕋 is large.\n").articles[0]
    data = docexport.render(Pack(title="t", articles=(article,)), "pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "𝕋" in text
