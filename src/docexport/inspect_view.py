"""``docexport inspect``: the model for a person to read (``--json`` is for machines)."""

from __future__ import annotations

from .analysis.confidence import why_not_boxed
from .model import Article, Pack
from .renderers.briefing import fact_line, format_date


def show(pack: Pack) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    console.print(f"[bold]{_esc(pack.title)}[/bold]")
    if pack.date:
        console.print(f"prepared: {format_date(pack.date)}")
    if pack.marking:
        console.print(f"marking: {_esc(pack.marking)}")
    for i, article in enumerate(pack.articles, 1):
        if pack.is_multi:
            console.rule(f"article {i}")
        _article(console, article)
        table = Table(title="facts (ranked; * = in the key-facts box)", show_lines=False)
        for col in ("", "kind", "fact", "detail", "sentence", "conf"):
            table.add_column(col)
        for f in article.facts:
            line = fact_line(f)
            table.add_row(
                "*" if f.featured else "",
                f.kind,
                _esc(line.text),
                _esc(line.detail or ""),
                f.sentence or "",
                f"{f.confidence:.2f}",
            )
        console.print(table)
        left_out = [f for f in article.facts if not f.featured]
        if left_out:
            console.print("[bold]not boxed:[/bold]")
        for f in left_out:
            reason = why_not_boxed(f.kind, f.confidence, f.evidence)
            console.print(f"  {f.kind} {_esc(fact_line(f).text)!s}: {_esc(reason)}")


def _article(console: object, a: Article) -> None:
    from rich.console import Console

    assert isinstance(console, Console)
    rows = [
        ("headline", a.headline),
        ("standfirst", a.standfirst or ""),
        ("source", ", ".join(x for x in (a.source.name, a.source.url) if x)),
        ("published", a.published or ""),
        ("authors", ", ".join(a.authors)),
        ("language", a.language or ""),
        ("blocks", str(len(a.body))),
    ]
    prov = dict(a.provenance)
    for key, value in rows:
        where = f"  [dim]({_esc(prov[key])})[/dim]" if key in prov else ""
        console.print(f"[bold]{key}:[/bold] {_esc(value)}{where}")
    for note in a.notes:
        console.print(f"[yellow]note:[/yellow] {_esc(note)}")
    console.print("[bold]summary:[/bold]")
    for point in a.summary:
        console.print(f"  • {_esc(point)}")


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)
