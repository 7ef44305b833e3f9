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


def test_a_point_restating_the_standfirst_across_its_sentences_is_dropped() -> None:
    a = article(
        "The regional government opened new flood barriers in Valencia on Tuesday. "
        "The barriers cost 45 million euros.\n"
        "On Tuesday the regional government opened the 45 million euro flood barriers in "
        "Valencia.\n"
        "Engineers from three universities checked the structure during the past winter.\n"
        "Residents of the old town had asked for protection after the floods of 2019.\n"
        "Insurance companies say premiums in the area could now fall by a fifth."
    )
    assert not any(p.startswith("On Tuesday the regional government opened") for p in a.summary)
    assert 3 <= len(a.summary) <= 5


def test_no_point_opens_with_the_25_year_old() -> None:
    a = article(
        "A striker signed a new contract with the club on Monday.\n"
        "The 25-year-old scored 19 goals in the league last season for the northern club.\n"
        "The club's chairman said the deal would run until the summer of 2028.\n"
        "Supporters gathered outside the stadium to celebrate the announcement on Monday.\n"
        "The contract makes him the best-paid player in the history of the club."
    )
    assert a.summary
    assert not any(p.lower().startswith("the 25-year-old") for p in a.summary)


def test_an_article_over_150_words_gets_three_points_even_with_short_sentences() -> None:
    short = [
        f"Crews cleared {n} roads." if n % 2 else f"Power returned to {n} villages."
        for n in range(2, 40)
    ]
    a = article("Storm recovery continues across the region.\n" + "\n".join(short))
    assert sum(len(s.split()) for s in short) > 150
    assert 3 <= len(a.summary) <= 5
