from __future__ import annotations

from ._helpers import article, facts


def _quotes(a):  # type: ignore[no-untyped-def]
    return {q.text: q.speaker for q in facts(a, "quote")}


def test_speaker_patterns() -> None:
    a = article(
        "Senator John Cornyn criticised the plan.\n"
        '"We want to thank all of the locations that applied," said Charles Bolden, the NASA '
        'Administrator. "This was a very difficult decision for all of us," he added.\n'
        "Governor of Washington Chris Gregoire said, “The museum put a tremendous effort "
        "into this bid.”\n"
        "“Her skin was weeping and her body was malnourished,” according to the "
        "Sydney Morning Herald."
    )
    q = _quotes(a)
    assert q["We want to thank all of the locations that applied,"] == "Charles Bolden"
    assert q["This was a very difficult decision for all of us,"] == "Charles Bolden"
    assert q["The museum put a tremendous effort into this bid."] == "Chris Gregoire"
    assert q["Her skin was weeping and her body was malnourished,"] == "Sydney Morning Herald"


def test_pronouns_and_stating_point_back_to_the_subject() -> None:
    a = article(
        "In talks with Haiti Prime Minister Garry Conille, President William Ruto announced more "
        "police. He stressed the urgency, stating, “…this is a battle we can win if our friends "
        "stand with Haiti.”\nThe meeting ended."
    )
    assert _quotes(a) == {
        "…this is a battle we can win if our friends stand with Haiti.": "William Ruto"
    }


def test_quotes_across_sentences_guillemets_and_german_marks() -> None:
    a = article(
        "« La Lettonie est un pays libre. Mais elle doit être équitable pour tous », a déclaré "
        "le président Edgars Rinkevics.\nDie Abgeordnete Christina Jantz erklärte dazu: "
        "„Wir möchten "
        "eine möglichst breite gesellschaftliche Debatte.“"
    )
    q = _quotes(a)
    assert (
        q["La Lettonie est un pays libre. Mais elle doit être équitable pour tous"]
        == "Edgars Rinkevics"
    )
    assert q["Wir möchten eine möglichst breite gesellschaftliche Debatte."] == "Christina Jantz"


def test_scare_quotes_are_not_quotes_and_nothing_is_invented() -> None:
    a = article(
        'The BBC called the area "hard hit." The report spoke of a "sleeper issue" today.\nNo more.'
    )
    assert facts(a, "quote") == []
