"""The committed CSVs are exactly what ``scripts/extract_codes.py`` makes from the sources."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
SCRIPT = REPO_ROOT / "scripts" / "extract_codes.py"
DATA_DIR = REPO_ROOT / "oversight" / "codes" / "data"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_codes", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the script runs
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_committed_code_set_files_match_a_fresh_extraction() -> None:
    script = load_script()
    spec_dir: Path = script.DEFAULT_SPEC_DIR
    if not spec_dir.is_dir():
        pytest.skip(f"reference schemas not present at {spec_dir}; nothing to compare with")
    files: dict[str, str] = script.render_all(spec_dir)
    assert script.stale_files(files, DATA_DIR) == []


def test_every_data_file_is_one_the_script_writes() -> None:
    script = load_script()
    spec_ids = {spec.id for spec in script.SPECS}
    written = {f"{set_id}.csv" for set_id in spec_ids} | {"index.csv", "SOURCES.md"}
    written.add("district_counties.csv")  # scripts/extract_counties.py writes it
    assert {path.name for path in DATA_DIR.iterdir()} == written


def test_the_district_counties_match_a_fresh_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location(
        "extract_counties", REPO_ROOT / "scripts" / "extract_counties.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    if not script.DEFAULT.is_file():
        pytest.skip(f"reference lookup not present at {script.DEFAULT}; nothing to compare with")
    monkeypatch.setattr(script, "OUT", tmp_path / "district_counties.csv")
    monkeypatch.setattr(script, "ROOT", tmp_path)
    script.main([])
    fresh = (tmp_path / "district_counties.csv").read_text(encoding="utf-8")
    assert fresh == (DATA_DIR / "district_counties.csv").read_text(encoding="utf-8")
