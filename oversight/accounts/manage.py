"""Managing accounts: adding users, changing their role, team or service, giving them a new
one-time password, ending them; and adding the services and teams they work in.

The web pages for administrators and the ``oversight users``, ``teams`` and ``services``
commands both change accounts here. Each change is written to the access log, by the
administrator who made it, or with no user and ``cli:`` before the detail when it came
from the command line (``by=None``). A refusal is an ``AccountRefused`` saying what is
wrong and what to do, and naming the field it is about.

A social worker may have a Social Work England number ("SW" and digits, unique), which
the SSDA903 return gives as the child's social worker's id.

Where someone works follows from their role: practitioners, team managers and IROs work in
a team (and so in its service), a service manager in a service, and every other role in
neither. Accounts are never deleted, because their names are on records: an account that
ends is made inactive, with the day it ended, and every session of it ends at once. A
one-time password, for a new user or one who has forgotten theirs, is known to the
administrator who gave it, so its user must choose their own at their next sign-in
(``accounts.passwords``).
"""

import re
import secrets
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from oversight.accounts.access_log import append
from oversight.accounts.models import Service, Team, User
from oversight.accounts.resets import REASON_AT_LEAST
from oversight.accounts.roles import Role
from oversight.accounts.sessions import end_every_session

ADD_USER = "add-user"
CHANGE_USER = "change-user"
END_ACCOUNT = "end-account"
NEW_ONE_TIME_PASSWORD = "new-one-time-password"
ADD_SERVICE = "add-service"
ADD_TEAM = "add-team"

IN_A_TEAM = frozenset({Role.PRACTITIONER, Role.TEAM_MANAGER, Role.IRO})
IN_A_SERVICE = frozenset({Role.SERVICE_MANAGER})
# Letters and digits that cannot be mistaken for one another when read out or copied.
PASSWORD_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
PASSWORD_GROUPS, GROUP_LENGTH = 4, 4
NAME_LIMIT = 100
SWE_NUMBER = re.compile(r"SW\d{1,10}")


class AccountRefused(ValueError):
    """A change that breaks a rule: ``message`` says what to do, ``field`` what it is about."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclass(frozen=True)
class NewAccount:
    """Who a new user is and what they do; ``team`` or ``service`` as their role needs."""

    username: str
    role: Role
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    team: Team | None = None
    service: Service | None = None
    inspection_window: tuple[date, date] | None = None
    swe_number: str = ""


@dataclass(frozen=True)
class Added:
    """A user and their new one-time password, to be shown once and never kept."""

    user: User
    password: str


def role_named(text: str) -> Role:
    """The role called ``text`` (its value, ``team_manager``, or its label, "Team manager")."""
    wanted = text.strip().lower()
    for role in Role:
        if wanted in (role.value, role.value.replace("_", " "), role.label.lower()):
            return role
    valid = ", ".join(r.value for r in Role)
    raise AccountRefused("role", f"There is no role called {text!r}: choose one of {valid}")


def team_named(name: str) -> Team:
    found = Team.objects.filter(name__iexact=name.strip()).first()
    if found is None:
        teams = ", ".join(Team.objects.values_list("name", flat=True)) or "none yet"
        raise AccountRefused("team", f"There is no team called {name!r}. The teams: {teams}")
    return found


def service_named(name: str) -> Service:
    found = Service.objects.filter(name__iexact=name.strip()).first()
    if found is None:
        names = ", ".join(Service.objects.order_by("name").values_list("name", flat=True))
        raise AccountRefused(
            "service", f"There is no service called {name!r}. The services: {names or 'none yet'}"
        )
    return found


def checked_swe_number(text: str, user: User | None = None) -> str:
    """A Social Work England number as kept ("sw 123456" is SW123456), or blank for none."""
    number = "".join(text.split()).upper()
    if number and not SWE_NUMBER.fullmatch(number):
        raise AccountRefused(
            "swe_number",
            f"{text.strip()!r} is not a Social Work England number: enter SW and its digits, "
            "like SW123456, or leave it blank",
        )
    holder = User.objects.filter(swe_number=number).exclude(pk=user.pk if user else None)
    if number and (found := holder.first()) is not None:
        raise AccountRefused(
            "swe_number", f"{found.username} already has the Social Work England number "
            f"{number}: check the number",
        )  # fmt: skip
    return number


def one_time_password(user: User) -> str:
    """A random password that Django's password validators accept for ``user``."""
    while True:
        characters = "".join(
            secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUPS * GROUP_LENGTH)
        )
        password = "-".join(
            characters[i : i + GROUP_LENGTH] for i in range(0, len(characters), GROUP_LENGTH)
        )
        try:
            validate_password(password, user)
        except ValidationError:  # vanishingly rare: like the username, say
            continue
        return password


