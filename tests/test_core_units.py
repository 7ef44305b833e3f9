"""The settings builder, the batch-wide output names and log-safe names, tested
as functions (the CLI and hostile suites test them through whole runs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docexport.config import Config
from docexport.console import printable
from docexport.errors import ConfigError
from docexport.naming import item_stem, plan_names
from docexport.settings import Flags, build_settings


def config(**values: object) -> Config:
    return Config(values=dict(values), origins={k: "test" for k in values}, path=Path("x.toml"))


def test_flags_win_over_config_and_config_over_defaults() -> None:
    cfg = config(formats=["epub"], out="packs", jobs=3, marking="CONFIG")
    s = build_settings(Flags(), cfg)
    assert (s.formats, s.out_dir, s.jobs, s.marking) == (("epub",), Path("packs"), 3, "CONFIG")
    s = build_settings(Flags(formats="pdf,docx", out="o", jobs=1, marking="FLAG"), cfg)
    assert (s.formats, s.out_dir, s.jobs, s.marking) == (("pdf", "docx"), Path("o"), 1, "FLAG")


def test_output_file_and_formats() -> None:
    s = build_settings(Flags(out="brief.pdf"))
    assert s.out_file == Path("brief.pdf") and s.formats == ("pdf",)
    with pytest.raises(ConfigError, match="names a pdf file"):
        build_settings(Flags(out="brief.pdf", formats="epub"))
    pack = build_settings(Flags(out="dist/week.pdf", title="W"), command="pack")
    assert pack.out_file == Path("dist/week") and pack.formats == ("docx", "pdf", "epub")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (Flags(jobs=0), "--jobs"),
        (Flags(max_input_size=0), "--max-input-size"),
        (Flags(formats="markdown"), "--input-format markdown"),
        (Flags(formats=[1, 2]), "format names"),  # type: ignore[list-item]
        (Flags(date="2024-13-01"), "--date"),
        (Flags(executor="process", scheduler="tcp://h:1"), "needs the dask executor"),
    ],
)
def test_bad_values_name_the_option(flags: Flags, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_settings(flags)


def test_scheduler_implies_dask_and_epoch_is_read_once() -> None:
    s = build_settings(Flags(scheduler="tcp://h:1"), environ={"SOURCE_DATE_EPOCH": "86400"})
    assert s.executor == "dask" and s.source_date_epoch == 86400
    assert s.prepared_date == "1970-01-02"
    assert build_settings(Flags(), environ={"SOURCE_DATE_EPOCH": "x"}).source_date_epoch is None


def test_skip_unchanged_needs_a_manifest_beside_the_outputs() -> None:
    s = build_settings(Flags(out="o", skip_unchanged=True))
    assert s.manifest_path == Path("o/docexport-manifest.json")


def test_names_unique_across_inputs_and_feed_items() -> None:
    plan = plan_names(
        ["news.rss", "news-01.txt", "b.md", "b.txt"], multi=[True, False, False, False]
    )
    stems = [p.stem for p in plan]
    assert stems[0] == "news" and stems[1] != "news-01"
    assert stems[2:] == ["b", "b-txt"]
    assert item_stem("news", 1, 120) == "news-001"


def test_earlier_manifest_keeps_names_with_their_inputs() -> None:
    previous = {"in/b.txt": ["out/b.pdf"], "gone.txt": ["out/gone.pdf"]}
    plan = plan_names(["in/b.md", "in/b.txt", "x/gone.txt"], multi=[False] * 3, previous=previous)
    assert [p.stem for p in plan] == ["b-md", "b", "gone-txt"]


def test_long_and_wide_names_fit_in_bytes() -> None:
    (plan,) = plan_names(["新闻" * 42 + ".md"], multi=[True])
    assert len(item_stem(plan.stem, 12, 12).encode("utf-8")) + len(".epub") <= 120


def test_printable_escapes_controls() -> None:
    assert printable("a\nb\x1b[31mc\u202ed") == "a\\x0ab\\x1b[31mc\\u202ed"
    assert printable("Zürich 新闻") == "Zürich 新闻"


@pytest.mark.parametrize(
    ("name", "skipped"),
    [
        ("README.md", True),
        ("LICENSE", True),
        ("CHANGES.txt", True),
        ("package.json", True),
        ("docexport-manifest.json", True),
        (".hidden.md", True),
        ("changes-to-the-budget.md", False),
        ("news.rss", False),
        ("manifesto.json", False),
    ],
)
def test_folder_walks_skip_what_is_clearly_not_an_article(name: str, skipped: bool) -> None:
    from docexport.discovery import not_an_article

    assert not_an_article(name) is skipped
