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
