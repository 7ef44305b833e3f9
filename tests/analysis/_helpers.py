"""Small helpers for the analysis tests: articles from a few lines of text."""

from __future__ import annotations

import dataclasses

from docexport import load
from docexport.analysis import analyse_article
from docexport.model import AnyFact, Article


def article(
    text: str, *, published: str | None = None, headline: str = "A test headline"
) -> Article:
    """Analyse ``text`` (standfirst first, one paragraph a line) as one article."""
    raw = load(f"{headline}\n{text}\nOriginal Source: example.org\n".encode(), analyse=False)
    a = raw.articles[0]
    if published:
        a = dataclasses.replace(a, published=published)
    return analyse_article(a, index=1)


def facts(a: Article, kind: str) -> list[AnyFact]:
    return [f for f in a.facts if f.kind == kind]


def texts(a: Article, kind: str) -> set[str]:
    return {f.text for f in facts(a, kind)}
