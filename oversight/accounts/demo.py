"""One demo account per role, for the synthetic demo. Passwords are new on every run.

The demo signs in with the passwords it prints, so no demo account is asked to choose its
own (even one that takes over an account added with a one-time password).

Each account has an authenticator already set up with a key worked out from its username
(``second_factor.demo_key``): the same on every run, so a tester adds it to an app once.
"""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings

from oversight.accounts.models import Team, User
from oversight.accounts.roles import Role
from oversight.accounts.second_factor import enrol_demo_device, secret


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: Role
    detail: str
    totp_secret: str


def _password() -> str:
    return secrets.token_urlsafe(12)


def _take_over(user: User, username: str) -> User:
    """Give an existing synthetic worker a demo sign-in, so their caseload is real."""
    User.objects.filter(username=username).exclude(pk=user.pk).delete()
    user.username = username
    return user


def _account(username: str, role: Role, **fields: object) -> User:
    user = User.objects.filter(username=username).first() or User(username=username)
    user.role = role
    for name, value in fields.items():
        setattr(user, name, value)
    return user


def _adoption_worker(team: Team) -> list[tuple[User, str]]:
    """A practitioner of the service that records prospective adopters, when the LA has a
    team of it other than ``team``: the pages for adopters are theirs to record on."""
    named = settings.OVERSIGHT_ADOPTION_SERVICE
    adoption = Team.objects.filter(service__name__iexact=named).exclude(pk=team.pk)
    found = adoption.order_by("pk").first()
    if found is None:
        return []
    worker = found.members.filter(role=Role.PRACTITIONER, is_active=True).order_by("pk").first()
    user = _take_over(worker, "adoption") if worker else _account("adoption", Role.PRACTITIONER,
                                                                   team=found)  # fmt: skip
    return [(user, f"practitioner in {found.name}, records prospective adopters")]


def create_demo_accounts(team: Team, today: date) -> list[DemoAccount]:
    """Accounts for every role; the practitioner and team manager work in ``team``, and a
    second practitioner ("adoption") in the adoption service, when the LA has one."""
    worker = team.members.filter(role=Role.PRACTITIONER, is_active=True).order_by("pk").first()
    manager = team.members.filter(role=Role.TEAM_MANAGER, is_active=True).order_by("pk").first()
    plan = [
        (
            _take_over(worker, "worker")
            if worker
            else _account("worker", Role.PRACTITIONER, team=team),
            f"practitioner in {team.name}",
        ),
        (
            _take_over(manager, "manager")
            if manager
            else _account("manager", Role.TEAM_MANAGER, team=team),
            f"team manager of {team.name}",
        ),
        (
            _account(
                "service-manager",
                Role.SERVICE_MANAGER,
                service=team.service,
                first_name="Sam",
                last_name="Service",
            ),
            f"service manager, {team.service.name}",
        ),
        (
            _account("director", Role.SENIOR_LEADER, first_name="Dana", last_name="Director"),
            "director of children's services",
        ),
        (
            _account("auditor", Role.QA_OFFICER, first_name="Alex", last_name="Auditor"),
            "QA officer",
        ),
        (
            _account("analyst", Role.PERFORMANCE_ANALYST, first_name="Ana", last_name="Analyst"),
            "performance analyst",
        ),
        (_account("iro", Role.IRO, first_name="Indra", last_name="Reviewing"), "IRO / CP chair"),
        (
            _account(
                "inspector",
                Role.INSPECTOR,
                first_name="Ines",
                last_name="Inspector",
                inspection_window_start=today - timedelta(days=7),
                inspection_window_end=today + timedelta(days=21),
            ),
            "inspector, inspection window open for three weeks",
        ),
        (
            _account("admin", Role.ADMINISTRATOR, first_name="Adi", last_name="Admin"),
            "administrator (no case records)",
        ),
    ]
    plan += _adoption_worker(team)
    accounts = []
    for user, detail in plan:
        password = _password()
        user.set_password(password)
        user.is_active, user.must_change_password = True, False
        user.save()
        device = enrol_demo_device(user)
        accounts.append(
            DemoAccount(user.username, password, Role(user.role), detail, secret(device))
        )
    return accounts
