"""Writes replace only what they should: regular files, never a device, a pipe,
a folder or a link; a run removes only its own leftover temps (and those of
processes that are gone), never another live run's; one run at a time holds an
output folder; names are cut by bytes, so a long non-Latin name still fits."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from docexport.errors import OutputError
from docexport.output import (
    MAX_STEM,
    TEMP_PREFIX,
    atomic_write,
    check_replaceable,
    is_stale_temp,
    output_path,
    safe_stem,
)
from docexport.runcontrol import folder_lock, locks

from .conftest import FORMATS, assert_pack, cli, output_text

ARTICLE = (
    "Harbour inspection begins\n"
    "The harbour authority counted ninety ships on Tuesday morning.\n"
    "Officials said the inspection would continue through the winter season.\n"
    "Original Source: example.org\n"
)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _char_device(path: Path) -> Path:
    """A copy of /dev/null's device node (root only), else skip."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


def _errors(lines: list[str]) -> list[str]:
    return [ln for ln in lines if ln.startswith("docexport: ") and "warning:" not in ln]


# --------------------------------------------------------------------------- only regular files


@pytest.mark.parametrize("kind", ["char-device", "fifo", "folder", "symlink"])
def test_manifest_on_something_that_is_not_a_regular_file_is_refused(work: Path, kind: str) -> None:
    """``--manifest`` naming a device node (as /dev/null would), a pipe, a folder
    or a link: exit 2, one line naming the manifest and the cause, and the thing
    is still what it was (the atomic rename used to put a plain file there)."""
    target = work / "manifest.json"
    if kind == "char-device":
        _char_device(target)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:
        (work / "real.json").write_text("{}", encoding="utf-8")
        target.symlink_to(work / "real.json")
    before = os.lstat(target)
    run = cli("export", "a.txt", "-o", "out", "-j", "1", "-q", "--manifest", str(target), cwd=work)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    errors = _errors(run.lines)
    assert len(errors) == 1, run.stderr
    assert "manifest.json" in errors[0], errors[0]
    assert "not a regular file" in errors[0] or "is a folder, not a file" in errors[0], errors[0]
    after = os.lstat(target)
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    if kind == "symlink":
        assert (work / "real.json").read_text(encoding="utf-8") == "{}"
    assert not list(work.glob(f"{TEMP_PREFIX}*"))


def test_output_that_is_a_pipe_is_refused_and_the_other_formats_written(work: Path) -> None:
    out = work / "out"
    out.mkdir()
    os.mkfifo(out / "a.pdf")
    run = cli("export", "a.txt", "-o", "out", "-j", "1", "-q", cwd=work)
    assert run.returncode == 1, run.stderr
    assert "internal error" not in run.stderr
    errors = _errors(run.lines)
    assert len(errors) == 1, run.stderr
    assert "a.txt" in errors[0] and "a.pdf" in errors[0] and "named pipe" in errors[0]
    assert stat.S_ISFIFO(os.lstat(out / "a.pdf").st_mode)
    for fmt in ("docx", "epub"):
        assert "ninety ships" in output_text(out / f"a.{fmt}")
    assert not list(out.glob(f"{TEMP_PREFIX}*"))


def test_symlink_inside_the_output_folder_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "b.pdf").write_bytes(b"keep")
    (tmp_path / "a.pdf").symlink_to("b.pdf")
    with pytest.raises(OutputError, match="symbolic link, not a regular file"):
        atomic_write(tmp_path / "a.pdf", b"new")
    assert (tmp_path / "a.pdf").is_symlink()
    assert (tmp_path / "b.pdf").read_bytes() == b"keep"


def test_check_replaceable_accepts_absent_and_regular(tmp_path: Path) -> None:
    check_replaceable(tmp_path / "absent.pdf")
    (tmp_path / "a.pdf").write_bytes(b"x")
    check_replaceable(tmp_path / "a.pdf")
    with pytest.raises(OutputError, match="is a folder"):
        check_replaceable(tmp_path)


# --------------------------------------------------------------------------- temps


def _temp_name(pid: int) -> str:
    from docexport import output

    return f"{TEMP_PREFIX}{output._HOST}-{pid}-0123456789ab.tmp"


