"""The published benchmarks: known DfE figures, areas and neighbours, and the extraction.

The expected numbers were read by hand from the DfE's own files in
``shared/reference/dfe-published`` (c1, the children looked after rates, the workforce
indicators and LAIT), not from this module's output.
"""

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from oversight.performance import published
from oversight.performance.published import Figure, UnknownArea

REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = REPO_ROOT / "oversight" / "performance" / "data"
SCRIPT = REPO_ROOT / "scripts" / "extract_published.py"
REFERENCE_DIR = REPO_ROOT.parent / "shared/reference/dfe-published"
ENGLAND, LONDON = "E92000001", "E12000007"
CAMDEN, KENSINGTON_AND_CHELSEA = "E09000007", "E09000020"
GENERATED = {"published.csv", "areas.csv", "neighbours.csv", "population.csv", "SOURCES.md"}


def figure_for(indicator: str, code: str, year: int) -> Figure:
    [found] = [figure for figure in published.figures(indicator, code) if figure.year == year]
    return found


def test_england_had_621880_referrals_in_2024_and_22_4_percent_were_rereferrals() -> None:
    rereferrals = figure_for("rereferrals", ENGLAND, 2024)
    assert rereferrals.value == 22.4
    assert rereferrals.denominator == 621_880
    assert rereferrals.period == "year to 31 March 2024"
    assert figure_for("referrals-rate", ENGLAND, 2024).numerator == 621_880


def test_england_rereferral_rate_in_2025_was_22_6_percent() -> None:
    latest = published.latest("rereferrals", ENGLAND)
    assert latest is not None and (latest.year, latest.value) == (2025, 22.6)


def test_england_cp_rate_at_31_march_2025_was_40_6_per_10000_children() -> None:
    cp_rate = figure_for("cp-rate", ENGLAND, 2025)
    assert (cp_rate.value, cp_rate.numerator) == (40.6, 49_420)
    assert cp_rate.period == "at 31 March 2025"


def test_birmingham_had_79_children_in_care_per_10000_at_31_march_2025() -> None:
    cla_rate = figure_for("cla-rate", "E08000025", 2025)
    assert (cla_rate.value, cla_rate.numerator, cla_rate.denominator) == (79, 2_317, 292_859)
    assert cla_rate.area.name == "Birmingham"


def test_england_caseload_at_30_september_2025_was_15_2_cases_per_fte() -> None:
    caseload = figure_for("caseload", ENGLAND, 2025)
    assert (caseload.value, caseload.numerator, caseload.denominator) == (15.2, 321_661, 21_105.4)
    assert caseload.period == "at 30 September 2025"


def test_areas_are_england_the_nine_regions_and_the_153_current_las() -> None:
    levels = [area.level for area in published.areas().values()]
    assert (levels.count("national"), levels.count("regional"), levels.count("la")) == (1, 9, 153)
    names = {area.name for area in published.areas().values()}
    assert {"Cumberland", "Westmorland and Furness", "North Northamptonshire"} <= names
    assert not {"Cumbria", "Northamptonshire"} & names


def test_every_la_has_a_region_and_ten_neighbours_that_are_las() -> None:
    regions = {code for code, area in published.areas().items() if area.level == "regional"}
    for code, area in published.areas().items():
        if area.level != "la":
            continue
        assert area.region_code in regions, area
        neighbours = published.neighbours(code)
        assert len({neighbour.code for neighbour in neighbours}) == 10, area
        assert all(neighbour.level == "la" and neighbour.code != code for neighbour in neighbours)


def test_london_boroughs_are_in_london_not_inner_or_outer_london() -> None:
    assert published.area(CAMDEN).region_code == LONDON


