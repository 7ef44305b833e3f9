from __future__ import annotations

from docexport.analysis.ranking import BOX_CAP, KIND_CAPS, feature, score
from docexport.model import Person, Quote


def test_score_prefers_frequent_early_prominent_facts() -> None:
    early = score(mentions=5, first_position=0.0, in_lead=True, in_headline=True)
    late = score(mentions=1, first_position=0.9, in_lead=False, in_headline=False)
    assert early > late


def test_feature_respects_kind_caps_and_the_box_cap() -> None:
    people = [
        Person(id=f"a1-person-{n}", text=f"P{n}", score=1.0 - n / 100, confidence=0.9)
        for n in range(30)
    ]
    quotes = [
        Quote(id=f"a1-quote-{n}", text=f"q{n} words here", score=2.0, confidence=0.9)
        for n in range(5)
    ]
    ranked = feature(people + quotes)
    featured = [f for f in ranked if f.featured]
    assert len(featured) <= BOX_CAP
    assert sum(f.kind == "quote" for f in featured) == KIND_CAPS["quote"]
    assert sum(f.kind == "person" for f in featured) == KIND_CAPS["person"]
    assert [f.id for f in ranked][:2] == ["a1-quote-0", "a1-quote-1"]  # best first


def test_a_fact_below_the_confidence_threshold_is_never_boxed() -> None:
    """The box shows only facts confident enough, however high they rank."""
    sure = Person(id="a1-person-1", text="Ann Lee", score=0.2, confidence=0.9)
    unsure = Person(id="a1-person-2", text="Asistencia Pública", score=1.5, confidence=0.5)
    ranked = feature([sure, unsure])
    assert [f.id for f in ranked] == ["a1-person-2", "a1-person-1"]  # still listed, ranked
    assert {f.id: f.featured for f in ranked} == {"a1-person-1": True, "a1-person-2": False}
