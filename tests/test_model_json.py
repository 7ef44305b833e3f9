"""The model's JSON form: lossless round trip, schema validity, clear errors."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest

from docexport import serialize
from docexport.errors import InputError
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
    Paragraph,
    Person,
    Place,
    Quote,
    Text,
)


def test_round_trip_is_lossless(seed_pack: Pack) -> None:
    text = serialize.dumps(seed_pack)
    back = serialize.loads(text)
    assert back == seed_pack
    assert serialize.dumps(back) == text


def test_every_block_inline_and_fact_kind_round_trips(seed_pack: Pack) -> None:
    article = dataclasses.replace(
        seed_pack.articles[0],
        body=(
            Heading(id="h1", level=2, inlines=(Text(text="Section"),)),
            Paragraph(
                id="p1",
                role="background",
                inlines=(
                    Text(text="plain "),
                    Text(text="bold", marks=("strong", "emphasis")),
                    Link(text=" a link", url="https://example.org/a?b=1&c=2"),
                ),
            ),
            BlockQuote(id="q1", inlines=(Text(text="We will win."),), speaker="A. Person"),
            ListBlock(id="l1", items=((Text(text="one"),), (Text(text="two"),)), ordered=True),
            CodeBlock(id="c1", text="x < y && z"),
        ),
        facts=(
            Person(
                id="f1", text="William Ruto", role="President", aliases=("Ruto",), featured=True
            ),
            Organisation(id="f2", text="United Nations", acronym="UN"),
            Place(id="f3", text="Haiti"),
            Figure(id="f4", text="600", value=600.0, unit=None, label="police officers"),
            DateFact(id="f5", text="2025-2027", iso="2025/2027"),
            Quote(
                id="f6",
                text="We will win.",
                speaker="A. Person",
                sentence="a1s1",
                score=0.5,
                confidence=0.85,
                evidence=("said-x", "title"),
            ),
        ),
    )
    pack = dataclasses.replace(seed_pack, articles=(article,), marking="OFFICIAL")
    assert serialize.loads(serialize.dumps(pack)) == pack


def test_json_contract_fields(seed_pack: Pack) -> None:
    data = json.loads(serialize.dumps(seed_pack))
    assert data["schema_version"] == "1.1"
    a = data["articles"][0]
    for key in (
        "headline",
        "standfirst",
        "source",
        "published",
        "language",
        "summary",
        "facts",
        "body",
    ):
        assert key in a
    assert set(a["source"]) == {"name", "url"}
    assert isinstance(a["summary"], list)
    for fact in a["facts"]:
        assert fact["kind"] in ("person", "organisation", "place", "figure", "date", "quote")
        assert "text" in fact
        if fact["kind"] == "person":
            assert "role" in fact
        if fact["kind"] == "quote":
            assert "speaker" in fact
        if fact["kind"] == "figure":
            assert "label" in fact


def test_output_validates_against_published_schema(seed_pack: Pack, multi_pack: Pack) -> None:
    schema = serialize.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for pack in (seed_pack, multi_pack):
        jsonschema.validate(json.loads(serialize.dumps(pack)), schema)


def test_schema_rejects_what_the_decoder_rejects(seed_pack: Pack) -> None:
    data = json.loads(serialize.dumps(seed_pack))
    data["articles"][0]["body"][0]["role"] = "sidebar"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, serialize.json_schema())
    with pytest.raises(InputError, match=r"articles\[0\]\.body\[0\]\.role"):
        serialize.pack_from_dict(data)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("articles"), "articles: required field is missing"),
        (lambda d: d.update(schema_version="2.0"), "schema_version '2.0' is not supported"),
        (lambda d: d["articles"][0].update(headline=3), "articles[0].headline: expected str"),
        (lambda d: d["articles"][0].update(colour="red"), "unknown field 'colour'"),
        (lambda d: d["articles"][0]["body"][0].update(type="table"), "unknown type 'table'"),
    ],
)
def test_bad_model_json_names_the_field(seed_pack: Pack, mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(serialize.dumps(seed_pack))
    mutate(data)
    with pytest.raises(InputError) as info:
        serialize.pack_from_dict(data)
    assert message in str(info.value)


def test_not_json_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="not valid JSON"):
        serialize.loads("{nope")
