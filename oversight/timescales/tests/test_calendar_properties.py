"""Laws the calendar must keep for any date, checked with generated examples.

The slow reference below steps one day at a time and asks the ``holidays`` package
directly, so the fast per-year tables in ``calendar`` are checked against it.
"""

from datetime import date, timedelta

import holidays
from hypothesis import given
from hypothesis import strategies as st

from oversight.timescales import (
    WorkingDayCalendar,
    add_months,
    add_working_days,
    is_working_day,
    next_working_day,
    working_days_between,
)

ENGLAND_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG")

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
counts = st.integers(min_value=0, max_value=800)
closures = st.lists(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)))


def step_working_days(start: date, n: int) -> date:
    day, found = start, 0
    while found < n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in ENGLAND_HOLIDAYS:
            found += 1
    return day


@given(days, counts)
def test_counting_the_days_added_gives_back_the_number_added(start: date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n)) == n


@given(days, counts)
def test_going_back_from_a_working_day_is_counted_as_negative(start: date, n: int) -> None:
    # The end of a count is included and the start is not, so going back only mirrors
    # going forward from a working day: from Sat 1 Jan 2000 one working day back is
    # Thu 30 Dec 1999 (31 Dec 1999 was a bank holiday), and no working day lies after it
    # up to the Saturday.
    start = next_working_day(start)
    assert working_days_between(start, add_working_days(start, -n)) == -n


@given(days, st.integers(min_value=1, max_value=800))
def test_adding_working_days_lands_on_a_working_day(start: date, n: int) -> None:
    assert is_working_day(add_working_days(start, n))
    assert is_working_day(add_working_days(start, -n))


@given(days, st.integers(min_value=0, max_value=300))
def test_adding_working_days_matches_stepping_day_by_day(start: date, n: int) -> None:
    assert add_working_days(start, n) == step_working_days(start, n)


@given(days, counts, counts)
def test_more_working_days_never_lands_earlier(start: date, n: int, m: int) -> None:
    low, high = sorted((n, m))
    assert add_working_days(start, low) <= add_working_days(start, high)


@given(days, days, counts)
def test_a_later_start_never_gives_an_earlier_due_date(a: date, b: date, n: int) -> None:
    early, late = sorted((a, b))
    assert add_working_days(early, n) <= add_working_days(late, n)


@given(days, days, days)
def test_counts_add_up_across_a_middle_date(a: date, b: date, c: date) -> None:
    assert working_days_between(a, b) + working_days_between(b, c) == working_days_between(a, c)


@given(closures, days, counts)
def test_the_law_holds_with_local_closures(shut: list[date], start: date, n: int) -> None:
    calendar = WorkingDayCalendar(shut)
    due = calendar.add_working_days(start, n)
    assert calendar.working_days_between(start, due) == n
    if n:
        assert due not in shut and calendar.is_working_day(due)


@given(days, st.integers(min_value=-1200, max_value=1200))
def test_adding_months_lands_in_the_right_month_on_the_nearest_day(d: date, n: int) -> None:
    result = add_months(d, n)
    months_moved = (result.year - d.year) * 12 + result.month - d.month
    assert months_moved == n
    next_month = add_months(result.replace(day=1), 1)
    last_day = (next_month - timedelta(days=1)).day
    assert result.day == min(d.day, last_day)