def test_withheld_figures_are_empty_not_zero() -> None:
    # c1 2025, North Tyneside: no_further_action_count and _percent are "c"
    nfa = figure_for("referral-nfa", "E08000022", 2025)
    assert (nfa.value, nfa.numerator, nfa.denominator) == (None, None, 1_893)
    # LAIT shows "-" for Hackney's section 47 enquiries in 2021 (the cyber attack)
    assert figure_for("s47-rate", "E09000012", 2021).value is None
    with (DATA_DIR / "published.csv").open(newline="") as file:
        [row] = [
            row
            for row in csv.DictReader(file)
            if (row["indicator"], row["code"], row["year"]) == ("referral-nfa", "E08000022", "2025")
        ]
    assert (row["value"], row["numerator"]) == ("", "")


def test_a_published_zero_stays_zero() -> None:
    scilly = figure_for("rereferrals", "E06000053", 2025)  # none of 32 referrals
    assert (scilly.value, scilly.numerator, scilly.denominator) == (0, 0, 32)


def test_an_unknown_area_says_which_code_and_where_to_find_valid_ones() -> None:
    with pytest.raises(UnknownArea) as raised:
        published.area("E99999999")
    assert "'E99999999'" in str(raised.value)
    assert "published.areas()" in str(raised.value)
    assert isinstance(raised.value, KeyError)


def test_an_la_can_be_found_by_its_three_digit_dfe_number() -> None:
    assert published.area("330").name == "Birmingham"
    assert published.area(330).code == "E08000025"


def test_latest_passes_over_a_withheld_year() -> None:
    # csww 2025 has "x" for Kensington and Chelsea; 2024 was 10.9
    assert figure_for("caseload", KENSINGTON_AND_CHELSEA, 2025).value is None
    latest = published.latest("caseload", KENSINGTON_AND_CHELSEA)
    assert latest is not None and (latest.year, latest.value) == (2024, 10.9)


def test_camden_caseload_is_compared_with_england_london_and_its_neighbours() -> None:
    benchmarks = published.benchmarks("caseload", "202")
    la, england, region = benchmarks.la, benchmarks.england, benchmarks.region
    assert la is not None and (la.area.name, la.year, la.value) == ("Camden", 2025, 11.2)
    assert england is not None and (england.year, england.value) == (2025, 15.2)
    assert region is not None and (region.area.code, region.year, region.value) == (
        LONDON, 2025, 13.8,
    )  # fmt: skip
    years = {figure.area.name: figure.year for figure in benchmarks.neighbours}
    assert len(years) == 10
    assert years["Kensington and Chelsea"] == years["Westminster"] == 2024  # withheld in 2025
    # the other eight in 2025: 10.1, 13.1, 12.3, 11.2, 14.2, 14.6, 13.9, 14.1
    assert benchmarks.neighbour_average_year == 2025
    assert benchmarks.neighbours_in_average == 8
    assert benchmarks.neighbour_average == pytest.approx(103.5 / 8)


def test_benchmarks_are_only_for_an_la() -> None:
    with pytest.raises(ValueError, match="not a local authority"):
        published.benchmarks("rereferrals", ENGLAND)


def test_local_only_indicators_have_no_published_figures() -> None:
    indicators = published.published_indicators()
    assert {"referrals-rate", "cp-second-time", "caseload", "care-leavers-eet-19-21"} <= indicators
    assert "contacts" not in indicators
    assert published.benchmarks("contacts", CAMDEN).england is None


def test_child_population_is_the_ons_mid_year_estimate() -> None:
    assert published.child_population(ENGLAND, 2024) == 12_183_016
    assert published.latest_child_population(ENGLAND) == (2024, 12_183_016)
    assert published.child_population(ENGLAND, 1990) is None


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_published", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


def test_rerunning_the_extraction_reproduces_the_committed_files(tmp_path: Path) -> None:
    if not REFERENCE_DIR.is_dir():
        pytest.skip(f"the DfE reference data is not at {REFERENCE_DIR}; nothing to rebuild from")
    load_script().main([str(REFERENCE_DIR), "--out", str(tmp_path)])
    assert {path.name for path in tmp_path.iterdir()} == GENERATED
    for name in sorted(GENERATED):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name


def test_the_data_folder_holds_the_extracted_files_and_the_hand_written_matching() -> None:
    assert {path.name for path in DATA_DIR.iterdir()} == GENERATED | {"measures.csv"}
