"""Services, teams and an administrator for the account-management tests, on a fixed day.

Today is Wednesday 12 March 2025. Safeguarding has two teams; Children in care has one.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role

TODAY = date(2025, 3, 12)


@pytest.fixture
def frozen_today():
    with time_machine.travel(
        datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        yield TODAY


@pytest.fixture
def safeguarding(db) -> Service:
    return Service.objects.create(name="Safeguarding")


@pytest.fixture
def in_care(db) -> Service:
    return Service.objects.create(name="Children in care")


@pytest.fixture
def team_1(safeguarding) -> Team:
    return Team.objects.create(name="Safeguarding 1", service=safeguarding)


@pytest.fixture
def team_2(safeguarding) -> Team:
    return Team.objects.create(name="Safeguarding 2", service=safeguarding)


@pytest.fixture
def care_team(in_care) -> Team:
    return Team.objects.create(name="Care 1", service=in_care)


@pytest.fixture
def admin(db) -> User:
    """The administrator who makes the changes (another one is made where a test needs it)."""
    return User.objects.create(
        username="alex", first_name="Alex", last_name="Admin", role=Role.ADMINISTRATOR
    )
