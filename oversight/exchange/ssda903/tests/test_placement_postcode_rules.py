"""Rules the postcodes answer as given (214, 392b, 392d, 398), each case worked out by hand.

The default child is placed in foster care (U1) at RG30 1AA from home at RG1 1AA."""

import pytest

from oversight.exchange.ssda903.tests.builders import broken_by, child, episode, uasc

SHORT_BREAK = {"LS": "V3", "PLACE": "U1", "HOME_POST": None, "PL_POST": None, "URN": None}


def two(code: str, breaking: dict, passing: dict, **both) -> list[str]:
    return broken_by(
        code,
        child("C1", episodes=[episode(**breaking)], **both),
        child("C2", UPN="A201000000025", episodes=[episode(**passing)], **both),
    )


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("214", SHORT_BREAK | {"URN": "SC123456"}, SHORT_BREAK),
        ("214", SHORT_BREAK | {"PL_POST": "RG30 1AA", "LS": "V4"}, SHORT_BREAK | {"LS": "V4"}),
        ("398", SHORT_BREAK | {"HOME_POST": "RG1 1AA"}, SHORT_BREAK | {"URN": "SC123456"}),
        ("398", SHORT_BREAK | {"PL_POST": "RG30 1AA"}, SHORT_BREAK),
        ("392b", {"HOME_POST": None}, {}),
        ("392b", {"PL_POST": None}, SHORT_BREAK),
        ("392d", {"PL_POST": "RG1 1AA"}, {"PLACE": "P1", "PL_POST": "RG1 1AA", "URN": "XXXXXXX"}),
        ("392d", {"PL_POST": "rg11aa"}, {"HOME_POST": None, "PL_POST": None}),
    ],
)  # fmt: skip
def test_a_placement_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert two(code, breaking, passing) == ["C1"]


def test_an_unaccompanied_child_need_not_give_a_home_postcode():
    # 392b: C2 is in this year's UASC file; C1 was in last year's only (formerly UASC), so
    # C1 is reported only when last year's return is not given to say so.
    no_home = episode(DECOM="10/05/2024", HOME_POST=None)
    last_year = [child("C1", episodes=[episode(DECOM="10/05/2024")], uasc=[uasc()])]
    this_year = [child("C1", episodes=[no_home]),
                 child("C2", UPN="A201000000025", episodes=[no_home], uasc=[uasc()])]  # fmt: skip
    assert broken_by("392b", *this_year) == ["C1"]
    assert broken_by("392b", *this_year, last_year=last_year) == []
