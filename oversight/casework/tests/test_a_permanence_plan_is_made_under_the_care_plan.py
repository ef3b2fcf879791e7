"""The permanence plan of a child in care (``services.permanence_plans``): made under the
care plan while it runs, each new one after the last and saying something new."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Deadline, PermanencePlan, Plan

pytestmark = pytest.mark.django_db
CARE_BEGAN = date(2024, 2, 5)


def care_plan() -> Plan:
    child = services.register_child(
        la_child_id="A1", first_name="Test", last_name="Child", sex="2",
        date_of_birth=date(2020, 9, 1), ethnicity="WBRI",
    )  # fmt: skip
    _episode, _placement, plan = services.start_care_episode(
        child, started_on=CARE_BEGAN, legal_status="C2", placement_type="U4", provider="PR1"
    )
    return plan


def test_a_plan_replaces_the_one_before_and_the_latest_is_current():
    plan = care_plan()
    services.record_permanence_plan(plan, option="return_to_family", decided_on=date(2024, 6, 3))
    services.record_permanence_plan(plan, option="adoption", decided_on=date(2024, 11, 4))
    current = services.current_permanence_plan(plan)
    assert current is not None and (current.option, current.decided_on) == (
        "adoption",
        date(2024, 11, 4),
    )
    assert PermanencePlan.objects.filter(child=plan.child).count() == 2


@pytest.mark.parametrize(
    ("option", "decided_on", "field", "why"),
    [
        ("adoption", date(2024, 2, 4), "decided_on", "the care plan ran from 05/02/2024"),
        ("fostering", date(2024, 6, 3), "option", "'fostering' is not one of"),
        ("return_to_family", date(2024, 6, 3), "decided_on", "a new one comes after it"),
        ("return_to_family", date(2024, 7, 1), "option", "since 03/06/2024: nothing changed"),
    ],
)
def test_a_plan_is_refused_against_the_field_at_fault(option, decided_on, field, why):
    plan = care_plan()
    services.record_permanence_plan(plan, option="return_to_family", decided_on=date(2024, 6, 3))
    with pytest.raises(services.CaseworkError, match=why) as refused:
        services.record_permanence_plan(plan, option=option, decided_on=decided_on)
    assert refused.value.field == field
    assert PermanencePlan.objects.count() == 1


def test_a_plan_is_made_only_under_a_care_plan_while_it_runs():
    plan = care_plan()
    services.end_plan(plan, end_on=date(2024, 9, 2))
    with pytest.raises(services.CaseworkError, match="to 02/09/2024"):
        services.record_permanence_plan(plan, option="adoption", decided_on=date(2024, 9, 3))
    cin = services.start_plan(plan.child, kind="cin", start_on=date(2024, 10, 1))
    with pytest.raises(services.CaseworkError, match="under a child's care plan"):
        services.record_permanence_plan(cin, option="adoption", decided_on=date(2024, 10, 2))


def test_a_batch_sees_the_plan_it_recorded():
    plan = care_plan()
    with services.batch():
        services.record_permanence_plan(plan, option="adoption", decided_on=date(2024, 6, 3))
        with pytest.raises(services.CaseworkError, match="nothing changed"):
            services.record_permanence_plan(plan, option="adoption", decided_on=date(2024, 7, 1))
    assert PermanencePlan.objects.get().option == "adoption"


def permanence_deadlines(plan: Plan) -> list[tuple[date, date | None, date | None]]:
    found = Deadline.objects.filter(child=plan.child, rule="permanence-plan")
    return [(d.due_on, d.met_on, d.lapsed_on) for d in found.order_by("started_on")]


def test_the_first_review_makes_the_plan_due_with_the_second_and_the_plan_meets_it():
    plan = care_plan()
    # The first review on Mon 26 Feb 2024: the second, and the plan, due 3 months on.
    services.record_review(plan.child, kind="cla", held_on=date(2024, 2, 26), plan=plan)
    assert permanence_deadlines(plan) == [(date(2024, 5, 26), None, None)]
    services.record_permanence_plan(plan, option="adoption", decided_on=date(2024, 5, 28))
    assert permanence_deadlines(plan) == [(date(2024, 5, 26), date(2024, 5, 28), None)]


def test_no_plan_is_due_when_one_is_made_already():
    made = care_plan()
    services.record_permanence_plan(made, option="adoption", decided_on=date(2024, 2, 20))
    services.record_review(made.child, kind="cla", held_on=date(2024, 2, 26), plan=made)
    assert permanence_deadlines(made) == []


def test_the_plan_due_lapses_when_care_ends():
    plan = care_plan()
    services.record_review(plan.child, kind="cla", held_on=date(2024, 2, 26), plan=plan)
    episode = plan.child.care_episodes.get()
    services.end_care_episode(episode, episode.placements.get(), plan, ended_on=date(2024, 4, 2),
                              reason_ceased="E4A")  # fmt: skip
    assert permanence_deadlines(plan) == [(date(2024, 5, 26), None, date(2024, 4, 2))]
