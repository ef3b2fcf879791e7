"""Counting n working days forward or back: the start never counts, holidays are skipped.

Expected dates were worked out by hand from a printed calendar and the published list
of England bank holidays.
"""

from datetime import date

from oversight.timescales import add_working_days


def test_referral_on_friday_is_decided_by_monday() -> None:
    assert add_working_days(date(2024, 6, 7), 1) == date(2024, 6, 10)


def test_referral_on_saturday_is_decided_by_monday() -> None:
    assert add_working_days(date(2024, 6, 8), 1) == date(2024, 6, 10)


def test_referral_on_sunday_is_decided_by_monday() -> None:
    assert add_working_days(date(2024, 6, 9), 1) == date(2024, 6, 10)


def test_referral_the_day_before_good_friday_is_decided_on_easter_tuesday() -> None:
    assert add_working_days(date(2024, 3, 28), 1) == date(2024, 4, 2)
    assert add_working_days(date(2025, 4, 17), 1) == date(2025, 4, 22)


def test_referral_on_easter_saturday_is_decided_on_easter_tuesday() -> None:
    assert add_working_days(date(2024, 3, 30), 1) == date(2024, 4, 2)


def test_referral_on_christmas_eve_eve_is_decided_on_christmas_eve() -> None:
    assert add_working_days(date(2024, 12, 23), 1) == date(2024, 12, 24)


def test_referral_on_christmas_eve_is_decided_after_boxing_day() -> None:
    assert add_working_days(date(2024, 12, 24), 1) == date(2024, 12, 27)


def test_referral_on_new_years_eve_is_decided_on_2_january() -> None:
    assert add_working_days(date(2024, 12, 31), 1) == date(2025, 1, 2)


def test_christmas_2022_substitute_day_is_skipped() -> None:
    # Fri 23 Dec; Christmas Day fell on a Sunday so Tue 27 Dec was a bank holiday.
    assert add_working_days(date(2022, 12, 23), 1) == date(2022, 12, 28)


def test_new_year_2023_substitute_day_is_skipped() -> None:
    # Fri 30 Dec 2022; New Year's Day fell on a Sunday so Mon 2 Jan 2023 was a bank holiday.
    assert add_working_days(date(2022, 12, 30), 1) == date(2023, 1, 3)


def test_zero_working_days_is_the_start_even_on_a_weekend() -> None:
    assert add_working_days(date(2024, 6, 10), 0) == date(2024, 6, 10)
    assert add_working_days(date(2024, 6, 8), 0) == date(2024, 6, 8)


def test_one_working_day_before_easter_tuesday_is_maundy_thursday() -> None:
    assert add_working_days(date(2024, 4, 2), -1) == date(2024, 3, 28)


def test_one_working_day_before_2_january_is_new_years_eve() -> None:
    assert add_working_days(date(2025, 1, 2), -1) == date(2024, 12, 31)


def test_one_working_day_before_a_saturday_is_the_friday() -> None:
    assert add_working_days(date(2024, 6, 8), -1) == date(2024, 6, 7)


def test_a_long_count_crosses_several_years() -> None:
    # 2024 has 254 working days (262 weekdays, 8 bank holidays) and 2025 has 253 (261, 8).
    assert add_working_days(date(2023, 12, 31), 254 + 253) == date(2025, 12, 31)
    # Back from 31 Dec 2025: 252 earlier in 2025, 254 in 2024, then Friday 29 Dec 2023.
    assert add_working_days(date(2025, 12, 31), -(254 + 253)) == date(2023, 12, 29)


def test_going_back_from_a_weekend_is_not_the_mirror_of_going_forward() -> None:
    # One working day back from Sat 1 Jan 2000 is Thu 30 Dec 1999: 31 Dec 1999 was a
    # one-off bank holiday for the millennium.
    assert add_working_days(date(2000, 1, 1), -1) == date(1999, 12, 30)
