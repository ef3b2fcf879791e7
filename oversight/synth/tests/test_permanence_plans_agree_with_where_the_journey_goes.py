"""A synthetic child's permanence plans agree with where her journey goes: adoption before a
decision to place for adoption, a return to family for a child who goes home, an order
for a child who leaves care under one, and for a child who stays, what her placement
speaks for."""

from datetime import date

import pytest

from oversight.casework.models import AdoptionDecision, CareEpisode, PermanencePlan, Plan
from oversight.synth.journey import Step
from oversight.synth.people import ChildProfile
from oversight.synth.permanence_plans import OTHER, PermanencePlanning, where_she_stays
from oversight.synth.practice import GOOD_PRACTICE

from .fixed_draws import Always

BEGAN = date(2024, 1, 8)
FIRST_REVIEW, SECOND_REVIEW, THIRD_REVIEW = date(2024, 2, 2), date(2024, 5, 1), date(2024, 10, 30)
AGED_5 = date(2018, 5, 1)  # born: five when care began
# Every draw 0.5: the plan on time (good practice), no first plan to go home, no following
# the placement. Every draw 0.1: on time, a first plan to go home, following the placement.


def plans(draw: float, journey: list[tuple[date, str, dict]], events: list[tuple]) -> list:
    """The plans made for a child born ``AGED_5`` with ``journey``, as ``events`` happen."""
    made: list[tuple[date, str]] = []
    profile = ChildProfile(0, BEGAN, AGED_5, "2", "WBRI", "", False, 0, 0.0)
    steps = [Step(on, kind, detail) for on, kind, detail in journey]
    planning = PermanencePlanning(Always(draw), profile, steps, lambda on, o: made.append((on, o)))
    planning.care_began(BEGAN, GOOD_PRACTICE)
    for on, event, *placement in events:
        getattr(planning, event)(on, *placement)
    return made


def test_a_child_who_goes_home_has_a_return_to_family_plan_from_her_second_review():
    journey = [(BEGAN, "start_care", {}), (date(2024, 11, 4), "end_care", {"reason": "E4A"})]
    events = [
        (FIRST_REVIEW, "reviewed", "U6"), (SECOND_REVIEW, "reviewed", "U6"),
        (THIRD_REVIEW, "reviewed", "U6"), (date(2024, 11, 4), "care_ending"),
    ]  # fmt: skip
    assert plans(0.5, journey, events) == [(SECOND_REVIEW, "return_to_family")]


def test_an_adoption_plan_comes_the_working_day_before_a_decision_made_before_the_review():
    journey = [
        (BEGAN, "start_care", {}), (date(2024, 4, 16), "decide_adoption", {}),
        (date(2025, 9, 1), "end_care", {"reason": "E11"}),
    ]  # fmt: skip
    events = [
        (FIRST_REVIEW, "reviewed", "U6"), (date(2024, 4, 16), "deciding_adoption"),
        (SECOND_REVIEW, "reviewed", "U6"),
    ]  # fmt: skip
    assert plans(0.5, journey, events) == [(date(2024, 4, 15), "adoption")]


@pytest.mark.parametrize(
    ("turn", "placement", "then"),
    [
        ((date(2025, 3, 11), "decide_adoption", {}), "U6", "adoption"),
        ((date(2036, 5, 2), "end_care", {"reason": "E5"}), "U4", "long_term_fostering"),
    ],
)
def test_a_first_plan_to_go_home_changes_at_the_next_review_to_where_the_journey_goes(
    turn, placement, then
):
    journey = [(BEGAN, "start_care", {}), turn]
    events = [
        (FIRST_REVIEW, "reviewed", "U6"), (SECOND_REVIEW, "reviewed", "U6"),
        (THIRD_REVIEW, "reviewed", placement),
    ]  # fmt: skip
    assert plans(0.1, journey, events) == [
        (SECOND_REVIEW, "return_to_family"), (THIRD_REVIEW, then),
    ]  # fmt: skip


