"""Counting the working days between two dates: those after the start, up to the end."""

from datetime import date

from oversight.timescales import working_days_between


def test_christmas_week_has_two_working_days_between_monday_and_friday() -> None:
    # After Mon 23 Dec 2024, up to Fri 27 Dec: Tue 24 and Fri 27 (25 and 26 are holidays).
    assert working_days_between(date(2024, 12, 23), date(2024, 12, 27)) == 2


def test_counting_backwards_gives_a_negative_number() -> None:
    assert working_days_between(date(2024, 12, 27), date(2024, 12, 23)) == -2


def test_the_same_day_is_zero_working_days_apart() -> None:
    assert working_days_between(date(2024, 6, 10), date(2024, 6, 10)) == 0


def test_friday_to_saturday_is_zero_working_days() -> None:
    assert working_days_between(date(2024, 6, 7), date(2024, 6, 8)) == 0


def test_saturday_to_monday_is_one_working_day() -> None:
    assert working_days_between(date(2024, 6, 8), date(2024, 6, 10)) == 1


def test_count_across_the_new_year() -> None:
    # 23, 24, 27, 30, 31 Dec 2024, then 2 and 3 Jan 2025.
    assert working_days_between(date(2024, 12, 20), date(2025, 1, 3)) == 7


def test_a_whole_leap_year_2024_has_254_working_days() -> None:
    # 262 weekdays less 8 bank holidays, all on weekdays.
    assert working_days_between(date(2023, 12, 31), date(2024, 12, 31)) == 254


def test_2023_and_2024_together_have_505_working_days() -> None:
    # 2023: 260 weekdays less 9 weekday bank holidays (1 Jan was a Sunday) = 251.
    assert working_days_between(date(2022, 12, 31), date(2024, 12, 31)) == 251 + 254