def where_they_work(
    role: Role, team: Team | None, service: Service | None
) -> tuple[Team | None, Service | None]:
    """The team and service a user with ``role`` has, or the refusal saying what is missing."""
    label = role.label
    if role in IN_A_TEAM:
        if team is None:
            raise AccountRefused(
                "team", f"A user with the role {label} works in a team: choose their team"
            )
        if service is not None and service != team.service:
            raise AccountRefused(
                "service",
                f"{team.name} is in {team.service.name}, not "
                f"{service.name}: leave the service out, it is the team's",
            )
        return team, team.service
    if role in IN_A_SERVICE:
        if service is None:
            raise AccountRefused(
                "service", f"A user with the role {label} manages a service: choose their service"
            )
        if team is not None:
            raise AccountRefused(
                "team",
                f"A user with the role {label} manages a whole service, not one team: "
                "leave the team out",
            )
        return None, service
    if team is not None or service is not None:
        field = "team" if team is not None else "service"
        raise AccountRefused(
            field,
            f"A user with the role {label} is in no team or service: "
            "leave the team and service out",
        )
    return None, None


def _check_window(role: Role, window: tuple[date, date] | None) -> None:
    if window is None:
        return
    if role != Role.INSPECTOR:
        raise AccountRefused(
            "inspection_window", "Only an inspector has an inspection window: leave it out"
        )
    if window[0] > window[1]:
        raise AccountRefused(
            "inspection_window", "The inspection window must end on or after the day it starts"
        )


def _check_new(account: NewAccount) -> None:
    username = account.username.strip()
    if not username:
        raise AccountRefused("username", "Enter a username")
    try:
        User.username_validator(username)
    except ValidationError:
        raise AccountRefused(
            "username", "A username may contain only letters, digits and @ . + - _ (no spaces)"
        ) from None
    if User.objects.filter(username__iexact=username).exists():
        raise AccountRefused(
            "username", f"There is already a user called {username}: choose another username"
        )
    if account.email:
        try:
            validate_email(account.email)
        except ValidationError:
            raise AccountRefused(
                "email",
                f"{account.email!r} is not an email address: enter one like name@example.gov.uk",
            ) from None
    _check_window(account.role, account.inspection_window)
    checked_swe_number(account.swe_number)


def _where(user: User) -> str:
    place = user.team or user.service
    return f" in {place.name}" if place else ""


def _log(
    by: User | None, action: str, detail: str, reason: str = "", address: str | None = None
) -> None:
    """One access-log entry; from the command line (``by`` None) the detail says so."""
    append(
        by,
        action,
        detail=detail if by else f"cli: {detail}",
        reason=reason.strip(),
        address=address,
    )


