"""Rules that compare with last year's return, each case worked out by hand."""

import pytest

from oversight.exchange.ssda903.tests.builders import broken_by, child, episode, missing

SINCE_2024 = episode(DECOM="10/05/2024")


def carried_over(code: str, last: dict, this: dict, **both) -> list[str]:
    """Children C1 (changed as ``this`` says) and C2 (unchanged), both in last year's return."""
    last_year = [
        child("C1", episodes=[SINCE_2024 | last], **both),
        child("C2", UPN="A201000000025", episodes=[SINCE_2024 | last], **both),
    ]
    this_year = [
        child("C1", episodes=[SINCE_2024 | last | this], **both),
        child("C2", UPN="A201000000025", episodes=[SINCE_2024 | last], **both),
    ]
    return broken_by(code, *this_year, last_year=last_year)


@pytest.mark.parametrize(
    ("code", "changed"),
    [
        ("502", {"DECOM": "11/05/2024"}),
        ("503A", {"RNE": "P"}),
        ("503B", {"LS": "C1"}),
        ("503C", {"CIN": "N2"}),
        ("503D", {"PLACE": "U2"}),
        ("503E", {"PLACE_PROVIDER": "PR2"}),
        ("503F", {"URN": "SC999999"}),
    ],
)
def test_the_first_episode_carries_on_last_years_open_one(code, changed):
    assert carried_over(code, {}, changed) == ["C1"]


def test_other_placements_may_become_one_of_the_new_codes():
    assert carried_over("503D", {"PLACE": "Z1", "URN": None}, {"PLACE": "Z12"}) == []


@pytest.mark.parametrize("code", ["503A", "503B", "503C", "503D", "503E", "503F"])
def test_a_child_whose_start_cannot_be_read_does_not_hide_the_others(code):
    # C3's only start date, 31 February, cannot be read; C1's legal status still changed.
    # The reference takes each child's earliest readable start, finds none for C3, raises,
    # and so reports every 503 rule as passed for every child.
    changed = {"LS": "C1", "RNE": "P", "CIN": "N2", "PLACE": "U2", "PLACE_PROVIDER": "PR2",
               "URN": "SC999999"}  # fmt: skip
    unreadable = child("C3", UPN="A201000000033", episodes=[SINCE_2024 | {"DECOM": "31/02/2025"}])
    last_year = [child("C1", episodes=[SINCE_2024]),
                 child("C3", UPN="A201000000033", episodes=[SINCE_2024])]  # fmt: skip
    this_year = [child("C1", episodes=[SINCE_2024 | changed]), unreadable]
    assert "C1" in broken_by(code, *this_year, last_year=last_year)


def test_last_years_ended_episode_is_not_carried_on():
    ended = {"DEC": "31/03/2025", "REC": "E13"}
    assert carried_over("503B", ended, {"DEC": None, "REC": None, "LS": "C1"}) == []


@pytest.mark.parametrize(
    ("code", "last", "this"),
    [
        ("202", {"SEX": "F"}, {"SEX": "M"}),
        ("203", {"DOB": "14/06/2012"}, {"DOB": "15/06/2012"}),
        ("204", {"ETHNIC": "WIRI"}, {"ETHNIC": "WBRI"}),
        ("207", {"SEX": "F", "MOTHER": "1", "MC_DOB": "01/01/2025"},
         {"SEX": "F", "MOTHER": "0", "MC_DOB": None}),
        ("208", {"UPN": "A201000000033"}, {"UPN": "A201000000017"}),
        ("208", {"UPN": "UN3"}, {"UPN": "UN1"}),
    ],
)  # fmt: skip
def test_the_header_agrees_with_last_years(code, last, this):
    last_year = [child("C1", **last), child("C2", UPN="A201000000025")]
    this_year = [child("C1", **this), child("C2", UPN="A201000000025")]
    assert broken_by(code, *this_year, last_year=last_year) == ["C1"]


@pytest.mark.parametrize(
    ("last", "this"), [("UN1", "A201000000017"), ("UN1", "UN3"), (None, "UN1")]
)
def test_a_upn_may_become_known_or_more_precise(last, this):
    assert broken_by("208", child("C1", UPN=this), last_year=[child("C1", UPN=last)]) == []


def test_a_missing_period_open_at_the_end_of_last_year_carries_on():
    still_missing = missing(MIS_START="20/03/2025", MIS_END=None)
    last_year = [
        child("C1", missing=[still_missing]),
        child("C2", UPN="A201000000025", missing=[still_missing]),
    ]
    this_year = [
        child("C1"),
        child("C2", UPN="A201000000025", missing=[still_missing | {"MIS_END": "02/04/2025"}]),
    ]
    assert broken_by("576", *this_year, last_year=last_year) == ["C1"]


def test_care_from_before_the_year_is_in_last_years_episodes():
    this_year = [child("C1", episodes=[SINCE_2024]), child("C2", episodes=[SINCE_2024])]
    assert broken_by("NoE", *this_year, last_year=[child("C2", episodes=[SINCE_2024])]) == ["C1"]
