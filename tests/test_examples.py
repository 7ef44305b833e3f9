"""The CI recipe in examples/ and the README stays a working docexport invocation."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from docexport.cli import app

ROOT = Path(__file__).resolve().parent.parent


def test_github_actions_recipe_uses_real_options() -> None:
    workflow = yaml.safe_load((ROOT / "examples" / "github-actions.yml").read_text())
    steps = workflow["jobs"]["packs"]["steps"]
    runs = [s["run"] for s in steps if "run" in s and s["run"].startswith("docexport ")]
    assert runs, "the recipe lost its docexport step"
    help_text = CliRunner().invoke(app, ["export", "--help"], terminal_width=200).output
    for run in runs:
        for word in shlex.split(run):
            if word.startswith("-"):
                assert word in help_text, word
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert runs[0] in readme, "README and examples/ disagree on the recipe"


# --------------------------------------------------------------------------- README examples


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _example(name: str, lang: str) -> str:
    match = re.search(rf"<!-- example: {name} -->\s*```{lang}\n(.*?)```", _readme(), re.S)
    assert match, f"the README lost its {name} example"
    return match.group(1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder laid out as the README's examples assume."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "seeds", tmp_path / "articles")
    return tmp_path


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CI": ""}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        [sys.executable, "-m", "docexport", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize("name", ["api", "errors"])
def test_readme_python_examples_run(
    name: str, project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    exec(compile(_example(name, "python"), f"README.md:{name}", "exec"), {})
    printed = capsys.readouterr().out
    if name == "api":
        assert (project / "dist" / "000_a2ab894a6d71f4f2.pdf").is_file()
        assert (project / "dist" / "week.pdf").is_file()
        assert (project / "dist" / "week.epub").is_file()
    else:
        assert printed.strip() == "notes/missing.txt read no such file"


def test_readme_config_example_works(project: Path) -> None:
    (project / "pyproject.toml").write_text(_example("config", "toml"), encoding="utf-8")
    (project / "articles" / "drafts").mkdir()
    (project / "articles" / "drafts" / "wip.txt").write_text("Draft\nA standfirst.\nBody.\n")
    shown = _cli("config", cwd=project)
    assert "build/packs" in shown.stdout and "pyproject.toml" in shown.stdout
    r = _cli("export", ".", cwd=project / "articles")  # from another folder
    assert r.returncode == 0, r.stderr
    written = sorted(p.name for p in (project / "build" / "packs").iterdir())
    assert written == [
        "000_a2ab894a6d71f4f2.epub",
        "000_a2ab894a6d71f4f2.pdf",
        "docexport-manifest.json",
    ]


def test_readme_dask_example_runs_against_a_scheduler(project: Path) -> None:
    """The command as written, with the placeholder address of a real scheduler."""
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    command = _example("dask", "sh").strip()
    assert "tcp://host:8786" in command
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        args = shlex.split(command.replace("tcp://host:8786", cluster.scheduler_address))
        assert args[0] == "docexport"
        r = _cli(*args[1:], "-f", "epub", cwd=project)
    assert r.returncode == 0, r.stderr
    assert (project / "dist" / "000_a2ab894a6d71f4f2.epub").is_file()


def test_readme_shell_commands_in_the_cli_sections_are_real(project: Path) -> None:
    """Every `docexport ...` example in backticks of the command-line, configuration,
    batch and Dask sections uses options the command has."""
    readme = _readme()
    start = readme.index("## Command line")
    end = readme.index("## Themes")
    helps: dict[str, str] = {}
    for snippet in re.findall(r"`(docexport [^`]+)`", readme[start:end]):
        words = shlex.split(snippet)
        if len(words) < 2 or words[1].startswith("-") or words[1].isupper():
            continue
        cmd = words[1]
        if cmd not in helps:
            helps[cmd] = CliRunner().invoke(app, [cmd, "--help"], terminal_width=200).output
        for word in words[2:]:
            if word.startswith("-") and word != "-":
                assert word.split("=")[0] in helps[cmd], (snippet, word)
