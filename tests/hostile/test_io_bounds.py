"""Bounded reads: every file docexport reads (inputs, stdin, themes, configuration,
manifests, reference documents) is a regular file read up to its limit plus one
byte. A named pipe never hangs a run, ``/dev/zero`` and an endless stdin never
fill memory, and each is one line naming the file and the cause."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docexport.errors import InputError, ThemeError
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
    _one_error(stderr.splitlines(), "stdin", "over the limit of 2,000,000 bytes")


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
    assert_pack(run, work / "out", "a", WORDS, formats=("pdf",))
    written = json.loads((work / "m.json").read_text(encoding="utf-8"))
    assert [Path(o["path"]).name for o in written["outputs"]] == ["a.pdf"]
    assert written["outputs"][0]["reused"] is False


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
