"""Rows about children (a worklist's deadlines) are shown by the rules that show children.

``visible_rows`` asks each row's own child the need-to-know questions, rather than
listing every child a user may see first; it must answer exactly as ``visible_children``.
"""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.access import visible_children, visible_rows
from oversight.casework.models import BreakGlass, Deadline
from oversight.casework.services.deadlines import open_deadline

from .conftest import make_child

TODAY = date(2025, 3, 10)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime(2025, 3, 10, 12, 0, tzinfo=timezone.get_current_timezone())):
        yield


@pytest.fixture
def world(team, other_team, worker, manager):
    """Five children, each with one open visit deadline, and who is named or has opened what."""
    children = {
        "ours": _allocated("C1", team, worker),
        "theirs": _allocated("C2", other_team, None),
        "named": _allocated("C3", team, worker, restricted=True),
        "opened": _allocated("C4", team, worker, restricted=True),
        "closed": _allocated("C5", team, worker, restricted=True),
    }
    children["named"].restricted_to.add(worker)
    _break_glass(manager, children["opened"], hours_ago=0)
    _break_glass(manager, children["closed"], hours_ago=7 * 24)  # a week ago: long expired
    for child in children.values():
        open_deadline(child, "cin-visit", date(2025, 2, 1))
    return children


def _break_glass(user: User, child, hours_ago: int) -> None:
    """A one-hour grant, given ``hours_ago``."""
    at = timezone.now() - timedelta(hours=hours_ago)
    BreakGlass.objects.create(
        user=user, child=child, reason="Strategy meeting", at=at, until=at + timedelta(hours=1)
    )


def _allocated(la_child_id: str, team: Team, worker: User | None, restricted: bool = False):
    child = make_child(la_child_id)
    services.allocate(child, team, worker, on=date(2024, 1, 2))
    if restricted:
        child.restricted = True
        child.save()
    return child


def _names(world: dict, user: User) -> set[str]:
    shown = {d.child_id for d in visible_rows(Deadline.objects.all(), user, TODAY)}
    return {name for name, child in world.items() if child.pk in shown}


def test_a_worker_sees_the_rows_of_their_teams_children_and_those_restricted_to_them(world, worker):
    assert _names(world, worker) == {"ours", "named"}


def test_a_manager_sees_a_restricted_childs_rows_only_while_their_break_glass_lasts(world, manager):
    assert _names(world, manager) == {"ours", "opened"}


def test_another_team_sees_only_its_own_childs_rows(world, other_team):
    colleague = User.objects.create(username="kim", role=Role.PRACTITIONER, team=other_team)
    assert _names(world, colleague) == {"theirs"}


def test_a_service_manager_sees_their_services_unrestricted_rows_and_no_other(world, team):
    ours = User.objects.create(username="sm", role=Role.SERVICE_MANAGER, service=team.service)
    elsewhere = Service.objects.create(name="Care")
    other = User.objects.create(username="sm2", role=Role.SERVICE_MANAGER, service=elsewhere)
    assert _names(world, ours) == {"ours", "theirs"}
    assert _names(world, other) == set()


def test_the_administrator_and_an_inactive_user_see_no_rows(world, worker):
    admin = User.objects.create(username="admin", role=Role.ADMINISTRATOR)
    worker.is_active = False
    assert _names(world, admin) == set()
    assert _names(world, worker) == set()


def test_rows_and_children_agree_for_every_role(world, team):
    for role in Role:
        user = User.objects.create(username=f"u-{role.value}", role=role, team=team,
                                   service=team.service)  # fmt: skip
        by_child = {c.pk for c in visible_children(user, TODAY)} & {c.pk for c in world.values()}
        by_row = {d.child_id for d in visible_rows(Deadline.objects.all(), user, TODAY)}
        assert by_row == by_child, role
