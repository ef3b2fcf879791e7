"""A small team, its workers and a child, built for each test."""

from datetime import date

import pytest

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role
from oversight.casework import services


@pytest.fixture
def team(db) -> Team:
    return Team.objects.create(
        name="Safeguarding 1", service=Service.objects.create(name="Safeguarding")
    )


@pytest.fixture
def other_team(team) -> Team:
    return Team.objects.create(name="Safeguarding 2", service=team.service)


@pytest.fixture
def worker(team) -> User:
    return User.objects.create(
        username="sam", first_name="Sam", last_name="Worker", role=Role.PRACTITIONER, team=team
    )


@pytest.fixture
def manager(team) -> User:
    return User.objects.create(username="morgan", role=Role.TEAM_MANAGER, team=team)


def make_child(la_child_id: str = "C1", born: date = date(2015, 6, 1)):
    return services.register_child(
        la_child_id=la_child_id,
        first_name="Ada",
        last_name="Example",
        sex="2",
        date_of_birth=born,
        ethnicity="WBRI",
    )


@pytest.fixture
def child(team, worker):
    child = make_child()
    services.allocate(child, team, worker, on=date(2023, 1, 2))
    return child
