"""drifting-cin-plans: one safeguarding team's CIN plans run long and visits drift."""

from statistics import mean

import pytest

from oversight.casework.models import Allocation, Plan

from .conftest import TODAY
from .measures import late_share, open_plans, others, overdue, teams_of

pytestmark = pytest.mark.django_db


def _overdue_visits_per_child(team: str) -> float:
    return overdue(team, ["cin-visit"], TODAY) / max(open_plans(team, "cin"), 1)


def _months_on_plan(team: str) -> float:
    """How long the CIN plans of children the team held have run (to their end or today)."""
    held = Allocation.objects.filter(team__name=team).values("child_id")
    plans = Plan.objects.filter(kind="cin", child_id__in=held)
    return mean(((plan.end_on or TODAY) - plan.start_on).days / 30.4 for plan in plans)


def test_more_cin_visits_are_overdue_today_per_child(small_la):
    team = small_la.problem_teams["drifting-cin-plans"]
    assert _overdue_visits_per_child(team) > 0.15
    assert _overdue_visits_per_child(team) > 3 * others(
        team, teams_of("Safeguarding"), _overdue_visits_per_child
    )


def test_cin_plans_in_the_team_run_much_longer(small_la):
    team = small_la.problem_teams["drifting-cin-plans"]
    assert _months_on_plan(team) > 1.5 * others(team, teams_of("Safeguarding"), _months_on_plan)


def test_assessments_held_by_the_team_overrun_45_working_days(small_la):
    team = small_la.problem_teams["drifting-cin-plans"]

    def late(name: str) -> float:
        return late_share(name, "assessment", TODAY)

    assert late(team) > 0.4
    assert others(team, teams_of("Safeguarding"), late) < 0.25
