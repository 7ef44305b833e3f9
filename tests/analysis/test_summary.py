from __future__ import annotations

from ._helpers import article


def test_points_do_not_repeat_the_standfirst() -> None:
    a = article(
        "Kenya will send 600 more police officers to Haiti. "
        "The United Nations extended the mission "
        "for a year. Both leaders urged international support for the mission.\n"
        "Body text that says something else entirely about the matter at hand.\n"
        "The police officers are currently training in Nairobi for their deployment.\n"
        "Officials expect the first group of officers to arrive within four weeks."
    )
    assert "Kenya will send 600 more police officers to Haiti." not in a.summary
    assert "Body text that says something else entirely about the matter at hand." in a.summary


def test_standfirst_is_the_last_resort() -> None:
    a = article(
        "Kenya will send 600 more police officers to Haiti. "
        "The United Nations extended the mission for a year.\nShort body."
    )
    assert "Kenya will send 600 more police officers to Haiti." in a.summary


def test_closing_summary_when_the_standfirst_is_short() -> None:
    a = article(
        "A short standfirst about the flood barriers in the city.\n"
        "The barriers were built over three long years by the regional government.\n"
        "In summary, the city is now safer than it was a year ago. "
        "The barriers cost 45 million euros "
        "in total. Residents welcomed the work of the engineers."
    )
    assert "The city is now safer than it was a year ago." in a.summary


def test_ranked_points_have_no_dangling_pronouns_duplicates_or_cut_quotes() -> None:
    text = "\n".join(
        [
            "Flood barriers are ready.",
            "The regional government of Valencia said on Tuesday that new flood barriers are ready "
            "for the coming storm season.",
            'He said "the works are finished. We are safe now" and left the town hall.',
            "The regional government of Valencia said on Tuesday that new flood barriers are ready "
            "for the coming storm season.",
            "The barriers cost 45 million euros and were paid for by the regional government.",
            "Engineers from three universities checked the barriers during the past winter months.",
        ]
    )
    a = article(text)
    assert 3 <= len(a.summary) <= 5
    assert len(set(a.summary)) == len(a.summary)
    for point in a.summary:
        assert point.split()[0].lower() not in ("he", "she", "they", "it", "this")
        assert point.count('"') % 2 == 0
