"""Rendered DOCX files shared by this folder's tests (each rendered once)."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from docx.document import Document as DocxDocument

from docexport.model import Pack, Source
from docexport.renderers import RenderOptions, get
from docexport.themes import Theme

from .factkit import with_facts

SEED_URL = "https://allafrica.com/stories/202411040001.html"


def render(pack: Pack, theme: Theme, **options: object) -> bytes:
    return get("docx").render(pack, theme, RenderOptions(**options))  # type: ignore[arg-type]


def read(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="session")
def seed_facts(seed_pack: Pack) -> Pack:
    """The seed with key facts and a source URL (the seed file names no URL)."""
    pack = with_facts(seed_pack)
    article = dataclasses.replace(
        pack.articles[0], source=Source(name="allafrica.com", url=SEED_URL)
    )
    return dataclasses.replace(pack, articles=(article,))


@pytest.fixture(scope="session")
def seed_docx(seed_facts: Pack, default_theme: Theme) -> bytes:
    return render(seed_facts, default_theme)


@pytest.fixture(scope="session")
def multi_facts(multi_pack: Pack) -> Pack:
    return with_facts(multi_pack)


@pytest.fixture(scope="session")
def multi_docx(multi_facts: Pack, default_theme: Theme) -> bytes:
    return render(multi_facts, default_theme)
