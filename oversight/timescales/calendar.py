"""The working-day calendar for England, and calendar-month arithmetic.

A working day is a weekday that is not an England bank holiday (from the ``holidays``
package, subdivision ENG, so one-off days such as the 2022 state funeral and the 2023
coronation are included) and not one of a local authority's own closure days.

Counting follows the way statutory timescales are written: "n working days from a
date" is the n-th working day *after* that date; the date itself never counts.

The synthetic data generator calls this module millions of times, so each calendar
keeps, per year, a sorted tuple of the year's working days (as ordinals) and answers
every question with a dictionary look-up and a binary search.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import csv
import io
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from types import MappingProxyType

LOCAL_CLOSURE = "Local closure"
# Written from the holidays package by scripts/write_bank_holidays.py and checked against
# it by a test: reading the table is instant, building the holidays costs half a second.
HOLIDAY_TABLE = "england_bank_holidays.csv"


@cache
def _tabled_bank_holidays() -> dict[int, dict[date, str]]:
    text = files("oversight.timescales").joinpath("data").joinpath(HOLIDAY_TABLE).read_text("utf-8")
    by_year: defaultdict[int, dict[date, str]] = defaultdict(dict)
    for row in csv.DictReader(io.StringIO(text)):
        day = date.fromisoformat(row["date"])
        by_year[day.year][day] = row["name"]
    return dict(by_year)


@cache
def _england_bank_holidays(year: int) -> Mapping[date, str]:
    """England's bank holidays in one year, with their names (shared by all calendars)."""
    tabled = _tabled_bank_holidays()
    if min(tabled) <= year <= max(tabled):
        return MappingProxyType(tabled.get(year, {}))
    return MappingProxyType(_bank_holidays_from_the_package(year))


def _bank_holidays_from_the_package(year: int) -> dict[date, str]:
    import holidays

    # Same as holidays.UK(subdiv="ENG"); country_holidays is the typed entry point.
    found = holidays.country_holidays("GB", subdiv="ENG", years=year, language="en_GB")
    return {day: str(name) for day, name in sorted(found.items())}


class WorkingDayCalendar:
    """Weekdays that are neither England bank holidays nor local closure days."""

    def __init__(self, extra_closures: Iterable[date] = ()) -> None:
        self.extra_closures: frozenset[date] = frozenset(extra_closures)
        self._closed_by_year: dict[int, frozenset[date]] = {}
        self._working_by_year: dict[int, tuple[int, ...]] = {}

    def __repr__(self) -> str:
        closures = ", ".join(d.isoformat() for d in sorted(self.extra_closures))
        return f"WorkingDayCalendar(extra_closures=[{closures}])"

    # Per-year caches -------------------------------------------------------------

    def _closed(self, year: int) -> frozenset[date]:
        closed = self._closed_by_year.get(year)
        if closed is None:
            local = {d for d in self.extra_closures if d.year == year}
            closed = frozenset(_england_bank_holidays(year)) | local
            self._closed_by_year[year] = closed
        return closed

    def _working(self, year: int) -> tuple[int, ...]:
        """The ordinals of every working day in ``year``, in order."""
        days = self._working_by_year.get(year)
        if days is None:
            closed = self._closed(year)
            first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
            days = tuple(
                n
                for n in range(first, last + 1)
                if (n - 1) % 7 < 5 and date.fromordinal(n) not in closed
            )
            self._working_by_year[year] = days
        return days

    # Questions about single days ---------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        """True on a weekday that is not a bank holiday or local closure."""
        return d.weekday() < 5 and d not in self._closed(d.year)

    def next_working_day(self, d: date) -> date:
        """The first working day on or after ``d``."""
        return d if self.is_working_day(d) else self.add_working_days(d, 1)

    def bank_holidays(self, year: int) -> dict[date, str]:
        """Every closed day in ``year`` with its name; local closures are "Local closure"."""
        named = dict(_england_bank_holidays(year))
        for d in self.extra_closures:
            if d.year == year:
                named.setdefault(d, LOCAL_CLOSURE)
        return dict(sorted(named.items()))

    # Counting ------------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (before it when n is negative)."""
        if n > 0:
            return date.fromordinal(self._forward(start, n))
        if n < 0:
            return date.fromordinal(self._backward(start, -n))
        return start

    def _forward(self, start: date, n: int) -> int:
        year, target = start.year, start.toordinal()
        days = self._working(year)
        index = bisect_right(days, target)
        while n > len(days) - index:
            n -= len(days) - index
            year += 1
            days, index = self._working(year), 0
        return days[index + n - 1]

    def _backward(self, start: date, n: int) -> int:
        year = start.year
        days = self._working(year)
        index = bisect_left(days, start.toordinal())
        while n > index:
            n -= index
            year -= 1
            days = self._working(year)
            index = len(days)
        return days[index - n]

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days d have start < d <= end (negative when end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        if start.year == end.year:
            days = self._working(start.year)
            return bisect_right(days, end.toordinal()) - bisect_right(days, start.toordinal())
        first = self._working(start.year)
        count = len(first) - bisect_right(first, start.toordinal())
        count += sum(len(self._working(y)) for y in range(start.year + 1, end.year))
        return count + bisect_right(self._working(end.year), end.toordinal())


ENGLAND = WorkingDayCalendar()


def add_working_days(start: date, n: int, calendar: WorkingDayCalendar = ENGLAND) -> date:
    """The n-th working day after ``start`` in ``calendar`` (England by default)."""
    return calendar.add_working_days(start, n)


def working_days_between(start: date, end: date, calendar: WorkingDayCalendar = ENGLAND) -> int:
    """Working days d with start < d <= end in ``calendar`` (England by default)."""
    return calendar.working_days_between(start, end)


def is_working_day(d: date, calendar: WorkingDayCalendar = ENGLAND) -> bool:
    """True when ``d`` is a working day in ``calendar`` (England by default)."""
    return calendar.is_working_day(d)


def next_working_day(d: date, calendar: WorkingDayCalendar = ENGLAND) -> date:
    """The first working day on or after ``d`` in ``calendar`` (England by default)."""
    return calendar.next_working_day(d)


# Calendar arithmetic ---------------------------------------------------------------


def add_days(d: date, n: int) -> date:
    """``d`` moved by n calendar days."""
    return d + timedelta(days=n)


def add_weeks(d: date, n: int) -> date:
    """``d`` moved by n weeks of seven calendar days."""
    return d + timedelta(weeks=n)


def add_months(d: date, n: int) -> date:
    """``d`` moved by n calendar months, clamped to the last day of a shorter month.

    31 January plus one month is 28 February (29 in a leap year), as a person would say.
    """
    year, month_index = divmod(d.year * 12 + d.month - 1 + n, 12)
    month = month_index + 1
    day = min(d.day, _stdlib_calendar.monthrange(year, month)[1])
    return d.replace(year=year, month=month, day=day)
