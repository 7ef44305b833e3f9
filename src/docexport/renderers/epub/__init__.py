"""EPUB 3 renderer: summary chapter with a linked key-facts aside, one chapter
per article, nav with landmarks, accessibility metadata, reproducible zip."""

from .renderer import EpubRenderer

__all__ = ["EpubRenderer"]