@transaction.atomic
def add_user(
    account: NewAccount, by: User | None, reason: str = "", address: str | None = None
) -> Added:
    """Add a user with a one-time password; at first sign-in they set up an authenticator
    and choose their own password."""
    _check_new(account)
    team, service = where_they_work(account.role, account.team, account.service)
    window = account.inspection_window or (None, None)
    user = User(
        username=account.username.strip(),
        role=account.role,
        team=team,
        service=service,
        first_name=account.first_name.strip(),
        last_name=account.last_name.strip(),
        email=account.email.strip(),
        inspection_window_start=window[0],
        inspection_window_end=window[1],
        swe_number=checked_swe_number(account.swe_number),
        must_change_password=True,
    )
    password = one_time_password(user)
    user.set_password(password)
    user.save()
    _log(
        by,
        ADD_USER,
        f"added {user.username} (user {user.pk}): {account.role.label}{_where(user)}",
        reason,
        address,
    )
    return Added(user, password)


def _keep_an_administrator(user: User, what: str) -> None:
    """Refuse to leave the installation with no active administrator."""
    others = User.objects.filter(role=Role.ADMINISTRATOR, is_active=True).exclude(pk=user.pk)
    if user.role == Role.ADMINISTRATOR and not others.exists():
        raise AccountRefused(
            "role",
            f"{user.username} is the only administrator, so you cannot "
            f"{what}: add another administrator first",
        )


Window = tuple[date | None, date | None]


def _window_words(window: Window) -> str:
    return f"{window[0]} to {window[1]}" if window[0] else "none"


def _changes(user: User, role: Role, team: Team | None, service: Service | None,
             window: Window, swe_number: str) -> list[str]:  # fmt: skip
    old_window = (user.inspection_window_start, user.inspection_window_end)
    pairs = [
        ("role", user.role_enum.label, role.label),
        ("team", user.team or "none", team or "none"),
        ("service", user.service or "none", service or "none"),
        ("inspection window", _window_words(old_window), _window_words(window)),
        ("SWE number", user.swe_number or "none", swe_number or "none"),
    ]
    return [f"{name} {before} to {after}" for name, before, after in pairs if before != after]


def _check_change(user: User, by: User | None, role: Role) -> None:
    if not user.is_active:
        raise AccountRefused(
            "role", f"{user.username}'s account has ended: add a new account if they come back"
        )
    if role != user.role_enum:
        if by is not None and by.pk == user.pk:
            raise AccountRefused(
                "role", "You cannot change your own role: ask another administrator"
            )
        _keep_an_administrator(user, "change their role")


def _kept(
    user: User, role: Role, team: Team | None, service: Service | None
) -> tuple[Team | None, Service | None]:
    """The team and service given, or when neither is, those the user has that ``role`` needs."""
    if team is not None or service is not None:
        return team, service
    return (user.team if role in IN_A_TEAM else None,
            user.service if role in IN_A_SERVICE else None)  # fmt: skip


def _new_window(user: User, role: Role, given: tuple[date, date] | None) -> Window:
    _check_window(role, given)
    if role != Role.INSPECTOR:  # a window means nothing for any other role
        return (None, None)
    return given or (user.inspection_window_start, user.inspection_window_end)


@transaction.atomic
def change_user(
    user: User,
    by: User | None,
    *,
    role: Role | None = None,
    team: Team | None = None,
    service: Service | None = None,
    inspection_window: tuple[date, date] | None = None,
    swe_number: str | None = None,
    reason: str = "",
    address: str | None = None,
) -> list[str]:
    """Change what ``user`` does; what changed, in words.

    A team or service left out is kept when the new role still needs it, and dropped when
    it no longer does; a user who stays in a team keeps its service. A SWE number left out
    (None) is kept; a blank one removes it.
    """
    new_role = role or user.role_enum
    _check_change(user, by, new_role)
    team, service = where_they_work(new_role, *_kept(user, new_role, team, service))
    window = _new_window(user, new_role, inspection_window)
    number = user.swe_number if swe_number is None else checked_swe_number(swe_number, user)
    changed = _changes(user, new_role, team, service, window, number)
    if not changed:
        raise AccountRefused(
            "role",
            f"Nothing to change: {user.username} already has the role "
            f"{new_role.label}{_where(user)}",
        )
    user.role, user.team, user.service = new_role, team, service
    user.inspection_window_start, user.inspection_window_end = window
    user.swe_number = number
    user.save(update_fields=["role", "team", "service", "inspection_window_start",
                             "inspection_window_end", "swe_number"])  # fmt: skip
    _log(
        by,
        CHANGE_USER,
        f"changed {user.username} (user {user.pk}): {'; '.join(changed)}",
        reason,
        address,
    )
    return changed


