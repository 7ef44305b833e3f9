"""Random models, hostile characters and odd shapes: the renderer never crashes."""

from __future__ import annotations

import random

from docexport.model import (
    PARAGRAPH_ROLES,
    AnyFact,
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Figure,
    Heading,
    Inline,
    Link,
    ListBlock,
    Pack,
    Paragraph,
    Person,
    Place,
    Quote,
    Sentence,
    Source,
    Text,
)
from docexport.themes import Theme

from .conftest import read, render

ALPHABET = "ab <>&\"' \x00\x01\x0b\t\n\r\u202e\u0627\u05d0 ]]> &amp; \ufffe\ud800 é 中"
URLS = ("https://x.org/a?b=1&c=<2>", "javascript:alert(1)", "", "not a url", "mailto:a@b.org")


def _text(rng: random.Random, n: int = 20) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, n)))


def _inlines(rng: random.Random) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for _ in range(rng.randint(0, 4)):
        if rng.random() < 0.7:
            marks = tuple(rng.sample(["emphasis", "strong", "code"], rng.randint(0, 3)))
            out.append(Text(text=_text(rng), marks=marks))  # type: ignore[arg-type]
        else:
            out.append(Link(text=_text(rng), url=rng.choice(URLS) + _text(rng, 3)))
    return tuple(out)


def _block(rng: random.Random, bid: str) -> Block:
    return rng.choice(
        [
            Heading(id=bid, level=rng.randint(1, 6), inlines=_inlines(rng)),
            Paragraph(id=bid, inlines=_inlines(rng), role=rng.choice(PARAGRAPH_ROLES)),  # type: ignore[arg-type]
            BlockQuote(id=bid, inlines=_inlines(rng), speaker=rng.choice([None, _text(rng)])),
            ListBlock(id=bid, items=tuple(_inlines(rng) for _ in range(rng.randint(0, 3)))),
            CodeBlock(id=bid, text=_text(rng, 40)),
        ]
    )


def _article(rng: random.Random, index: int) -> Article:
    body = tuple(_block(rng, f"b{j}") for j in range(rng.randint(0, 6)))
    blocks = ["standfirst", *(b.id for b in body)]
    sentences = tuple(
        Sentence(
            id=f"a{index}s{n}",
            block=rng.choice(blocks),
            start=rng.randint(0, 30),
            end=40,
            text=_text(rng),
        )
        for n in range(rng.randint(0, 5))
    )
    pointers = [None, *(s.id for s in sentences)]
    facts: list[AnyFact] = []
    for n in range(rng.randint(0, 16)):
        kind = rng.choice([Person, Place, Figure, Quote])
        facts.append(
            kind(
                id=f"f{n}",
                text=_text(rng),
                sentence=rng.choice(pointers),
                featured=rng.random() < 0.7,
            )
        )
    return Article(
        headline=_text(rng) or "h",
        standfirst=rng.choice([None, _text(rng, 200)]),
        source=Source(name=rng.choice([None, _text(rng)]), url=rng.choice([None, *URLS])),
        published=rng.choice(
            [None, "2024-11-03", "2024", "2024-11", "garbage", "2024-11-03T10:00:00+03:00"]
        ),
        language=rng.choice([None, "en", "ar", "he-IL", "el", _text(rng, 3)]),
        summary=tuple(_text(rng) for _ in range(rng.randint(0, 5))),
        facts=tuple(facts),
        sentences=sentences,
        body=body,
        notes=tuple(_text(rng) for _ in range(rng.randint(0, 2))),
    )


def test_random_models_render_and_read_back(default_theme: Theme) -> None:
    rng = random.Random(20241103)
    for i in range(8):
        articles = tuple(_article(rng, i * 10 + k) for k in range(rng.randint(1, 3)))
        pack = Pack(
            title=_text(rng) or "t",
            articles=articles,
            marking=rng.choice([None, _text(rng)]),
            summary=tuple(_text(rng) for _ in range(rng.randint(0, 3))),
        )
        data = render(pack, default_theme)
        doc = read(data)
        assert doc.paragraphs  # python-docx parses it
        assert render(pack, default_theme) == data
