"""Hand-built cases for the quality tests: two teams, their children, auditors."""

from datetime import date

import pytest

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.tests import conftest as casework

team, other_team, worker, manager = (
    casework.team,
    casework.other_team,
    casework.worker,
    casework.manager,
)
START, END = date(2025, 4, 1), date(2025, 6, 30)


@pytest.fixture
def auditor(db) -> User:
    return User.objects.create(username="alex", role=Role.QA_OFFICER)


@pytest.fixture
def second_auditor(db) -> User:
    return User.objects.create(username="bo", role=Role.QA_OFFICER)


@pytest.fixture
def iro(db) -> User:
    return User.objects.create(username="ira", role=Role.IRO)


@pytest.fixture
def cases(team, other_team, worker, manager):
    """Twelve children on plans: eight in team 1 (six CP, two CIN), four in team 2 (CIN)."""
    other_worker = User.objects.create(username="olu", role=Role.PRACTITIONER, team=other_team)
    made = []
    for n in range(12):
        child = casework.make_child(la_child_id=f"Q{n:02}")
        where, who = (team, worker) if n < 8 else (other_team, other_worker)
        services.allocate(child, where, who, on=date(2025, 1, 6))
        kind = "cp" if n < 6 else "cin"
        abuse = "NEG" if kind == "cp" else ""
        services.start_plan(child, kind=kind, start_on=date(2025, 2, 3), category_of_abuse=abuse)
        made.append(child)
    return made
