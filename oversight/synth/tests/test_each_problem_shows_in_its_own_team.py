"""Each practice problem lands in one team, a different one for each problem."""

import pytest

from oversight.accounts.models import Team
from oversight.synth import PROBLEMS

pytestmark = pytest.mark.django_db


def test_every_problem_switched_on_names_one_existing_team(small_la):
    assert set(small_la.problem_teams) == set(PROBLEMS)
    assert set(small_la.problem_teams.values()) <= set(Team.objects.values_list("name", flat=True))


def test_problems_fall_in_different_teams_when_there_are_enough(small_la):
    assert len(set(small_la.problem_teams.values())) == len(PROBLEMS)


def test_problems_go_to_teams_that_do_that_work(small_la):
    teams = small_la.problem_teams
    assert teams["slow-front-door"].startswith("Front door")
    assert teams["missed-cp-visits"].startswith("Safeguarding")
    assert teams["drifting-cin-plans"].startswith("Safeguarding")
    assert not teams["absent-oversight"].startswith(("Front door", "Assessment"))
    assert not teams["views-not-recorded"].startswith(("Front door", "Assessment"))
    assert teams["unstable-workforce"].startswith("Children in care")
