"""The LA's services, teams and workers, and who holds each child."""

import pytest
from django.db.models import Count, F, Q

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role
from oversight.casework.models import Allocation

pytestmark = pytest.mark.django_db


def test_the_la_has_the_teams_the_journey_needs_in_four_services(small_la):
    assert set(Service.objects.values_list("name", flat=True)) == {
        "Front door", "Safeguarding", "Children in care", "Care leavers",
    }  # fmt: skip
    names = small_la.teams
    assert sorted(names) == sorted(Team.objects.values_list("name", flat=True))
    for kind, at_least in (("Front door", 2), ("Assessment", 2), ("Safeguarding", 2),
                           ("Children in care", 2), ("Care leavers", 1)):  # fmt: skip
        assert sum(name.startswith(kind) for name in names) >= at_least, kind


def test_each_team_has_one_manager_and_four_to_eight_practitioners_in_post(small_la):
    # (in post today: managers come and go as practitioners do)
    in_post = Q(members__role=Role.PRACTITIONER, members__is_active=True)
    teams = Team.objects.annotate(
        managers=Count(
            "members", filter=Q(members__role=Role.TEAM_MANAGER, members__is_active=True)
        ),
        practitioners=Count("members", filter=in_post),
    )
    for team in teams:
        assert team.managers == 1, team.name
        assert 4 <= team.practitioners <= 8, team.name
    assert User.objects.filter(is_agency=True).exists()


def test_children_are_allocated_to_practitioners_in_the_team(small_la):
    assert not Allocation.objects.filter(worker__isnull=True).exists()
    assert not Allocation.objects.exclude(worker__team_id=F("team_id")).exists()


def test_caseloads_are_shared_evenly_within_each_team(small_la):
    for team in Team.objects.all():
        loads = [
            worker.allocations.filter(end_on__isnull=True).count()
            for worker in team.members.filter(role=Role.PRACTITIONER, is_active=True)
        ]
        assert max(loads) <= 2 * sum(loads) / len(loads) + 3, (team.name, loads)


def test_children_with_nothing_open_are_not_allocated_outside_care_leavers(small_la):
    """Closing a CIN episode ends the allocation; care leavers past 21 have no episode to close."""
    open_work = Q(child__referrals__closed_on__isnull=True) | Q(child__plans__end_on__isnull=True)
    idle = Allocation.objects.filter(end_on__isnull=True).exclude(
        child__in=Allocation.objects.filter(open_work).values("child_id")
    )
    assert Allocation.objects.filter(end_on__isnull=False).exists()
    assert set(idle.values_list("team__name", flat=True)) <= {
        name for name in small_la.teams if name.startswith("Care leavers")
    }
