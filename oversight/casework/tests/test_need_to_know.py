from datetime import date

import pytest
import time_machine
from django.http import Http404

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.access import child_for, visible_among, visible_children

from .conftest import make_child


@pytest.fixture
def other_service_team(db) -> Team:
    return Team.objects.create(name="Children in care", service=Service.objects.create(name="Care"))


def _user(username: str, role: Role, **fields) -> User:
    return User.objects.create(username=username, role=role, **fields)


def test_a_worker_sees_their_team_but_not_another_team(child, team, other_team):
    mine = _user("a", Role.PRACTITIONER, team=team)
    theirs = _user("b", Role.PRACTITIONER, team=other_team)
    assert list(visible_children(mine)) == [child]
    assert list(visible_children(theirs)) == []
    with pytest.raises(Http404):
        child_for(theirs, child.pk)


def test_a_service_manager_sees_only_their_service(child, team, other_service_team):
    assert list(visible_children(_user("s", Role.SERVICE_MANAGER, service=team.service))) == [child]
    elsewhere = _user("t", Role.SERVICE_MANAGER, service=other_service_team.service)
    assert list(visible_children(elsewhere)) == []


def test_the_administrator_sees_no_case_records(child):
    assert list(visible_children(_user("admin", Role.ADMINISTRATOR))) == []


def test_a_restricted_record_is_seen_only_by_named_users(child, team, worker):
    leader = _user("dcs", Role.SENIOR_LEADER)
    child.restricted = True
    child.save()
    assert list(visible_children(leader)) == []
    assert list(visible_children(worker)) == []
    child.restricted_to.add(worker)
    assert list(visible_children(worker)) == [child]


def test_an_inspector_sees_records_only_inside_the_inspection_window(child):
    inspector = _user(
        "i",
        Role.INSPECTOR,
        inspection_window_start=date(2025, 3, 3),
        inspection_window_end=date(2025, 3, 14),
    )
    with time_machine.travel(date(2025, 3, 2)):
        assert list(visible_children(inspector)) == []
    with time_machine.travel(date(2025, 3, 10)):
        assert list(visible_children(inspector)) == [child]


def test_an_iro_sees_children_on_protection_and_care_plans(child):
    iro = _user("iro", Role.IRO)
    assert list(visible_children(iro)) == []
    services.start_plan(child, kind="cp", start_on=date(2024, 1, 10), category_of_abuse="NEG")
    assert list(visible_children(iro)) == [child]


def test_a_child_who_moves_team_leaves_the_old_teams_view(child, team, other_team, worker):
    newcomer = _user("new", Role.PRACTITIONER, team=other_team)
    services.allocate(child, other_team, newcomer, on=date(2024, 1, 20))
    assert list(visible_children(worker)) == []
    assert list(visible_children(newcomer)) == [child]
    assert make_child("C9") not in visible_children(newcomer)  # unallocated: no team sees it


def test_a_closed_case_stays_visible_to_the_team_that_last_held_it(child, team, worker):
    referral = services.record_referral(child, received_on=date(2024, 5, 1), source_code="5A")
    services.decide_referral(referral, decision="nfa", decided_on=date(2024, 5, 1))
    assert not child.allocations.filter(end_on__isnull=True).exists()  # off the caseload
    assert list(visible_children(worker)) == [child]  # but found again if a contact comes in


@pytest.mark.parametrize("others", [0, 5000], ids=["a few ids", "more ids than are looked up"])
def test_of_a_list_of_children_a_user_is_given_only_those_they_may_see(
    child, team, other_team, others
):
    # A list is checked either id by id or against every child the user may see; both
    # give the same answer, ids of no child at all included.
    elsewhere = make_child("C2")
    services.allocate(elsewhere, other_team, None, on=date(2023, 1, 2))
    asked = {child.pk, elsewhere.pk, *range(10**6, 10**6 + others)}
    mine = _user("a", Role.PRACTITIONER, team=team)
    assert visible_among(mine, asked) == {child.pk}
    assert visible_among(_user("dcs", Role.SENIOR_LEADER), asked) == {child.pk, elsewhere.pk}
    assert visible_among(_user("admin", Role.ADMINISTRATOR), asked) == set()
