"""Bounded reads: every file docexport reads (inputs, stdin, themes, configuration,
manifests, reference documents) is a regular file read up to its limit plus one
byte. A named pipe never hangs a run, ``/dev/zero`` and an endless stdin never
fill memory, and each is one line naming the file and the cause."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from docexport.errors import InputError, ThemeError
from docexport.readers import Reading, read_bytes
from docexport.readfile import read_file

from .conftest import assert_pack, cli, output_text, outputs

ARTICLE = (
    "Harbour inspection begins\n"
    "The harbour authority counted ninety ships on Tuesday morning.\n"
    "Officials said the inspection would continue through the winter season.\n"
    "Original Source: example.org\n"
)
WORDS = ("Harbour inspection begins", "ninety ships")


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _errors(lines: list[str]) -> list[str]:
    return [ln for ln in lines if ln.startswith("docexport: ") and "warning:" not in ln]


def _one_error(lines: list[str], *needles: str) -> str:
    errors = _errors(lines)
    assert len(errors) == 1, lines
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


# --------------------------------------------------------------------------- the reader itself


class _Endless(io.RawIOBase):
    """A stream that never ends (an endless stdin) and counts what was read."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = len(buffer)
        buffer[:n] = b"x" * n
        self.given += n
        return n


def test_endless_stdin_is_read_only_to_the_limit_plus_one() -> None:
    stream = _Endless()
    with pytest.raises(InputError, match=r"over the limit of 5,000,000 bytes"):
        read_file("-", 5_000_000, stdin=io.BufferedReader(stream, buffer_size=8192))
    assert stream.given <= 5_000_000 + 1 + 8192  # the limit, one byte, one buffer


def test_stdin_under_the_limit_is_read_whole() -> None:
    assert read_file("-", 10, stdin=io.BytesIO(b"0123456789")) == b"0123456789"
    with pytest.raises(InputError, match="over the limit of 9 bytes"):
        read_file("-", 9, stdin=io.BytesIO(b"0123456789"))


@pytest.mark.parametrize(
    ("path", "cause"),
    [
        ("/dev/zero", "is a character device, not a regular file"),
        ("/dev/urandom", "is a character device, not a regular file"),
        ("/", "is a folder, not a regular file"),
        ("/nonexistent/file.txt", "no such file"),
    ],
)
def test_what_is_not_a_regular_file_is_refused_before_reading(path: str, cause: str) -> None:
    with pytest.raises(InputError) as caught:
        read_file(path, 1000)
    assert str(caught.value) == cause


def test_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    start = time.monotonic()
    with pytest.raises(ThemeError, match="is a named pipe, not a regular file"):
        read_file(tmp_path / "pipe", 1000, error=ThemeError)
    assert time.monotonic() - start < 5


def test_a_file_larger_than_the_limit_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: nothing is really written
    too_big = r"is 50,000,000 bytes, over the limit of 1,000 bytes \(hint\)"
    with pytest.raises(InputError, match=too_big):
        read_file(big, 1000, hint=" (hint)")
    assert read_file(tmp_path / "big.txt", 50_000_000)[:3] == b"\0\0\0"


def test_proc_file_with_size_zero_is_still_bounded() -> None:
    """/proc files report st_size 0 whatever they hold: the bound is on bytes read."""
    with pytest.raises(InputError, match="over the limit of 10 bytes"):
        read_file("/proc/self/status", 10)
    assert b"Name:" in read_file("/proc/self/status", 100_000)


def test_api_load_refuses_a_pipe(tmp_path: Path) -> None:
    import docexport

    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="named pipe"):
        docexport.load(tmp_path / "pipe.txt")


# --------------------------------------------------------------------------- inputs via the CLI


