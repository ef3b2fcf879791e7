"""missed-cp-visits: children on CP plans in one team are not visited on time."""

import pytest

from .conftest import TODAY
from .measures import late_share, open_plans, others, overdue, teams_of

pytestmark = pytest.mark.django_db


def _overdue_per_child(team: str) -> float:
    return overdue(team, ["cp-visit"], TODAY) / max(open_plans(team, "cp"), 1)


def test_more_cp_visits_are_overdue_today_per_child_in_the_team(small_la):
    team = small_la.problem_teams["missed-cp-visits"]
    safeguarding = teams_of("Safeguarding")
    assert open_plans(team, "cp") >= 3
    assert _overdue_per_child(team) >= 0.15
    assert _overdue_per_child(team) > 3 * others(team, safeguarding, _overdue_per_child)


def test_most_of_the_team_cp_visits_were_late_and_few_elsewhere(small_la):
    team = small_la.problem_teams["missed-cp-visits"]

    def late(name: str) -> float:
        return late_share(name, "cp-visit", TODAY)

    assert late(team) > 0.6
    assert others(team, teams_of("Safeguarding"), late) < 0.15
