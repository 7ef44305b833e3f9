"""Output names never leave the output folder; writes are all-or-nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docexport.errors import OutputError
from docexport.output import atomic_write, output_path, safe_stem


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc_passwd"),
        ("/abs/path", "abs_path"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("", "article"),
        ("...", "article"),
        ("Café: “news”?", "Café_news"),
        ("a" * 400, "a" * 120),
    ],
)
def test_safe_stem(name: str, expected: str) -> None:
    assert safe_stem(name) == expected


def test_output_path_stays_inside(tmp_path: Path) -> None:
    p = output_path(tmp_path, "../../x", "pdf")
    assert p.parent == tmp_path and p.name == "x.pdf"


def test_symlink_pointing_outside_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").symlink_to(outside / "victim.pdf")
    with pytest.raises(OutputError, match="outside the output folder"):
        output_path(out, "a", "pdf")


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    atomic_write(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            atomic_write(tmp_path / "a.pdf", b"x")
    finally:
        tmp_path.chmod(0o755)
