"""epubcheck 5: 0 errors and 0 warnings. Each run starts a JVM (seconds), so
the representative three run concurrently in one fixture and the rest are slow."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from docexport.model import Article, Pack, Paragraph, Text
from docexport.themes import Theme, load_theme
from tests.validators import epubcheck_all

from .conftest import render


@pytest.fixture(scope="module")
def representative(
    seed_epub: bytes,
    multi_epub: bytes,
    hostile_epub: bytes,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, list[str]]:
    files = {"seed": seed_epub, "multi": multi_epub, "hostile": hostile_epub}
    return epubcheck_all(files, tmp_path_factory.mktemp("epubcheck"))


@pytest.mark.parametrize("name", ["seed", "multi", "hostile"])
def test_epubcheck_clean(name: str, representative: dict[str, list[str]]) -> None:
    assert representative[name] == []


@pytest.mark.slow
def test_epubcheck_clean_everywhere(
    seed_pack: Pack,
    multi_pack: Pack,
    arabic: Pack,
    seed_facts_pack: Pack,
    default_theme: Theme,
    tmp_path: Path,
) -> None:
    bare = Article(headline="Bare", body=(Paragraph(id="p", inlines=(Text(text="Text."),)),))
    files = {
        "seed-as-analysed": render(seed_pack, default_theme),
        "seed-letter": render(seed_facts_pack, load_theme("letter")),
        "seed-epoch": render(seed_facts_pack, default_theme, source_date_epoch=0),
        "multi-as-analysed": render(multi_pack, default_theme),
        "arabic": render(arabic, default_theme),
        "bare": render(Pack(title="Bare", articles=(bare,)), default_theme),
        "bare-multi": render(
            Pack(
                title="Bare",
                articles=(bare, dataclasses.replace(bare, headline="Second", language="fr")),
            ),
            default_theme,
        ),
    }
    results = epubcheck_all(files, tmp_path)
    assert {k: v for k, v in results.items() if v} == {}


@pytest.mark.slow
def test_epubcheck_clean_for_every_fixture_article(default_theme: Theme, tmp_path: Path) -> None:
    import docexport
    from tests.conftest import FIXTURES

    inputs = sorted((FIXTURES / "articles").glob("*.txt"))
    assert inputs
    packs = {p.stem: docexport.load(p) for p in inputs}
    files = {name: render(pack, default_theme) for name, pack in packs.items()}
    everything = Pack(
        title="Every fixture article",
        articles=tuple(a for pack in packs.values() for a in pack.articles),
    )
    files["all-in-one-pack"] = render(everything, default_theme)
    results = epubcheck_all(files, tmp_path)
    assert {k: v for k, v in results.items() if v} == {}
