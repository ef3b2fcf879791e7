"""Due dates for every national timescale rule, worked out by hand.

Working-day rules skip weekends and England bank holidays; calendar rules (days, weeks,
months) do not move off them; the 72-hour rule counts hours, holidays included.
"""

from datetime import date, datetime

from oversight.timescales import NATIONAL_RULES, Unit, due_date


def test_every_national_rule_is_fixed_and_has_a_basis() -> None:
    for rule_id, rule in NATIONAL_RULES.items():
        assert rule.id == rule_id
        assert not rule.local
        assert rule.basis and rule.title and rule.starts_with


def test_referral_decision_is_due_one_working_day_after_a_friday_referral() -> None:
    assert due_date("referral-decision", date(2024, 6, 7)) == date(2024, 6, 10)


def test_assessment_started_before_easter_is_due_after_easter_monday() -> None:
    # 44 working days after Fri 26 Jan 2024 is Thu 28 Mar; Good Friday and Easter Monday
    # are skipped, so the 45th is Tue 2 Apr.
    assert due_date("assessment", date(2024, 1, 26)) == date(2024, 4, 2)


def test_assessment_spanning_easter_and_early_may_skips_three_holidays() -> None:
    # From Mon 4 Mar 2024: 18 days in March, 21 in April (not 1 Apr), 6 in May (not 6 May).
    assert due_date("assessment", date(2024, 3, 4)) == date(2024, 5, 9)


def test_assessment_spanning_christmas_is_due_late_in_january() -> None:
    # From Mon 18 Nov 2024: 29 days to 31 Dec (skipping 25 and 26 Dec), then 16 in
    # January after New Year's Day.
    assert due_date("assessment", date(2024, 11, 18)) == date(2025, 1, 23)


def test_icpc_skips_the_state_funeral() -> None:
    # Strategy discussion Mon 5 Sep 2022; Mon 19 Sep 2022 was a bank holiday.
    assert due_date("icpc", date(2022, 9, 5)) == date(2022, 9, 27)


def test_icpc_skips_early_may_and_the_coronation() -> None:
    # Strategy discussion Tue 25 Apr 2023; 1 May and 8 May 2023 were bank holidays.
    assert due_date("icpc", date(2023, 4, 25)) == date(2023, 5, 18)


def test_first_review_conference_is_three_calendar_months_after_icpc() -> None:
    assert due_date("rcpc-first", date(2024, 1, 15)) == date(2024, 4, 15)
    assert due_date("rcpc-first", date(2023, 11, 30)) == date(2024, 2, 29)


def test_later_review_conferences_are_six_months_apart() -> None:
    assert due_date("rcpc-next", date(2023, 8, 31)) == date(2024, 2, 29)


def test_first_child_in_care_review_is_20_working_days_over_christmas() -> None:
    # Looked after from Mon 9 Dec 2024: 14 working days to 31 Dec, then 2, 3, 6, 7, 8, 9 Jan.
    assert due_date("cla-first-review", date(2024, 12, 9)) == date(2025, 1, 9)


def test_second_child_in_care_review_is_three_months_after_the_first() -> None:
    assert due_date("cla-second-review", date(2025, 1, 9)) == date(2025, 4, 9)


def test_later_child_in_care_reviews_are_six_months_apart() -> None:
    assert due_date("cla-next-review", date(2025, 4, 9)) == date(2025, 10, 9)


def test_first_visit_is_within_a_week_of_placement_even_over_christmas() -> None:
    assert due_date("cla-visit-first", date(2024, 12, 24)) == date(2024, 12, 31)


def test_visits_in_the_first_year_are_six_weeks_apart() -> None:
    assert due_date("cla-visit-first-year", date(2024, 12, 20)) == date(2025, 1, 31)


def test_visits_in_a_long_term_placement_are_three_months_apart() -> None:
    assert due_date("cla-visit-long-term", date(2024, 11, 30)) == date(2025, 2, 28)


def test_pathway_plan_review_is_six_months_after_the_last() -> None:
    assert due_date("pathway-plan-review", date(2024, 8, 31)) == date(2025, 2, 28)


def test_personal_adviser_visits_within_seven_days_of_a_move() -> None:
    assert due_date("pa-visit-after-move", date(2025, 2, 25)) == date(2025, 3, 4)


def test_personal_adviser_visits_every_two_months() -> None:
    assert due_date("pa-visit", date(2024, 12, 31)) == date(2025, 2, 28)


def test_return_interview_is_due_three_days_after_return_even_over_easter() -> None:
    assert NATIONAL_RULES["return-interview"].unit is Unit.HOURS
    assert due_date("return-interview", date(2024, 3, 29)) == date(2024, 4, 1)


def test_return_interview_from_a_return_time_is_due_72_hours_later() -> None:
    returned = datetime(2024, 3, 29, 22, 30)
    assert due_date("return-interview", returned) == datetime(2024, 4, 1, 22, 30)


def test_a_date_time_start_for_a_day_rule_gives_a_plain_date() -> None:
    due = due_date("referral-decision", datetime(2024, 6, 7, 16, 45))
    assert due == date(2024, 6, 10)
    assert type(due) is date
