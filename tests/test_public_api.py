"""The public surface is what it claims, and importing it stays cheap."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import docexport

ROOT = Path(__file__).resolve().parent.parent


def test_all_names_resolve() -> None:
    for name in docexport.__all__:
        assert getattr(docexport, name) is not None, name


def test_import_is_cheap() -> None:
    """`import docexport` loads no renderer library, no analysis, no typer."""
    code = (
        "import sys, docexport; "
        "heavy = [m for m in ('docx', 'reportlab', 'ebooklib', 'typer', 'rich', 'lxml',"
        " 'docexport.analysis', 'docexport.renderers.pdf') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_version_imports_no_cli_framework() -> None:
    code = (
        "import sys; sys.argv = ['docexport', '--version']; "
        "from docexport.launcher import main; main(); "
        "print('typer' in sys.modules, 'click' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0] == f"docexport {docexport.__version__}"
    assert any(line.strip().startswith("python-docx ") for line in lines)
    assert lines[-1] == "False False"


def test_export_imports_only_what_it_uses(tmp_path: Path) -> None:
    """An export of the seed to one format loads that renderer's library only, never
    pydantic (typer >= 0.29 imports it: about 90 ms per run, hence the pin in
    pyproject.toml), and never scans installed packages for plug-ins."""
    seed = next((ROOT / "seeds").glob("*.txt"))
    argv = ["docexport", "export", str(seed), "-o", str(tmp_path), "-f", "epub"]
    code = (
        f"import sys; sys.argv = {argv!r}; "
        "from docexport.launcher import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(','.join(m for m in ('pydantic', 'docx', 'reportlab', 'importlib.metadata')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (tmp_path / (seed.stem + ".epub")).is_file()
    assert out.stdout.strip().splitlines()[-1:] in ([], [""])


def test_py_typed_ships() -> None:
    assert (Path(docexport.__file__).parent / "py.typed").is_file()


def test_readme_email_example_runs(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- example: email -->\s*```python\n(.*?)```", readme, re.S)
    assert match, "the README lost its email example"
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), "README.md:email", "exec"), namespace)
    msg = namespace["msg"]
    parts = list(msg.iter_attachments())  # type: ignore[attr-defined]
    assert len(parts) == 1
    payload = parts[0].get_content()
    assert payload.startswith(b"%PDF-")
    assert parts[0].get_filename() == "briefing.pdf"


# --------------------------------------------------------------------------- issue 16: the API


SEED = ROOT / "seeds" / "000_a2ab894a6d71f4f2.txt"
ERRORS = (
    "DocexportError",
    "InputError",
    "InputNotFoundError",
    "ConfigError",
    "ThemeError",
    "RenderError",
    "OutputError",
    "UnknownFormat",
    "Interrupted",
)


def test_every_error_class_is_exported() -> None:
    for name in ERRORS:
        assert name in docexport.__all__, name
        cls = getattr(docexport, name)
        assert isinstance(cls, type) and issubclass(cls, BaseException), name
    assert issubclass(docexport.InputNotFoundError, FileNotFoundError)
    assert issubclass(docexport.InputError, docexport.DocexportError)


def test_load_takes_a_path_and_a_missing_file_says_so(tmp_path: Path) -> None:
    pack = docexport.load(str(SEED))
    assert pack.title.startswith("President Ruto")
    missing = tmp_path / "notes" / "missing.txt"
    with pytest.raises(FileNotFoundError) as info:
        docexport.load(str(missing))
    err = info.value
    assert isinstance(err, docexport.InputError)
    assert err.path == str(missing) and err.stage == "read"
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(docexport.InputError) as bad:
        docexport.load(tmp_path / "bad.json")
    assert bad.value.path == str(tmp_path / "bad.json") and bad.value.stage == "read"


def test_load_text_and_load_bytes_are_separate_entries() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert docexport.load_text(text).title == docexport.load(SEED).title
    assert docexport.load_bytes(SEED.read_bytes(), name="a.txt").title == docexport.load(SEED).title
    with pytest.raises(docexport.InputError, match="no text"):
        docexport.load_text("Only a headline")


def test_export_takes_one_string_input_and_one_format(tmp_path: Path) -> None:
    """A str is one input (not its characters), "pdf" one format (not 'p')."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / SEED.name).write_bytes(SEED.read_bytes())
    manifest = docexport.export(str(tmp_path / "in"), formats="pdf", out_dir=tmp_path / "out")
    assert manifest.ok, manifest.failures
    assert [Path(p).name for p in manifest.paths] == [SEED.stem + ".pdf"]
    manifest = docexport.export(tmp_path / "in", formats="docx,epub", out_dir=tmp_path / "o2")
    assert sorted(Path(p).suffix for p in manifest.paths) == [".docx", ".epub"]


