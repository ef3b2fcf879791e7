"""views-not-recorded: one team's visits rarely record the child's views or seeing alone."""

import pytest

from .measures import others, teams_of, visit_share

pytestmark = pytest.mark.django_db


def _visiting_teams() -> list[str]:
    return teams_of("Safeguarding") + teams_of("Children in care") + teams_of("Care leavers")


def test_the_team_records_the_child_views_at_few_visits_and_others_at_most(small_la):
    team = small_la.problem_teams["views-not-recorded"]

    def views(name: str) -> float:
        return visit_share(name, views_recorded=True)

    assert views(team) < 0.25
    assert others(team, _visiting_teams(), views) > 0.7


def test_the_team_sees_children_alone_far_less_often(small_la):
    team = small_la.problem_teams["views-not-recorded"]

    def alone(name: str) -> float:
        return visit_share(name, seen_alone=True)

    assert alone(team) < 0.2
    assert others(team, _visiting_teams(), alone) > 0.45
