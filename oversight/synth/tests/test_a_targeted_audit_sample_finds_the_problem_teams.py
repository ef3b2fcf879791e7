"""A targeted audit sample, drawn by an indicator, lands on the team with the problem."""

from collections import Counter
from datetime import timedelta

import pytest
from django.test import override_settings

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework.models import Allocation
from oversight.performance.refresh import refresh
from oversight.quality.services import ProgrammeFacts, create_programme, draw_sample
from oversight.quality.services.population import open_on
from oversight.synth.tests.conftest import TODAY

pytestmark = pytest.mark.django_db
TARGETS = {"absent-oversight": "oversight-in-policy", "views-not-recorded": "views-recorded"}


@pytest.fixture(scope="module")
def refreshed(small_la, django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        override_settings(
            OVERSIGHT_SNAPSHOT=tmp_path_factory.mktemp("snapshot") / "snapshot.duckdb"
        ),
    ):
        yield refresh(TODAY, trend_months=1)


@pytest.mark.parametrize("problem", sorted(TARGETS))
def test_the_sample_targeted_by_the_problems_indicator_is_mostly_from_its_team(
    small_la, refreshed, problem
):
    auditor = User.objects.create(username=f"qa-{problem}", role=Role.QA_OFFICER)
    facts = ProgrammeFacts(problem, "monthly", "targeted", 20, target_indicator=TARGETS[problem])
    sample = draw_sample(create_programme(facts, auditor), TODAY - timedelta(days=30), TODAY,
                         auditor, seed=1)  # fmt: skip
    children = [case.child_id for case in sample.cases.all()]
    allocations = Allocation.objects.filter(open_on(TODAY), child_id__in=children)
    teams = Counter(allocations.values_list("team__name", flat=True))
    (most, count), *_ = teams.most_common()
    assert most == small_la.problem_teams[problem], teams
    assert count >= len(children) / 2, teams