@pytest.fixture
def live_process() -> Iterator[int]:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        yield proc.pid
    finally:
        proc.kill()
        proc.wait()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_run_keeps_another_live_runs_temps_and_removes_dead_ones(
    work: Path, live_process: int
) -> None:
    """Two runs in one folder: the first run's in-flight temp survives the second
    run's clean-up; a temp left by a process that is gone is removed."""
    out = work / "out"
    out.mkdir()
    live = out / _temp_name(live_process)
    live.write_bytes(b"in flight")
    dead = out / _temp_name(_dead_pid())
    dead.write_bytes(b"left behind")
    foreign = out / f"{TEMP_PREFIX}00000000-1-0123456789ab.tmp"  # another host's
    foreign.write_bytes(b"cannot tell")
    run = cli("export", "a.txt", "-o", "out", "-j", "1", "-q", cwd=work)
    assert run.returncode == 0, run.stderr
    assert live.read_bytes() == b"in flight"
    assert foreign.exists()
    assert not dead.exists()
    assert (out / "a.pdf").is_file()


def test_temps_carry_their_owner_and_ours_in_flight_are_not_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: Path) -> None:
        name = Path(src).name
        seen.append(name)
        assert not is_stale_temp(Path(src)), "our own in-flight temp judged stale"
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write(tmp_path / "a.pdf", b"data")
    assert len(seen) == 1 and f"-{os.getpid()}-" in seen[0]
    # once written, a temp of ours with that name would be a leftover
    left = tmp_path / seen[0]
    left.write_bytes(b"x")
    assert is_stale_temp(left)


def test_unowned_temps_of_an_older_version_are_removed_only_when_old(tmp_path: Path) -> None:
    from docexport.output import remove_stale_temps

    fresh = tmp_path / f"{TEMP_PREFIX}abcd1234.tmp"
    old = tmp_path / f"{TEMP_PREFIX}wxyz5678.tmp"
    fresh.write_bytes(b"")
    old.write_bytes(b"")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    remove_stale_temps(tmp_path)
    assert fresh.exists() and not old.exists()


# --------------------------------------------------------------------------- the folder lock
# The run loop holds runcontrol.locks() on its output (and manifest) folders for the
# whole run: an flock on the folder itself, so no lock file is left among the outputs.

_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from docexport.runcontrol import folder_lock
    with folder_lock(Path(sys.argv[1]), wait_s=float(sys.argv[2])):
        print("locked", flush=True)
        sys.stdin.readline()
    print("released", flush=True)
    """
)


def _holder(folder: Path, wait: float = 0.0) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(folder), str(wait)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked", proc.stderr
    return proc


def test_second_run_into_a_locked_folder_waits_then_refuses(tmp_path: Path) -> None:
    holder = _holder(tmp_path)
    try:
        start = time.monotonic()
        with pytest.raises(OutputError) as caught, folder_lock(tmp_path, wait_s=0.5):
            pass
        waited = time.monotonic() - start
        message = str(caught.value)
        assert str(tmp_path) in message and "another docexport run" in message
        assert "\n" not in message
        assert 0.4 < waited < 10
    finally:
        holder.communicate("go\n", timeout=30)
    with folder_lock(tmp_path, wait_s=0):  # free again
        pass
    assert sorted(tmp_path.iterdir()) == []  # no lock file among the outputs


def test_second_run_gets_the_lock_when_the_first_finishes_within_the_wait(
    tmp_path: Path,
) -> None:
    holder = _holder(tmp_path)
    waiter = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path), "30"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.5)
    assert waiter.poll() is None  # still waiting
    holder.communicate("go\n", timeout=30)
    out, err = waiter.communicate("go\n", timeout=30)
    assert waiter.returncode == 0, err
    assert out.split() == ["locked", "released"]


_COUNTER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from docexport.runcontrol import locks
    counter = Path(sys.argv[2])
    folders = [Path(p) for p in sys.argv[3:]]
    for _ in range(int(sys.argv[1])):
        with locks(folders):
            n = int(counter.read_text())
            time.sleep(0.001)
            counter.write_text(str(n + 1))
    """
)


