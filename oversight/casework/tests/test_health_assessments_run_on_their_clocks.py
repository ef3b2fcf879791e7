"""Health assessments and dental checks of a child in care (``services.health``), and the
clocks of the assessments: the initial one in 20 working days of becoming looked after,
then a review every 6 months before the fifth birthday and every 12 after it.

Dates worked out by hand: care begins on Monday 5 February 2024; 20 working days on
(no bank holiday between) is Monday 4 March 2024, the first review's day too."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Deadline, HealthCheck, Plan

pytestmark = pytest.mark.django_db
CARE_BEGAN = date(2024, 2, 5)
ASSESSMENT = "health_assessment"


def care_plan(born: date = date(2020, 9, 1)) -> Plan:
    child = services.register_child(
        la_child_id="H1", first_name="Test", last_name="Child", sex="1",
        date_of_birth=born, ethnicity="WBRI",
    )  # fmt: skip
    _episode, _placement, plan = services.start_care_episode(
        child, started_on=CARE_BEGAN, legal_status="C2", placement_type="U4", provider="PR1"
    )
    return plan


def clocks(plan: Plan) -> list[tuple[str, date, date | None, date | None]]:
    found = Deadline.objects.filter(child=plan.child, rule__startswith="health-")
    return [(d.rule, d.due_on, d.met_on, d.lapsed_on) for d in found.order_by("started_on")]


def test_becoming_looked_after_starts_the_initial_assessments_clock():
    plan = care_plan()
    assert clocks(plan) == [("health-assessment-initial", date(2024, 3, 4), None, None)]
    first_review = Deadline.objects.get(child=plan.child, rule="cla-first-review")
    assert first_review.due_on == date(2024, 3, 4)


def test_under_five_an_assessment_is_reviewed_in_six_months():
    plan = care_plan(born=date(2020, 9, 1))  # 3 on 26 February 2024, 4 on 2 September
    services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 2, 26))
    services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 9, 2))
    assert clocks(plan) == [
        ("health-assessment-initial", date(2024, 3, 4), date(2024, 2, 26), None),
        ("health-assessment-review-under-5", date(2024, 8, 26), date(2024, 9, 2), None),
        ("health-assessment-review-under-5", date(2025, 3, 2), None, None),
    ]


def test_from_five_an_assessment_is_reviewed_in_twelve_months():
    plan = care_plan(born=date(2019, 3, 4))  # 5 on its day, 4 March 2024
    services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 3, 4))
    assert clocks(plan)[1:] == [("health-assessment-review", date(2025, 3, 4), None, None)]


def test_a_dental_check_or_a_late_entry_of_an_earlier_assessment_changes_no_clock():
    plan = care_plan()
    services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 3, 11))
    before = clocks(plan)
    services.record_health_check(plan, kind="dental_check", done_on=date(2024, 3, 12))
    services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 2, 20))
    assert clocks(plan) == before
    assert before[0][2] == date(2024, 3, 11)  # the initial clock met a week late
    assert HealthCheck.objects.filter(child=plan.child).count() == 3


def test_leaving_care_lapses_the_clock():
    plan = care_plan()
    services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 2, 26))
    services.end_plan(plan, end_on=date(2024, 5, 1))
    assert clocks(plan)[-1][3] == date(2024, 5, 1)


@pytest.mark.parametrize(
    ("kind", "done_on", "field", "why"),
    [
        (ASSESSMENT, date(2024, 2, 4), "done_on", "looked after from 05/02/2024"),
        ("eye_test", date(2024, 3, 1), "kind", "'eye_test' is not one of"),
        (ASSESSMENT, date(2024, 2, 26), "done_on", "health assessment on 26/02/2024 is already"),
    ],
)
def test_a_check_is_refused_against_the_field_at_fault(kind, done_on, field, why):
    plan = care_plan()
    services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 2, 26))
    with pytest.raises(services.CaseworkError, match=why) as refused:
        services.record_health_check(plan, kind=kind, done_on=done_on)
    assert refused.value.field == field
    assert HealthCheck.objects.count() == 1


def test_a_check_is_recorded_only_under_a_care_plan_in_its_period():
    plan = care_plan()
    services.end_plan(plan, end_on=date(2024, 9, 2))
    with pytest.raises(services.CaseworkError, match="to 02/09/2024"):
        services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 9, 3))
    cin = services.start_plan(plan.child, kind="cin", start_on=date(2024, 10, 1))
    with pytest.raises(services.CaseworkError, match="under a child's care plan"):
        services.record_health_check(cin, kind=ASSESSMENT, done_on=date(2024, 10, 2))


def test_a_batch_sees_the_checks_it_recorded():
    plan = care_plan()
    with services.batch():
        services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 2, 26))
        with pytest.raises(services.CaseworkError, match="already recorded"):
            services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 2, 26))
        services.record_health_check(plan, kind=ASSESSMENT, done_on=date(2024, 8, 19))
    assert clocks(plan)[-1] == ("health-assessment-review-under-5", date(2025, 2, 19), None, None)
