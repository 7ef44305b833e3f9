"""Property-based tests: arbitrary text through the text reader, and arbitrary
models through every renderer. Each output must be valid (every EPUB XHTML file
parses as XML, python-docx opens the DOCX, pypdf opens the PDF and extracts
text) and hold the model's words.

Profiles: ``ci`` (default; deterministic, about 150 examples in all) and
``slow`` (thousands): ``HYPOTHESIS_PROFILE=slow python -m pytest tests/test_properties.py``.
The ``@pytest.mark.slow`` test runs the slow profile's numbers regardless.
"""

from __future__ import annotations

import os
import re
import unicodedata
import warnings
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import docexport
from docexport.errors import InputError
from docexport.model import (
    FACT_TYPES,
    PARAGRAPH_ROLES,
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    Inline,
    Link,
    ListBlock,
    Pack,
    Paragraph,
    Sentence,
    Source,
    Text,
    block_text,
)
from docexport.textutil import strip_illegal
from tests.readback import TEXT_OF

settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    # Shrinking a rendered example can take minutes; CI reports the raw one.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "slow",
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
SCALE = 25 if PROFILE == "slow" else 1
FORMATS = ("docx", "pdf", "epub")


def profile(examples: int, *, scale: int | None = None) -> settings:
    """The active profile with ``examples`` (times the slow profile's factor)."""
    return settings(
        settings.get_profile(PROFILE if scale is None else "slow"),
        max_examples=examples * (SCALE if scale is None else scale),
    )


# --------------------------------------------------------------------------- checking outputs


