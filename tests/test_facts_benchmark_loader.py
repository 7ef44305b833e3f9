"""benchmarks/facts.py reads every batch format: keyed inputs of every kind in sub-folders,
feeds whose key holds one key per item (paired by link, then by title), a null published
date and date items without an ISO form. On a small feed and key written here."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import _keyed  # noqa: E402
import facts  # noqa: E402

FEED = """<?xml version="1.0" encoding="gb2312"?>
<rss version="2.0"><channel><title>新闻</title><link>https://news.example.cn/</link>
<language>zh-cn</language>
<item><title>北京举行会议</title><link>https://news.example.cn/a1.html</link>
<pubDate>Mon, 15 Mar 2021 08:00:00 +0800</pubDate>
<description>北京市政府星期一在北京举行会议。会议讨论了城市交通问题，与会者认为需要更多公共汽车。</description>
</item>
<item><title>Storm hits Lisbon</title><link>https://news.example.cn/moved.html</link>
<description>A storm hit Lisbon on 12 March 2021, cutting power to 40,000 homes.
Mayor Carlos Moedas said crews would work through the night.</description>
</item>
<item><title>不在钥匙里的新闻</title><link>https://news.example.cn/a3.html</link>
<description>这条新闻没有钥匙。</description></item>
</channel></rss>
"""


def _item(link: str, title: str, **facts_of_item: Any) -> dict[str, Any]:
    empty: dict[str, Any] = {
        "published": None,
        "topic": "test",
        "people": [],
        "organisations": [],
        "places": [],
        "figures": [],
        "dates": [],
        "quotes": [],
    }
    return {**empty, **facts_of_item, "item_link": link, "item_title": title}


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    feeds = tmp_path / "batch9" / "feeds"
    feeds.mkdir(parents=True)
    (feeds / "zh-test-feed.rss").write_bytes(FEED.encode("gb2312"))
    key = {
        "slug": "zh-test-feed",
        "source": {"url": "https://news.example.cn/", "licence": "written for the test"},
        "language": "zh",
        "topic": "a test feed",
        "blind": True,
        "batch": 9,
        "feed": True,
        "items": [
            _item("https://news.example.cn/a1.html", "北京举行会议", places=["Beijing|北京"]),
            # The link changed since the key was written: paired by title.
            _item(
                "https://news.example.cn/a2.html",
                "Storm hits Lisbon",
                places=["Lisbon"],
                dates=[{"text": "12 March 2021", "iso": None}],
            ),
            # In the key but not in the feed: scored as found empty.
            _item(
                "https://news.example.cn/gone.html",
                "Gone",
                people=[{"name": "Nobody Here", "roles": [], "aliases": []}],
            ),
        ],
    }
    (feeds / "zh-test-feed.key.json").write_text(json.dumps(key), encoding="utf-8")
    pages = tmp_path / "batch9" / "pages"
    pages.mkdir()
    (pages / "en-plain.txt").write_text(
        "Talks in Geneva\nDelegates met in Geneva on Sunday to talk about trade.\n"
        "Original Source: example.org\n",
        encoding="utf-8",
    )
    plain_key = {
        **_item("", "", places=["Geneva"], dates=[{"text": "Sunday", "iso": None}]),
        "slug": "en-plain",
        "language": "en",
    }
    (pages / "en-plain.key.json").write_text(json.dumps(plain_key), encoding="utf-8")
    (pages / "no-key.txt").write_text("Not scored\nNo key for this one.\n", encoding="utf-8")
    return tmp_path


def test_keyed_inputs_are_found_in_sub_folders(batch: Path) -> None:
    names = [p.name for p in _keyed.inputs(batch)]
    assert names == ["zh-test-feed.rss", "en-plain.txt"]  # feeds/ sorts before pages/
    assert _keyed.inputs(batch, recursive=False) == []


def test_feed_items_pair_by_link_then_title(batch: Path) -> None:
    feed = next(p for p in _keyed.inputs(batch) if p.suffix == ".rss")
    items = list(_keyed.keyed_articles(feed))
    assert [k.label for k in items] == ["zh-test-feed#1", "zh-test-feed#2", "zh-test-feed#3"]
    first, second, gone = items
    assert first.article is not None and first.article.headline == "北京举行会议"  # GB2312
    assert first.article.published.startswith("2021-03-15")  # null in the key: the feed's date
    assert second.article is not None and second.article.headline == "Storm hits Lisbon"
    assert second.key["language"] == "zh" and second.key["batch"] == 9  # inherited
    assert gone.article is None


def test_the_report_scores_each_item_as_an_article(batch: Path) -> None:
    report = facts.evaluate(batch)
    assert report.articles == 4  # three feed items (one not in the feed) and the text file
    assert report.counts["place"].total == 3 and report.counts["place"].tp == 3
    # A date item without an ISO form matches by its text alone.
    assert report.counts["date"].total == 2 and report.counts["date"].tp == 2
    assert report.counts["person"].total == 1 and report.counts["person"].tp == 0
    assert any("NOT IN THE FEED 'Gone'" in m for m in report.misses)


def test_the_command_line_takes_any_folder(
    batch: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facts, "time_long_article", lambda: (3000, 0.1))
    assert facts.main(["--folder", str(batch), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "4 articles" in out and "box precision" in out
    assert facts.main(["--folder", str(batch / "nowhere")]) == 2
