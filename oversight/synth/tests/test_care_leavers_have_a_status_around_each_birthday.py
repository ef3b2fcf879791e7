"""A synthetic care leaver has a status recorded around each 17th to 21st birthday, as
the SSDA903 OC3 asks: back home (RHOM) once home for more than six months, else as a
pathway review would find them; none while still in care, and none where one was
recorded in the window already. Worked out by hand from the dates below."""

import random
from collections import Counter
from datetime import date

from oversight.synth.care_leavers import (
    BACK_HOME,
    PATHWAY,
    STAYING_PUT,
    accommodation,
    birthday_statuses,
)
from oversight.synth.journey import Step
from oversight.synth.people import ChildProfile

BORN = date(2006, 8, 28)  # 17 on 28/8/2023, 18 on 28/8/2024, ..., 21 on 28/8/2027
TODAY = date(2026, 5, 15)


def profile() -> ChildProfile:
    return ChildProfile(1, date(2020, 1, 1), BORN, "1", "WBRI", "", False, 0, 0.5)


def test_home_for_more_than_six_months_is_back_home_and_more_recently_a_review_status():
    steps = [Step(date(2021, 3, 23), "start_care", {"legal_status": "C1"}),
             Step(date(2023, 6, 19), "end_care", {"reason": "E4A"})]  # fmt: skip
    # 28/8/2023 is 2 months after going home; 2024 and 2025 more than six months after.
    assert birthday_statuses(steps, profile(), [], TODAY) == [
        (date(2023, 8, 28), PATHWAY), (date(2024, 8, 28), BACK_HOME),
        (date(2025, 8, 28), BACK_HOME),
    ]  # fmt: skip


def test_on_a_pathway_plan_until_21_and_none_where_one_was_recorded_in_the_window():
    steps = [Step(date(2020, 3, 11), "start_care", {"legal_status": "C2"}),
             Step(date(2024, 8, 28), "end_care", {"reason": "E5"}),
             Step(date(2024, 8, 28), "start_plan", {"kind": "pathway"}),
             Step(date(2025, 10, 1), "end_plan", {"kind": "pathway"})]  # fmt: skip
    # 18th: the day care ended, a pathway plan runs. 19th: 28/8/2025, the plan still runs,
    # but a status of 1 June 2025 (within 3 months before) is enough. 20th: plan ended.
    held = [date(2025, 6, 1)]
    assert birthday_statuses(steps, profile(), held, TODAY) == [(date(2024, 8, 28), PATHWAY)]


def test_none_for_a_child_still_in_care_or_who_left_before_16():
    in_care = [Step(date(2021, 3, 23), "start_care", {"legal_status": "C1"})]
    assert birthday_statuses(in_care, profile(), [], TODAY) == []
    left_at_15 = [*in_care, Step(date(2022, 1, 10), "end_care", {"reason": "E4A"})]
    assert birthday_statuses(left_at_15, profile(), [], TODAY) == []
    back_in_care = [*in_care, Step(date(2023, 6, 19), "end_care", {"reason": "E4A"}),
                    Step(date(2024, 1, 5), "start_care", {"legal_status": "C2"})]  # fmt: skip
    assert birthday_statuses(back_in_care, profile(), [], TODAY) == []


def test_a_care_leaver_of_17_never_lives_with_former_foster_carers():
    # Staying put (Z1) begins at 18; at 17 rule 3001 refuses it. The other places keep
    # their weights: D1 (30 of the 88 left) is about a third of the suitable ones at 17.
    rng = random.Random(7)
    at_17 = Counter(accommodation(rng, True, 17) for _ in range(3000))
    assert STAYING_PUT not in at_17
    assert abs(at_17["D1"] / 3000 - 30 / 88) < 0.03
    at_18 = Counter(accommodation(rng, True, 18) for _ in range(3000))
    assert abs(at_18[STAYING_PUT] / 3000 - 12 / 100) < 0.02
    unsuitable = {accommodation(rng, False, 17) for _ in range(200)}
    assert unsuitable <= {"S2", "V2", "B2", "X2", "D2", "W2"}
