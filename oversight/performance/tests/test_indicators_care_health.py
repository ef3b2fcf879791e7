"""The health of children in care a year, on small cases worked out by hand: the year's
outcomes (SSDA903 OC2) recorded for each 31 March in the period are the cohort, as in the
DfE's LACHealth% and LACDental%."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.performance.periods import Period
from oversight.performance.tests.conftest import YEAR_2025, child, counted, figure, snapshot

pytestmark = pytest.mark.django_db
MARCH_2025, MARCH_2024 = date(2025, 3, 31), date(2024, 3, 31)


def outcomes(la_child_id: str, year_end: date = MARCH_2025, **items: bool | None) -> None:
    services.record_year_outcomes(child(la_child_id), year_end=year_end, **items)


@pytest.fixture
def cohort():
    outcomes("A", health_assessment=True, teeth_check=True)
    outcomes("B", health_assessment=False, teeth_check=True)
    outcomes("C", health_assessment=True, teeth_check=False)
    outcomes("D")  # not said: counts as neither
    outcomes("E", year_end=MARCH_2024, health_assessment=True, teeth_check=True)  # a year before


def test_health_assessments_up_to_date_count_the_years_cohort(cohort):
    db = snapshot()
    assert counted(db, "cla-health-assessments", YEAR_2025) == [
        ("A", True), ("B", False), ("C", True), ("D", False),
    ]  # fmt: skip
    value = figure(db, "cla-health-assessments", YEAR_2025)
    assert (value.numerator, value.denominator, value.value) == (2, 4, 50.0)


def test_teeth_checked_count_the_years_cohort(cohort):
    db = snapshot()
    value = figure(db, "cla-dental-checks", YEAR_2025)
    assert (value.numerator, value.denominator, value.value) == (2, 4, 50.0)


def test_a_year_to_another_day_takes_the_31_march_within_it(cohort):
    # The year to 30 June 2024 holds 31 March 2024, not 2025: only E.
    db = snapshot()
    year = Period(date(2023, 7, 1), date(2024, 6, 30))
    assert counted(db, "cla-dental-checks", year) == [("E", True)]
