"""The worst inputs docexport's limits allow, and the ones just past them, timed.

    python benchmarks/worst_case.py            # every case, one run each, a Markdown table
    python benchmarks/worst_case.py --only para,blocks
    python benchmarks/worst_case.py --quick    # inputs scaled down (the smoke test)

Every input is under the documented limits (README, "Limits and safety") yet
as costly as they allow, so the table bounds the time and memory of any
single input; the "refused" rows show that what is past a limit is turned
away at once. Each case is one whole ``docexport export`` process into a
fresh folder (``-j 1``, all three formats unless said); wall time is taken
around it and its peak memory comes from ``wait4`` (the process's own
maximum resident set). The inputs are generated into a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from docexport.limits import (  # noqa: E402
    MAX_ARTICLE_CHARS,
    MAX_BLOCKS,
    MAX_LINES,
)
from docexport.loading import MAX_PARAGRAPH_CHARS  # noqa: E402

_PHRASE = (
    "the harbour authority counted ninety ships on tuesday morning while officials "
    "from the port council said the inspection would continue through the winter "
    "season and the minister announced new funding for safety checks in the region"
)
WORDS = tuple(_PHRASE.split())


def prose(chars: int, seed: int = 0) -> str:
    """About ``chars`` characters of words ending in a full stop, no line break."""
    out: list[str] = []
    n, i = 0, seed
    while n < chars - 1:
        w = WORDS[(i * 7 + i // len(WORDS)) % len(WORDS)]
        out.append(w)
        n += len(w) + 1
        i += 1
    return " ".join(out)[: chars - 1] + "."


def sentences(chars: int, seed: int = 0) -> str:
    """About ``chars`` characters of sentences of twelve words."""
    out: list[str] = []
    n, i = 0, seed
    while n < chars:
        s = " ".join(WORDS[(i + k * 5) % len(WORDS)] for k in range(12)).capitalize() + "."
        out.append(s)
        n += len(s) + 1
        i += 1
    return " ".join(out)[:chars]


@dataclass(frozen=True)
class Case:
    key: str
    label: str
    make: Callable[[float], tuple[str, bytes]]  # scale -> (file name, content)
    formats: str = "docx,pdf,epub"
    refused: bool = False  # expected outcome: refused (exit 1) rather than written


def _text(headline: str, paragraphs: list[str]) -> bytes:
    return ("\n".join([headline, *paragraphs, "Original Source: example.org", ""])).encode()


def _longest_paragraphs(scale: float) -> tuple[str, bytes]:
    length = MAX_PARAGRAPH_CHARS - 200 if scale >= 1 else 5_000
    n = max(1, int(MAX_ARTICLE_CHARS * scale) // length)
    paras = [prose(length, seed=i) for i in range(n)]
    return "longest-paragraphs.txt", _text("Harbour report at the paragraph limit", paras)


def _most_blocks(scale: float) -> tuple[str, bytes]:
    n = max(2, int(MAX_BLOCKS * scale))
    width = min(int(MAX_ARTICLE_CHARS * scale) // (n + 1), MAX_PARAGRAPH_CHARS) - 2
    paras = [sentences(width, seed=i) for i in range(n + 1)]
    return "most-paragraphs.txt", _text("Harbour report at the paragraph count limit", paras)


def _linked_blocks(scale: float) -> tuple[str, bytes]:
    n = max(2, int(MAX_BLOCKS * scale))
    paras = "\n\n".join(
        f"Ship {i} was inspected on Tuesday ([report {i}](https://example.org/r/{i}))."
        for i in range(n)
    )
    return "linked.md", f"# Harbour report with a link in every paragraph\n\n{paras}\n".encode()


def _short_blocks(scale: float) -> tuple[str, bytes]:
    n = max(2, int(MAX_BLOCKS * scale))
    paras = [f"Ship {i} was inspected on Tuesday." for i in range(n + 1)]
    return "short-paragraphs.txt", _text("Harbour report of short paragraphs", paras)


def _long_word(scale: float) -> tuple[str, bytes]:
    word = "harbour" * int((MAX_PARAGRAPH_CHARS - 1000) * scale / 7)
    return "long-word.txt", _text("Harbour report with one long word", [word, "The end."])


def _nested_emphasis(scale: float) -> tuple[str, bytes]:
    depth = int(24_000 * scale)
    body = "*a " * depth + "core" + " a*" * depth
    return "nested.md", f"# Harbour report nested\n\n{body}\n".encode()


def _html_page(scale: float) -> tuple[str, bytes]:
    """Links just under the count where article extraction is skipped: the
    extractor's time grows with the square of the inline elements."""
    from docexport.readers.html import MAX_EXTRACT_ELEMENTS

    per = 18
    n = int(MAX_EXTRACT_ELEMENTS * scale) // (per + 1) - 10
    links = " ".join(f'<a href="https://example.org/{k}">link {k}</a>' for k in range(per))
    paras = "".join(f"<p>Ship {i} was inspected on Tuesday: {links}.</p>" for i in range(n))
    return "page.html", _page("Harbour page of links", paras)


