"""Hostile inputs through the real CLI: each gives a correct pack (valid outputs
holding the input's words) or exit 1 with one line naming the input and the
cause, no traceback and no output file. Never a hang, never unbounded memory."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import assert_pack, assert_refused, cli, normalise

C0_C1 = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)])
BODY = "The harbour authority counted ninety ships on Tuesday morning."
MORE = "Officials said the inspection would continue through the winter season."


def text_article(headline: str, *paras: str) -> bytes:
    return "\n".join([headline, *paras, "Original Source: example.org", ""]).encode("utf-8")


@dataclass(frozen=True)
class Case:
    id: str
    data: bytes
    words: tuple[str, ...] = ()  # a pack holding these words is expected...
    refused: str | None = None  # ...or a refusal whose message matches this
    name: str = "input.txt"


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


LONG_WORD = "abcdefghij" * 1000  # 10,000 characters, no break opportunity

CASES: list[Case] = [
    Case("empty", b"", refused=r"empty"),
    Case("whitespace-only", "  \n\t\n \r\n\u3000\u00a0\n".encode(), refused=r"white space"),
    Case("no-headline", ("x" * 400 + "\n" + BODY + "\n").encode(), refused=r"no headline"),
    # A headline alone is an article without text: an input error, not an empty pack.
    Case("one-line", b"Harbour inspection begins", refused=r"no text"),
    Case(
        "binary-junk",
        random.Random(9).randbytes(6000),
        refused=r"binary|encoding",
    ),
    Case("png-renamed", _png(), refused=r"binary", name="picture.txt"),
    Case(
        "invalid-utf8",
        b"Harbour caf\xc3\xa9 report \xff\xfe\n"
        + BODY.encode()
        + b" \xc3\x28 \xe2\x82\n"
        + MORE.encode(),
        words=("Harbour", "ninety ships", "inspection would continue"),
    ),
    Case(
        "utf16-no-bom",
        ("Harbour report in UTF-16\n" + BODY + "\n" + MORE + "\n").encode("utf-16-le"),
        words=("Harbour report in UTF-16", "ninety ships", "winter season"),
    ),
    Case(
        "mixed-line-endings",
        (
            "Harbour mixed endings\r\n" + BODY + "\r" + MORE + "\n" + "Third paragraph here.\r\n"
        ).encode(),
        words=("Harbour mixed endings", "ninety ships", "winter season", "Third paragraph"),
    ),
    Case(
        "control-characters",
        (f"Harbour{C0_C1}controls\n{BODY} {C0_C1} end.\n{MORE}\n").encode(),
        words=("ninety ships", "winter season"),
    ),
    Case(
        "lone-surrogates",
        b"Harbour \xed\xa0\x80 surrogates\n" + BODY.encode() + b" \xed\xb0\x80 x\n" + MORE.encode(),
        words=("ninety ships", "winter season"),
    ),
    Case(
        "reportlab-markup",
        text_article(
            '<b>Bold</b> <font color="red" size="40">headline</font>',
            BODY,
            '<img src="http://198.51.100.7/x.png" width="9999"/> &nbsp &amp; <para>x</para> '
            '<br/> <a href="javascript:alert(1)">link</a> <seq id="s"/> &#0; &#xD800; &bogus;',
            MORE,
        ),
        words=("<b>Bold</b>", '<img src="http://198.51.100.7/x.png"', "&nbsp", "<seq", "&bogus;"),
    ),
    Case(
        "xhtml-and-cdata",
        text_article(
            "<script>alert(1)</script> headline ]]>",
            BODY,
            '<![CDATA[ x ]]> ]]> <style>p{}</style> <iframe src="x"></iframe> <?pi x?> <!-- c -->',
            MORE,
        ),
        words=("<script>alert(1)</script>", "<![CDATA[", "]]>", "<iframe", "<!--"),
    ),
    Case(
        "ooxml-and-entities",
        text_article(
            "<w:p><w:r><w:t>OOXML</w:t></w:r></w:p> headline",
            BODY,
            '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
            '<!ENTITY lol "lol">]> &xxe; &lol;',
            '<w:fldSimple w:instr="INCLUDETEXT c:\\\\x"/> </w:t></w:r></w:p></w:body>',
            MORE,
        ),
        words=("<w:t>OOXML</w:t>", "<!ENTITY xxe", "&xxe;", "INCLUDETEXT", "</w:body>"),
    ),
    Case(
        "bidi-overrides",
        text_article(
            "Harbour \u202eelbat\u202c report \u2067x\u2069",
            BODY,
            f"Left \u202d{MORE}\u202c \u200f.",
        ),
        words=("ninety ships", "winter season"),
    ),
    Case(
        "zero-width",
        text_article("Harbour\u200b report\u2060", f"\ufeff{BODY}\u200c\u200d", f"{MORE}\u200b"),
        words=("ninety ships", "winter season"),
    ),
    Case(
        "emoji-astral",
        text_article(
            "Harbour 😀 report 👨‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            f"{BODY} 🚢🚢 𠀀𠀁 \U0001f1ec\U0001f1e7",
            f"{MORE} \U000e0001 \U0010fffd",
        ),
        words=("ninety ships", "winter season"),
    ),
    Case(
        "headline-path-traversal",
        text_article("../../etc/passwd", BODY, MORE),
        words=("../../etc/passwd", "ninety ships"),
        name="passwd.txt",
    ),
    Case(
        "headline-reserved-name",
        text_article("CON", BODY, MORE),
        words=("ninety ships",),
        name="CON.txt",
    ),
    Case(
        "headline-400-chars",
        text_article("Harbour " * 50, BODY, MORE),
        refused=r"no headline: the first line is \d{3} characters",
    ),
    Case(
        "one-megabyte-paragraph",
        text_article(
            "Harbour long paragraph", BODY, " ".join(f"w{i % 997}" for i in range(200_000))
        ),
        refused=r"p\d+ is [\d,]+ characters long, over the limit of 100,000",
    ),
]


def _stem(name: str) -> str:
    from docexport.output import safe_stem

    return safe_stem(Path(name).stem)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    src = tmp_path / case.name
    src.write_bytes(case.data)
    out = tmp_path / "out"
    run = cli("export", case.name, "-o", "out", "-j", "1", "-q", cwd=tmp_path, label=case.id)
    if case.refused is not None:
        assert_refused(run, case.name, case.refused, out)
        return
    assert_pack(run, out, _stem(case.name), case.words)


@pytest.mark.parametrize("where", ["inside", "first"])
def test_ten_thousand_character_word_wraps_and_is_kept(tmp_path: Path, where: str) -> None:
    para = f"Before {LONG_WORD} after." if where == "inside" else f"{LONG_WORD} after."
    (tmp_path / "w.txt").write_bytes(text_article("Harbour long word", BODY, para, MORE))
    run = cli(
        "export", "w.txt", "-o", "out", "-j", "1", "-q", cwd=tmp_path, label=f"10k word {where}"
    )
    texts = assert_pack(run, tmp_path / "out", "w", ("ninety ships", "winter season"))
    for fmt, text in texts.items():
        # PDF page furniture interrupts the word at page breaks; the rest is whole.
        assert normalise(text).count("abcdefghij") >= (990 if fmt == "pdf" else 1000), fmt
    # A line that ran off the page would come back as one enormous line.
    assert max(len(line) for line in texts["pdf"].splitlines()) < 200


def test_output_named_after_reserved_input_stays_safe(tmp_path: Path) -> None:
    (tmp_path / "CON.txt").write_bytes(text_article("CON", BODY))
    run = cli("export", "CON.txt", "-o", "out", "-j", "1", "-q", "-f", "pdf", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["_CON.pdf"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [("../../etc/passwd", "etc_passwd"), ("CON", "_CON"), ("T" * 400, "T" * 120)],
)
def test_pack_title_cannot_leave_the_output_folder(
    tmp_path: Path, title: str, expected: str
) -> None:
    (tmp_path / "a.txt").write_bytes(text_article("Harbour one", BODY, MORE))
    (tmp_path / "b.txt").write_bytes(text_article("Harbour two", MORE, BODY))
    run = cli("pack", "a.txt", "b.txt", "--title", title, "-f", "epub", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "dist").rglob("*"))
    assert written == [f"dist/{expected}.epub"]
    assert not (tmp_path.parent / "etc").exists()


def test_hundred_thousand_character_paragraph_renders_in_bounded_time(tmp_path: Path) -> None:
    """Just under the paragraph limit: all three formats, within the time limit."""
    words = " ".join(f"w{i % 997}" for i in range(19_500))  # ~99,000 characters
    assert 90_000 < len(words) <= 100_000
    (tmp_path / "long.txt").write_bytes(text_article("Harbour long paragraph", BODY, words))
    run = cli(
        "export", "long.txt", "-o", "out", "-j", "1", "-q", cwd=tmp_path, label="99k paragraph"
    )
    assert_pack(run, tmp_path / "out", "long", ("ninety ships", "w996 w0 w1 w2"))
    assert run.seconds < 60


def test_fifty_megabyte_input_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    line = (BODY + " ") * 20 + "\n"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("Harbour huge\n")
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert big.stat().st_size > 50 * 1024 * 1024
    for jobs in ("1", "2"):
        run = cli(
            "export",
            "huge.txt",
            "-o",
            "out",
            "-j",
            jobs,
            "-q",
            cwd=tmp_path,
            label=f"50 MB -j {jobs}",
        )
        assert_refused(
            run, "huge.txt", r"over the limit of 20,971,520 .*--max-input-size", tmp_path / "out"
        )
        assert run.seconds < 15
        # Refusing must not read the file: the child stays far below its size.
        assert run.peak_rss_kib < 48 * 1024, run.peak_rss_kib


def test_max_input_size_option_lowers_the_limit(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(text_article("Harbour", BODY, MORE))
    run = cli("export", "a.txt", "-o", "out", "--max-input-size", "50", "-q", cwd=tmp_path)
    assert_refused(run, "a.txt", r"over the limit of 50 ", tmp_path / "out")


def test_stdout_mode_refuses_oversized_input_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(text_article("Harbour", BODY, MORE))
    run = cli("export", "a.txt", "-o", "-", "-f", "pdf", "--max-input-size", "50", cwd=tmp_path)
    assert run.returncode == 1 and run.stdout == b""
    assert len(run.lines) == 1 and "a.txt" in run.lines[0] and "over the limit" in run.lines[0]


def test_json_model_with_lone_surrogate_escapes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(text_article("Harbour model", BODY, MORE))
    run = cli("inspect", "a.txt", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    text = run.stdout.decode("utf-8").replace("ninety ships", "ninety \\ud800ships\\udfff")
    (tmp_path / "model.json").write_text(text, encoding="utf-8")
    run = cli(
        "export", "model.json", "-o", "out", "-j", "1", "-q", cwd=tmp_path, label="json surrogates"
    )
    texts = assert_pack(run, tmp_path / "out", "model", ("winter season",))
    for t in texts.values():
        assert "ships" in normalise(t)


def test_pack_max_articles_is_a_clear_error(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_bytes(text_article(f"Harbour {i}", BODY, MORE))
    run = cli(
        "pack", "a0.txt", "a1.txt", "a2.txt", "--title", "T", "--max-articles", "2", cwd=tmp_path
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(run.lines) == 1 and "over the limit of 2" in run.lines[0]
    assert not (tmp_path / "dist").exists()
