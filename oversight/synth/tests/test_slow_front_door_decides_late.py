"""slow-front-door: one front door team decides on referrals days late."""

import pytest

from .measures import late_decision_share, others, teams_of

pytestmark = pytest.mark.django_db


def test_the_slow_team_decides_most_referrals_late_and_the_others_few(small_la):
    slow = small_la.problem_teams["slow-front-door"]
    front_doors = teams_of("Front door")
    assert late_decision_share(slow) > 0.6
    assert others(slow, front_doors, late_decision_share) < 0.15
