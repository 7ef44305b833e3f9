"""Shared fixtures. External tools (java/epubcheck, qpdf, poppler, LibreOffice)
are skipped when missing on a developer's machine, but required under CI."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a2ab894a6d71f4f2.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require_tool(*names: str) -> None:
    """Skip (locally) or fail (in CI) when a command-line tool is missing."""
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        msg = f"needs {', '.join(missing)} (installed by .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)


@pytest.fixture(autouse=True)
def _pinned_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see no SOURCE_DATE_EPOCH unless they set one."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_pack():  # type: ignore[no-untyped-def]
    import docexport

    return docexport.load(SEED)


@pytest.fixture(scope="session")
def default_theme():  # type: ignore[no-untyped-def]
    from docexport.themes import load_theme

    return load_theme("default")


@pytest.fixture(scope="session")
def multi_pack(seed_pack):  # type: ignore[no-untyped-def]
    """The seed plus two small articles, as one multi-article pack."""
    import docexport
    from docexport.loading import build_pack
    from docexport.readers import Reading

    other = docexport.load_text(
        "Flood defences completed in Valencia\n"
        "The regional government of Valencia said on Tuesday that new flood barriers are ready.\n"
        "Mayor María José Catalá said: “We are safer than a year ago.” "
        "The barriers cost €45 million.\n"
        "The works were established to address the floods of 2024.\n"
        "Original Source: example.org\n"
    )
    third = docexport.load_text(
        "Ελληνικά και кириллица: a multilingual note\n"
        "A short standfirst about Athens and Москва.\n"
        "The Greek line reads: Καλημέρα κόσμε. The Russian line: Привет, мир. "
        "Vietnamese: Tiếng Việt có dấu.\n"
        "Original Source: https://example.net/news/1\n"
    )
    articles = seed_pack.articles + other.articles + third.articles
    reading = Reading(
        articles=tuple(dataclasses.replace(a, sentences=(), facts=(), summary=()) for a in articles)
    )
    return build_pack(reading, title="Test pack: three articles", marking="OFFICIAL")
