"""The PDF renderer's fast paths give what the slow ones gave.

Each shortcut (anchors only where a fact links, faces parsed on first use, a
memoised hyphenator with a faster dictionary reader, one-pass subset codes)
is checked against the reportlab/pyphen behaviour it stands in for. No timing
is asserted here; benchmarks/run.py measures that.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest

from docexport.model import Pack
from docexport.renderers import RenderOptions, get
from docexport.themes import Theme

from ._packs import with_facts, with_structure


def render(pack: Pack, theme: Theme) -> bytes:
    return get("pdf").render(pack, theme, RenderOptions())


def _texts(flowables: list[Any]) -> list[str]:
    """The markup of every paragraph, including those in the key-facts table."""
    from reportlab.platypus import Paragraph

    out: list[str] = []
    for f in flowables:
        if isinstance(f, Paragraph):
            out.append(f.text)
        out.extend(_texts(list(getattr(f, "_content", []))))  # KeepTogether
        for row in getattr(f, "_cellvalues", []):  # Table
            out.extend(_texts([c for c in row if not isinstance(c, str)]))
    return out


def test_only_linked_sentences_get_anchors(seed_pack: Pack, default_theme: Theme) -> None:
    """Every fact link has its anchor, and no sentence without a link gets one.

    reportlab writes internal links as explicit page positions (the PDF has no
    named destinations), so an anchor nothing links to changes nothing a
    reader sees; it only costs layout time.
    """
    from docexport.renderers import briefing
    from docexport.renderers.pdf.markup import MarkupContext, anchor_name
    from docexport.renderers.pdf.story import story
    from docexport.renderers.pdf.styles import build

    pack = with_structure(with_facts(seed_pack))
    article = pack.articles[0]
    said = briefing.brief(pack, default_theme)
    linked = {
        line.sentence
        for _label, lines in said.summary_page(said.pack.articles[0]).box
        for line in lines
        if line.sentence
    }
    base = build(default_theme, pack.language)
    markup = " ".join(_texts(story(said, MarkupContext(fonts=base.fonts), base)))
    anchors = set(re.findall(r'<a name="([^"]*)"/>', markup))
    targets = set(re.findall(r'<a href="#([^"]*)"', markup))
    assert targets and targets <= anchors  # every fact link lands
    assert anchors <= {anchor_name(s) for s in linked}
    assert len(anchors) < len(article.sentences)


def test_unlinked_body_paragraphs_are_one_fragment(seed_pack: Pack, default_theme: Theme) -> None:
    """A paragraph no fact links to is a single reportlab fragment (the fast layout path)."""
    from reportlab.platypus import Paragraph

    from docexport.renderers.briefing import brief
    from docexport.renderers.pdf.markup import MarkupContext
    from docexport.renderers.pdf.story import story
    from docexport.renderers.pdf.styles import build

    pack = with_facts(seed_pack)
    base = build(default_theme, pack.language)
    flowables = story(brief(pack, default_theme), MarkupContext(fonts=base.fonts), base)
    body = [f for f in flowables if isinstance(f, Paragraph) and f.style.name == "body"]
    anchored = [p for p in body if "<a name=" in p.text]
    plain = [p for p in body if "<a name=" not in p.text]
    assert plain and all(len(p.frags) == 1 for p in plain)
    assert len(anchored) < len(body)


def test_unused_faces_are_not_parsed(seed_pack: Pack, default_theme: Theme) -> None:
    from reportlab.pdfbase import pdfmetrics

    render(seed_pack, default_theme)
    fonts = pdfmetrics._fonts
    lazy = [f for name, f in fonts.items() if name.startswith("dx-") and "_dx_files" in f.__dict__]
    assert lazy, "some bold/italic face should still be unread after the seed"
    # <b> and <i> still resolve to the family's own faces.
    from reportlab.lib.fonts import tt2ps

    body = default_theme.fonts.body[0]
    regular = "dx-" + re.sub(r"[^A-Za-z0-9]", "", body)
    assert tt2ps(regular, 1, 0) == regular + "-bold"
    assert tt2ps(regular, 0, 1) == regular + "-italic"
    assert tt2ps(regular, 1, 1) == regular + "-bolditalic"


def test_lazy_face_parses_on_use_and_falls_back(tmp_path: Path) -> None:
    from docexport.renderers.pdf import fonts

    family = fonts.register_family(fonts.GENERIC_FALLBACKS[0])
    if family is None:
        pytest.skip("DejaVu Sans is not installed")
    files = fonts.find_family(fonts.GENERIC_FALLBACKS[0])
    assert files is not None
    lazy_cls = fonts._font_classes()[1]
    good = lazy_cls("dx-test-good", files["bold"], files["regular"])
    assert "_dx_files" in good.__dict__
    assert good.stringWidth("Hello", 10) > 0  # parsed on first use
    assert "_dx_files" not in good.__dict__
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    bad = lazy_cls("dx-test-bad", broken, files["regular"])
    assert bad.face.charToGlyph  # the regular face stands in, as eager registration did
    with pytest.raises(AttributeError):
        bad.no_such_attribute  # noqa: B018


class _Doc:
    """A stand-in document: reportlab keys a font's subset state by it."""


