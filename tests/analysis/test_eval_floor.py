"""Quality floors on the labelled evaluation set (tests/fixtures/articles).

``python benchmarks/facts.py`` prints the full report with the misses. These floors are
the issue's targets; the set is real, openly licensed news (see each ``*.key.json``).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "facts_benchmark", ROOT / "benchmarks" / "facts.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.evaluate(ARTICLES)


def test_the_set_is_big_and_varied_enough() -> None:
    keys = [json.loads(p.read_text(encoding="utf-8")) for p in ARTICLES.glob("*.key.json")]
    assert len(keys) >= 20
    assert {k["language"] for k in keys} >= {"en", "fr", "es", "de"}
    for k in keys:
        assert k["source"]["url"] and k["source"]["licence"]
        assert (ARTICLES / f"{k['slug']}.txt").exists()


def test_people(report) -> None:  # type: ignore[no-untyped-def]
    c = report.counts["person"]
    assert c.recall >= 0.90 and c.precision >= 0.90


def test_organisations_and_places(report) -> None:  # type: ignore[no-untyped-def]
    assert report.counts["organisation"].recall >= 0.85
    assert report.counts["place"].recall >= 0.85


def test_figures(report) -> None:  # type: ignore[no-untyped-def]
    assert report.counts["figure"].recall >= 0.80


def test_quotes(report) -> None:  # type: ignore[no-untyped-def]
    assert report.counts["quote"].recall >= 0.90
    assert report.speaker_accuracy >= 0.85
    assert report.invented_quotes == 0


def test_roles_and_dates(report) -> None:  # type: ignore[no-untyped-def]
    # Not floors of the issue, but regressions worth catching.
    assert report.role_accuracy >= 0.80
    assert report.counts["date"].recall >= 0.85
