"""Packs for the PDF tests: the seed with facts and a summary pointing at its sentences.

The analysis is being rewritten elsewhere; these tests need facts with known
sentences, so they add them here from the seed's own text.
"""

from __future__ import annotations

import dataclasses

from docexport.model import (
    BlockQuote,
    CodeBlock,
    DateFact,
    Figure,
    Heading,
    Link,
    ListBlock,
    Organisation,
    Pack,
    Person,
    Place,
    Quote,
    Sentence,
    Text,
)


def _sentence_with(article, needle: str) -> str | None:  # type: ignore[no-untyped-def]
    for s in article.sentences:
        if needle in s.text:
            return s.id
    return None


def with_facts(pack: Pack) -> Pack:
    """Give every article facts (people, places, figures, a quote) tied to sentences."""
    articles = []
    for a in pack.articles:
        sentences = a.sentences
        if not sentences:
            # Sentence split per block on ". " so facts have somewhere to point.
            out: list[Sentence] = []
            blocks = [("standfirst", a.standfirst or "")] + [
                (b.id, "".join(i.text for i in b.inlines)) for b in a.body if hasattr(b, "inlines")
            ]
            for block_id, txt in blocks:
                start = 0
                while start < len(txt):
                    end = txt.find(". ", start)
                    end = len(txt) if end < 0 else end + 1
                    out.append(
                        Sentence(
                            id=f"{a.headline[:3]}{len(out)}".replace(" ", "_"),
                            block=block_id,
                            start=start,
                            end=end,
                            text=txt[start:end],
                        )
                    )
                    start = end + 1
            a = dataclasses.replace(a, sentences=tuple(out))
        words = [w.strip(".,:“”") for w in " ".join(s.text for s in a.sentences).split()]
        caps = [w for w in words if w[:1].isupper() and len(w) > 3]
        facts = []
        for n, w in enumerate(dict.fromkeys(caps)):
            kind = (Person, Organisation, Place)[n % 3]
            extra = {"role": "President"} if kind is Person else {}
            facts.append(
                kind(id=f"f{n}", text=w, sentence=_sentence_with(a, w), featured=True, **extra)
            )
            if n >= 6:
                break
        facts.append(
            Figure(
                id="fig",
                text="600",
                label="police officers",
                sentence=_sentence_with(a, "600"),
                featured=True,
            )
        )
        facts.append(
            DateFact(id="date", text="2025-2027", sentence=_sentence_with(a, "2025"), featured=True)
        )
        facts.append(
            Quote(
                id="q",
                text="We are safer than a year ago.",
                speaker="María José Catalá",
                sentence=_sentence_with(a, "safer"),
                featured=True,
            )
        )
        summary = tuple(s.text for s in a.sentences[:3])
        articles.append(dataclasses.replace(a, facts=tuple(facts), summary=summary))
    return dataclasses.replace(pack, articles=tuple(articles))


def with_structure(pack: Pack) -> Pack:
    """The first article with a heading, a quote with speaker, lists, code and a link."""
    a = pack.articles[0]
    extra = (
        Heading(id="h-x", level=1, inlines=(Text(text="Reactions"),)),
        BlockQuote(
            id="q-x", inlines=(Text(text="“We will not fail Haiti.”"),), speaker="William Ruto"
        ),
        ListBlock(
            id="l-x",
            items=(
                (Text(text="first point"),),
                (Text(text="second, "), Text(text="bold", marks=("strong",))),
            ),
            ordered=True,
        ),
        CodeBlock(id="c-x", text="def f(x):\n    return x < 1 & 2"),
        Heading(id="h-y", level=2, inlines=(Text(text="Further reading"),)),
        dataclasses.replace(
            a.body[0],
            id="p-link",
            inlines=(
                Text(text="See "),
                Link(text="the UN site", url="https://www.un.org/en/"),
                Text(text="."),
            ),
        ),
    )
    body = a.body[:1] + extra + a.body[1:]
    return dataclasses.replace(
        pack, articles=(dataclasses.replace(a, body=body), *pack.articles[1:])
    )