def test_processes_racing_for_the_lock_never_hold_it_together(tmp_path: Path) -> None:
    """Three processes each add one to a counter under the lock, 150 times; a
    lost update (two inside at once) would leave the counter short. One names the
    two folders in the opposite order, which must not deadlock."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    counter = tmp_path / "counter"
    counter.write_text("0")
    orders = [(a, b), (a, b), (b, a)]
    procs = [
        subprocess.Popen([sys.executable, "-c", _COUNTER, "150", str(counter), *map(str, order)])
        for order in orders
    ]
    for p in procs:
        assert p.wait(timeout=120) == 0
    assert counter.read_text() == "450"


def test_locks_take_each_folder_once(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    with locks([tmp_path, tmp_path / ".", tmp_path / "m"]):
        pass  # the same folder named twice does not deadlock on itself


# --------------------------------------------------------------------------- names by bytes


def test_names_are_cut_by_bytes_on_a_character_boundary() -> None:
    stem = safe_stem("新" * 84)
    assert len(stem.encode("utf-8")) <= MAX_STEM
    assert stem == "新" * (MAX_STEM // 3)
    mixed = safe_stem("a" + "é" * 200)  # 1 + 2 * 59 = 119 bytes, the next é would not fit
    assert mixed.encode("utf-8") == ("a" + "é" * 59).encode("utf-8")


def test_a_long_stem_keeps_its_suffix_in_output_path(tmp_path: Path) -> None:
    stem = safe_stem("x" * 300)
    assert output_path(tmp_path, f"{stem}-07", "docx").name == f"{stem}-07.docx"


def test_pack_titled_with_84_cjk_characters_is_written(work: Path) -> None:
    """84 CJK characters are 252 bytes: with an extension that used to exceed the
    255-byte name limit ("File name too long" for every output)."""
    title = "港口检查" * 21
    run = cli("pack", "a.txt", "--title", title, "-o", f"out/{title}", cwd=work)
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in (work / "out").iterdir())
    assert len(names) == 3, names
    for name in names:
        assert len(name.encode("utf-8")) <= 255
        assert name.startswith("港口检查")


def _feed(items: int) -> bytes:
    entries = "".join(
        f"<item><title>Harbour bulletin number {i}</title><link>https://example.org/{i}</link>"
        f"<description>The harbour authority counted {i} ships in bulletin number {i}."
        "</description></item>"
        for i in range(1, items + 1)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title>'
        f"<link>https://example.org/</link><description>d</description>{entries}</channel></rss>"
    ).encode()


@pytest.mark.parametrize("name", ["f" * 130, "港" * 82], ids=["ascii-130", "cjk-82"])
def test_long_feed_name_keeps_each_items_suffix(tmp_path: Path, name: str) -> None:
    """A feed named with more than the stem limit: each item keeps its -01, -02,
    -03 suffix, so no item overwrites another."""
    (tmp_path / f"{name}.rss").write_bytes(_feed(3))
    run = cli("export", f"{name}.rss", "-o", "out", "-j", "1", "-q", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = tmp_path / "out"
    assert len(list(out.iterdir())) == 3 * len(FORMATS)
    for i in (1, 2, 3):
        (docx,) = out.glob(f"*-0{i}.docx")
        stem = docx.stem
        # the whole name stays within the stem limit, cut on a character boundary
        assert len(stem.encode("utf-8")) <= MAX_STEM and name.startswith(stem[:-3])
        assert_pack(run, out, stem, [f"Harbour bulletin number {i}"])


def test_readme_states_the_limits_the_code_enforces() -> None:
    """The README's "Limits and safety" section gives each limit as the code has it."""
    from docexport import limits
    from docexport.manifest import MAX_MANIFEST_BYTES
    from docexport.renderers.docx import reference

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Limits and safety", 1)[1].split("\n## ", 1)[0]
    assert f"cut to {MAX_STEM} bytes" in section
    for value in (
        limits.MAX_BLOCKS,
        limits.MAX_ARTICLE_CHARS,
        limits.MAX_TITLE_CHARS,
        limits.MAX_MARKING_CHARS,
        limits.MAX_SOURCE_CHARS,
        limits.MAX_URL_CHARS,
        limits.MAX_SUMMARY_POINTS,
        limits.MAX_LINES,
        limits.MAX_JSON_VALUES,
        reference.MAX_ARCHIVE_ENTRIES,
        reference.MAX_KEPT_PARTS,
    ):
        assert f"{value:,}" in section, value
    for mib in (MAX_MANIFEST_BYTES, reference.MAX_REFERENCE_BYTES, reference.MAX_KEPT_BYTES):
        assert f"{mib // (1024 * 1024)} MiB" in section, mib
