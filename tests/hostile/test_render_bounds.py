"""Theme values and templates that pass validation lay out; ones that could not
are refused at load; link targets are encoded alike; rendering is linear in the
number of blocks (structure, not wall-clock)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import docexport
from docexport.errors import ThemeError
from docexport.model import Article, Link, Pack, Paragraph, Sentence, Text
from docexport.theme_values import fill_template
from docexport.themes import ROLES, load_theme

from .conftest import cli

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_a2ab894a6d71f4f2.txt"


def _extreme(
    tmp_path: Path,
    name: str,
    margins: float,
    size: float,
    leading: float,
    space: float,
    pad: float,
    border: float,
    facts: int,
    title: str,
) -> Path:
    lines = ['[page]\nsize = "A5"']
    lines += [f"margin_{k} = {max(margins, 28.0)}" for k in ("top", "bottom")]
    lines += [f"margin_{k} = {margins}" for k in ("left", "right")]
    for role in ROLES:
        furniture = role in ("header", "footer")
        lines.append(f"[roles.{role}]")
        lines.append(f"size = {min(max(size, 5.0), 14.0) if furniture else size}")
        lines.append(f"leading = {leading}\nspace_before = {space}\nspace_after = {space}")
    lines.append(f"[box]\npadding = {pad}\nborder_width = {border}\nmax_facts = {facts}")
    lines.append(f'title = "{title}"')
    path = tmp_path / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


EXTREMES = {
    # every number at the bottom of its range
    "smallest": dict(
        margins=18.0, size=4.0, leading=0.8, space=0.0, pad=0.0, border=0.0, facts=1, title="K"
    ),
    # the largest type the narrowest A5 text area holds, the widest box furniture
    "largest-type": dict(
        margins=28.0,
        size=72.0,
        leading=1.5,
        space=36.0,
        pad=36.0,
        border=8.0,
        facts=40,
        title="Key facts " * 12,
    ),
    # the widest margins with large type
    "widest-margins": dict(
        margins=120.0,
        size=40.0,
        leading=1.3,
        space=12.0,
        pad=36.0,
        border=8.0,
        facts=40,
        title="K" * 120,
    ),
}


@pytest.mark.parametrize("name", sorted(EXTREMES))
def test_every_theme_that_loads_lays_out(tmp_path: Path, name: str) -> None:
    path = _extreme(tmp_path, name, **EXTREMES[name])  # type: ignore[arg-type]
    theme = load_theme(path)
    pack = docexport.load(SEED, marking="OFFICIAL-SENSITIVE " * 10)
    for fmt in ("docx", "pdf", "epub"):
        data = docexport.render(pack, fmt, theme=theme)
        assert len(data) > 1000, fmt


def test_type_too_large_for_the_page_is_refused(tmp_path: Path) -> None:
    path = _extreme(
        tmp_path,
        "too-large",
        margins=120.0,
        size=72.0,
        leading=3.0,
        space=72.0,
        pad=0.0,
        border=0.0,
        facts=1,
        title="K",
    )
    with pytest.raises(ThemeError, match=r"roles\.\w+\.size: three lines"):
        load_theme(path)


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("[roles.body]\nsize = 2000\n", "roles.body.size"),
        ("[roles.title]\nleading = 2000\n", "roles.title.leading"),
        ("[roles.footer]\nsize = 40\n", "roles.footer.size"),
        ("[box]\npadding = 300\n", "box.padding"),
        ("[box]\nborder_width = 50\n", "box.border_width"),
        ("[box]\nmax_facts = 1000\n", "box.max_facts"),
        (f'[box]\ntitle = "{"x" * 100_000}"\n', "box.title"),
        ('[footer]\ntext = "{title:>999999999999}"\n', "footer.text"),
        ('[footer]\ntext = "{source:>50000000}"\n', "footer.text"),
        ('[footer]\ntext = "{title.__class__}"\n', "footer.text"),
        ('[header]\ntext = "{title!r}"\n', "header.text"),
        ('[footer]\ntext = "a}b"\n', "footer.text"),
        ("[page]\nmargin_top = 1\n", "page.margin_top"),
    ],
)
def test_values_that_cannot_lay_out_are_refused_at_load(
    tmp_path: Path, toml: str, key: str
) -> None:
    (tmp_path / "a.txt").write_text("Harbour\nThe harbour opened on Tuesday.\n", encoding="utf-8")
    (tmp_path / "bad.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ThemeError, match=key.replace(".", r"\.")):
        load_theme(tmp_path / "bad.toml")
    run = cli("export", "a.txt", "-o", "out", "--style", "bad.toml", cwd=tmp_path, label=key)
    assert run.returncode == 2 and len(run.lines) == 1 and key in run.lines[0], run.stderr
    assert "internal error" not in run.stderr


def test_templates_only_substitute_placeholders() -> None:
    values = {"title": "T", "source": "S", "date": "D"}
    assert fill_template("{title} | {source} {{x}} {date}", values) == "T | S {x} D"
    # Never a format language: nothing is padded, nothing is looked up.
    assert fill_template("{title:>9}", values) == "{title:>9}"
    assert fill_template("{title.__class__}", values) == "{title.__class__}"


def test_a_short_theme_extends_the_default(tmp_path: Path) -> None:
    path = tmp_path / "a5.toml"
    path.write_text('[page]\nsize = "A5"\n[roles.body]\nsize = 9\n', encoding="utf-8")
    theme, default = load_theme(path), load_theme("default")
    assert theme.page.size == "A5" and theme.role("body").size == 9
    assert theme.role("body").align == default.role("body").align  # the rest inherited
    assert theme.role("title") == default.role("title")
    assert theme.box == default.box and theme.fonts == default.fonts


def test_link_targets_are_encoded_alike_in_docx_and_epub() -> None:
    url = 'https://example.org/a path/"q"/<x>?k=a b'
    article = Article(
        headline="Links",
        body=(Paragraph(id="p1", inlines=(Link(text="a link", url=url),)),),
    )
    pack = Pack(title="Links", articles=(article,))
    with zipfile.ZipFile(io.BytesIO(docexport.render(pack, "docx"))) as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
    with zipfile.ZipFile(io.BytesIO(docexport.render(pack, "epub"))) as z:
        chapter = z.read("EPUB/a1.xhtml").decode()
    encoded = "https://example.org/a%20path/%22q%22/%3Cx%3E?k=a%20b"
    assert f'Target="{encoded}"' in rels
    assert f'href="{encoded}"' in chapter


class _CountingSentences(tuple):  # type: ignore[type-arg]
    """A tuple that counts how often it is walked from the start."""

    walks = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        type(self).walks += 1
        return super().__iter__()


@pytest.mark.parametrize("fmt", ["docx", "pdf", "epub"])
def test_sentences_are_indexed_once_not_scanned_per_block(fmt: str) -> None:
    """A renderer that scans the article's sentences for every block is quadratic:
    100,000 one-line paragraphs took ten minutes. The sentences are walked a few
    times per render, however many blocks there are."""
    blocks = 400
    body = tuple(
        Paragraph(id=f"p{i}", inlines=(Text(text=f"Line {i} of the report."),))
        for i in range(blocks)
    )
    sentences = _CountingSentences(
        Sentence(id=f"s{i}", block=f"p{i}", start=0, end=20, text=f"Line {i} of the report.")
        for i in range(blocks)
    )
    article = Article(headline="Lines", body=body, sentences=sentences)  # type: ignore[arg-type]
    _CountingSentences.walks = 0
    docexport.render(Pack(title="Lines", articles=(article,)), fmt)
    assert _CountingSentences.walks <= 8, _CountingSentences.walks
