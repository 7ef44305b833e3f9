"""docexport: news articles into briefing packs (DOCX, PDF, EPUB) from one model.

The public API::

    import docexport
    pack = docexport.load("seeds/article.txt")          # read + analyse
    pdf = docexport.render(pack, "pdf")                   # bytes
    manifest = docexport.export(["seeds/"], formats=["pdf"], out_dir="dist")

Everything heavy (renderers, their libraries, the analysis) is imported on
first use, so ``import docexport`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DocexportError",
    "Manifest",
    "Pack",
    "RenderOptions",
    "Theme",
    "__version__",
    "analyse",
    "export",
    "load",
    "load_theme",
    "render",
]

_LAZY = {
    "Article": "docexport.model",
    "Pack": "docexport.model",
    "DocexportError": "docexport.errors",
    "Theme": "docexport.themes",
    "load_theme": "docexport.themes",
    "RenderOptions": "docexport.renderers",
    "load": "docexport.loading",
    "analyse": "docexport.api",
    "render": "docexport.api",
    "export": "docexport.api",
    "Manifest": "docexport.manifest",
}

if TYPE_CHECKING:
    from .api import analyse, export, render
    from .errors import DocexportError
    from .loading import load
    from .manifest import Manifest
    from .model import Article, Pack
    from .renderers import RenderOptions
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
