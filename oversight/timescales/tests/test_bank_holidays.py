"""Which days are working days in England: weekends and bank holidays, one-offs included."""

from datetime import date

import pytest

from oversight.timescales import ENGLAND, is_working_day, next_working_day


@pytest.mark.parametrize(
    "day",
    [
        date(2022, 9, 19),  # state funeral of Queen Elizabeth II
        date(2023, 5, 8),  # coronation of King Charles III
        date(2022, 12, 26),  # Boxing Day
        date(2022, 12, 27),  # substitute day for Christmas Day on a Sunday
        date(2023, 1, 2),  # substitute day for New Year's Day on a Sunday
        date(2024, 3, 29),  # Good Friday
        date(2024, 4, 1),  # Easter Monday
        date(2024, 5, 6),  # early May bank holiday
        date(2024, 5, 27),  # spring bank holiday
        date(2024, 8, 26),  # summer bank holiday
        date(2025, 4, 18),  # Good Friday
        date(2025, 4, 21),  # Easter Monday
    ],
)
def test_england_bank_holidays_are_not_working_days(day: date) -> None:
    assert not is_working_day(day)


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2024, 6, 8))  # Saturday
    assert not is_working_day(date(2024, 6, 9))  # Sunday


def test_ordinary_weekdays_are_working_days() -> None:
    assert is_working_day(date(2024, 6, 10))  # Monday
    assert is_working_day(date(2024, 12, 24))  # Christmas Eve is not a bank holiday
    assert is_working_day(date(2024, 12, 27))


def test_scottish_only_holidays_are_working_days_in_england() -> None:
    assert is_working_day(date(2024, 1, 2))  # 2 January is a holiday in Scotland only
    assert is_working_day(date(2024, 8, 5))  # Scotland's summer holiday


def test_bank_holidays_for_2024_are_named_and_in_order() -> None:
    named = ENGLAND.bank_holidays(2024)
    assert list(named) == [
        date(2024, 1, 1),
        date(2024, 3, 29),
        date(2024, 4, 1),
        date(2024, 5, 6),
        date(2024, 5, 27),
        date(2024, 8, 26),
        date(2024, 12, 25),
        date(2024, 12, 26),
    ]
    assert named[date(2024, 3, 29)] == "Good Friday"


def test_one_off_bank_holidays_are_listed_with_their_names() -> None:
    assert "Coronation" in ENGLAND.bank_holidays(2023)[date(2023, 5, 8)]
    assert "Funeral" in ENGLAND.bank_holidays(2022)[date(2022, 9, 19)]


def test_next_working_day_after_easter_saturday_is_easter_tuesday() -> None:
    assert next_working_day(date(2024, 3, 30)) == date(2024, 4, 2)


def test_next_working_day_of_a_working_day_is_that_day() -> None:
    assert next_working_day(date(2024, 6, 10)) == date(2024, 6, 10)
