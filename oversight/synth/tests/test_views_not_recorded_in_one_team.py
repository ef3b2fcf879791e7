"""views-not-recorded: one team rarely records the child's views (at visits, assessments,
conferences and reviews) or sees the child alone."""

from collections import defaultdict

import pytest

from oversight.accounts.models import Team
from oversight.performance.catalogue import indicator
from oversight.performance.engine import prepare, units
from oversight.performance.periods import Period
from oversight.performance.snapshot import memory_snapshot

from .conftest import TODAY
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


def test_the_team_records_the_child_views_at_few_assessments_conferences_and_reviews(small_la):
    team = small_la.problem_teams["views-not-recorded"]
    by_team = _views_away_from_visits()
    assert by_team[team] < 0.3
    others_ = [share for name, share in by_team.items() if name != team]
    assert sum(others_) / len(others_) > 0.6


def _views_away_from_visits() -> dict[str, float]:
    """By team holding the child: the share of assessments, conferences and reviews in the
    year at which the child's views were recorded (teams with 10 or more of them)."""
    chosen = indicator("views-recorded-all-events")
    rows = units(prepare(memory_snapshot()), chosen, Period.year_to(TODAY), by="team")
    heard: dict[int, list[bool]] = defaultdict(list)
    for row in rows:
        if " visit " not in row.event and row.team_id is not None:
            heard[row.team_id].append(row.counted)
    names = dict(Team.objects.values_list("id", "name"))
    return {names[t]: sum(flags) / len(flags) for t, flags in heard.items() if len(flags) >= 10}
