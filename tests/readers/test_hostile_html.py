"""Hostile pages: deep nesting, broken or lying encoding declarations, huge trees and
garbage finish quickly with a pack or a one-line InputError, never a hang or a crash."""

from __future__ import annotations

import time
import warnings

import pytest

from docexport.errors import InputError
from docexport.model import Paragraph, plain_text
from docexport.readers import Reading
from docexport.readers.html import MAX_TREE_ELEMENTS, read_html
from docexport.readers.htmlsafe import MAX_HTML_BYTES, declared_charset, page_text

PARAS = b"".join(
    b"<p>Paragraph %d of the story carries enough words for the extractor to keep it.</p>" % i
    for i in range(6)
)


def _timed(data: bytes, limit: float = 5.0) -> Reading | InputError:
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result: Reading | InputError = read_html(data, name="hostile.html")
    except InputError as exc:
        assert "\n" not in str(exc)
        result = exc
    assert time.perf_counter() - start < limit
    return result


def test_deep_nesting_is_bounded() -> None:
    page = b"<html><head><title>Deep</title></head><body>" + b"<div>" * 100_000 + PARAS
    result = _timed(page + b"</div>" * 100_000 + b"</body></html>")
    # libxml2 stops at its depth limit; what it kept is read, or the page is refused.
    assert isinstance(result, (Reading, InputError))


def test_deep_inline_nesting_is_bounded() -> None:
    page = b"<html><head><title>Deep</title></head><body>" + PARAS + b"<p>" + b"<b><i>" * 20_000
    result = _timed(page + b"end</p></body></html>")
    assert isinstance(result, Reading)
    assert plain_text(result.articles[0].body[0].inlines).startswith("Paragraph 0")  # type: ignore[union-attr]


def test_lying_charset_falls_back_to_detection() -> None:
    page = (
        b'<html><head><meta charset="utf-8"><title>Caf\xe9 cr\xe8me</title></head><body>'
        + PARAS
        + b"</body></html>"
    )
    result = _timed(page)
    assert isinstance(result, Reading)
    assert result.articles[0].headline == "Café crème"


def test_unknown_and_utf7_charsets_are_ignored() -> None:
    assert declared_charset(b'<meta charset="x-no-such-thing">') is None
    assert declared_charset(b'<meta charset="utf-7">') is None
    assert (
        declared_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        )
        == "cp1252"
    )
    text, how = page_text(b'<meta charset="utf-7"><title>A+ADw-script+AD4-</title>')
    assert "<script>" not in text and how == "detected"


def test_declared_legacy_charset_is_used() -> None:
    body = "<p>Пример текста на русском языке для проверки кодировки страницы.</p>" * 4
    page = (
        '<html><head><meta charset="koi8-r"><title>Заголовок</title></head><body>'
        + body
        + "</body></html>"
    ).encode("koi8-r")
    result = _timed(page)
    assert isinstance(result, Reading)
    assert result.articles[0].headline == "Заголовок"


def test_too_many_elements_is_refused() -> None:
    page = b"<html><head><title>M</title></head><body>" + b"<span>a</span>" * (
        MAX_TREE_ELEMENTS + 10
    )
    result = _timed(page + b"</body></html>")
    assert isinstance(result, InputError) and "elements" in str(result)


def test_oversized_page_is_refused_before_parsing() -> None:
    with pytest.raises(InputError, match="over the reader's limit"):
        read_html(b" " * (MAX_HTML_BYTES + 1), name="big.html")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n ",
        bytes(range(256)) * 50,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 500,
        b"<html></html>",
        b"<html><body><script>alert(1)</script></body></html>",
    ],
    ids=["empty", "blank", "binary", "png", "empty-page", "script-only"],
)
def test_garbage_is_a_clear_error(data: bytes) -> None:
    result = _timed(data)
    assert isinstance(result, InputError)


def test_page_without_title_uses_first_heading_or_fails_clearly() -> None:
    result = _timed(b"<html><body><h2>Only a heading</h2>" + PARAS + b"</body></html>")
    assert isinstance(result, Reading)
    assert result.articles[0].headline == "Only a heading"
    assert all(isinstance(b, Paragraph) for b in result.articles[0].body)
