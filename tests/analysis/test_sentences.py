from __future__ import annotations

from docexport.analysis.sentences import article_sentences, split
from docexport.model import STANDFIRST_ID, block_text

from ._helpers import article


def test_abbreviations_initials_and_decimals_do_not_split() -> None:
    text = (
        "Mr. Smith met U.S. officials in Washington. He paid $3.50 for it. "
        "John F. Kennedy spoke at 3.30 p.m. on Monday. It fell 2.5 percent."
    )
    assert split(text) == [
        "Mr. Smith met U.S. officials in Washington.",
        "He paid $3.50 for it.",
        "John F. Kennedy spoke at 3.30 p.m. on Monday.",
        "It fell 2.5 percent.",
    ]


def test_quotes_end_sentences_only_when_a_new_one_starts() -> None:
    assert split('"Is it over?" he asked. "Yes." The end.') == [
        '"Is it over?" he asked.',
        '"Yes."',
        "The end.",
    ]


def test_german_ordinals_and_dates_do_not_split() -> None:
    assert split(
        "Gewählt wurde am 7. Juni 2015. Somit findet am 5. Juli eine Stichwahl statt."
    ) == [
        "Gewählt wurde am 7. Juni 2015.",
        "Somit findet am 5. Juli eine Stichwahl statt.",
    ]


def test_offsets_point_into_their_blocks_and_ids_follow_the_prefix() -> None:
    a = article(
        "First standfirst sentence. Second one here.\nBody one. Body two is here.\nLast paragraph."
    )
    blocks = {STANDFIRST_ID: a.standfirst}
    blocks.update({b.id: block_text(b) for b in a.body})
    sents = article_sentences(a, "a7")
    assert [s.id for s in sents] == [f"a7s{n}" for n in range(1, len(sents) + 1)]
    assert sents[0].block == STANDFIRST_ID
    for s in sents:
        assert blocks[s.block][s.start : s.end] == s.text
