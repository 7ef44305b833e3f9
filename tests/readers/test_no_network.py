"""Reading HTML and feeds opens no socket and expands no entity: remote images,
<link>s, scripts, frames, XInclude and external (SYSTEM) entities are all ignored."""

from __future__ import annotations

import socket
import urllib.request
import warnings
from pathlib import Path
from typing import Any

import pytest

from docexport.model import Article, plain_text
from docexport.readers import read_bytes

REMOTE = "http://198.51.100.7"  # TEST-NET-2: never routable


class _NoSocket(socket.socket):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("a reader tried to open a socket")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a reader tried to reach the network")

    monkeypatch.setattr(socket, "socket", _NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)


@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    """A local file that an entity or XInclude would pull in if resolved."""
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET-MARKER-4711\n", encoding="utf-8")
    return path


def _all_text(article: Article) -> str:
    parts = [article.headline, article.standfirst or "", *article.authors, *article.tags]
    for b in article.body:
        parts.append(plain_text(getattr(b, "inlines", ())) or getattr(b, "text", ""))
        for item in getattr(b, "items", ()):
            parts.append(plain_text(item))
    return "\n".join(parts)


def _read(data: bytes, name: str) -> list[Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(read_bytes(data, name=name).articles)


PARAS = "".join(
    f"<p>Paragraph {i} of the story carries enough words for the extractor to keep it.</p>"
    for i in range(6)
)


def test_html_with_remote_resources_and_external_entities(secret: Path) -> None:
    url = secret.as_uri()
    page = f"""<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY local SYSTEM "{url}">
  <!ENTITY remote SYSTEM "{REMOTE}/entity.txt">
  <!ENTITY % param SYSTEM "{REMOTE}/evil.dtd"> %param;
]>
<html xmlns:xi="http://www.w3.org/2001/XInclude" lang="en">
<head><title>Remote things</title>
<link rel="stylesheet" href="{REMOTE}/style.css">
<link rel="preload" href="{REMOTE}/font.woff2">
<link rel="canonical" href="https://news.example.org/story/1">
<script src="{REMOTE}/tracker.js"></script>
<base href="{REMOTE}/">
</head><body><article><h1>Remote things</h1>
<p>Local &local; and remote &remote; entities.</p>
<xi:include href="{url}" parse="text"/>
<img src="{REMOTE}/picture.png" alt="picture alt">
<iframe src="{REMOTE}/frame.html">frame fallback</iframe>
<object data="{REMOTE}/thing.swf"></object>
<p>A <a href="/relative/page">relative link</a> resolves against the canonical URL.</p>
{PARAS}</article></body></html>""".encode()
    (article,) = _read(page, "page.html")
    text = _all_text(article)
    assert "TOPSECRET" not in text
    assert "198.51.100.7" not in text and "picture alt" not in text
    assert "frame fallback" not in text
    links = [i.url for b in article.body for i in getattr(b, "inlines", ()) if hasattr(i, "url")]
    assert links == ["https://news.example.org/relative/page"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_with_external_entities_and_xinclude(secret: Path, kind: str) -> None:
    url = secret.as_uri()
    doctype = f"""<!DOCTYPE {kind} [
  <!ENTITY local SYSTEM "{url}">
  <!ENTITY remote SYSTEM "{REMOTE}/entity.txt">
  <!ENTITY word "EXPANDED-WORD">
]>"""
    content = (
        f'<![CDATA[<p>Body <img src="{REMOTE}/i.png"> text.</p>'
        f'<iframe src="{REMOTE}/f"></iframe><script src="{REMOTE}/s.js"></script>]]>'
    )
    if kind == "rss":
        body = f"""<rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Feed &word;</title><link>{REMOTE}/</link>
<item><title>Item &local; &remote; &word;</title><link>{REMOTE}/item</link>
<description>Summary &local;</description><content:encoded>{content}</content:encoded>
<xi:include href="{url}" parse="text"/></item></channel></rss>"""
    else:
        body = f"""<feed xmlns="http://www.w3.org/2005/Atom" xmlns:xi="http://www.w3.org/2001/XInclude">
<title>Feed &word;</title><link href="{REMOTE}/"/>
<entry><title>Item &local; &remote; &word;</title><link href="{REMOTE}/item"/>
<summary>Summary &local;</summary><content type="html">{content}</content>
<xi:include href="{url}" parse="text"/></entry></feed>"""
    data = f'<?xml version="1.0"?>\n{doctype}\n{body}'.encode()
    articles = _read(data, f"feed.{kind}")
    assert articles
    text = "\n".join(_all_text(a) for a in articles)
    assert "TOPSECRET" not in text
    assert "EXPANDED-WORD" not in text  # not even internal entities are expanded
    assert "i.png" not in text and "s.js" not in text


def test_entity_bomb_expands_nothing() -> None:
    levels = ['<!ENTITY a "aaaaaaaaaa">'] + [
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefg", "bcdefgh", strict=True)
    ]
    doctype = "<!DOCTYPE x [" + "".join(levels) + "]>"
    html = (
        f"{doctype}<html><head><title>Bomb</title></head><body><p>&h;&h;</p>{PARAS}</body></html>"
    )
    (a,) = _read(html.encode(), "bomb.html")
    assert len(_all_text(a)) < 5_000
    rss = (
        f'<?xml version="1.0"?>{doctype.replace("x [", "rss [")}<rss version="2.0"><channel>'
        "<title>B &h;</title><item><title>T &h;</title><description>D &h;</description></item>"
        "</channel></rss>"
    )
    (f,) = _read(rss.encode(), "bomb.rss")
    assert len(_all_text(f)) < 5_000
