"""Commands about accounts: users, teams and services, and a demo account's security code.

``oversight users add|change|new-password|end``, ``oversight teams add`` and ``oversight
services add`` change accounts through ``accounts.manage``, as the administrators' pages
do; a refusal prints its message and exits with status 1.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

import click

from oversight.accounts.roles import Role
from oversight.cli.base import db_option, main, use_database
from oversight.cli.records import DEMO_DB

if TYPE_CHECKING:
    from oversight.accounts.models import Service, Team, User

T = TypeVar("T")


@main.command()
@click.argument("username")
@db_option
def totp(username: str, db: str | None) -> None:
    """Print the current security code of the demo account USERNAME.

    Only for accounts `oversight demo` set up (their key is the published demo key); any
    other account is refused. The code is alone on the last line.
    """
    if db is None and not os.environ.get("DATABASE_URL"):
        db = DEMO_DB
    use_database(db)
    from oversight.accounts.models import User
    from oversight.accounts.second_factor import current_code, demo_device

    user = User.objects.filter(username=username).first()
    device = demo_device(user) if user else None
    if device is None:
        raise click.ClickException(
            f"{username} is not a demo account of this database: its codes come only from "
            "its owner's authenticator app"
        )
    click.echo(current_code(device))


# Managing accounts (``accounts.manage``): each change is written to the access log with
# no user and ``cli:`` before its detail, since the command line signs in as nobody.
date_type = click.DateTime(["%Y-%m-%d"])
ROLES = ", ".join(role.value for role in Role)
reason_option = click.option("--reason", default="", help="Why (written to the access log).")
window_from_option = click.option(
    "--window-from", type=date_type, default=None,
    help="An inspector's inspection window: its first day, YYYY-MM-DD.",
)  # fmt: skip
swe_option = click.option(
    "--swe-number", default=None,
    help="A social worker's Social Work England number: SW and digits (blank to remove).",
)  # fmt: skip
window_to_option = click.option(
    "--window-to", type=date_type, default=None,
    help="An inspector's inspection window: its last day, YYYY-MM-DD.",
)  # fmt: skip


def _ready(db: str | None) -> None:
    """The database, refused while a migration is not applied (``oversight migrate``)."""
    use_database(db)
    from oversight.cli.check import unapplied_migrations

    if waiting := unapplied_migrations():
        raise click.ClickException(
            f"the database has {len(waiting)} migrations not applied: run `oversight migrate` first"
        )


def _refused(action: Callable[[], T]) -> T:
    """Run a change; a refusal becomes the command's error (exit status 1)."""
    from oversight.accounts.manage import AccountRefused

    try:
        return action()
    except AccountRefused as refused:
        raise click.ClickException(refused.message) from None


def _user(username: str) -> User:
    from oversight.accounts.models import User

    found = User.objects.filter(username=username).first()
    if found is None:
        raise click.ClickException(
            f"there is no user called {username!r}: `oversight users list` lists them"
        )
    return found


def _window(start: datetime | None, end: datetime | None) -> tuple[date, date] | None:
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise click.UsageError("give both --window-from and --window-to")
    return start.date(), end.date()


@main.group(name="users")
def users_group() -> None:
    """Users' accounts: list, add, change what someone does, new password, end an account."""


@users_group.command(name="list")
@click.option("--all", "everyone", is_flag=True, help="Ended accounts too.")
@db_option
def list_users(everyone: bool, db: str | None) -> None:
    """List the users, by username: role, team or service, and whether the account has ended."""
    _ready(db)
    from oversight.accounts.models import User

    people = User.objects.select_related("team", "service").order_by("username")
    for person in people if everyone else people.filter(is_active=True):
        place = person.team or person.service or ""
        ended = f"  ended {person.left_on or ''}".rstrip() if not person.is_active else ""
        click.echo(f"{person.username:<20} {person.role_enum.label:<28} {str(place):<24} "
                   f"{person.display_name}{ended}".rstrip())  # fmt: skip


@users_group.command(name="add")
@click.argument("username")
@click.option("--role", required=True, help=f"Their role: {ROLES}.")
@click.option("--team", default=None, help="Their team: for practitioners, team managers, IROs.")
@click.option("--service", default=None, help="Their service: for service managers.")
@click.option("--first-name", default="", help="First name.")
@click.option("--last-name", default="", help="Last name.")
@click.option("--email", default="", help="Email address.")
@swe_option
@window_from_option
@window_to_option
@reason_option
@db_option
def add_user_command(
    username: str, role: str, team: str | None, service: str | None, first_name: str,
    last_name: str, email: str, swe_number: str | None, window_from: datetime | None,
    window_to: datetime | None, reason: str, db: str | None,
) -> None:  # fmt: skip
    """Add the user USERNAME and print their one-time password, once.

    Give the password to them in person or by a channel only they read; the first time
    they sign in with it they set up an authenticator app and choose their own password.
    """
    _ready(db)
    from oversight.accounts.manage import NewAccount, add_user

    account = NewAccount(username, _role(role), first_name, last_name, email, _team(team),
                         _service(service), _window(window_from, window_to),
                         swe_number or "")  # fmt: skip
    added = _refused(lambda: add_user(account, None, reason))
    click.echo(f"Added {added.user.username}: {added.user.role_enum.label}"
               f"{_place(added.user)}.")  # fmt: skip
    click.echo("Their one-time password (shown only now; when they first sign in with it "
               "they set up an authenticator app and choose their own password):")  # fmt: skip
    click.echo(added.password)


