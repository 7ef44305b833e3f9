"""Key facts for test packs, found in the text (the analysis may not provide them yet)."""

from __future__ import annotations

import dataclasses

from docexport.model import (
    AnyFact,
    Article,
    DateFact,
    Figure,
    Organisation,
    Pack,
    Person,
    Place,
    Quote,
)

# (kind, text, extra fields) -- looked up in the article's sentences.
SEED_FACTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("person", "William Ruto", {"role": "President of Kenya"}),
    ("person", "Garry Conille", {"role": "Prime Minister of Haiti"}),
    ("organisation", "Multinational Security Support", {"acronym": "MSS"}),
    ("organisation", "United Nations", {"acronym": "UN"}),
    ("organisation", "Haitian National Police", {}),
    ("place", "Kenya", {}),
    ("place", "Haiti", {}),
    ("place", "Nairobi", {}),
    ("figure", "600", {"label": "additional Kenyan police officers"}),
    ("figure", "12 million", {"label": "Haitian citizens"}),
    ("date", "2025-2027", {}),
    ("quote", "this is a battle we can win", {"speaker": "William Ruto"}),
)

_TYPES = {
    "person": Person,
    "organisation": Organisation,
    "place": Place,
    "figure": Figure,
    "date": DateFact,
    "quote": Quote,
}


def add_facts(article: Article, specs=SEED_FACTS) -> Article:  # type: ignore[no-untyped-def]
    facts: list[AnyFact] = []
    for n, (kind, text, extra) in enumerate(specs):
        sentence = next((s for s in article.sentences if text in s.text), None)
        if sentence is None:
            continue
        shown = text
        if kind == "organisation" and text == "Multinational Security Support":
            shown = "Multinational Security Support Mission"
        if kind == "quote":
            shown = sentence.text[sentence.text.index("“") + 1 : sentence.text.rindex("”")]
        facts.append(
            _TYPES[kind](
                id=f"f{n}",
                text=shown,
                sentence=sentence.id,
                featured=True,
                score=1.0 - n / 100,
                **extra,
            )
        )
    return dataclasses.replace(article, facts=tuple(facts))


def with_facts(pack: Pack) -> Pack:
    """Every article gets the facts its text holds; a multi pack also a combined list."""
    articles = tuple(add_facts(a) for a in pack.articles)
    extra: dict[str, object] = {}
    if len(articles) > 1:
        extra["facts"] = tuple(f for a in articles for f in a.facts)
        extra["summary"] = tuple(a.summary[0] for a in articles if a.summary)
    return dataclasses.replace(pack, articles=articles, **extra)
