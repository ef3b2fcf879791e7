"""An improvement plan: actions answer findings, are tracked by dated updates, fall overdue."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from oversight.accounts.roles import Role
from oversight.inspection import plans
from oversight.inspection.models import ActionStatus, FindingKind
from oversight.inspection.tests.plan_cases import own_inspection, staff, stored_value

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def at(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 9, tzinfo=LONDON), tick=False)


@pytest.fixture
def inspection(settings):
    return own_inspection(settings)


@pytest.fixture
def leader(db):
    return staff("dara", Role.SENIOR_LEADER)


def finding(inspection, kind):
    return inspection.findings.get(kind=kind)


def visits_action(inspection, leader):
    facts = plans.ActionFacts(
        title="Weekly tracker of CP visits for every team",
        owner=leader,
        due=date(2025, 6, 30),
        indicator="cp-visits-on-time",
        target=80.0,
    )
    return plans.add_action(finding(inspection, FindingKind.RECOMMENDATION), facts, leader)


def test_an_action_not_done_is_overdue_only_after_its_due_date(inspection, leader):
    action = visits_action(inspection, leader)
    assert not action.is_overdue(date(2025, 6, 30))
    assert action.is_overdue(date(2025, 7, 1))
    with at(date(2025, 7, 2)):
        plans.record_update(action, ActionStatus.DONE, "Tracker in use in every team", leader)
    assert not action.is_overdue(date(2025, 7, 2))


def test_the_baseline_is_the_value_when_the_action_was_made_and_progress_is_measured_from_it(
    inspection, leader
):
    stored_value("cp-visits-on-time", 60.0, date(2025, 3, 12))
    action = visits_action(inspection, leader)
    assert action.baseline == 60.0
    stored_value("cp-visits-on-time", 70.0, date(2025, 4, 30))
    now = plans.current_value("cp-visits-on-time")
    assert now == 70.0
    # From 60 towards 80, 70 is half way.
    assert action.progress(now) == 50.0


def test_every_update_is_kept_with_who_when_the_status_and_the_value_then(inspection, leader):
    manager = staff("sunita", Role.SERVICE_MANAGER)
    stored_value("cp-visits-on-time", 60.0, date(2025, 3, 12))
    with at(date(2025, 3, 12)):
        action = visits_action(inspection, leader)
    stored_value("cp-visits-on-time", 65.0, date(2025, 4, 30))
    with at(date(2025, 5, 1)):
        plans.record_update(action, ActionStatus.ON_TRACK, "Tracker started in team 1", manager)
    stored_value("cp-visits-on-time", 62.0, date(2025, 5, 31))
    with at(date(2025, 6, 2)):
        plans.record_update(action, ActionStatus.AT_RISK, "Two teams short of staff", leader)
    history = [
        (u.at.astimezone(LONDON).date(), u.by.username, u.status, u.note, u.value)
        for u in action.updates.all()
    ]
    assert history == [
        (date(2025, 3, 12), "dara", "not-started", "Action created", 60.0),
        (date(2025, 5, 1), "sunita", "on-track", "Tracker started in team 1", 65.0),
        (date(2025, 6, 2), "dara", "at-risk", "Two teams short of staff", 62.0),
    ]
    action.refresh_from_db()
    assert action.status == ActionStatus.AT_RISK


def test_a_priority_action_without_an_action_needs_one_until_it_has_one(inspection, leader):
    priority = finding(inspection, FindingKind.PRIORITY)
    assert list(plans.needing_action()) == [priority]
    visits_action(inspection, leader)
    assert list(plans.needing_action()) == [priority]  # a recommendation's action is not it
    facts = plans.ActionFacts("Daily front-door huddle", leader, date(2025, 4, 30))
    plans.add_action(priority, facts, leader)
    assert list(plans.needing_action()) == []


def test_the_plan_answers_recommendations_and_priority_actions_not_strengths(inspection):
    kinds = [f.kind for f in plans.answered_findings()]
    assert sorted(kinds) == ["priority-action", "recommendation"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": " "}, "title"),
        ({"owner": None}, "owner"),
        ({"due": None}, "due"),
        ({"indicator": "no-such-thing"}, "indicator"),
        ({"indicator": "", "target": 80.0}, "indicator"),
    ],
)
def test_an_action_missing_what_it_needs_is_refused_against_its_field(
    inspection, leader, changes, field
):
    given = {
        "title": "Tracker",
        "owner": leader,
        "due": date(2025, 6, 30),
        "indicator": "cp-visits-on-time",
        "target": 80.0,
        **changes,
    }
    with pytest.raises(plans.PlanError) as refused:
        plans.add_action(
            finding(inspection, FindingKind.RECOMMENDATION), plans.ActionFacts(**given), leader
        )
    assert refused.value.field == field


def test_a_strength_gets_no_action_and_an_inspector_owns_none(inspection, leader):
    inspector = staff("ines", Role.INSPECTOR)
    strength = finding(inspection, FindingKind.STRENGTH)
    with pytest.raises(plans.PlanError, match="finding"):
        plans.add_action(strength, plans.ActionFacts("x", leader, date(2025, 6, 30)), leader)
    recommendation = finding(inspection, FindingKind.RECOMMENDATION)
    with pytest.raises(plans.PlanError, match="owner"):
        plans.add_action(
            recommendation, plans.ActionFacts("x", inspector, date(2025, 6, 30)), leader
        )


def test_an_update_that_changes_nothing_and_says_nothing_is_refused(inspection, leader):
    action = visits_action(inspection, leader)
    with pytest.raises(plans.PlanError) as refused:
        plans.record_update(action, ActionStatus.NOT_STARTED, "  ", leader)
    assert refused.value.field == "note"
    with pytest.raises(plans.PlanError, match="status"):
        plans.record_update(action, "finished", "", leader)
