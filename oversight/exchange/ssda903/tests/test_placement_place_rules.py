"""Rules about where a placement is, worked out from the postcodes with the ONS Postcode
Directory (164, 169, 179, 218, 392a, 392c, 406, 411, 420, 454, 1015), each case by hand.

The default child lives at RG1 1AA and is placed at RG30 1AA, both in Reading
(E06000038), the LA the return is from. Grid references from the directory: RG1 1AA
471321 E 174026 N; TR18 4AA (Penzance, Cornwall) 147604 E 30040 N; ZE1 0AA (Lerwick,
Shetland) 447759 E 1141280 N. No postcode begins ZZ.
"""

import pytest

from oversight.exchange.ssda903.tests.builders import (
    child,
    episode,
    findings,
    ids,
    return903,
    uasc,
)

UNKNOWN = "ZZ9 9ZZ"
ISLINGTON = "N1 0AA"  # E09000019, outside Reading
SWANSEA = "SA1 1AA"  # Wales
SHORT_BREAK = {"LS": "V3", "HOME_POST": None, "PL_POST": None, "URN": None}


def reported(code: str, *episodes: dict, **kinds) -> list[str]:
    """Children C1, C2, ... each with one of ``episodes``; ``kinds`` gives more by id."""
    upns = ["A201000000025", "A201000000033", "A201000000041"]
    children = [
        child(f"C{n}", episodes=[episode(**fields)], **({"UPN": upns[n - 2]} if n > 1 else {}),
              **kinds.get(f"C{n}", {}))
        for n, fields in enumerate(episodes, start=1)
    ]  # fmt: skip
    return ids(findings(code, return903(*children)))


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("392c", {"PL_POST": UNKNOWN}, {}),
        ("392c", {"HOME_POST": UNKNOWN}, {"HOME_POST": None}),  # blank is 392b's
        ("169", {"PL_POST": UNKNOWN}, SHORT_BREAK),
        ("169", {"PL_POST": None}, {"PL_POST": SWANSEA}),  # Wales is an LA of placement: WAL
        ("420", SHORT_BREAK | {"PL_POST": "RG30 1AA"}, SHORT_BREAK | {"PL_POST": UNKNOWN}),
        ("392a", {"HOME_POST": None}, SHORT_BREAK),
        ("392a", {"PL_POST": UNKNOWN}, {}),
        ("454", {"PL_POST": "ZE1 0AA"}, {"PL_POST": "TR18 4AA"}),
        ("218", {"URN": None}, {"PLACE": "P1", "URN": None, "PL_POST": "RG1 1AA"}),
        ("218", {"URN": None}, {"URN": None, "PL_POST": SWANSEA}),
        ("218", {"PLACE": "K2", "URN": None},
         {"PLACE": "K2", "URN": None, "DECOM": "01/01/2024", "DEC": "31/03/2025", "REC": "E13"}),
        ("179", {"PL_POST": UNKNOWN}, SHORT_BREAK),
        ("1015", {"PLACE": "K2", "PL_POST": ISLINGTON}, {"PLACE": "K2"}),
        ("1015", {"PLACE": "K2", "PL_POST": SWANSEA}, {"PLACE": "U1", "PL_POST": ISLINGTON}),
    ],
)  # fmt: skip
def test_a_placement_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert reported(code, breaking, passing) == ["C1"]


def test_the_distance_is_worked_out_in_miles_from_the_grid_references():
    # RG1 1AA to ZE1 0AA: 23,562 m west, 967,254 m north: 967,541 m, 601.2 miles. To
    # TR18 4AA: 323,717 m and 143,986 m: 354,295 m, 220.2 miles (not over 350).
    [far] = findings("454", return903(child("C1", episodes=[episode(PL_POST="ZE1 0AA")])))
    assert dict(far.fields)["PL_DISTANCE"] == "601.2"


def test_an_unaccompanied_child_has_no_distance():
    # 406 for a child in the UASC file whose two postcodes give a distance; 392a not for
    # one with no home postcode.
    unaccompanied = {"C1": {"uasc": [uasc()]}, "C2": {"uasc": [uasc()]}}
    assert reported("406", {}, {"HOME_POST": None}, **unaccompanied) == ["C1"]
    assert reported("392a", {"HOME_POST": None}, {"HOME_POST": None}, C1=unaccompanied["C1"]) == [
        "C2"
    ]


def test_a_distance_worked_out_here_is_always_in_range_and_agrees_with_the_location():
    # 164 (0 to 999.9 miles) and 411 (IN only for the LA itself): the places come from one
    # directory, so neither can be broken by a return; both run.
    far = ({"PL_POST": "ZE1 0AA"}, {"PL_POST": ISLINGTON}, {})
    assert reported("164", *far) == [] and reported("411", *far) == []


def test_without_the_returns_la_the_location_is_not_checked():
    data = return903(child("C1", episodes=[episode(PL_POST=UNKNOWN)]), la=None)
    [not_checked] = findings("179", data)
    assert not_checked.kind == "not checked" and "--la" in not_checked.message
    assert ids(findings("169", data)) == ["C1"]  # needs the directory, not the LA


SINCE_2024 = {"DECOM": "10/05/2024"}


def against_last_year(code: str, this: dict, last: dict | None = None) -> list[str]:
    """C1's episode open since 2024 as ``this`` says this year (as ``last`` last year); C2's
    unchanged. Both placed at RG30 1AA last year, from home at RG1 1AA."""
    last_year = [child("C1", episodes=[episode(**SINCE_2024, **(last or {}))]),
                 child("C2", UPN="A201000000025", episodes=[episode(**SINCE_2024)])]  # fmt: skip
    this_year = [child("C1", episodes=[episode(**SINCE_2024 | this)]),
                 child("C2", UPN="A201000000025", episodes=[episode(**SINCE_2024)])]  # fmt: skip
    return ids(findings(code, return903(*this_year, last_year=last_year)))


@pytest.mark.parametrize("code", ["503G", "503H", "503J", "452", "453"])
def test_the_place_of_an_episode_carried_over_is_the_same_as_last_year(code):
    # Islington: another LA (503H, 452), outside (503J), 37 miles further (503G, 453).
    assert against_last_year(code, {"PL_POST": ISLINGTON}) == ["C1"]


def test_a_distance_worked_out_again_may_differ_by_a_tenth_of_a_mile_in_the_same_episode():
    # From RG1 1AA: RG30 1AA is 1,073 m east and 543 m south, 0.7 miles; RG30 1AB 1,167 m
    # and 529 m, 0.8 miles. 503G asks for the same distance, 453 for within 0.2 miles.
    assert against_last_year("503G", {"PL_POST": "RG30 1AB"}) == ["C1"]
    assert against_last_year("453", {"PL_POST": "RG30 1AB"}) == []


def test_452_and_453_compare_only_rows_giving_the_same_reason_for_the_new_episode():
    # Last year's row says the episode began with a move (P); this year's, care began (S).
    moved = {"RNE": "P"}
    assert against_last_year("452", {"PL_POST": ISLINGTON}, moved) == []
    assert against_last_year("453", {"PL_POST": ISLINGTON}, moved) == []
    assert against_last_year("503H", {"PL_POST": ISLINGTON}, moved) == ["C1"]
