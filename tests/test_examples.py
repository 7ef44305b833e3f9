"""The CI recipe in examples/ and the README stays a working docexport invocation."""

from __future__ import annotations

import shlex
from pathlib import Path

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
