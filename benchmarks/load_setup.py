"""The load test's database and accounts: a separate PostgreSQL database on this machine.

``prepare_database`` makes the database (``oversight_load`` by default; never ``test``,
which the test suite uses), migrates it, generates the synthetic LA into it once and
brings the indicators up to date. ``sign_ins`` gives synthetic staff a password and an
authenticator with a new key on every run, and names the children each practitioner
may visit, for ``benchmarks.load_journeys``.
"""

import math
import os
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# Users of each kind in a run, as locust shares them out (the weights in load_journeys).
WEIGHTS = {"practitioner": 12, "team_manager": 5, "leader": 3}
VISIT_FOR_PLAN = {"cp": "cp", "cin": "cin", "care": "cla", "pathway": "pa"}
VISITS_EACH = 40  # children on each practitioner's list to visit, in turn


class Refused(Exception):
    """The database asked for is not one the load test may use."""


def checked_url(url: str) -> str:
    """The database URL, if it is PostgreSQL on this machine and not the test database."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if parts.scheme not in ("postgres", "postgresql"):
        raise Refused("the load test runs on PostgreSQL: give a postgres:// URL")
    if parts.hostname not in LOOPBACK:
        raise Refused("the load test stays on this machine: the database must be on 127.0.0.1")
    if name in ("", "test", "postgres", "template0", "template1"):
        raise Refused(f"the database {name or '(none)'} is not for load tests: use oversight_load")
    return url


def _maintenance(url: str) -> tuple[str, str]:
    """The URL of the server's ``postgres`` database, and the name of the one asked for."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres")), parts.path.lstrip("/")


def ensure_database(url: str, fresh: bool) -> None:
    """Create the database if missing (dropped first with ``fresh``)."""
    import psycopg
    from psycopg import sql

    server, name = _maintenance(url)
    with psycopg.connect(server, autocommit=True) as db:
        if fresh:
            db.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        found = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not found:
            db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def use(url: str, snapshot: str) -> None:
    """Point Django at the load database (and its indicator snapshot), then set it up."""
    os.environ["DATABASE_URL"] = url
    os.environ["OVERSIGHT_SNAPSHOT"] = snapshot
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.config.settings")
    import django

    django.setup()


def prepare_database(size: str, say) -> None:  # noqa: ANN001 - print-like
    """Migrate; generate the LA when the database has none; refresh stale indicators."""
    from django.core.management import call_command

    from oversight.casework.models import Child
    from oversight.performance.refresh import refresh_if_behind
    from oversight.synth import PROBLEMS, generate

    call_command("migrate", verbosity=0, interactive=False)
    if not Child.objects.exists():
        say(f"Generating the {size} synthetic LA (all practice problems on)...")
        report = generate(size=size, seed=1, problems=tuple(PROBLEMS))
        say(f"  {report.events:,} records in {report.seconds:.1f} s")
    _analyze()
    say("Bringing the indicators up to date for the dashboard...")
    run = refresh_if_behind()
    say(f"  refreshed in {run.seconds:.1f} s" if run else "  already up to date")


