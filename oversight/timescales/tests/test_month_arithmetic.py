"""Calendar arithmetic: days, weeks, and months clamped to the end of a shorter month."""

from datetime import date

import pytest

from oversight.timescales import add_days, add_months, add_weeks


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2022, 11, 30), 3, date(2023, 2, 28)),
        (date(2024, 5, 31), 1, date(2024, 6, 30)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 1, 15), 3, date(2024, 4, 15)),
    ],
)
def test_adding_months_clamps_to_the_end_of_a_shorter_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


def test_adding_months_crosses_the_year_end() -> None:
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)
    assert add_months(date(2024, 11, 30), 2) == date(2025, 1, 30)


def test_subtracting_months_works_and_clamps() -> None:
    assert add_months(date(2025, 1, 15), -1) == date(2024, 12, 15)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert add_months(date(2024, 2, 29), -12) == date(2023, 2, 28)


def test_zero_months_is_the_same_day() -> None:
    assert add_months(date(2024, 2, 29), 0) == date(2024, 2, 29)


def test_adding_a_day_to_28_february_depends_on_the_leap_year() -> None:
    assert add_days(date(2024, 2, 28), 1) == date(2024, 2, 29)
    assert add_days(date(2023, 2, 28), 1) == date(2023, 3, 1)


def test_adding_six_weeks_crosses_the_year_end() -> None:
    assert add_weeks(date(2024, 12, 27), 6) == date(2025, 2, 7)
    assert add_weeks(date(2025, 2, 7), -6) == date(2024, 12, 27)
