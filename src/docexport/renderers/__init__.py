"""The renderer contract and registry.

A renderer is ``render(pack, theme, options) -> bytes``: it never touches the
file system (the writer in :mod:`docexport.export` does) and never looks at the
input. Built-in renderers are registered in :data:`BUILTIN` by import path and
imported only when asked for, so ``import docexport`` stays cheap. Third-party
renderers come from the ``docexport.renderers`` entry-point group; a name
registered twice is an error.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from ..errors import DocexportError
from ..model import Pack
from ..themes import Theme

if TYPE_CHECKING:
    from .docx.reference import ReferenceDocx

ENTRY_POINT_GROUP = "docexport.renderers"


@dataclass(frozen=True, slots=True, kw_only=True)
class RenderOptions:
    """Options shared by all renderers; a renderer ignores what it does not use.

    ``source_date_epoch`` pins every timestamp written into an output (defaults
    to the environment's ``SOURCE_DATE_EPOCH`` or the pack's own dates, never
    the clock). ``reference_docx`` takes Word styles from a user's document:
    best the bytes :func:`docexport.renderers.docx.reference.load_reference`
    made of it (reduced and checked once, nothing to read on a worker); a path
    is read and reduced on first use. ``language`` sets the language of
    docexport's own words.
    """

    source_date_epoch: int | None = None
    reference_docx: ReferenceDocx | Path | None = None
    # Labels, dates and typography in this language (a BCP 47 tag) instead of
    # each article's own (``--language``).
    language: str | None = None

    def epoch(self) -> int | None:
        """The timestamp every output writes: the option, else SOURCE_DATE_EPOCH."""
        if self.source_date_epoch is not None:
            return self.source_date_epoch
        from ..loading import source_date_epoch

        return source_date_epoch()


@runtime_checkable
class Renderer(Protocol):
    name: ClassVar[str]
    extension: ClassVar[str]
    media_type: ClassVar[str]

    def render(self, pack: Pack, theme: Theme, options: RenderOptions) -> bytes: ...


# name -> "module:attribute", imported lazily.
BUILTIN: dict[str, str] = {
    "docx": "docexport.renderers.docx:DocxRenderer",
    "pdf": "docexport.renderers.pdf:PdfRenderer",
    "epub": "docexport.renderers.epub:EpubRenderer",
}
FORMATS: tuple[str, ...] = tuple(BUILTIN)

_loaded: dict[str, Renderer] = {}
_plugins: dict[str, str] | None = None


class UnknownFormat(DocexportError):
    pass


def _plugin_table() -> dict[str, str]:
    global _plugins
    if _plugins is None:
        from importlib.metadata import entry_points

        table: dict[str, str] = {}
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if ep.name in BUILTIN or ep.name in table:
                raise DocexportError(
                    f"renderer {ep.name!r} is registered twice (entry point {ep.value})"
                )
            table[ep.name] = ep.value
        _plugins = table
    return _plugins


def available() -> list[str]:
    """Names of every renderer: built-in first, then plug-ins."""
    return [*BUILTIN, *sorted(_plugin_table())]


def is_known(name: str) -> bool:
    """Whether ``name`` is a renderer; plug-ins are only looked up for a non-built-in
    name, since scanning installed packages' entry points costs tens of milliseconds."""
    return name in BUILTIN or name in _plugin_table()


def get(name: str) -> Renderer:
    """The renderer registered under ``name`` (imported on first use)."""
    if name in _loaded:
        return _loaded[name]
    target = BUILTIN.get(name)
    if target is None:
        target = _plugin_table().get(name)
    if target is None:
        raise UnknownFormat(f"unknown format {name!r} (known: {', '.join(available())})")
    module_name, _, attr = target.partition(":")
    cls = getattr(importlib.import_module(module_name), attr)
    renderer: Renderer = cls()
    _loaded[name] = renderer
    return renderer