def test_an_order_made_before_the_next_review_is_the_plan_from_the_working_day_before():
    journey = [(BEGAN, "start_care", {}), (date(2025, 1, 15), "end_care", {"reason": "E45"})]
    events = [
        (FIRST_REVIEW, "reviewed", "U6"), (SECOND_REVIEW, "reviewed", "U6"),
        (date(2025, 1, 15), "care_ending"),
    ]  # fmt: skip
    assert plans(0.1, journey, events) == [
        (SECOND_REVIEW, "return_to_family"), (date(2025, 1, 14), "sgo_cao"),
    ]  # fmt: skip


def test_a_reversed_decision_changes_the_plan_that_day():
    journey = [
        (BEGAN, "start_care", {}), (date(2024, 6, 11), "decide_adoption", {}),
        (date(2024, 12, 10), "reverse_adoption", {}),
        (date(2025, 6, 2), "end_care", {"reason": "E4A"}),
    ]  # fmt: skip
    events = [
        (FIRST_REVIEW, "reviewed", "U6"), (SECOND_REVIEW, "reviewed", "U6"),
        (date(2024, 6, 11), "deciding_adoption"), (date(2024, 12, 10), "adoption_reversed", "U6"),
        (date(2025, 6, 2), "care_ending"),
    ]  # fmt: skip
    assert plans(0.5, journey, events) == [
        (SECOND_REVIEW, "adoption"), (date(2024, 12, 10), "return_to_family"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("placement", "age", "plan"),
    [
        ("U4", 8, "long_term_fostering"),
        ("K2", 14, "residential"),
        ("K2", 9, OTHER),  # a young child in a children's home: the plan drawn for her
        ("K3", 16, "supported_living"),
        ("P1", 10, "return_to_family"),
    ],
)
def test_a_child_who_stays_has_the_plan_her_placement_speaks_for(placement, age, plan):
    assert where_she_stays(placement, age, otherwise=OTHER) == plan


# On the small synthetic LA ----------------------------------------------------------------

LEAVING_TO = {
    "E11": "adoption", "E12": "adoption", "E4A": "return_to_family", "E4B": "return_to_family",
    "E41": "sgo_cao", "E45": "sgo_cao", "E46": "sgo_cao", "E47": "sgo_cao", "E48": "sgo_cao",
}  # fmt: skip


@pytest.mark.django_db
def test_the_last_plan_of_a_child_who_left_care_is_where_she_went(small_la):
    checked = 0
    for plan in Plan.objects.filter(kind="care", end_on__isnull=False):
        last = PermanencePlan.objects.filter(plan=plan).order_by("decided_on").last()
        ended = CareEpisode.objects.filter(child_id=plan.child_id, ended_on=plan.end_on)
        reason = ended.exclude(reason_ceased="X1").values_list("reason_ceased", flat=True).get()
        if last is not None and reason in LEAVING_TO:
            assert last.option == LEAVING_TO[reason], (plan.child_id, reason)
            checked += 1
    assert checked >= 5


@pytest.mark.django_db
def test_every_decision_to_place_for_adoption_has_an_adoption_plan_by_then(small_la):
    decisions = AdoptionDecision.objects.all()
    assert decisions.exists()
    for decision in decisions:
        by_then = PermanencePlan.objects.filter(
            child_id=decision.child_id, decided_on__lte=decision.decided_on
        )
        assert by_then.order_by("decided_on").last().option == "adoption"


@pytest.mark.django_db
def test_supported_living_is_planned_only_for_young_people_of_16_or_more(small_la):
    supported = PermanencePlan.objects.filter(option="supported_living").select_related("child")
    assert supported.exists()
    for plan in supported:
        born, on = plan.child.date_of_birth, plan.decided_on
        assert on.year - born.year - ((on.month, on.day) < (born.month, born.day)) >= 16
