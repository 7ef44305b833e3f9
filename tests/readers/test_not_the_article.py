"""Lines that are not the article (credits, prompts, related links, rights notices) are
dropped from the body by the HTML and feed readers; the article's own text is kept."""

from __future__ import annotations

from docexport.model import Article, block_text
from docexport.readers import read_bytes

_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Port strike ends after three weeks</title></head><body><article>
<h1>Port strike ends after three weeks</h1>
<p>SIGN UP FOR OUR NEWSLETTER</p>
<p>Dock workers in Mombasa returned to work on Monday after the Kenya Ports Authority agreed
to raise wages by 12 percent, ending a strike that had lasted three weeks.</p>
<p><a href="https://example.org/related">Five things to know about the port</a></p>
<p>Related: Shipping lines divert cargo to Dar es Salaam</p>
<p>"We have an agreement that both sides can live with," said union leader Amina Otieno.</p>
<p>Photo: JOHN DOE/AFP/Getty Images</p>
<p>Reporting by Jane Roe; Editing by Tom Brown</p>
<p>Jane Roe is a reporter for Example News covering East Africa. Follow her on Twitter
@janeroe or email her at jane@example.org</p>
<p>Comments are moderated. Please read our community guidelines.</p>
<p>© 2024 Example News. All rights reserved.</p>
</article></body></html>"""

_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example</title><link>https://example.org/</link>
<description>d</description>
<item><title>Port strike ends</title><link>https://example.org/a</link>
<description>Dock workers in Mombasa returned to work on Monday.

Follow us on Twitter for more updates.

Sign up for our daily briefing email.</description></item>
</channel></rss>"""


def _body(article: Article) -> str:
    return "\n".join(block_text(b) for b in article.body)


def test_a_page_keeps_the_article_and_drops_its_furniture() -> None:
    article = read_bytes(_PAGE.encode(), name="page.html").articles[0]
    body = _body(article)
    assert "Dock workers in Mombasa returned to work" in body
    assert "We have an agreement that both sides can live with" in body
    for furniture in (
        "SIGN UP FOR OUR NEWSLETTER",
        "Five things to know about the port",
        "Related: Shipping lines",
        "JOHN DOE/AFP",
        "Reporting by Jane Roe",
        "Follow her on Twitter",
        "Comments are moderated",
        "All rights reserved",
    ):
        assert furniture not in body, furniture


def test_a_feed_item_drops_prompts_from_its_text() -> None:
    article = read_bytes(_FEED.encode(), name="feed.rss").articles[0]
    body = _body(article)
    assert "Dock workers in Mombasa returned to work on Monday." in body
    assert "Follow us on Twitter" not in body
    assert "Sign up for our daily briefing" not in body
