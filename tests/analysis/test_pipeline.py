"""The analysis as a whole: the seed's key facts (issue 2), ids, pointers, packs."""

from __future__ import annotations

import dataclasses

from docexport.analysis import analyse_article, analyse_pack
from docexport.model import Article, Pack, Paragraph, Text


def _by_kind(article: Article, kind: str) -> dict[str, object]:
    return {f.text: f for f in article.facts if f.kind == kind}


def test_seed_key_facts_are_right_and_featured(seed_pack: Pack) -> None:
    a = seed_pack.articles[0]
    people = _by_kind(a, "person")
    assert set(people) == {"William Ruto", "Garry Conille"}
    assert people["William Ruto"].role == "President"  # type: ignore[attr-defined]
    assert people["Garry Conille"].role == "Prime Minister"  # type: ignore[attr-defined]
    orgs = _by_kind(a, "organisation")
    assert orgs["Multinational Security Support Mission"].acronym == "MSS"  # type: ignore[attr-defined]
    assert orgs["United Nations"].acronym == "UN"  # type: ignore[attr-defined]
    assert "Haitian National Police" in orgs
    assert {"Kenya", "Haiti", "Nairobi"} <= set(_by_kind(a, "place"))
    figures = {f.value: f for f in a.facts if f.kind == "figure"}  # type: ignore[union-attr]
    assert figures[600].label == "additional police officers"  # type: ignore[union-attr]
    assert figures[12e6].label == "citizens"  # type: ignore[union-attr]
    assert _by_kind(a, "date")["2025-2027"].iso == "2025/2027"  # type: ignore[attr-defined]
    quotes = [(f.text, f.speaker) for f in a.facts if f.kind == "quote"]  # type: ignore[union-attr]
    assert len(quotes) == 2
    assert any(
        t.startswith("…this is a battle we can win") and s == "William Ruto" for t, s in quotes
    )
    assert any(t.startswith("To achieve lasting change") and s == "William Ruto" for t, s in quotes)
    featured = {(f.kind, f.text) for f in a.facts if f.featured}
    for kind, text in [
        ("person", "William Ruto"), ("person", "Garry Conille"), ("place", "Kenya"),
        ("place", "Haiti"), ("place", "Nairobi"), ("organisation", "United Nations"),
        ("organisation", "Haitian National Police"), ("date", "2025-2027"),
        ("organisation", "Multinational Security Support Mission"),
    ]:  # fmt: skip
        assert (kind, text) in featured, (kind, text)
    assert {f.value for f in a.facts if f.featured and f.kind == "figure"} >= {600, 12e6}  # type: ignore[union-attr]
    assert sum(f.featured for f in a.facts) <= 14
    assert a.language == "en"
    # The points add to the standfirst printed above them: news first, then the closing summary.
    assert 3 <= len(a.summary) <= 4
    assert any("600 police officers" in p for p in a.summary)
    assert any(p.startswith("President William Ruto’s appeal") for p in a.summary)
    assert not any(p in (a.standfirst or "") for p in a.summary)


def test_ids_are_unique_and_every_fact_points_at_its_sentence(multi_pack: Pack) -> None:
    sentence_ids = [s.id for a in multi_pack.articles for s in a.sentences]
    assert len(sentence_ids) == len(set(sentence_ids))
    for n, a in enumerate(multi_pack.articles, 1):
        assert all(s.id.startswith(f"a{n}s") for s in a.sentences)
        ids = [f.id for f in a.facts]
        assert len(ids) == len(set(ids))
        by_id = {s.id: s for s in a.sentences}
        for f in a.facts:
            assert f.id.startswith(f"a{n}-{f.kind}-")
            assert f.sentence in by_id
            if f.kind in ("quote", "figure"):
                assert f.text.split()[0].strip('“”"«»…') in by_id[f.sentence].text


def test_multi_article_pack_summary_and_combined_facts(multi_pack: Pack) -> None:
    assert len(multi_pack.summary) == len(multi_pack.articles)
    named = [
        (f.kind, f.text.lower())
        for f in multi_pack.facts
        if f.kind in ("person", "organisation", "place")
    ]
    assert len(named) == len(set(named))  # merged across articles
    assert ("person", "william ruto") in named and ("person", "maría josé catalá") in named
    figures = [f for f in multi_pack.facts if f.kind == "figure"]
    assert {f.id.split("-")[0] for f in figures} >= {"a1", "a2"}  # kept with their article
    assert 0 < sum(f.featured for f in multi_pack.facts) <= 14


def test_non_latin_text_degrades_gracefully(multi_pack: Pack) -> None:
    third = multi_pack.articles[2]  # English with Greek, Cyrillic and Vietnamese lines
    assert third.sentences and third.language == "en"
    assert all(f.kind != "person" for f in third.facts)
    greek = analyse_article(
        Article(
            headline="Νέα μέτρα για την οικονομία",
            standfirst="Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα ύψους 2 δισεκατομμυρίων.",
            body=(
                Paragraph(
                    id="p1", inlines=(Text(text="Ο υπουργός Οικονομικών μίλησε στη Βουλή."),)
                ),
            ),
        )
    )
    assert greek.language == "el" and greek.sentences
    assert all(f.kind in ("figure", "date", "quote") for f in greek.facts)


def test_deterministic(seed_pack: Pack) -> None:
    raw = dataclasses.replace(
        seed_pack.articles[0], facts=(), sentences=(), summary=(), language=None
    )
    once = analyse_pack(dataclasses.replace(seed_pack, articles=(raw,)))
    twice = analyse_pack(dataclasses.replace(seed_pack, articles=(raw,)))
    assert once == twice