def _html_elements(scale: float) -> tuple[str, bytes]:
    """Paragraphs at the count limit, with inline elements up to the element limit
    (past the extraction limit: the whole page's text is taken)."""
    from docexport.readers.html import MAX_TREE_ELEMENTS

    n = max(2, int(MAX_BLOCKS * scale)) - 2
    per = max(1, MAX_TREE_ELEMENTS // (MAX_BLOCKS + 2) - 2)
    bold = " ".join(f"<b>{k}</b>" for k in range(per))
    paras = "".join(f"<p>Ship {i} inspected: {bold}.</p>" for i in range(n))
    return "elements.html", _page("Harbour page at the element limit", paras)


def _page(title: str, paras: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
    ).encode()


def _feed(scale: float) -> tuple[str, bytes]:
    n = max(2, int(500 * scale))
    items = "".join(
        f"<item><title>Harbour bulletin {i}</title><link>https://example.org/{i}</link>"
        f"<description>{sentences(2000, seed=i)}</description></item>"
        for i in range(n)
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>'
        f"<link>https://example.org/</link><description>d</description>{items}</channel></rss>"
    )
    return "feed.rss", feed.encode()


def _too_many_lines(scale: float) -> tuple[str, bytes]:
    n = max(MAX_LINES + 1, int(5_000_000 * scale))
    return "million-lines.txt", b"Harbour headline\n" + b"abc\n" * n


def _too_much_text(scale: float) -> tuple[str, bytes]:
    paras = [prose(MAX_PARAGRAPH_CHARS - 10, seed=i) for i in range(11)]
    return "too-much-text.txt", _text("Harbour report over the text limit", paras)


def _twenty_mib(scale: float) -> tuple[str, bytes]:
    line = prose(2000) + "\n"
    n = max(2, int(20 * 1024 * 1024 * scale) // len(line))
    return "twenty-mib.txt", ("Harbour headline\n" + line * n).encode()


CASES: tuple[Case, ...] = (
    Case("para", "text at the article limit, in paragraphs at their limit", _longest_paragraphs),
    Case("blocks", "paragraphs at the count limit, text at the article limit", _most_blocks),
    Case("short", "one-line paragraphs at the count limit", _short_blocks),
    Case("links", "paragraphs at the count limit, a link in each (Markdown)", _linked_blocks),
    Case("word", "one word of 99,000 characters", _long_word),
    Case("markdown", "Markdown emphasis nested 24,000 deep", _nested_emphasis),
    Case("html", "HTML page of 28,000 links (the most the article extractor is given)", _html_page),
    Case("elements", "HTML page at the paragraph and element limits", _html_elements),
    Case("feed", "feed at the item limit (one pack per item)", _feed),
    Case("lines", "refused: 5,000,000 one-line paragraphs", _too_many_lines, refused=True),
    Case("text", "refused: text over the article limit", _too_much_text, refused=True),
    Case("big", "refused: 20 MiB of prose", _twenty_mib, refused=True),
)


@dataclass
class Result:
    case: Case
    size: int
    seconds: float
    peak_mib: float
    code: int
    outputs: int
    message: str


def measure(case: Case, work: Path, scale: float, timeout: float) -> Result:
    name, data = case.make(scale)
    folder = work / case.key
    folder.mkdir()
    (folder / name).write_bytes(data)
    env = {**os.environ, "CI": "1", "PYTHONPATH": str(ROOT / "src")}
    env.pop("SOURCE_DATE_EPOCH", None)
    cmd = [sys.executable, "-m", "docexport", "export", name, "-o", "out", "-j", "1", "-q"]
    cmd += ["-f", case.formats]
    start = time.monotonic()
    with (folder / "stderr").open("wb") as err:
        proc = subprocess.Popen(cmd, cwd=folder, stdout=subprocess.DEVNULL, stderr=err)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
    seconds = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    stderr = (folder / "stderr").read_text(encoding="utf-8", errors="replace").strip()
    out = folder / "out"
    written = len(list(out.iterdir())) if out.is_dir() else 0
    message = stderr.splitlines()[0] if stderr else ""
    if seconds > timeout:
        message = f"killed after {timeout:.0f} s"
    shutil.rmtree(folder)
    return Result(case, len(data), seconds, usage.ru_maxrss / 1024, code, written, message)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KiB"


def table(results: list[Result]) -> str:
    rows = [
        "| input | size | formats | exit | outputs | wall | peak memory |",
        "| --- | --: | --- | --: | --: | --: | --: |",
    ]
    for r in results:
        label = r.case.label
        if r.case.refused and r.message:
            cause = r.message.split(": ", 2)[-1].split(" (")[0]
            label += f": {cause[:80]}"
        rows.append(
            f"| {label} | {_size(r.size)} | {r.case.formats.replace(',', ', ')} | {r.code} "
            f"| {r.outputs} | {r.seconds:.1f} s | {r.peak_mib:.0f} MiB |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="inputs scaled down to 1/20 (smoke test)")
    ap.add_argument("--only", help=f"comma-separated cases: {','.join(c.key for c in CASES)}")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per case (default 1800)")
    args = ap.parse_args(argv)
    scale = 0.05 if args.quick else 1.0
    chosen = [c for c in CASES if not args.only or c.key in args.only.split(",")]
    unknown = set(args.only.split(",")) - {c.key for c in CASES} if args.only else set()
    if unknown:
        ap.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="docexport-worst-") as tmp:
        for case in chosen:
            result = measure(case, Path(tmp), scale, args.timeout)
            results.append(result)
            print(
                f"{case.key:9} exit {result.code} {result.seconds:7.1f} s "
                f"{result.peak_mib:6.0f} MiB  {result.message[:80]}",
                file=sys.stderr,
                flush=True,
            )
    print(f"# docexport worst cases{' (quick: inputs scaled to 1/20)' if args.quick else ''}\n")
    print(table(results))
    failed = [
        r
        for r in results
        if (r.code != 1 if r.case.refused else r.code != 0) or "internal error" in r.message
    ]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
