"""Rules about missing periods, reviews and UASC, each case worked out by hand."""

import pytest

from oversight.exchange.ssda903.tests.builders import (
    broken_by,
    child,
    episode,
    missing,
    review,
    uasc,
)

LEFT_CARE = [episode(DEC="01/09/2025", REC="E13")]


def two(code, breaking: dict, passing: dict) -> list[str]:
    return broken_by(code, child("C1", **breaking), child("C2", UPN="A201000000025", **passing))


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("1004", missing(MIS_START="01/13/2025"), missing()),
        ("1005", missing(MIS_END="3 July"), missing(MIS_END=None)),
        ("1006", missing(MISSING="X"), missing(MISSING="A")),
        ("564", missing(MIS_START=None), missing()),
        ("565", missing(MISSING=None, MIS_END=None), missing()),
        ("566", missing(MISSING=None, MIS_START=None), missing()),
        ("567", missing(MIS_END="30/06/2025"), missing(MIS_END="01/07/2025")),
        ("570", missing(MIS_START="01/04/2026", MIS_END=None),
         missing(MIS_START="31/03/2026", MIS_END=None)),
        ("571", missing(MIS_END="01/04/2026"), missing(MIS_END="31/03/2026")),
        ("586", missing(DOB="02/07/2025"), missing(DOB="01/07/2025")),
        ("581", missing(MIS_START="09/05/2025"), missing(MIS_START="10/05/2025")),
    ],
)  # fmt: skip
def test_a_missing_period_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert two(code, {"missing": [breaking]}, {"missing": [passing]}) == ["C1"]


def test_missing_periods_do_not_overlap_nor_start_while_one_is_open():
    overlapping = [missing(), missing(MIS_START="02/07/2025", MIS_END="05/07/2025")]
    still_open = [missing(MIS_END=None), missing(MIS_START="10/07/2025")]
    one_after_another = [missing(), missing(MIS_START="03/07/2025", MIS_END="05/07/2025")]
    found = broken_by(
        "574",
        child("C1", missing=overlapping),
        child("C2", UPN="A201000000025", missing=still_open),
        child("C3", UPN="A201000000033", missing=one_after_another),
    )
    assert found == ["C1", "C2"]


def test_missing_after_care_ended_or_still_open_when_it_ended_is_reported():
    after = {"episodes": LEFT_CARE, "missing": [missing(MIS_START="02/09/2025", MIS_END=None)]}
    on_the_day = {"episodes": LEFT_CARE, "missing": [missing(MIS_START="01/09/2025")]}
    assert two("578", after, on_the_day) == ["C1"]
    still_missing = {"episodes": LEFT_CARE, "missing": [missing(MIS_END=None)]}
    still_in_care = {"missing": [missing(MIS_END=None)]}
    assert two("577", still_missing, still_in_care) == ["C1"]


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("166", review(REVIEW="2025-06-05"), review()),
        ("166", review(REVIEW=None, REVIEW_CODE=None), review()),
        ("167", review(REVIEW_CODE="PN8"), review(REVIEW_CODE="PN7")),
        ("167", review(REVIEW_CODE=None), review()),
        ("167", review(REVIEW=None), review(REVIEW=None, REVIEW_CODE=None)),
        ("440", review(REVIEW_CODE="PN0", DOB="05/06/2021"),
         review(REVIEW_CODE="PN0", DOB="06/06/2021")),
        ("441", review(DOB="06/06/2021"), review(DOB="05/06/2021")),
    ],
)  # fmt: skip
def test_a_review_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert two(code, {"reviews": [breaking]}, {"reviews": [passing]}) == ["C1"]


def test_an_unreadable_review_date_is_not_taken_for_a_blank_one():
    assert two("167", {"reviews": [review(REVIEW="31/06/2025")]}, {}) == []


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("104", {"uasc": [uasc(DUC="2030-06-15")]}, {"uasc": [uasc(DUC="15/06/2030")]}),
        ("304", {"uasc": [uasc(DUC="16/06/2030")]}, {"uasc": [uasc(DUC="15/06/2030")]}),
        ("231", {"DOB": "01/04/2015", "uasc": [uasc()]}, {"DOB": "31/03/2015", "uasc": [uasc()]}),
    ],
)
def test_a_uasc_record_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert two(code, breaking, passing) == ["C1"]
