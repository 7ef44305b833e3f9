"""Credits, prompts and furniture give no fact and no summary point, wherever they are left
(plain text keeps every line; the analysis skips them)."""

from __future__ import annotations

import pytest

from docexport.furniture import is_furniture, is_shouted

from ._helpers import article


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jane Roe; Editing by Tom Brown",
        "Additional reporting by Ali Hassan in Cairo",
        "Follow him on Twitter @LucasNolan_ or email him at lnolan@example.org",
        "Sign up for our daily newsletter",
        "Related: Chicago is America's most segregated city",
        "Read more: Shipping lines divert cargo",
        "Powered by SmartAsset.com",
        "Photo: JOHN DOE/AFP/Getty Images",
        "JIM WATSON/AFP/Getty Images",
        "By Jill Serjeant",
        "Comments are moderated.",
        "© 2024 Example News. All rights reserved.",
        "First published February 1, 2016: 1:28 AM ET",
        "转播到腾讯微博",
        "[责任编辑：alonliu]",
        "【未经授权，不得转载、摘编等。】",
        "TNW中文站2016年10月14日07:17",
        "تابعونا على تويتر",
        "Jane Roe is a reporter for Example News. Follow her on Twitter @janeroe",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices had risen by 12 percent.",
        "The president said he would follow the advice on Twitter.",
        "The report was published on Monday by the ministry.",
        "Dock workers in Mombasa returned to work on Monday.",
        "Jane Roe is a reporter who was detained in Kinshasa for six months.",
        "وقالت وزارة الخارجية إن الزيارة تستمر أسبوعا.",
    ],
)
def test_article_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_a_masthead_in_capitals_gives_no_fact() -> None:
    assert is_shouted("THE DAILY COURIER")
    a = article(
        "THE DAILY COURIER\nDock workers in Mombasa returned to work on Monday, 3 June 2024."
    )
    assert not any("COURIER" in f.text.upper() for f in a.facts)


def test_credit_and_prompt_lines_give_no_fact_and_no_summary_point() -> None:
    a = article(
        "Dock workers in Mombasa returned to work on Monday after the Kenya Ports Authority "
        "agreed to raise wages by 12 percent.\n"
        "The strike had lasted three weeks and left 40 ships waiting outside the port.\n"
        "Reporting by Jane Roe in Nairobi; Editing by Tom Brown\n"
        "Follow Amina Otieno on Twitter @aotieno for more updates from London"
    )
    names = {f.text for f in a.facts}
    for credited in ("Jane Roe", "Tom Brown", "Amina Otieno", "London"):
        assert credited not in names
    assert "Mombasa" in names
    assert not any("Editing by" in p or "Twitter" in p for p in a.summary)
