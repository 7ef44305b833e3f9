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


def test_styles_show_prints_a_theme_that_loads_back(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from docexport.cli import app

    for name in builtin_themes():
        run = CliRunner().invoke(app, ["styles", "--show", name])
        assert run.exit_code == 0, run.output
        path = tmp_path / f"{name}-copy.toml"
        path.write_text(run.output.replace(f'name = "{name}"', f'name = "{name}-copy"'), "utf-8")
        copy, original = load_theme(path), load_theme(name)
        for part in ("page", "fonts", "colors", "roles", "box", "header", "footer"):
            assert getattr(copy, part) == getattr(original, part), (name, part)
    bad = CliRunner().invoke(app, ["styles", "--show", "no-such-theme"])
    assert bad.exit_code == 2


def test_readme_theme_example_cascades(tmp_path: Path) -> None:
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    section = readme[readme.index("## Themes") :]
    example = re.search(r"```toml\n(.*?)```", section, re.S)
    assert example is not None
    path = tmp_path / "a5.toml"
    path.write_text(example.group(1), encoding="utf-8")
    theme, default = load_theme(path), load_theme("default")
    assert theme.page.size == "A5" and theme.role("body").size == 9
    assert theme.role("title") == default.role("title")  # the title keeps its styling


def test_extends_names_the_base_and_refuses_loops(tmp_path: Path) -> None:
    (tmp_path / "base.toml").write_text('[box]\nbackground = "#ffeedd"\n', encoding="utf-8")
    (tmp_path / "child.toml").write_text(
        'extends = "base.toml"\n[roles.body]\nsize = 9\n', encoding="utf-8"
    )
    child = load_theme(tmp_path / "child.toml")
    assert child.box.background == "#ffeedd" and child.role("body").size == 9
    assert child.role("title") == load_theme("default").role("title")
    on_letter = tmp_path / "green.toml"
    on_letter.write_text('extends = "letter"\n[roles.body]\nsize = 9\n', encoding="utf-8")
    assert load_theme(on_letter).page.size == "Letter"
    (tmp_path / "a.toml").write_text('extends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "a.toml"\n', encoding="utf-8")
    with pytest.raises(ThemeError, match="loop"):
        load_theme(tmp_path / "a.toml")