def test_export_has_the_cli_options(tmp_path: Path) -> None:
    from tests.readback import TEXT_OF

    note = tmp_path / "note.data"
    note.write_text("# Harbour inspection begins\n\nThe harbour authority counted ninety ships.\n")
    manifest = docexport.export(
        note,
        formats=["epub"],
        out_dir=tmp_path / "out",
        input_format="markdown",
        marking="OFFICIAL-SENSITIVE",
        date="2024-03-05",
        max_input_size=10_000,
    )
    assert manifest.ok, manifest.failures
    text = TEXT_OF["epub"](Path(manifest.paths[0]).read_bytes())
    assert "OFFICIAL-SENSITIVE" in text and "Harbour inspection begins" in text
    assert "5 March 2024" in text or "2024-03-05" in text
    small = docexport.export(note, formats="epub", out_dir=tmp_path / "o2", max_input_size=10)
    assert [f.stage for f in small.failures] == ["read"]
    with pytest.raises(docexport.ConfigError, match="unknown format 'odt'"):
        docexport.export(note, formats="odt", out_dir=tmp_path / "o3")


def test_multi_article_pack_and_json_round_trip(tmp_path: Path) -> None:
    first = docexport.load(SEED)
    second = docexport.load_text(
        "Harbour inspection begins\nThe harbour authority counted ninety ships on Tuesday.\n"
        "Officials said the inspection would continue through the winter season.\n"
    )
    pack = docexport.combine([first, second], title="The week", order="given")
    assert pack.is_multi and [a.headline for a in pack.articles] == [
        first.articles[0].headline,
        second.articles[0].headline,
    ]
    assert pack.facts  # combined key facts
    back = docexport.from_json(docexport.to_json(pack))
    assert back == pack
    assert docexport.render(back, "epub") == docexport.render(pack, "epub")
    manifest = docexport.export_pack(
        [SEED], title="One-article pack", formats="pdf", out=tmp_path / "packs" / "week"
    )
    assert [Path(p).name for p in manifest.paths] == ["week.pdf"]


def test_pack_repr_is_short_and_has_html() -> None:
    pack = docexport.load(SEED)
    text = repr(pack)
    assert text.startswith("<Pack 'President Ruto") and len(text) < 200
    html = pack._repr_html_()
    assert "<strong>" in html and pack.articles[0].summary[0][:20] in html
    assert (
        "<script"
        not in docexport.load_text(
            "<script>x</script> headline\nA body sentence here.\n", input_format="text"
        )._repr_html_()
    )


def test_mypy_strict_passes_on_a_script_using_the_api(tmp_path: Path) -> None:
    """As a user's code sees the installed package (py.typed): strict mode, no ignores."""
    script = tmp_path / "use_docexport.py"
    script.write_text(
        "from pathlib import Path\n\n"
        "import docexport\n\n\n"
        "def brief(path: Path) -> bytes:\n"
        "    try:\n"
        "        pack: docexport.Pack = docexport.load(path)\n"
        "    except docexport.InputNotFoundError as exc:\n"
        "        raise SystemExit(f'{exc.path}: {exc.stage}: {exc}') from None\n"
        "    week = docexport.combine([pack], title='Week', order='date')\n"
        "    text = docexport.to_json(week)\n"
        "    return docexport.render(docexport.from_json(text), 'pdf', theme='letter')\n\n\n"
        "def run(folder: str) -> list[str]:\n"
        "    manifest: docexport.Manifest = docexport.export(\n"
        "        folder, formats='pdf', out_dir='dist', skip_unchanged=True, exclude='drafts/*'\n"
        "    )\n"
        "    failures: list[docexport.FailureRecord] = list(manifest.failures)\n"
        "    return [r.path for r in manifest.outputs] + [f.error for f in failures]\n"
    )
    import os

    env = {**os.environ, "MYPYPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr
