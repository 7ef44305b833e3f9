"""The body of an article as every format lays it out: which blocks are
headings, at which level, and where the "Background" heading goes.

Levels are relative: the headline is level 1 (h1, Heading 1, the PDF
bookmark of the body), the article's own headings start at level 2 and nest
by the levels the model gives them, never skipping one. Headings the model
gives the same level come out at the same level (siblings stay siblings), and
anything deeper than :data:`MAX_LEVEL` is set at that level in every format.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Block, Heading, Paragraph, plain_text

MAX_LEVEL = 3
BACKGROUND_ID = "background"


@dataclass(frozen=True, slots=True)
class BodyItem:
    """One thing the body shows: a block, or the Background heading (``block`` None).

    ``level`` is the heading level (2 or 3) for headings and 0 for other blocks.
    """

    block: Block | None
    level: int = 0
    title: str | None = None

    @property
    def is_heading(self) -> bool:
        return self.level > 0

    @property
    def id(self) -> str:
        return self.block.id if self.block is not None else BACKGROUND_ID


def body_items(article: Article, background_title: str) -> list[BodyItem]:
    """The article's blocks in order, headings levelled, the Background heading
    inserted once before the first background paragraph that no heading opens."""
    levels = [b.level for b in article.body if isinstance(b, Heading)]
    top = min(levels) if levels else 1
    stack: list[int] = []
    out: list[BodyItem] = []
    background_done = False
    previous: Block | None = None
    for block in article.body:
        if isinstance(block, Heading):
            while stack and stack[-1] >= block.level:
                stack.pop()
            stack.append(block.level)
            level = min(1 + len(stack), MAX_LEVEL)
            out.append(BodyItem(block, level, plain_text(block.inlines)))
        elif (
            isinstance(block, Paragraph)
            and block.role == "background"
            and not background_done
            and not isinstance(previous, Heading)
        ):
            background_done = True
            stack = [top]
            out.append(BodyItem(None, 2, background_title))
            out.append(BodyItem(block))
        else:
            if isinstance(block, Paragraph) and block.role == "background":
                background_done = True
            out.append(BodyItem(block))
        previous = block
    return out


def sections(items: list[BodyItem]) -> list[tuple[int, str]]:
    """(level, title) of every heading of the body, in order."""
    return [(i.level, i.title or "") for i in items if i.is_heading]