def _analyze() -> None:
    """Fresh planner statistics, as autovacuum keeps them in production (a development
    server may run without it, and the last run added visits and access-log entries)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@dataclass(frozen=True)
class DataSize:
    children: int
    records: int
    open_deadlines: int
    staff: int
    access_log: int
    visits: int

    def words(self) -> str:
        return (
            f"{self.children:,} children with records, {self.records:,} journey records "
            f"({self.visits:,} visits), {self.open_deadlines:,} open deadlines, "
            f"{self.staff:,} staff accounts, {self.access_log:,} access-log entries"
        )


def data_size() -> DataSize:
    from django.apps import apps

    from oversight.accounts.models import AccessEvent, User
    from oversight.casework.models import Child, Deadline, Visit

    casework = apps.get_app_config("casework").get_models()
    records = sum(model.objects.count() for model in casework if model is not Deadline)
    return DataSize(
        children=Child.objects.count(),
        records=records,
        open_deadlines=Deadline.objects.filter(met_on__isnull=True, lapsed_on__isnull=True).count(),
        staff=User.objects.count(),
        access_log=AccessEvent.objects.count(),
        visits=Visit.objects.count(),
    )


def accounts_needed(users: int) -> dict[str, int]:
    """How many accounts of each kind ``users`` locust users take, with one to spare."""
    total = sum(WEIGHTS.values())
    return {kind: math.ceil(users * weight / total) + 1 for kind, weight in WEIGHTS.items()}


def sign_ins(users: int) -> dict[str, list[dict]]:
    """Accounts for a run: each with a new password and authenticator key."""
    needed = accounts_needed(users)
    practitioners = _busiest_practitioners(needed["practitioner"])
    teams = {worker.team_id for worker in practitioners}
    return {
        "practitioner": [_sign_in(w) | {"visits": _visits(w)} for w in practitioners],
        "team_manager": [_sign_in(m) for m in _team_managers(teams, needed["team_manager"])],
        "leader": [_sign_in(leader) for leader in _leaders(needed["leader"])],
    }


def _sign_in(user) -> dict:  # noqa: ANN001 - a User
    """A new password and a confirmed authenticator with a new random key."""
    from axes.utils import reset
    from django_otp.plugins.otp_totp.models import TOTPDevice

    password = secrets.token_urlsafe(16)
    user.set_password(password)
    user.is_active = True
    user.save()
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="Load test", confirmed=True)
    reset(username=user.username)  # no lockout left over from an earlier run
    return {"username": user.username, "password": password, "key": device.key}


def _busiest_practitioners(count: int) -> list:
    """The practitioners with the most children on an open plan allocated to them."""
    from django.db.models import Count

    from oversight.accounts.models import User
    from oversight.accounts.roles import Role

    ranked = (
        User.objects.filter(role=Role.PRACTITIONER, team__isnull=False, is_active=True)
        .filter(allocations__end_on__isnull=True, allocations__child__plans__end_on__isnull=True)
        .annotate(children=Count("allocations__child", distinct=True))
        .order_by("-children", "pk")
    )
    return list(ranked[:count])


def _visits(worker) -> list[tuple[int, str]]:  # noqa: ANN001 - a User
    """Children on the worker's caseload with an open plan, and the kind of visit it needs."""
    from oversight.casework.models import Plan

    plans = (
        Plan.objects.filter(
            end_on__isnull=True, child__restricted=False,
            child__allocations__end_on__isnull=True, child__allocations__worker=worker,
        )
        .order_by("child_id", "-start_on")
        .values_list("child_id", "kind")
    )  # fmt: skip
    first = dict(reversed(list(plans)))  # one plan a child: the latest started
    return [(child, VISIT_FOR_PLAN[kind]) for child, kind in first.items()][:VISITS_EACH]


def _team_managers(teams: set[int], count: int) -> list:
    """Managers of the practitioners' teams first, so they see the visits land."""
    from oversight.accounts.models import User
    from oversight.accounts.roles import Role

    managers = User.objects.filter(role=Role.TEAM_MANAGER, team__isnull=False)
    ordered = sorted(managers, key=lambda m: (m.team_id not in teams, m.pk))
    return ordered[:count]


def _leaders(count: int) -> list:
    """Service managers, then directors made for the load test when more are needed."""
    from oversight.accounts.models import User
    from oversight.accounts.roles import Role

    found = list(User.objects.filter(role=Role.SERVICE_MANAGER).order_by("pk")[:count])
    for n in range(1, count - len(found) + 1):
        director, _ = User.objects.get_or_create(
            username=f"load-director-{n}",
            defaults={"role": Role.SENIOR_LEADER, "last_name": f"Director {n}"},
        )
        found.append(director)
    return found
