"""The public surface is what it claims, and importing it stays cheap."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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
