"""The ONS Postcode Directory: a postcode's LA (the upper tier, which runs children's
services) and the miles between two postcodes, worked out by hand from the directory's
grid references."""

import polars as pl
import pytest

from oversight.codes.postcode_directory import (
    PostcodeDirectory,
    compact,
    distance_expr,
    distance_miles,
    upper_tier,
)

# N1 0AA (Islington) is at 530626 E, 183961 N; RG1 1AA (Reading) at 471321 E, 174026 N.
ISLINGTON, READING = (530626.0, 183961.0), (471321.0, 174026.0)


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> PostcodeDirectory:
    return PostcodeDirectory(cache=tmp_path_factory.mktemp("postcodes"))


def test_a_postcode_is_found_however_it_is_written(directory: PostcodeDirectory) -> None:
    found = directory.find(["N1 0AA", "rg11aa", " RG1  1AA ", None, ""])
    assert found.sort("postcode").rows() == [
        ("N10AA", "E09000019", *ISLINGTON),
        ("RG11AA", "E06000038", *READING),
    ]


def test_a_postcode_the_uk_does_not_use_is_not_found(directory: PostcodeDirectory) -> None:
    # NF and XF are areas no UK postcode has; 9 is no first letter of one.
    assert directory.find(["NF2 8JH", "XF1 1AA", "9X1 1AA"]).height == 0


def test_northern_ireland_has_no_grid_reference_to_measure_from(
    directory: PostcodeDirectory,
) -> None:
    # Its grid references are on the Irish grid: no distance to Great Britain from them.
    assert directory.find(["BT1 1AA"]).rows() == [("BT11AA", "NIR", None, None)]


def test_a_letter_is_read_once_then_kept(directory: PostcodeDirectory) -> None:
    first = directory.letter("R")
    written = first.stat().st_mtime_ns
    again = PostcodeDirectory(cache=directory.cache)
    assert again.letter("R") == first and first.stat().st_mtime_ns == written


def test_a_shire_district_is_in_its_county_and_other_nations_are_named() -> None:
    assert upper_tier("E07000008") == "E10000003"  # Cambridge: Cambridgeshire
    assert upper_tier("E06000038") == "E06000038"  # Reading, a unitary authority
    assert upper_tier("E09000019") == "E09000019"  # Islington, a London borough
    assert [upper_tier(c) for c in ("W06000015", "S12000036", "N09000003")] == [
        "WAL", "SCO", "NIR"
    ]  # fmt: skip
    assert upper_tier("L99999999") is None and upper_tier(None) is None


def test_the_distance_is_in_miles_to_one_decimal_place() -> None:
    # dx 59,305 m, dy 9,935 m: 60,131.4 m, / 1,609.3 = 37.365 miles.
    assert distance_miles(*ISLINGTON, *READING) == 37.4
    frame = pl.DataFrame([(*ISLINGTON, *READING)], schema=["e", "n", "e2", "n2"], orient="row")
    assert frame.select(distance_expr("e", "n", "e2", "n2")).item() == 37.4


def test_every_postcode_of_an_la_is_listed(directory: PostcodeDirectory) -> None:
    reading = directory.in_area("E06000038")
    assert "RG11AA" in reading["postcode"].to_list()
    assert set(reading["la"]) == {"E06000038"}


def test_compact() -> None:
    assert compact(" rg1  1aa") == "RG11AA"
