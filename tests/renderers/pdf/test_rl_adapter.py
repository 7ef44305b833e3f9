"""reportlab's internals that docexport relies on (see rl_adapter.py). Each test
names what changed when reportlab moves on: fix the adapter, not the renderer."""

from __future__ import annotations

import io

from docexport.renderers.pdf import rl_adapter


def test_reportlab_version_is_one_the_adapter_knows() -> None:
    import reportlab

    major = int(reportlab.Version.split(".")[0])
    assert 4 <= major < 6, f"reportlab {reportlab.Version}: check rl_adapter.py, then the pin"


def test_to_unicode_map_is_a_module_function_we_can_replace() -> None:
    from reportlab.pdfbase import ttfonts

    rl_adapter.patch_to_unicode()
    assert ttfonts.makeToUnicodeCMap is rl_adapter.to_unicode_cmap
    # addObjects still calls it by that name
    import inspect

    assert "makeToUnicodeCMap(" in inspect.getsource(ttfonts.TTFont.addObjects)


def test_to_unicode_gives_base_letters_and_surrogate_pairs() -> None:
    assert rl_adapter.unicode_of(0xFE8D) == "\u0627"  # alef, isolated form
    assert rl_adapter.unicode_of(0xFEFB) == "\u0627\u0644"  # lam-alef, reversed for RTL words
    assert rl_adapter.unicode_of(0x41) == "A"
    cmap = rl_adapter.to_unicode_cmap("X", [0x41, 0x1D54B])
    assert "<00> <0041>" in cmap and "<01> <D835DD4B>" in cmap


def test_font_internals() -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    registry = rl_adapter.font_registry()
    assert isinstance(registry, dict), "pdfmetrics._fonts is no longer a dict"
    assert "splitString" in TTFont.__dict__ and "State" in TTFont.__dict__
    subset, lazy = rl_adapter.font_classes()
    assert issubclass(lazy, subset) and issubclass(subset, TTFont)


def test_held_pages_canvas_attributes() -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    for attr in ("_code", "_doc", "_startPage"):
        assert hasattr(canvas, attr), f"Canvas.{attr} is gone"
    assert hasattr(canvas._doc, "pageCounter")


def test_paragraph_lines_can_be_reordered() -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    one = Paragraph("שלום עולם", ParagraphStyle("x", fontName="Helvetica"))
    one.wrap(200, 100)
    assert one.blPara.kind == 0
    assert rl_adapter.visual_lines(one, "RTL").lines[0][1] == ["םלוע", "םולש"]
    two = Paragraph("שלום <b>עולם</b>", ParagraphStyle("y", fontName="Helvetica"))
    two.wrap(200, 100)
    assert two.blPara.kind == 1
    frags = rl_adapter.visual_lines(two, "RTL").lines[0].words
    assert "".join(f.text for f in frags) == "םלוע םולש"
    assert two.blPara.lines[0].words[0].text.startswith("שלום")  # logical order kept
