"""Input discovery: files, folders and globs -> the input files of a run.

A folder is searched recursively for known input extensions, skipping what is
clearly not an article (READMEs, licences, package manifests), hidden files,
docexport's own output folder and manifests, and whatever ``--exclude`` names.
A file named explicitly is always taken: the skips are for folder walks.
"""

from __future__ import annotations

import contextlib
import fnmatch
import glob
from collections.abc import Iterable, Sequence
from pathlib import Path

from .manifest import FailureRecord
from .readers import EXTENSIONS

# Names that sit beside articles in a repository but are not articles: these
# words alone or with an extension (README.md, LICENSE, CHANGES.txt; never
# "changes-to-the-budget.md"), package manifests, hidden files, manifests.
_NOT_ARTICLE_WORDS = (
    "readme",
    "changelog",
    "changes",
    "history",
    "license",
    "licence",
    "copying",
    "contributing",
    "code_of_conduct",
    "security",
    "authors",
    "notice",
    "todo",
)
_NOT_ARTICLE_FILES = (
    "package.json",
    "package-lock.json",
    "composer.json",
    "composer.lock",
    "tsconfig*.json",
    "jsconfig.json",
    "renovate.json",
    "pyrightconfig.json",
    "manifest.json",
    "*-manifest.json",
    "*_manifest.json",
    ".*",
)


def not_an_article(name: str) -> bool:
    """Whether a file name found in a folder is clearly not an article."""
    lower = name.lower()
    stem = lower.split(".", 1)[0]
    if stem in _NOT_ARTICLE_WORDS and (lower == stem or "." in lower):
        return True
    return any(fnmatch.fnmatchcase(lower, pattern) for pattern in _NOT_ARTICLE_FILES)


def is_manifest(path: Path) -> bool:
    """A docexport manifest (its first key says so), whatever its name."""
    if path.suffix.lower() != ".json":
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(256)
    except OSError:
        return False
    return head.lstrip().startswith(b"{") and b'"manifest_version"' in head


def _excluded(path: Path, root: Path | None, patterns: Sequence[str]) -> bool:
    """``--exclude`` globs match the file name, the path as given, or the path
    below the folder being searched (``drafts/*`` or ``**/old/*``)."""
    if not patterns:
        return False
    candidates = [path.name, path.as_posix()]
    if root is not None:
        with contextlib.suppress(ValueError):
            candidates.append(path.relative_to(root).as_posix())
    for pattern in patterns:
        pat = pattern.rstrip("/")
        for c in candidates:
            if fnmatch.fnmatchcase(c, pat) or fnmatch.fnmatchcase(c, pat + "/*"):
                return True
            # "drafts" or "drafts/" excludes a folder of that name anywhere below
            if "/" not in pat and not glob.has_magic(pat) and pat in Path(c).parts[:-1]:
                return True
    return False


def _inside(path: Path, folders: Iterable[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == f or f in resolved.parents for f in folders)


def collect_inputs(
    specs: Sequence[str],
    *,
    exclude: Sequence[str] = (),
    skip_folders: Sequence[Path] = (),
    skip_files: Sequence[Path] = (),
) -> tuple[list[Path], list[FailureRecord]]:
    """Files, folders (recursively, known input extensions) and globs -> input files.

    Order is stable (as given, folders sorted), duplicates removed. A spec that
    matches nothing is a failure, not a crash. ``skip_folders`` (the output
    folder) and ``skip_files`` (the manifest) are never read back as inputs.
    """
    found: list[Path] = []
    failures: list[FailureRecord] = []
    seen: set[Path] = set()
    folders = [f.resolve() for f in skip_folders]
    files = {f.resolve() for f in skip_files}

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen and key not in files:
            seen.add(key)
            found.append(p)

    def walk(root: Path) -> list[Path]:
        out: list[Path] = []
        top = root.resolve()
        # The output folder is skipped when it lies below the folder searched
        # (``-o .`` on the input folder itself skips nothing: outputs are not inputs).
        below = [f for f in folders if top in f.parents]
        for p in sorted(root.rglob("*")):
            rel_parts = p.relative_to(root).parts
            if any(part.startswith(".") for part in rel_parts):
                continue
            if p.suffix.lower() not in EXTENSIONS or not p.is_file():
                continue
            if not_an_article(p.name) or _excluded(p, root, exclude) or is_manifest(p):
                continue
            if below and _inside(p, below):
                continue
            out.append(p)
        return out

    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            matches = walk(path)
            if not matches:
                failures.append(
                    FailureRecord(input=spec, stage="collect", error="no inputs in folder")
                )
            for p in matches:
                add(p)
        elif path.exists() or path.is_symlink():
            add(path)
        elif glob.has_magic(spec):
            matches = sorted(
                Path(m)
                for m in glob.glob(spec, recursive=True)
                if Path(m).is_file() and not _excluded(Path(m), None, exclude)
            )
            if not matches:
                failures.append(
                    FailureRecord(input=spec, stage="collect", error="glob matches no file")
                )
            for p in matches:
                add(p)
        else:
            failures.append(FailureRecord(input=spec, stage="collect", error="no such file"))
    return found, failures
