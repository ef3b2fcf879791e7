"""absent-oversight: managers in one team rarely record oversight."""

import pytest

from oversight.casework.services.deadlines import OVERSIGHT_RULES

from .conftest import TODAY
from .measures import others, overdue_share, teams_of

pytestmark = pytest.mark.django_db


def _share(team: str) -> float:
    return overdue_share(team, OVERSIGHT_RULES, TODAY)


def test_most_of_the_team_open_oversight_is_overdue_today(small_la):
    team = small_la.problem_teams["absent-oversight"]
    with_plans = teams_of("Safeguarding") + teams_of("Children in care") + teams_of("Care leavers")
    assert _share(team) > 0.4
    assert others(team, with_plans, _share) < 0.15
