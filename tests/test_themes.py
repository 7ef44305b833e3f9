"""Themes: built-ins load and ship, bad themes name the bad key."""

from __future__ import annotations

from pathlib import Path

import pytest

from docexport.errors import ThemeError
from docexport.themes import ROLES, builtin_themes, load_theme


def test_builtin_themes_load() -> None:
    assert {"default", "letter"} <= set(builtin_themes())
    for name in builtin_themes():
        theme = load_theme(name)
        assert set(theme.roles) == set(ROLES)
        assert theme.page.width > 0


def test_themes_differ() -> None:
    a, b = load_theme("default"), load_theme("letter")
    assert a.page.size == "A4" and b.page.size == "Letter"
    assert a.box.background != b.box.background


def test_theme_is_parsed_once() -> None:
    assert load_theme("default") is load_theme("default")


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[page]\nsize = "B7"\n', "page.size"),
        ('[page]\nmargin_top = "wide"\n', "page.margin_top"),
        ('[colors]\naccent = "#zzz"\n', "colors.accent"),
        ("[box]\nborder = 12\n", "box.border"),
        ('[roles.body]\nsize = "big"\n', "roles.body.size"),
        ("[roles.sidebar]\nsize = 10\n", "roles.sidebar"),
        ("[box]\nshadow = true\n", "box.shadow"),
        ("wobble = 1\n", "wobble"),
        ("[fonts]\nbody = 3\n", "fonts.body"),
        ("[box]\nmax_facts = 0\n", "box.max_facts"),
        ("[page\n", "invalid TOML"),
    ],
)
def test_bad_theme_names_the_key(tmp_path: Path, toml: str, key: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ThemeError) as info:
        load_theme(path)
    assert key in str(info.value)
    assert "\n" not in str(info.value)


def test_unknown_theme_name_lists_builtins() -> None:
    with pytest.raises(ThemeError, match="built-in themes: default"):
        load_theme("no-such-theme")


def test_partial_theme_file_uses_defaults(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('name = "mine"\n[box]\nbackground = "#FFEEDD"\n', encoding="utf-8")
    theme = load_theme(path)
    assert theme.name == "mine" and theme.box.background == "#ffeedd"
    assert theme.role("body").size > 0
