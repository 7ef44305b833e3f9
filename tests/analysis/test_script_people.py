"""People and quote speakers in Arabic, Chinese, Hebrew and Russian, where a title or a verb
of saying names them; listed, not boxed, where nothing ends the name clearly or the only
cue does not say where a Chinese name begins (sentences written for the test)."""

from __future__ import annotations

from docexport.analysis.scriptpeople import ARABIC, cjk_people, word_script_people
from docexport.model import Person, Quote

from ._helpers import article, facts


def _people(a):  # type: ignore[no-untyped-def]
    return {f.text: f for f in facts(a, "person") if isinstance(f, Person)}


def _speaker(a, opening: str):  # type: ignore[no-untyped-def]
    """The speaker of the quote that opens with ``opening``."""
    (quote,) = [f for f in facts(a, "quote") if isinstance(f, Quote) and f.text.startswith(opening)]
    return quote.speaker


def test_arabic_title_names_a_person_with_the_role_and_the_quote_speaker() -> None:
    a = article(
        "وقال الرئيس الفلسطيني محمود عباس في رام الله إن المفاوضات ستستأنف الشهر المقبل. "
        "«سنواصل العمل من أجل السلام مهما كانت الصعوبات»، قال عباس للصحفيين.\n"
        "من جهته، أكد وزير الخارجية الأردني أيمن الصفدي ضرورة وقف التصعيد في المنطقة.",
        headline="عباس: المفاوضات ستستأنف",
    )
    people = _people(a)
    assert people["محمود عباس"].role == "الرئيس الفلسطيني" and people["محمود عباس"].featured
    assert people["أيمن الصفدي"].role == "وزير الخارجية الأردني"
    assert "عباس" in people["محمود عباس"].aliases  # the surname is the same person
    assert _speaker(a, "سنواصل العمل") == "محمود عباس"


def test_arabic_speaker_before_the_quote_and_unnamed_sources() -> None:
    a = article(
        "وقال المتحدث باسم وزارة الخارجية الأمريكية نيد برايس: «نحن قلقون جدا من "
        "التطورات الأخيرة في المنطقة». وقال مسؤول أمريكي إن المحادثات مستمرة.",
        headline="واشنطن قلقة",
    )
    people = _people(a)
    assert set(people) == {"نيد برايس"}  # "مسؤول أمريكي" (an official) names nobody
    assert people["نيد برايس"].role == "المتحدث باسم وزارة الخارجية الأمريكية"
    assert _speaker(a, "نحن قلقون جد") == "نيد برايس"


def test_an_arabic_name_without_a_clear_end_is_listed_not_boxed() -> None:
    found = word_script_people(
        "واستقبل الرئيس المصري عبد الفتاح السيسي الوفد في القاهرة.", ARABIC, {}
    )
    assert [(f.rule, f.loose) for f in found] == [("script-title", True)]
    a = article(
        "واستقبل الرئيس المصري عبد الفتاح السيسي الوفد في القاهرة لبحث التعاون بين البلدين.",
        headline="السيسي يستقبل وفدا",
    )
    assert all(not p.featured for p in _people(a).values())


def test_a_loose_name_is_cut_to_the_name_the_article_ends_clearly() -> None:
    a = article(
        "تسافر المسؤولة رفيعة المستوى للدبلوماسية العامة ليز آلن إلى عمان الأسبوع المقبل. "
        "وتلتقي المسؤولة رفيعة المستوى آلن بمسؤولين حكوميين في الأردن.",
        headline="زيارة",
    )
    people = _people(a)
    assert set(people) == {"ليز آلن"} and "آلن" in people["ليز آلن"].aliases


def test_chinese_title_before_the_name_and_the_speaker() -> None:
    a = article(
        "外交部发言人汪文斌表示，中方坚决反对任何形式的单边制裁。"
        "美国总统拜登周二在白宫说：“我们将继续与盟友合作，共同应对挑战。”"
        "美国总统选举将于11月举行。",
        headline="中方回应制裁",
    )
    people = _people(a)
    assert people["汪文斌"].role == "发言人" and people["汪文斌"].featured
    assert people["拜登"].role == "总统"
    assert "选举" not in "".join(people)
    assert _speaker(a, "我们将继续与盟友合作") == "拜登"


def test_a_chinese_name_found_only_by_a_verb_of_saying_is_listed() -> None:
    found = cjk_people(
        "据报道，马斯克表示，特斯拉将在下月降价。公司表示，销量增长。他在会上说，将加快改革。", {}
    )
    assert [("马斯克" if f.rule == "script-speech" else f.rule) for f in found] == ["马斯克"]
    a = article(
        "据报道，马斯克表示，特斯拉将在下月降价，以应对激烈的市场竞争。", headline="特斯拉降价"
    )
    people = _people(a)
    assert "马斯克" in people and not people["马斯克"].featured


def test_hebrew_title_and_quote_speaker() -> None:
    a = article(
        "ראש הממשלה בנימין נתניהו אמר כי ישראל תמשיך לפעול נגד האיום. "
        '"אנחנו לא נעצור עד שנשיג את כל המטרות", אמר נתניהו בישיבת הממשלה.',
        headline="נתניהו: נמשיך לפעול",
    )
    people = _people(a)
    assert people["בנימין נתניהו"].role == "ראש הממשלה" and people["בנימין נתניהו"].featured
    assert _speaker(a, "אנחנו לא נעצ") == "בנימין נתניהו"


def test_russian_titles_their_places_and_both_orders_of_saying() -> None:
    a = article(
        "Министр иностранных дел России Сергей Лавров заявил, что переговоры продолжатся. "
        "«Мы готовы к диалогу без предварительных условий», — сказал пресс-секретарь Кремля "
        "Дмитрий Песков. Президент России Владимир Путин провёл совещание с членами "
        "правительства.",
        headline="Переговоры продолжатся",
    )
    people = _people(a)
    assert people["Сергей Лавров"].role == "Министр иностранных дел России"
    assert people["Дмитрий Песков"].role == "пресс-секретарь Кремля"
    assert people["Владимир Путин"].role == "Президент России"
    assert all(people[n].featured for n in ("Сергей Лавров", "Дмитрий Песков"))
    assert _speaker(a, "Мы готовы к ") == "Дмитрий Песков"
    b = article(
        "Глава МИД Сергей Лавров заявил: «Санкции не достигнут своей цели, это очевидно всем».",
        headline="Лавров о санкциях",
    )
    assert _speaker(b, "Санкции не д") == "Сергей Лавров"


def test_latin_text_is_read_as_before() -> None:
    a = article(
        "Kenya's President William Ruto said on Tuesday that the mission would go ahead. "
        "“We will not abandon Haiti,” Ruto said.",
        headline="Ruto backs mission",
    )
    assert _people(a)["William Ruto"].role == "President"
    assert _speaker(a, "We will not ") == "William Ruto"
