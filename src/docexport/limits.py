"""The limits that keep every input's work bounded, in one place.

Each is documented in the README ("Limits and safety"), where
``benchmarks/worst_case.py`` gives the time and memory of the worst input they
allow. Readers check the cheap ones before building anything (lines, JSON
values), :mod:`docexport.loading` the rest once the articles are read.
"""

from __future__ import annotations

from .errors import InputError

# The most paragraphs (blocks and list items) in one article. Python-docx and
# the EPUB writer take time that grows faster than the number of paragraphs
# (16,000 one-line paragraphs: about 5 s each; 64,000: over a minute), and the
# PDF is hundreds of pages long well before this.
MAX_BLOCKS = 10_000
# The most text in one article, in characters: about 250 pages (the 150-page
# benchmark article has 590,000). Without it a 20 MiB input of paragraphs at
# the paragraph limit took a quarter of an hour.
MAX_ARTICLE_CHARS = 1_000_000
# Lines set once in large type, or on every page.
MAX_TITLE_CHARS = 1_000  # a headline or a pack title
MAX_MARKING_CHARS = 200  # the marking line, on every page
MAX_SOURCE_CHARS = 500  # a source name or one author's name
MAX_URL_CHARS = 4_096  # a source URL
# Summary points of an article or a pack (the analysis gives 3 to 5; a JSON
# model may say more): python-docx took 76 s for 5,000 bullets.
MAX_SUMMARY_POINTS = 20
# Lines of a text or Markdown input. The Markdown parser keeps about 2 KB per
# token, so a 20 MiB file of one-line list items would need gigabytes before
# the paragraph count could be checked; 50,000 lines hold 1,000,000 characters
# wrapped at 20.
MAX_LINES = 50_000
# Values (objects, arrays and the items separated by commas) in a JSON input,
# counted on the raw bytes before parsing: the parsed form of a 20 MiB JSON
# file of tiny objects takes half a gigabyte.
MAX_JSON_VALUES = 1_000_000


def check_lines(text: str) -> None:
    """Refuse a text with more than ``MAX_LINES`` lines, before splitting it."""
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise InputError(
            f"input has {lines:,} lines, over the limit of {MAX_LINES:,} "
            f"(an article has at most {MAX_BLOCKS:,} paragraphs)"
        )


def check_json_size(data: bytes | str) -> None:
    """Refuse JSON with more than ``MAX_JSON_VALUES`` values, before parsing it.
    Commas and brackets inside strings count too: an over-estimate, far above
    what a model of ``MAX_BLOCKS`` paragraphs holds."""
    if isinstance(data, str):
        values = data.count(",") + data.count("{") + data.count("[")
    else:
        values = data.count(b",") + data.count(b"{") + data.count(b"[")
    if values > MAX_JSON_VALUES:
        raise InputError(
            f"JSON has about {values:,} values, over the limit of {MAX_JSON_VALUES:,} "
            f"(an article has at most {MAX_BLOCKS:,} paragraphs)"
        )


def check_block_count(count: int, what: str = "body") -> None:
    """Refuse more than ``MAX_BLOCKS`` paragraphs before they are built."""
    if count > MAX_BLOCKS:
        raise InputError(
            f"{what} has {count:,} paragraphs, over the limit of {MAX_BLOCKS:,} for one article"
        )
