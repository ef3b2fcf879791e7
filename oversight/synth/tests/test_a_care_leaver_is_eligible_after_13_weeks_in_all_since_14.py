"""A young person leaving care at 18 is an eligible care leaver, with a pathway plan, after
13 weeks (91 days) in care in all since their 14th birthday, however many periods of care
those took (Children (Leaving Care) Act 2000). Worked out by hand from the dates below."""

from datetime import date

from oversight.synth.care import CARE_LEAVER_WEEKS, days_in_care_from
from oversight.synth.journey import Step

FOURTEENTH = date(2020, 2, 10)


def care(start: date, end: date) -> list[Step]:
    return [Step(start, "start_care", {"legal_status": "C2"}), Step(end, "end_care", {})]


def test_two_periods_count_together_and_care_before_14_does_not():
    # 23/12/2019 to 2/1/2024: from the 14th birthday (10/2/2020) that is 1,422 days; the
    # second, 15/1/2024 to 12/2/2024, 28 days. Its 28 days alone would not be 13 weeks.
    steps = care(date(2019, 12, 23), date(2024, 1, 2)) + care(date(2024, 1, 15), date(2024, 2, 12))
    assert days_in_care_from(steps, FOURTEENTH) == 1422 + 28
    assert days_in_care_from(steps[2:], FOURTEENTH) == 28 < CARE_LEAVER_WEEKS * 7


def test_periods_given_out_of_order_and_one_still_open():
    steps = care(date(2023, 5, 1), date(2023, 6, 30))[::-1] + care(
        date(2021, 3, 1), date(2021, 4, 1)
    )
    steps.append(Step(date(2024, 1, 1), "start_care", {}))  # still in care: not yet counted
    assert days_in_care_from(steps, FOURTEENTH) == 60 + 31


def test_a_period_ended_before_14_counts_nothing():
    assert days_in_care_from(care(date(2018, 1, 1), date(2019, 1, 1)), FOURTEENTH) == 0