def test_fast_split_string_matches_reportlab() -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    from docexport.renderers.pdf import fonts

    family = fonts.register_family(fonts.GENERIC_FALLBACKS[0])
    if family is None:
        pytest.skip("DejaVu Sans is not installed")
    files = fonts.find_family(fonts.GENERIC_FALLBACKS[0])
    assert files is not None
    fast = fonts._font_classes()[0]("dx-test-fast", str(files["regular"]), shapable=False)
    slow = TTFont("dx-test-slow", str(files["regular"]), shapable=False)
    doc_fast, doc_slow = _Doc(), _Doc()  # stand-ins: state is weakly keyed by document
    texts = [
        "Plain ASCII text.",
        "Curly “quotes” and a non\u00a0breaking space",
        "",
        "Ελληνικά και кириллица",  # new codes: the slow path
        "Curly “quotes” again, now known",  # known codes: the fast path
        "".join(chr(c) for c in range(0x400, 0x520)),  # past 256 codes: a second subset
        "Привет again",
    ]
    for text in texts:
        assert fast.splitString(text, doc_fast) == slow.splitString(text, doc_slow), text


@pytest.mark.parametrize("lang", ["en_US", "de_DE", "fr", "es", "ru_RU", "el_GR"])
def test_hyphenation_table_matches_pyphen(lang: str) -> None:
    pyphen = pytest.importorskip("pyphen")
    from docexport.renderers.pdf.hyphenation import _patterns

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    ours = _patterns(path)
    theirs = pyphen.HyphDict(path).patterns
    assert ours == theirs
    assert ours is not None
    for key, (start, values) in theirs.items():  # de_DE's alternatives keep their data
        for a, b in zip(ours[key][1], values, strict=True):
            assert getattr(a, "data", None) == getattr(b, "data", None), key
        assert ours[key][0] == start


def test_hyphenator_gives_pyphen_splits() -> None:
    pyphen = pytest.importorskip("pyphen")
    from docexport.renderers.pdf.hyphenation import hyphenator

    split = hyphenator("en_US")
    assert split is hyphenator("en_US")  # one per language per process
    reference = pyphen.Pyphen(lang="en_US", cache=False)
    for word in ("international", "humanitarian", "collaboration", "Kenya", "a"):
        assert split(word) == tuple(reference.iterate(word))


def test_drawn_text_reads_back(seed_pack: Pack, default_theme: Theme) -> None:
    """Sanity: the body's words are drawn (the subset fast path produced real codes)."""
    data = render(seed_pack, default_theme)
    text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages
    ).replace("\n", " ")
    assert "In Nairobi, President William Ruto" in text
