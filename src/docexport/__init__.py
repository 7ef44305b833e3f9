"""docexport: news articles into briefing packs (DOCX, PDF, EPUB) from one model.

The public API::

    import docexport
    pack = docexport.load("seeds/article.txt")           # a path; load_text() for text
    pdf = docexport.render(pack, "pdf")                   # bytes
    manifest = docexport.export("seeds/", formats="pdf", out_dir="dist")

Everything heavy (renderers, their libraries, the analysis) is imported on
first use, so ``import docexport`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The one place the version is written (pyproject.toml reads it from here).
__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigError",
    "DocexportError",
    "DocexportWarning",
    "FailureRecord",
    "InputError",
    "InputNotFoundError",
    "Interrupted",
    "Manifest",
    "OutputError",
    "OutputRecord",
    "Pack",
    "RenderError",
    "RenderOptions",
    "Theme",
    "ThemeError",
    "UnknownFormat",
    "__version__",
    "analyse",
    "combine",
    "export",
    "export_pack",
    "from_json",
    "load",
    "load_bytes",
    "load_text",
    "load_theme",
    "render",
    "to_json",
]

_LAZY = {
    "Article": "docexport.model",
    "Pack": "docexport.model",
    "DocexportError": "docexport.errors",
    "DocexportWarning": "docexport.errors",
    "InputError": "docexport.errors",
    "InputNotFoundError": "docexport.errors",
    "ConfigError": "docexport.errors",
    "ThemeError": "docexport.errors",
    "RenderError": "docexport.errors",
    "OutputError": "docexport.errors",
    "UnknownFormat": "docexport.renderers",
    "Interrupted": "docexport.runcontrol",
    "Theme": "docexport.themes",
    "load_theme": "docexport.themes",
    "RenderOptions": "docexport.renderers",
    "load": "docexport.api",
    "load_text": "docexport.api",
    "load_bytes": "docexport.api",
    "combine": "docexport.api",
    "analyse": "docexport.api",
    "render": "docexport.api",
    "export": "docexport.api",
    "export_pack": "docexport.api",
    "to_json": "docexport.api",
    "from_json": "docexport.api",
    "Manifest": "docexport.manifest",
    "OutputRecord": "docexport.manifest",
    "FailureRecord": "docexport.manifest",
}

if TYPE_CHECKING:
    from .api import (
        analyse,
        combine,
        export,
        export_pack,
        from_json,
        load,
        load_bytes,
        load_text,
        render,
        to_json,
    )
    from .errors import (
        ConfigError,
        DocexportError,
        DocexportWarning,
        InputError,
        InputNotFoundError,
        OutputError,
        RenderError,
        ThemeError,
    )
    from .manifest import FailureRecord, Manifest, OutputRecord
    from .model import Article, Pack
    from .renderers import RenderOptions, UnknownFormat
    from .runcontrol import Interrupted
    from .themes import Theme, load_theme


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'docexport' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