@users_group.command(name="change")
@click.argument("username")
@click.option("--role", default=None, help=f"Their new role: {ROLES}.")
@click.option("--team", default=None, help="Their new team.")
@click.option("--service", default=None, help="Their new service (service managers).")
@swe_option
@window_from_option
@window_to_option
@reason_option
@db_option
def change_user_command(
    username: str, role: str | None, team: str | None, service: str | None,
    swe_number: str | None, window_from: datetime | None, window_to: datetime | None,
    reason: str, db: str | None,
) -> None:  # fmt: skip
    """Change the role, team, service or SWE number of USERNAME (what is left out is kept
    if it fits)."""
    _ready(db)
    from oversight.accounts.manage import change_user

    person = _user(username)
    changed = _refused(lambda: change_user(
        person, None, role=_role(role) if role else None, team=_team(team),
        service=_service(service), inspection_window=_window(window_from, window_to),
        swe_number=swe_number, reason=reason,
    ))  # fmt: skip
    click.echo(f"Changed {person.username}: {'; '.join(changed)}.")


@users_group.command(name="new-password")
@click.argument("username")
@click.option("--reason", required=True, help="Why (at least 10 characters; access-logged).")
@db_option
def new_password_command(username: str, reason: str, db: str | None) -> None:
    """Give USERNAME, who has forgotten their password, a new one-time password; print it once.

    Every session of theirs ends. They sign in with it and a code from their authenticator
    app, then choose their own password.
    """
    _ready(db)
    from oversight.accounts.manage import new_one_time_password

    person = _user(username)
    password = _refused(lambda: new_one_time_password(person, None, reason))
    click.echo(f"New one-time password for {person.username} (shown only now; they choose "
               "their own when they next sign in with it):")  # fmt: skip
    click.echo(password)


@users_group.command(name="end")
@click.argument("username")
@click.option("--reason", required=True, help="Why (at least 10 characters; access-logged).")
@db_option
def end_user_command(username: str, reason: str, db: str | None) -> None:
    """End the account of USERNAME: they can no longer sign in, and every session ends.

    The user is kept (their name is on records), inactive, with today as the day they left.
    """
    _ready(db)
    from oversight.accounts.manage import end_account

    person = _user(username)
    sessions = _refused(lambda: end_account(person, None, reason))
    click.echo(f"Ended the account of {person.username} ({sessions} sessions ended).")


@main.group(name="teams")
def teams_group() -> None:
    """The teams users work in, each in a service."""


@teams_group.command(name="list")
@db_option
def list_teams(db: str | None) -> None:
    """List the teams, with their service and how many active users each has."""
    _ready(db)
    from django.db.models import Count, Q

    from oversight.accounts.models import Team

    teams = Team.objects.select_related("service").annotate(
        active=Count("members", filter=Q(members__is_active=True))
    )
    for team in teams:
        click.echo(f"{team.name:<32} {team.service.name:<24} {team.active} users")


@teams_group.command(name="add")
@click.argument("name")
@click.option("--service", required=True, help="The service the team is in.")
@db_option
def add_team_command(name: str, service: str, db: str | None) -> None:
    """Add the team NAME to a service (add a new service first: `oversight services add`)."""
    _ready(db)
    from oversight.accounts.manage import add_team

    team = _refused(lambda: add_team(name, _service(service), None))
    click.echo(f"Added the team {team.name} in {team.service.name}.")


@main.group(name="services")
def services_group() -> None:
    """The service areas teams are in (front door, children in care, ...)."""


@services_group.command(name="list")
@db_option
def list_services(db: str | None) -> None:
    """List the services and their teams."""
    _ready(db)
    from oversight.accounts.models import Service

    for service in Service.objects.prefetch_related("teams").order_by("name"):
        teams = ", ".join(team.name for team in service.teams.all()) or "no teams yet"
        click.echo(f"{service.name:<24} {teams}")


@services_group.command(name="add")
@click.argument("name")
@db_option
def add_service_command(name: str, db: str | None) -> None:
    """Add the service NAME."""
    _ready(db)
    from oversight.accounts.manage import add_service

    service = _refused(lambda: add_service(name, None))
    click.echo(f"Added the service {service.name}.")


def _role(name: str) -> Role:
    from oversight.accounts.manage import role_named

    return _refused(lambda: role_named(name))


def _team(name: str | None) -> Team | None:
    from oversight.accounts.manage import team_named

    return _refused(lambda: team_named(name)) if name else None


def _service(name: str | None) -> Service | None:
    from oversight.accounts.manage import service_named

    return _refused(lambda: service_named(name)) if name else None


def _place(user: User) -> str:
    place = user.team or user.service
    return f" in {place}" if place else ""
