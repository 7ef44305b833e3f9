"""The renderer registry: built-ins lazily, plug-ins from entry points, no name twice."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, ClassVar

import pytest

from docexport import renderers
from docexport.errors import DocexportError
from docexport.model import Pack
from docexport.themes import Theme


class EchoRenderer:
    name: ClassVar[str] = "echo"
    extension: ClassVar[str] = "txt"
    media_type: ClassVar[str] = "text/plain"

    def render(self, pack: Pack, theme: Theme, options: renderers.RenderOptions) -> bytes:
        return pack.title.encode("utf-8")


def _entry_points(*pairs: tuple[str, str]) -> Any:
    def fake(group: str) -> list[SimpleNamespace]:
        assert group == renderers.ENTRY_POINT_GROUP
        return [SimpleNamespace(name=n, value=v) for n, v in pairs]

    return fake


@pytest.fixture(autouse=True)
def _fresh_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(renderers, "_plugins", None)
    monkeypatch.setattr(renderers, "_loaded", {})


def test_builtins_satisfy_the_protocol() -> None:
    for name in renderers.FORMATS:
        r = renderers.get(name)
        assert isinstance(r, renderers.Renderer) and r.name == name


def test_plugin_from_entry_point(monkeypatch: pytest.MonkeyPatch, seed_pack: Pack) -> None:
    import importlib.metadata

    monkeypatch.setattr(
        importlib.metadata,
        "entry_points",
        _entry_points(("echo", f"{__name__}:EchoRenderer")),
    )
    assert renderers.available() == ["docx", "pdf", "epub", "echo"]
    out = renderers.get("echo").render(seed_pack, None, renderers.RenderOptions())  # type: ignore[arg-type]
    assert out == seed_pack.title.encode()


def test_a_name_registered_twice_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    monkeypatch.setattr(
        importlib.metadata, "entry_points", _entry_points(("pdf", f"{__name__}:EchoRenderer"))
    )
    with pytest.raises(DocexportError, match="registered twice"):
        renderers.available()


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(renderers.UnknownFormat, match="known: docx, pdf, epub"):
        renderers.get("odt")


def test_built_in_names_are_known_without_scanning_installed_packages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.metadata

    def refuse(**_: object) -> object:
        raise AssertionError("entry points scanned for a built-in format")

    monkeypatch.setattr(importlib.metadata, "entry_points", refuse)
    monkeypatch.setattr(renderers, "_plugins", None)
    assert all(renderers.is_known(name) for name in renderers.FORMATS)


def test_plugin_names_are_known(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    monkeypatch.setattr(
        importlib.metadata, "entry_points", _entry_points(("echo", f"{__name__}:EchoRenderer"))
    )
    monkeypatch.setattr(renderers, "_plugins", None)
    assert renderers.is_known("echo")
    assert not renderers.is_known("odt")