def test_named_pipe_input_fails_alone_and_the_batch_goes_on(work: Path) -> None:
    os.mkfifo(work / "pipe.txt")
    run = cli("export", "pipe.txt", "a.txt", "-o", "out", "-j", "1", "-q", cwd=work, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr
    _one_error(run.lines, "pipe.txt", "named pipe, not a regular file")
    for fmt in ("docx", "pdf", "epub"):
        assert "ninety ships" in output_text(work / "out" / f"a.{fmt}")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_device_as_input_is_refused(work: Path, device: str) -> None:
    run = cli("export", device, "a.txt", "-o", "out", "-j", "1", "-q", cwd=work, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "internal error" not in run.stderr
    _one_error(run.lines, device, "character device, not a regular file")
    assert (work / "out" / "a.pdf").is_file()


@pytest.mark.parametrize("command", ["inspect", "stdout"])
def test_named_pipe_refused_by_inspect_and_stdout_export(work: Path, command: str) -> None:
    os.mkfifo(work / "pipe.txt")
    args = ["inspect", "pipe.txt"] if command == "inspect" else ["export", "pipe.txt", "-o", "-"]
    if command == "stdout":
        args += ["-f", "epub"]
    run = cli(*args, cwd=work, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "internal error" not in run.stderr
    _one_error(run.lines, "pipe.txt", "named pipe")
    assert run.stdout == b""


def _docexport(*args: str, cwd: Path, stdin: object, timeout: float = 60) -> tuple[int, str]:
    env = {**os.environ, "CI": ""}
    proc = subprocess.run(
        [sys.executable, "-m", "docexport", *args],
        cwd=cwd,
        stdin=stdin,  # type: ignore[arg-type]
        capture_output=True,
        env=env,
        timeout=timeout,
    )
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


def test_endless_stdin_is_refused_at_the_limit(work: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        code, stderr = _docexport(
            "export", "-", "-o", "-", "-f", "epub", "--max-input-size", "2000000",
            cwd=work, stdin=zero,
        )  # fmt: skip
    assert code == 1, stderr
    _one_error(stderr.splitlines(), "docexport: -: read:", "over the limit of 2,000,000 bytes")


def test_stdin_under_the_limit_still_works(work: Path) -> None:
    with (work / "a.txt").open("rb") as fh:
        code, stderr = _docexport("export", "-", "-o", "-", "-f", "epub", cwd=work, stdin=fh)
    assert code == 0, stderr


# --------------------------------------------------------------------------- manifests


def _manifest_with_record(work: Path, record_path: str) -> Path:
    manifest = {
        "manifest_version": "1.0",
        "tool": "docexport",
        "version": "0.1.0",
        "theme": "default",
        "formats": ["pdf"],
        "outputs": [
            {
                "input": "a.txt",
                "input_sha256": "0" * 64,
                "format": "pdf",
                "path": record_path,
                "bytes": 100,
                "sha256": "0" * 64,
                "key": "k",
            }
        ],
        "failures": [],
        "interrupted": False,
    }
    path = work / "m.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    return path


def test_manifest_record_pointing_at_a_pipe_does_not_hang(work: Path) -> None:
    """--skip-unchanged reads each recorded output to check it is intact; a record
    naming a pipe used to block that read forever."""
    os.mkfifo(work / "pipe.pdf")
    _manifest_with_record(work, str(work / "pipe.pdf"))
    run = cli(
        "export", "a.txt", "-o", "out", "-f", "pdf", "-j", "1", "-q",
        "--skip-unchanged", "--manifest", "m.json",
        cwd=work, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    # The input keeps the name its record gave it; the record was not intact, so it
    # was rendered again (the pipe itself is never read nor replaced).
    assert_pack(run, work / "out", "pipe", WORDS, formats=("pdf",))
    assert (work / "pipe.pdf").is_fifo()
    written = json.loads((work / "m.json").read_text(encoding="utf-8"))
    assert [Path(o["path"]).name for o in written["outputs"]] == ["pipe.pdf"]
    assert written["run"]["rendered"] == 1 and written["run"]["unchanged"] == 0


def test_manifest_that_is_a_pipe_is_neither_read_nor_replaced(work: Path) -> None:
    os.mkfifo(work / "m.json")
    run = cli(
        "export", "a.txt", "-o", "out", "-f", "epub", "-j", "1", "-q",
        "--skip-unchanged", "--manifest", "m.json",
        cwd=work, timeout=60,
    )  # fmt: skip
    assert run.returncode == 2, run.stderr
    assert "internal error" not in run.stderr
    _one_error(run.lines, "m.json", "named pipe, not a regular file")
    assert (work / "m.json").is_fifo()


def test_read_manifest_names_the_file_and_the_cause(tmp_path: Path) -> None:
    from docexport.manifest import read_manifest

    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "big.json").write_text('{"a": ' + "1" * 5000 + "}", encoding="utf-8")
    for name in ("deep.json", "big.json"):
        with pytest.raises(InputError, match=f"manifest .*{name}: "):
            read_manifest(tmp_path / name)
    with pytest.raises(InputError, match="over the limit of 10 bytes"):
        read_manifest(tmp_path / "big.json", limit=10)


# --------------------------------------------------------------------------- themes and config


def test_theme_file_that_is_a_pipe_is_a_usage_error(work: Path) -> None:
    os.mkfifo(work / "t.toml")
    run = cli("export", "a.txt", "-o", "out", "--style", "t.toml", cwd=work, timeout=60)
    assert run.returncode == 2, run.stderr
    _one_error(run.lines, "t.toml", "named pipe")
    assert outputs(work / "out") == []


def test_theme_file_over_its_limit_is_a_usage_error(work: Path) -> None:
    (work / "t.toml").write_text("# padding\n" * 200_000, encoding="utf-8")
    run = cli("export", "a.txt", "-o", "out", "--style", "t.toml", cwd=work, timeout=60)
    assert run.returncode == 2, run.stderr
    _one_error(run.lines, "t.toml", "over the limit of 1,048,576")


def test_config_file_over_its_limit_is_a_usage_error(work: Path) -> None:
    (work / "docexport.toml").write_text("# padding\n" * 200_000, encoding="utf-8")
    run = cli("export", "a.txt", "-o", "out", cwd=work, timeout=60)
    assert run.returncode == 2, run.stderr
    _one_error(run.lines, "docexport.toml", "over the limit of 1,048,576")


def test_config_file_that_is_a_pipe_is_not_read(work: Path) -> None:
    os.mkfifo(work / "docexport.toml")
    run = cli("export", "a.txt", "-o", "out", "-f", "epub", "-q", cwd=work, timeout=60)
    assert run.returncode == 0, run.stderr


# --------------------------------------------------------------------------- reference documents

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EXTERNAL = "https://evil.example/"


def _reference_parts(
    *, width: int = 12240, height: int = 15840, left: int = 1800, top: int = 1440
) -> dict[str, bytes]:
    """The parts of a small reference document (python-docx's template with a
    header and footer), edited by each test before zipping."""
    import docx

    ref = docx.Document()
    section = ref.sections[0]
    section.header.paragraphs[0].text = "ACME INTERNAL"
    section.footer.paragraphs[0].text = "ACME footer"
    ref.add_paragraph("reference body text that must not survive")
    buffer = io.BytesIO()
    ref.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    doc = parts["word/document.xml"].decode()
    doc = doc.replace('w:w="12240" w:h="15840"', f'w:w="{width}" w:h="{height}"')
    doc = doc.replace('w:top="1440"', f'w:top="{top}"').replace('w:left="1800"', f'w:left="{left}"')
    parts["word/document.xml"] = doc.encode()
    return parts


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    return buffer.getvalue()


def _add_rel(parts: dict[str, bytes], rels: str, rid: str, kind: str, target: str) -> None:
    rel = f'<Relationship Id="{rid}" Type="{R_NS}/{kind}" Target="{target}" TargetMode="External"/>'
    if rels not in parts:
        parts[rels] = (
            b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b"</Relationships>"
        )
    parts[rels] = parts[rels].replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def _hostile_reference() -> bytes:
    """A remote template, an external picture and a javascript: link in the header,
    an external picture related from the document, and a macro part."""
    parts = _reference_parts()
    _add_rel(parts, "word/_rels/settings.xml.rels", "rIdT", "attachedTemplate", EXTERNAL + "t.dotm")
    settings = parts["word/settings.xml"].decode()
    settings = settings.replace("<w:zoom", '<w:attachedTemplate r:id="rIdT"/><w:zoom', 1)
    parts["word/settings.xml"] = settings.encode()
    _add_rel(parts, "word/_rels/header1.xml.rels", "rIdJ", "hyperlink", "javascript:alert(1)")
    _add_rel(parts, "word/_rels/header1.xml.rels", "rIdP", "image", EXTERNAL + "pixel.png")
    header = parts["word/header1.xml"].decode()
    link = (
        '<w:hyperlink r:id="rIdJ"><w:r><w:t>click</w:t></w:r></w:hyperlink>'
        '<w:r><w:pict><v:shape><v:imagedata r:id="rIdP"/></v:shape></w:pict></w:r>'
    )
    header = header.replace(
        "<w:t>ACME INTERNAL</w:t></w:r>", "<w:t>ACME INTERNAL</w:t></w:r>" + link
    )
    parts["word/header1.xml"] = header.encode()
    _add_rel(parts, "word/_rels/document.xml.rels", "rIdX", "image", EXTERNAL + "track.gif")
    parts["word/vbaProject.bin"] = b"\0macro"
    return _zip(parts)


def _render_docx(ref: object) -> bytes:
    import docexport
    from docexport.renderers import RenderOptions

    pack = docexport.load_bytes(ARTICLE.encode(), name="a.txt")
    return docexport.render(pack, "docx", options=RenderOptions(reference_docx=ref))  # type: ignore[arg-type]


def _all_rels(docx_bytes: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))


def test_reference_external_relationships_are_dropped(tmp_path: Path) -> None:
    from tests.readback import docx_text

    (tmp_path / "ref.docx").write_bytes(_hostile_reference())
    out = _render_docx(tmp_path / "ref.docx")
    rels = _all_rels(out)
    assert "evil.example" not in rels and "javascript:" not in rels
    assert "attachedTemplate" not in rels
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        names = z.namelist()
        header = next(z.read(n).decode() for n in names if n.startswith("word/header"))
    assert not any("vbaProject" in n or "customXml" in n or "thumbnail" in n for n in names)
    assert "ACME INTERNAL" in header and "click" in header  # the link's text stays
    assert 'r:id="rIdJ"' not in header and 'r:id="rIdP"' not in header
    assert "ninety ships" in docx_text(out)
    assert "must not survive" not in docx_text(out)


def test_reduced_reference_keeps_only_the_parts_docexport_uses() -> None:
    from docexport.renderers.docx.reference import reduce_reference

    reduced = reduce_reference(_hostile_reference(), name="ref.docx")
    with zipfile.ZipFile(io.BytesIO(reduced.data)) as z:
        names = set(z.namelist())
        document = z.read("word/document.xml").decode()
    assert names == {
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/theme/theme1.xml",
        "word/header1.xml",
        "word/footer1.xml",
    }
    assert "must not survive" not in document and "<w:sectPr" in document
    # the same input gives the same bytes
    assert reduce_reference(_hostile_reference(), name="x").digest == reduced.digest


def test_reference_as_bytes_renders_the_same_as_from_its_path(tmp_path: Path) -> None:
    import pickle

    from docexport.renderers.docx.reference import load_reference

    path = tmp_path / "ref.docx"
    path.write_bytes(_zip(_reference_parts(width=15840, height=12240)))
    loaded = load_reference(path)
    shipped = pickle.loads(pickle.dumps(loaded))  # as a worker on another machine gets it
    assert _render_docx(shipped) == _render_docx(path)
    import docx

    section = docx.Document(io.BytesIO(_render_docx(shipped))).sections[0]
    assert round(section.page_width.pt) == 792


def _lying_bomb(parts: dict[str, bytes], member: str, claimed: int) -> bytes:
    """A zip whose directory says ``member`` inflates to ``claimed`` bytes."""
    data = bytearray(_zip(parts))
    at = data.rfind(b"PK\x01\x02", 0)
    while at >= 0:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_len] == member.encode():
            data[at + 24 : at + 28] = claimed.to_bytes(4, "little")
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    return bytes(data)


@pytest.mark.parametrize("part", ["word/styles.xml", "word/header1.xml", "word/media/logo.png"])
def test_reference_zip_bomb_is_refused_before_inflating(tmp_path: Path, part: str) -> None:
    """A part the reference uses claims 4 GB less one byte; a real bomb (100 MB of
    zeros deflated to 100 KB) behind the header; both refused at once."""
    from docexport.errors import RenderError
    from docexport.renderers.docx.reference import reduce_reference

    parts = _reference_parts()
    if part.endswith(".png"):
        rels = parts["word/_rels/header1.xml.rels"] = (
            b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rIdL" Type="' + R_NS.encode() + b'/image" Target="media/logo.png"/>'
            b"</Relationships>"
        )
        assert rels
        parts[part] = b"\x89PNG" + b"\0" * 1000
    start = time.monotonic()
    with pytest.raises(RenderError, match=r"reference docx bomb.docx: .*more than 64 MiB"):
        reduce_reference(_lying_bomb(parts, part, 2**32 - 1), name="bomb.docx")
    real = dict(parts)
    real[part] = b"\0" * 100_000_000
    with pytest.raises(RenderError, match="more than 64 MiB"):
        reduce_reference(_zip(real), name="bomb.docx")
    assert time.monotonic() - start < 20


def test_reference_bomb_in_a_part_docexport_does_not_use_is_never_inflated(
    work: Path,
) -> None:
    parts = _reference_parts()
    parts["word/media/huge.bin"] = b"x"
    (work / "ref.docx").write_bytes(_lying_bomb(parts, "word/media/huge.bin", 2**32 - 1))
    run = cli(
        "export", "a.txt", "-o", "out", "-f", "docx", "-q", "--reference-docx", "ref.docx",
        cwd=work, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert_pack(run, work / "out", "a", WORDS, formats=("docx",))
    assert (work / "out" / "a.docx").stat().st_size < 200_000


def test_reference_with_too_many_parts_is_refused_from_its_directory() -> None:
    from docexport.errors import RenderError
    from docexport.renderers.docx.reference import MAX_ARCHIVE_ENTRIES, reduce_reference

    parts = _reference_parts()
    for i in range(MAX_ARCHIVE_ENTRIES + 1):
        parts[f"junk/{i}"] = b""
    with pytest.raises(RenderError, match=r"ref.docx: 10,0\d\d parts, over the limit of 10,000"):
        reduce_reference(_zip(parts), name="ref.docx")


@pytest.mark.parametrize(
    ("geometry", "cause"),
    [
        ({"width": 0}, r"page width of 0 pt is not a page"),
        ({"height": -100}, r"page height of -5 pt is not a page"),
        ({"width": 40000}, r"page width of 2000 pt is not a page"),
        ({"top": -720}, r"page margin top of -36 pt is negative"),
        ({"left": 11000}, r"page margins \(left, right and gutter: 640 pt\) leave -28 pt"),
        ({"top": 15000}, r"page margins \(top and bottom: 822 pt\) leave -30 pt"),
    ],
)
def test_reference_page_that_cannot_hold_text_is_refused(
    work: Path, geometry: dict[str, int], cause: str
) -> None:
    """Through the CLI: the reference document is read and checked once, before any
    input, so a bad one is a usage error (exit 2) naming the option, the file and
    the cause, and nothing is rendered with it."""
    (work / "ref.docx").write_bytes(_zip(_reference_parts(**geometry)))
    run = cli(
        "export", "a.txt", "-o", "out", "-j", "1", "-q", "--reference-docx", "ref.docx",
        cwd=work, timeout=60,
    )  # fmt: skip
    assert run.returncode == 2, run.stderr
    assert "internal error" not in run.stderr
    line = _one_error(run.lines, "--reference-docx ref.docx")
    assert re.search(cause, line), line
    assert not (work / "out").exists()


@pytest.mark.parametrize("part", ["word/header1.xml", "word/styles.xml", "word/document.xml"])
def test_reference_part_with_a_doctype_is_a_clear_error(work: Path, part: str) -> None:
    parts = _reference_parts()
    body = parts[part].split(b"?>", 1)[1]
    root = body.lstrip()[1:].split(b" ", 1)[0].decode()
    parts[part] = (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        + f'<!DOCTYPE {root} [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'.encode()
        + body
    )
    (work / "ref.docx").write_bytes(_zip(parts))
    run = cli(
        "export", "a.txt", "-o", "out", "-f", "docx", "-j", "1", "-q",
        "--reference-docx", "ref.docx", cwd=work, timeout=60,
    )  # fmt: skip
    assert run.returncode == 2, run.stderr
    assert "internal error" not in run.stderr
    _one_error(run.lines, "--reference-docx ref.docx", part, "has a DOCTYPE")


def test_reference_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    from docexport.errors import RenderError

    os.mkfifo(tmp_path / "ref.docx")
    with pytest.raises(RenderError, match=r"reference docx .*ref.docx: is a named pipe"):
        _render_docx(tmp_path / "ref.docx")
    with pytest.raises(RenderError, match="reference docx /dev/zero: is a character device"):
        _render_docx(Path("/dev/zero"))


def test_reference_that_is_not_a_word_document(tmp_path: Path) -> None:
    from docexport.errors import RenderError
    from docexport.renderers.docx.reference import reduce_reference

    with pytest.raises(RenderError, match=r"x\.docx: not a Word document"):
        reduce_reference(b"PK\x03\x04 not really", name="x.docx")
    parts = _reference_parts()
    del parts["word/document.xml"]
    with pytest.raises(RenderError, match=r"x\.docx: not a Word document"):
        reduce_reference(_zip(parts), name="x.docx")


# --------------------------------------------------------------------------- bounded work


def test_markdown_emphasis_nested_50000_deep_is_read_in_linear_time(work: Path) -> None:
    """Each text run used to copy the list of every open emphasis: 95 s for 50,000
    levels before the paragraph limit could even refuse it. Now the deep one is
    refused at once and one at 24,000 levels renders."""
    deep = "# Deep\n\n" + "*a " * 50_000 + "core" + " a*" * 50_000 + "\n"
    (work / "deep.md").write_text(deep, encoding="utf-8")
    run = cli("export", "deep.md", "-o", "out", "-j", "1", "-q", cwd=work, timeout=60)
    assert run.returncode == 1, run.stderr
    _one_error(run.lines, "deep.md", "over the limit of 100,000 for one paragraph")
    under = "# Deep\n\n" + "*a " * 24_000 + "core" + " a*" * 24_000 + "\n"
    (work / "under.md").write_text(under, encoding="utf-8")
    run = cli("export", "under.md", "-o", "out", "-j", "1", "-q", cwd=work, timeout=90)
    assert_pack(run, work / "out", "under", ["Deep", "a a a core a a a"])


def test_markdown_reader_keeps_marks_at_any_depth() -> None:
    from docexport.model import Text
    from docexport.readers.markdown import read_markdown

    text = "# T\n\n" + "*a " * 3 + "**b** core" + " a*" * 3 + " tail\n"
    body = read_markdown(text.encode()).articles[0].body
    runs = body[0].inlines  # type: ignore[union-attr]
    assert [(r.text, r.marks) for r in runs if isinstance(r, Text)] == [
        ("a a a ", ("emphasis",)),
        ("b", ("emphasis", "strong")),
        (" core a a a", ("emphasis",)),
        (" tail", ()),
    ]


def _lines(n: int, words: str = "Harbour line") -> bytes:
    return ("Harbour headline\n" + "".join(f"{words} {i}.\n" for i in range(n))).encode()


@pytest.mark.parametrize(
    ("name", "data", "cause"),
    [
        # the cases: a 4 MB text of one million one-line paragraphs, a
        # 10 MB text of 100,000 lines
        ("million.txt", b"Headline\n" + b"abc\n" * 1_000_000, r"1,000,002 lines, over the limit"),
        (
            "tenmeg.txt",
            b"Headline\n" + (b"x" * 99 + b"\n") * 100_000,
            r"100,002 lines, over the limit of 50,000",
        ),
        ("blocks.txt", _lines(10_002), r"10,001 paragraphs, over the limit of 10,000"),
        ("million.md", b"# Headline\n\n" + b"- a\n" * 1_000_000, r"lines, over the limit"),
        ("blocks.md", b"# H\n\n" + b"a\n\n" * 10_001, r"10,001 paragraphs .*over the limit"),
        (
            "simple.json",
            json.dumps({"headline": "H", "body": ["a"] * 20_000}).encode(),
            r"body has 20,000 paragraphs, over the limit of 10,000",
        ),
        (
            "model.json",
            json.dumps(
                {"title": "T", "articles": [{"headline": "H", "body": [{}] * 500_001}]}
            ).encode(),
            r"JSON has about 1,000,0\d\d values, over the limit of 1,000,000",
        ),
        (
            "long.txt",
            ("Headline\n" + ("word " * 19_000 + "end.\n") * 11).encode(),
            r"text is 1,045,0\d\d characters long, over the limit of 1,000,000",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and re.fullmatch(r"[\w.-]+\.(txt|md|json)", v) else "",
)
def test_more_work_than_the_limits_allow_is_refused_at_once(
    work: Path, name: str, data: bytes, cause: str
) -> None:
    (work / name).write_bytes(data)
    run = cli("export", name, "a.txt", "-o", "out", "-j", "1", "-q", cwd=work, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "internal error" not in run.stderr
    line = _one_error(run.lines, name)
    assert re.search(cause, line), line
    assert {p.name for p in outputs(work / "out")} == {"a.docx", "a.pdf", "a.epub"}


def test_an_article_at_the_block_limit_renders(work: Path) -> None:
    from docexport.limits import MAX_BLOCKS

    (work / "many.txt").write_bytes(_lines(MAX_BLOCKS + 1))  # standfirst + MAX_BLOCKS
    run = cli("export", "many.txt", "-o", "out", "-f", "docx", "-j", "1", "-q", cwd=work)
    assert_pack(
        run, work / "out", "many", ["Harbour line 1.", f"Harbour line {MAX_BLOCKS}."], ["docx"]
    )


def test_html_nested_deeper_than_the_parser_keeps_is_an_error_not_an_empty_pack(
    work: Path,
) -> None:
    page = (
        "<html><head><title>Harbour headline</title></head><body><h1>Harbour headline</h1>"
        + "<div>" * 100_000
        + "<p>The harbour authority counted ninety ships.</p>"
        + "</div>" * 100_000
        + "</body></html>"
    )
    (work / "deep.html").write_text(page, encoding="utf-8")
    run = cli("export", "deep.html", "-o", "out", "-j", "1", "-q", cwd=work, timeout=60)
    assert run.returncode == 1, run.stderr
    _one_error(run.lines, "deep.html", "no article text found")


# --------------------------------------------------------------------------- values as data


def _model(**article: object) -> bytes:
    """A JSON model of one article, with ``marking`` on the pack."""
    marking = article.pop("marking", None)
    body = [{"type": "paragraph", "id": "p1", "inlines": [{"type": "text", "text": "Ships."}]}]
    return json.dumps(
        {"title": "T", "marking": marking, "articles": [{"headline": "H", "body": body, **article}]}
    ).encode()


def _markdown(**front: str) -> bytes:
    lines = [f"{k}: {json.dumps(v)}" for k, v in front.items()]
    return ("---\n" + "\n".join(lines) + "\n---\n\n" + ARTICLE.split("\n", 1)[1]).encode()


@pytest.mark.parametrize(
    ("name", "data", "cause"),
    [
        (
            "marking.md",
            _markdown(title="Harbour", marking="SECRET " * 715),
            r"marking is 5,004 characters long, over the limit of 200",
        ),
        (
            "marking.json",
            _model(marking="SECRET " * 28_572),
            r"marking is 200,00\d characters long, over the limit of 200",
        ),
        (
            "title.md",
            _markdown(title="Harbour " * 200),
            r"headline is 1,599 characters long, over the limit of 1,000",
        ),
        (
            "source.md",
            _markdown(title="Harbour", source="Example " * 100),
            r"source name is 799 characters long, over the limit of 500",
        ),
        (
            "author.json",
            _model(authors=["Jane Doe", "Jane " * 200]),
            r"author name is 1,000 characters long, over the limit of 500",
        ),
        (
            "url.json",
            _model(source={"url": "https://example.org/" + "a" * 5000}),
            r"source URL is 5,020 characters long, over the limit of 4,096",
        ),
        (
            "summary.json",
            _model(summary=[f"Point {i}." for i in range(5_000)]),
            r"summary has 5,000 points, over the limit of 20",
        ),
        (
            "empty-headline.json",
            json.dumps({"title": "T", "articles": [{"headline": ""}]}).encode(),
            r"headline has no visible text",
        ),
        (
            "invisible.json",
            json.dumps({"title": "T", "articles": [{"headline": "\u200b\u2060\u3164"}]}).encode(),
            r"headline has no visible text",
        ),
        ("invisible.txt", "\u200b\u200d\ufeff\n\u200b\u2800\n".encode(), r"no visible text"),
        (
            "combining.txt",
            "\u0301\u0301\u0301\nThe harbour authority counted ninety ships.\n".encode(),
            r"headline has no visible text",
        ),
        (
            "notitle.json",
            json.dumps(
                {
                    "title": "\u200b",
                    "articles": [
                        {
                            "headline": "Harbour",
                            "body": [
                                {
                                    "type": "paragraph",
                                    "id": "p1",
                                    "inlines": [{"type": "text", "text": "Ships."}],
                                }
                            ],
                        }
                    ],
                }
            ).encode(),
            r"pack title has no visible text",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and re.fullmatch(r"[\w.-]+\.(txt|md|json)", v) else "",
)
def test_values_over_their_limits_or_invisible_are_input_errors(
    work: Path, name: str, data: bytes, cause: str
) -> None:
    (work / name).write_bytes(data)
    run = cli("export", name, "a.txt", "-o", "out", "-j", "1", "-q", cwd=work, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "internal error" not in run.stderr
    line = _one_error(run.lines, name)
    assert re.search(cause, line), line
    assert {p.name for p in outputs(work / "out")} == {"a.docx", "a.pdf", "a.epub"}


def test_values_at_their_limits_are_kept_whole(work: Path) -> None:
    from docexport.limits import MAX_MARKING_CHARS, MAX_TITLE_CHARS

    marking = ("OFFICIAL SENSITIVE " * 20)[: MAX_MARKING_CHARS - 1] + "X"
    title = ("Harbour inspection " * 100)[: MAX_TITLE_CHARS - 1] + "Z"
    (work / "edge.md").write_bytes(_markdown(title=title, marking=marking))
    run = cli("export", "edge.md", "-o", "out", "-f", "epub", "-j", "1", "-q", cwd=work)
    assert_pack(run, work / "out", "edge", [marking, title], ["epub"])


def test_pack_title_with_no_visible_text_is_refused(work: Path) -> None:
    run = cli("pack", "a.txt", "--title", "\u200b\u200c", "-o", "out/p", cwd=work)
    assert run.returncode == 1, run.stderr
    assert "internal error" not in run.stderr
    _one_error(run.lines, "pack title has no visible text")
    assert outputs(work / "out") == []


def test_check_marking_for_the_command_line() -> None:
    from docexport.loading import check_marking

    check_marking("OFFICIAL")
    check_marking(None)
    with pytest.raises(InputError, match="marking is 200,000 characters long, over the limit"):
        check_marking("x" * 200_000)


def _page(paras: str) -> bytes:
    return (
        "<!doctype html><html><head><title>Harbour page</title></head><body>"
        f"<nav class='menu'>Home News Sport</nav><article><h1>Harbour page</h1>{paras}"
        "</article><div class='related'>More stories elsewhere</div></body></html>"
    ).encode()


def read_bytes_html(data: bytes) -> Reading:
    return read_bytes(data, name="page.html")


def test_html_paragraphs_made_of_spans_keep_their_text() -> None:
    """The extractor is given the page without its style-only spans, text joined
    (it used to take minutes over paragraphs made of spans); nothing is lost."""
    from docexport.model import plain_text

    spans = " ".join(f"<span class='w'>part{k}</span>" for k in range(40))
    paras = "".join(f"<p>Ship {i} was inspected on Tuesday: {spans}.</p>" for i in range(300))
    reading = read_bytes_html(_page(paras))
    texts = [plain_text(b.inlines) for b in reading.articles[0].body]  # type: ignore[union-attr]
    assert len(texts) == 300
    assert (
        texts[299]
        == "Ship 299 was inspected on Tuesday: " + " ".join(f"part{k}" for k in range(40)) + "."
    )


def test_html_page_too_big_for_article_extraction_uses_its_whole_text() -> None:
    from docexport.errors import DocexportWarning
    from docexport.readers.html import MAX_EXTRACT_ELEMENTS

    bold = " ".join(f"<b>{k}</b>" for k in range(30))
    n = MAX_EXTRACT_ELEMENTS // 31 + 10
    paras = "".join(f"<p>Ship {i} inspected: {bold}.</p>" for i in range(n))
    with pytest.warns(DocexportWarning, match=r"elements, too many to look for its article"):
        reading = read_bytes_html(_page(paras))
    body = reading.articles[0].body
    assert len(body) >= n
    text = " ".join(str(b) for b in body)
    assert f"Ship {n - 1} inspected" in text
    assert "More stories elsewhere" not in text  # page furniture still left out


@pytest.mark.slow
def test_docx_from_a_reduced_hostile_reference_opens_in_libreoffice(tmp_path: Path) -> None:
    from tests.renderers.docx.test_libreoffice import page_text, to_pdf

    (tmp_path / "ref.docx").write_bytes(_hostile_reference())
    pdf = to_pdf(_render_docx(tmp_path / "ref.docx"), tmp_path)
    first = page_text(pdf, 1)
    assert "ACME INTERNAL" in first and "ACME footer" in first
    assert "Harbour inspection begins" in first
