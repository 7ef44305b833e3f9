"""Placeholder first pass: sentences and a lead-based summary (replaced by the full analysis)."""

from __future__ import annotations

import dataclasses
import re

from ..model import STANDFIRST_ID, Article, Pack, Paragraph, Sentence, plain_text

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def _sentences(article: Article, prefix: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    blocks: list[tuple[str, str]] = []
    if article.standfirst:
        blocks.append((STANDFIRST_ID, article.standfirst))
    for b in article.body:
        if isinstance(b, Paragraph):
            blocks.append((b.id, plain_text(b.inlines)))
    for block_id, text in blocks:
        pos = 0
        for part in _SPLIT.split(text):
            start = text.index(part, pos)
            out.append(
                Sentence(id=f"{prefix}s{len(out) + 1}", block=block_id, start=start,
                         end=start + len(part), text=part)
            )
            pos = start + len(part)
    return tuple(out)


def analyse_article(article: Article, *, index: int = 1) -> Article:
    sentences = _sentences(article, f"a{index}")
    summary = tuple(s.text for s in sentences[:3])
    return dataclasses.replace(article, sentences=sentences, summary=summary,
                               language=article.language or "en")


def analyse_pack(pack: Pack) -> Pack:
    articles = tuple(analyse_article(a, index=i + 1) for i, a in enumerate(pack.articles))
    return dataclasses.replace(pack, articles=articles,
                               language=pack.language or articles[0].language)