@transaction.atomic
def end_account(user: User, by: User | None, reason: str, address: str | None = None) -> int:
    """End ``user``'s account today and every session of it; how many sessions ended.

    The user stays, inactive, because their name is on records; they can no longer sign in.
    """
    if not user.is_active:
        ended = f" on {user.left_on:%-d %B %Y}" if user.left_on else ""
        raise AccountRefused("reason", f"{user.username}'s account has already ended{ended}")
    if by is not None and by.pk == user.pk:
        raise AccountRefused("reason", "You cannot end your own account: ask another administrator")
    _keep_an_administrator(user, "end their account")
    if len(reason.strip()) < REASON_AT_LEAST:
        raise AccountRefused("reason", f"Enter a reason of at least {REASON_AT_LEAST} characters")
    user.is_active, user.left_on = False, timezone.localdate()
    user.save(update_fields=["is_active", "left_on"])
    sessions = end_every_session(user.pk)
    _log(
        by,
        END_ACCOUNT,
        f"ended {user.username} (user {user.pk}): {sessions} sessions ended",
        reason,
        address,
    )
    return sessions


def _check_new_password(user: User, by: User | None, reason: str) -> None:
    if not user.is_active:
        raise AccountRefused("reason", f"{user.username}'s account has ended: it has no password")
    if by is not None and by.pk == user.pk:
        raise AccountRefused(
            "reason", "You cannot give yourself a one-time password: change your password instead"
        )
    if len(reason.strip()) < REASON_AT_LEAST:
        raise AccountRefused("reason", f"Enter a reason of at least {REASON_AT_LEAST} characters")


@transaction.atomic
def new_one_time_password(
    user: User, by: User | None, reason: str, address: str | None = None
) -> str:
    """Give ``user``, who has forgotten their password, a one-time password in its place.

    Every session of theirs ends, and they must choose their own password at their next
    sign-in. The password is returned to be shown once, and never kept.
    """
    _check_new_password(user, by, reason)
    password = one_time_password(user)
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    sessions = end_every_session(user.pk)
    _log(
        by,
        NEW_ONE_TIME_PASSWORD,
        f"new one-time password for {user.username} (user {user.pk}): {sessions} sessions ended",
        reason,
        address,
    )
    return password


def _check_name(kind: str, name: str, taken: bool) -> str:
    name = name.strip()
    if not name:
        raise AccountRefused("name", f"Enter the {kind}'s name")
    if len(name) > NAME_LIMIT:
        raise AccountRefused("name", f"Enter a {kind} name of {NAME_LIMIT} characters or fewer")
    if taken:
        raise AccountRefused(
            "name", f"There is already a {kind} called {name}: choose another name"
        )
    return name


@transaction.atomic
def add_service(name: str, by: User | None, address: str | None = None) -> Service:
    taken = Service.objects.filter(name__iexact=name.strip()).exists()
    service = Service.objects.create(name=_check_name("service", name, taken))
    _log(by, ADD_SERVICE, f"added service {service.name} ({service.pk})", address=address)
    return service


@transaction.atomic
def add_team(name: str, service: Service, by: User | None, address: str | None = None) -> Team:
    taken = Team.objects.filter(name__iexact=name.strip()).exists()
    team = Team.objects.create(name=_check_name("team", name, taken), service=service)
    _log(by, ADD_TEAM, f"added team {team.name} ({team.pk}) in {service.name}", address=address)
    return team
