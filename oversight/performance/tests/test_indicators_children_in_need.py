"""Children in need indicators on small cases worked out by hand."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.performance.tests.conftest import (
    YEAR_2025,
    child,
    counted,
    figure,
    referral,
    snapshot,
)

pytestmark = pytest.mark.django_db


def test_cin_rate_counts_a_child_with_two_open_episodes_once_per_10000_children():
    a = child("A")
    referral(a, date(2024, 6, 3), "assessment")  # episode open (being assessed)
    referral(a, date(2025, 2, 3))  # a second referral while it is open
    referral(child("B"), date(2024, 10, 1), "nfa")  # closed the day it came in
    c = referral(child("C"), date(2024, 6, 3), "assessment")
    services.close_episode(c, closed_on=date(2025, 3, 31), reason="RC7")  # closed on the day
    referral(child("D"), date(2025, 1, 2))
    referral(child("E"), date(2025, 4, 1))  # after 31 March
    referral(child("F"), date(2025, 3, 31))  # received on 31 March
    db = snapshot()
    assert counted(db, "cin-rate", YEAR_2025) == [("A", True), ("D", True), ("F", True)]
    value = figure(db, "cin-rate", YEAR_2025, population=50_000)
    # 3 children x 10,000 / 50,000 = 0.6.
    assert (value.numerator, value.denominator, value.value) == (3, 50_000, 0.6)


def test_cin_plans_open_12_months_or_more_count_from_the_same_date_a_year_before():
    services.start_plan(child("A"), kind="cin", start_on=date(2024, 3, 31))  # exactly a year
    services.start_plan(child("B"), kind="cin", start_on=date(2024, 4, 1))  # a day short
    ended = services.start_plan(child("C"), kind="cin", start_on=date(2023, 1, 2))
    services.end_plan(ended, end_on=date(2025, 3, 1))  # not open on 31 March
    services.start_plan(child("D"), kind="cp", start_on=date(2023, 1, 2), category_of_abuse="NEG")
    services.start_plan(child("E"), kind="cin", start_on=date(2025, 3, 31))  # began that day
    ended_that_day = services.start_plan(child("F"), kind="cin", start_on=date(2023, 1, 2))
    services.end_plan(ended_that_day, end_on=date(2025, 3, 31))
    db = snapshot()
    assert counted(db, "cin-plans-over-12-months", YEAR_2025) == [
        ("A", True), ("B", False), ("E", False),
    ]  # fmt: skip
    value = figure(db, "cin-plans-over-12-months", YEAR_2025)
    assert (value.numerator, value.denominator) == (1, 3)


def test_cin_visits_count_on_the_due_date_not_a_day_late_and_leave_out_lapsed_and_not_yet_late():
    # Plans from Mon 2 Sep 2024: the first visit is due 20 working days later, Mon 30 Sep.
    a, b, c = child("A"), child("B"), child("C")
    plans = {x: services.start_plan(x, kind="cin", start_on=date(2024, 9, 2)) for x in (a, b, c)}
    services.record_visit(a, kind="cin", visited_on=date(2024, 9, 30), plan=plans[a])
    services.record_visit(b, kind="cin", visited_on=date(2024, 10, 1), plan=plans[b])
    # The next visits' clocks stop when the plans end, before those visits fall due.
    services.end_plan(plans[a], end_on=date(2024, 10, 2))
    services.end_plan(plans[b], end_on=date(2024, 10, 2))
    services.end_plan(plans[c], end_on=date(2024, 9, 20))  # ended before its visit fell due
    # D's plan from Mon 3 Mar 2025: its visit is due on Mon 31 Mar, the year's last day.
    services.start_plan(child("D"), kind="cin", start_on=date(2025, 3, 3))
    db = snapshot()
    assert counted(db, "cin-visits-on-time", YEAR_2025) == [("A", True), ("B", False)]
    value = figure(db, "cin-visits-on-time", YEAR_2025)
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)
