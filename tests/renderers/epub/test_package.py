"""The zip: OCF rules and byte-for-byte reproducibility."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest

from docexport.model import Pack
from docexport.renderers import get
from docexport.themes import Theme

from .conftest import render


def test_registered_under_epub() -> None:
    renderer = get("epub")
    assert (renderer.name, renderer.extension, renderer.media_type) == (
        "epub",
        "epub",
        "application/epub+zip",
    )


def test_mimetype_first_stored_without_extra(seed_epub: bytes) -> None:
    assert seed_epub[30:38] == b"mimetype"
    assert seed_epub[38:58] == b"application/epub+zip"
    with zipfile.ZipFile(io.BytesIO(seed_epub)) as zf:
        first = zf.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert first.extra == b""
        names = [i.filename for i in zf.infolist()]
        assert names[1] == "META-INF/container.xml"
        assert names[2].endswith(".opf")
        assert zf.testzip() is None


def test_fixed_timestamps(seed_epub: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(seed_epub)) as zf:
        stamps = {i.date_time for i in zf.infolist()}
        systems = {i.create_system for i in zf.infolist()}
    assert stamps == {(2024, 11, 4, 0, 0, 0)}  # the pack's date
    assert systems == {3}


@pytest.mark.parametrize("which", ["seed_facts_pack", "multi_facts_pack", "hostile"])
def test_byte_identical_across_renders(
    which: str, request: pytest.FixtureRequest, default_theme: Theme
) -> None:
    pack: Pack = request.getfixturevalue(which)
    first = render(pack, default_theme)
    second = render(pack, default_theme)
    assert first == second


def test_byte_identical_with_source_date_epoch(seed_facts_pack: Pack, default_theme: Theme) -> None:
    a = render(seed_facts_pack, default_theme, source_date_epoch=1_600_000_000)
    b = render(seed_facts_pack, default_theme, source_date_epoch=1_600_000_000)
    c = render(seed_facts_pack, default_theme, source_date_epoch=1_700_000_000)
    assert a == b
    assert a != c
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2020, 9, 13, 12, 26, 40)}


def test_equal_packs_give_equal_bytes(seed_facts_pack: Pack, default_theme: Theme) -> None:
    copy = dataclasses.replace(seed_facts_pack)
    assert render(copy, default_theme) == render(seed_facts_pack, default_theme)


def test_other_theme_changes_only_the_stylesheet(
    seed_facts_pack: Pack, default_theme: Theme
) -> None:
    from docexport.themes import load_theme

    a = zipfile.ZipFile(io.BytesIO(render(seed_facts_pack, default_theme)))
    b = zipfile.ZipFile(io.BytesIO(render(seed_facts_pack, load_theme("letter"))))
    differ = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert differ == ["EPUB/style.css"]
