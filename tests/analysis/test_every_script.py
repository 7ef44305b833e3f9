"""Every script: places, dates, figures and quotes in texts without capitals, digits of
any script, and nothing wrong in the box (sentences written for the test)."""

from __future__ import annotations

from docexport.analysis.worldnames import ascii_digits, month_names
from docexport.analysis.worldscripts import find_world_dates, find_world_figures

from ._helpers import article


def _by_kind(a, kind):  # type: ignore[no-untyped-def]
    return [f for f in a.facts if f.kind == kind]


def test_digits_of_any_script_keep_their_offsets() -> None:
    text = "بين ١٩ و٢٦ آب، ۱۲ نفر"
    digits = ascii_digits(text)
    assert len(digits) == len(text)
    assert "19" in digits and "26" in digits and "12" in digits


def test_month_names_of_every_regional_variant() -> None:
    months = month_names("ar")
    assert months["آب"] == 8 and months["أغسطس"] == 8 and months["أوت"] == 8
    assert month_names("ru")["января"] == 1


def test_arabic_places_dates_and_bodies() -> None:
    a = article(
        "قالت وزارة الخارجية الأمريكية إن الوزير يزور عمان وبيروت والقدس من ١٩ إلى ٢٦ "
        "آب/أغسطس 2022، ثم يتوجه إلى الأردن.",
        headline="زيارة إقليمية",
    )
    places = {f.text for f in _by_kind(a, "place")}
    assert {"Amman", "Beirut", "Jerusalem", "Jordan"} <= places
    dates = _by_kind(a, "date")
    assert any(d.iso == "2022-08-19/2022-08-26" for d in dates)
    assert "وزارة الخارجية الأمريكية" in {f.text for f in _by_kind(a, "organisation")}
    # numbers inside a date are no figures
    assert not [f for f in _by_kind(a, "figure") if f.value in (19, 26)]


def test_chinese_places_dates_figures_and_a_latin_name() -> None:
    a = article(
        "谷歌在2014年收购的公司DeepMind表示，开发人员在伦敦向系统提供了大约3000万记录。",
        headline="人工智能新进展",
    )
    assert "London" in {f.text for f in _by_kind(a, "place")}
    assert any(d.iso == "2014" for d in _by_kind(a, "date"))
    figures = _by_kind(a, "figure")
    assert any(f.value == 30_000_000 and f.label == "记录" for f in figures)
    assert "DeepMind" in {f.text for f in _by_kind(a, "organisation")}


def test_cjk_dates_resolve() -> None:
    dates = find_world_dates("他在2016年10月14日发表讲话，10月20日再次出席。", "zh", "2016-10-21")
    assert [d.iso for d in dates] == ["2016-10-14", "2016-10-20"]


def test_world_figures_need_a_unit_or_a_counted_noun() -> None:
    figures = find_world_figures("ارتفعت الأسعار 12 بالمئة وقتل أكثر من 41 ألف فلسطيني في 3", "ar")
    values = {(f.value, f.unit, f.label) for f in figures}
    assert (12.0, "%", None) in values
    assert (41_000.0, None, "فلسطيني") in values
    assert not any(f.value == 3 for f in figures)  # a bare number says nothing


def test_quotes_in_every_convention() -> None:
    a = article(
        "Die Ministerin sagte: »Wir werden die Verhandlungen in der nächsten Woche "
        "fortsetzen.« Der Sprecher fügte hinzu, man sei zuversichtlich.",
        headline="Verhandlungen gehen weiter",
    )
    assert any("Verhandlungen in der nächsten Woche" in q.text for q in _by_kind(a, "quote"))
    b = article("他说：「我们将在下周继续进行谈判，并且希望尽快达成协议。」", headline="谈判")
    assert any("继续进行谈判" in q.text for q in _by_kind(b, "quote"))


def test_nothing_unconfident_is_boxed_in_a_non_latin_text() -> None:
    a = article(
        "Президент заявил, что переговоры продолжатся в Москве 12 марта 2024 года. "
        "По его словам, в них примут участие 15 делегаций.",
        headline="Переговоры продолжатся",
    )
    for f in a.facts:
        if f.featured:
            assert f.confidence >= 0.6
    assert any(d.iso == "2024-03-12" for d in _by_kind(a, "date"))