def _flat(text: str) -> str:
    """No white space, hyphens or soft hyphens: PDF hyphenation and line breaks;
    NFC, as every renderer writes text (the shared layer normalises it)."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", unicodedata.normalize("NFC", text))


_ASCII_WORD = re.compile(r"^[A-Za-z0-9]{2,}$")


def model_words(pack: Pack, limit: int = 24) -> list[str]:
    """A sample of whole words the body of every article must show."""
    words: list[str] = []
    for article in pack.articles:
        texts = [article.headline, article.standfirst or ""]
        texts += [block_text(b) for b in article.body]
        for t in texts:
            words += [w for w in t.split() if w.isalnum() and len(w) >= 2]
    if len(words) > limit:
        step = len(words) / limit
        words = [words[int(i * step)] for i in range(limit)]
    return words


def assert_renders(pack: Pack) -> None:
    """Every format renders, is valid, and holds the sampled words."""
    words = model_words(pack)
    for fmt in FORMATS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = docexport.render(pack, fmt)
        text = _flat(TEXT_OF[fmt](data))
        for w in words:
            # PDF text extraction reorders right-to-left runs and may split
            # combining sequences: there, check plain Latin words and digits.
            if fmt == "pdf" and not _ASCII_WORD.match(w):
                continue
            assert _flat(w) in text, f"{fmt}: word {w!r} missing"


# --------------------------------------------------------------------------- arbitrary text


# Any code point, surrogates and controls included: the reader must cope.
any_char = st.characters(codec=None)
line = st.text(any_char, min_size=0, max_size=120)
prose_word = st.text(st.characters(categories=("Lu", "Ll", "Nd")), min_size=2, max_size=12)


@st.composite
def article_text(draw: st.DrawFn) -> str:
    headline = draw(st.lists(prose_word, min_size=1, max_size=6).map(" ".join))
    paras = draw(
        st.lists(
            st.one_of(line, st.lists(st.one_of(prose_word, line), max_size=12).map(" ".join)),
            max_size=6,
        )
    )
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r"]))
    source = draw(st.sampled_from(["", "Original Source: example.org", "Source: https://x.test/a"]))
    return sep.join([headline, *paras, source])


@given(text=article_text())
@profile(40)
def test_arbitrary_text_through_reader_and_renderers(text: str) -> None:
    try:
        pack = docexport.load_text(text)
    except InputError:
        return  # a clear refusal is an allowed outcome
    assert_renders(pack)


@given(text=st.text(any_char, max_size=300))
@profile(30)
def test_any_string_is_read_or_refused_cleanly(text: str) -> None:
    """No input makes the reader raise anything but InputError, and what it
    keeps holds no character XML cannot hold."""
    try:
        pack = docexport.load_text(text, analyse=False)
    except InputError:
        return
    article = pack.articles[0]
    for t in [article.headline, article.standfirst or "", *(block_text(b) for b in article.body)]:
        assert strip_illegal(t) == t


# --------------------------------------------------------------------------- arbitrary models

# Model text: anything XML can hold (readers strip the rest).
xml_char = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
model_text = st.text(xml_char, min_size=0, max_size=40)
words_text = st.lists(st.one_of(prose_word, model_text), min_size=1, max_size=8).map(" ".join)
marks = st.lists(st.sampled_from(["emphasis", "strong", "code"]), unique=True, max_size=3).map(
    tuple
)
urls = st.one_of(
    st.sampled_from(
        [
            "https://example.org/a?b=1&c=<2>",
            "javascript:alert(1)",
            "mailto:someone@example.org",
            "file:///etc/passwd",
            "",
            " ",
            "#fragment",
            'http://x.test/"quoted"',
        ]
    ),
    model_text,
)
inline: st.SearchStrategy[Inline] = st.one_of(
    st.builds(Text, text=words_text, marks=marks),
    st.builds(Link, text=words_text, url=urls, marks=marks),
)
inlines = st.lists(inline, min_size=0, max_size=4).map(tuple)


@st.composite
def blocks(draw: st.DrawFn) -> tuple[Block, ...]:
    out: list[Block] = []
    for i in range(draw(st.integers(0, 7))):
        bid = draw(st.sampled_from([f"b{i}", "standfirst", "p1", "", "x y"]))
        kind = draw(st.sampled_from(["h", "p", "q", "l", "c"]))
        if kind == "h":
            out.append(Heading(id=bid, level=draw(st.integers(0, 9)), inlines=draw(inlines)))
        elif kind == "p":
            role = draw(st.sampled_from(PARAGRAPH_ROLES))
            out.append(Paragraph(id=bid, inlines=draw(inlines), role=role))  # type: ignore[arg-type]
        elif kind == "q":
            speaker = draw(st.none() | model_text)
            out.append(BlockQuote(id=bid, inlines=draw(inlines), speaker=speaker))
        elif kind == "l":
            items = tuple(draw(st.lists(inlines, max_size=4)))
            out.append(ListBlock(id=bid, items=items, ordered=draw(st.booleans())))
        else:
            code = draw(
                st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
            )
            out.append(CodeBlock(id=bid, text=strip_illegal(code)))
    return tuple(out)


@st.composite
def articles(draw: st.DrawFn, n: int) -> Article:
    body = draw(blocks())
    block_ids = [b.id for b in body] + ["standfirst", "nowhere"]
    sentences = []
    for j in range(draw(st.integers(0, 5))):
        sentences.append(
            Sentence(
                id=draw(st.sampled_from([f"a{n}s{j}", f"a{n}s0", "dup"])),
                block=draw(st.sampled_from(block_ids)),
                start=draw(st.integers(-5, 200)),
                end=draw(st.integers(-5, 200)),
                text=draw(model_text),
            )
        )
    sentence_ids = [s.id for s in sentences] + ["missing"]
    facts = []
    for j in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(sorted(FACT_TYPES)))
        extra: dict[str, Any] = {}
        if kind == "figure":
            extra = {
                "value": draw(st.none() | st.floats(allow_nan=True, allow_infinity=True)),
                "unit": draw(st.none() | model_text),
                "label": draw(st.none() | model_text),
            }
        elif kind == "quote":
            extra = {"speaker": draw(st.none() | model_text)}
        elif kind == "date":
            extra = {"iso": draw(st.none() | st.sampled_from(["2024-11-03", "2025/2027", "bogus"]))}
        elif kind == "person":
            extra = {"role": draw(st.none() | model_text), "aliases": (draw(model_text),)}
        elif kind == "organisation":
            extra = {"acronym": draw(st.none() | model_text)}
        facts.append(
            FACT_TYPES[kind](
                id=f"f{n}-{j}",
                text=draw(words_text),
                sentence=draw(st.none() | st.sampled_from(sentence_ids)),
                score=draw(st.floats(-1, 2)),
                featured=draw(st.booleans()),
                **extra,
            )
        )
    return Article(
        headline=draw(words_text),
        standfirst=draw(st.none() | words_text),
        source=Source(name=draw(st.none() | model_text), url=draw(st.none() | urls)),
        published=draw(
            st.none() | st.sampled_from(["2024-11-03", "2024-11-03T10:00:00+02:00", "nope", ""])
        ),
        authors=tuple(draw(st.lists(model_text, max_size=3))),
        language=draw(
            st.none() | st.sampled_from(["en", "ar", "he", "zh", "el", "xx", "", "en-GB"])
        ),
        tags=tuple(draw(st.lists(model_text, max_size=3))),
        summary=tuple(draw(st.lists(words_text, max_size=5))),
        facts=tuple(facts),
        sentences=tuple(sentences),
        body=body,
        notes=tuple(draw(st.lists(model_text, max_size=2))),
        provenance=(("headline", "test"),),
    )


@st.composite
def packs(draw: st.DrawFn) -> Pack:
    arts = tuple(draw(articles(n)) for n in range(1, draw(st.integers(1, 3)) + 1))
    facts = tuple(f for a in arts for f in a.facts[:2]) if len(arts) > 1 else ()
    return Pack(
        title=draw(words_text),
        articles=arts,
        date=draw(st.none() | st.sampled_from(["2024-11-03", "bogus"])),
        marking=draw(st.none() | model_text),
        language=arts[0].language,
        summary=tuple(draw(st.lists(words_text, max_size=4))) if len(arts) > 1 else (),
        facts=facts,
    )


@given(pack=packs())
@profile(60)
def test_arbitrary_models_through_every_renderer(pack: Pack) -> None:
    assert_renders(pack)


@given(pack=packs())
@profile(20)
def test_arbitrary_models_render_reproducibly(pack: Pack) -> None:
    for fmt in FORMATS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert docexport.render(pack, fmt) == docexport.render(pack, fmt), fmt


@pytest.mark.slow
@given(pack=packs())
@profile(80, scale=25)
def test_arbitrary_models_many_examples(pack: Pack) -> None:
    assert_renders(pack)


# --------------------------------------------------------------------------- hostile models

POISON = "\x00\x08\x1b\x7f\x85\ud800\udfff\ufffe"


def poison(obj: Any) -> Any:
    """The same model with characters XML cannot hold inside every string (ids,
    URLs and language tags included), as a hand-edited JSON model or an API
    caller could give."""
    import dataclasses

    if isinstance(obj, str):
        k = len(obj) // 2
        return obj[:k] + POISON + obj[k:]
    if isinstance(obj, tuple):
        return tuple(poison(v) for v in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: poison(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.init}
        return dataclasses.replace(obj, **changes)
    return obj


@given(pack=packs())
@profile(15)
def test_models_holding_characters_xml_cannot_hold(pack: Pack) -> None:
    """Readers strip such characters, but renderers must not crash on them either."""
    assert_renders(poison(pack))
