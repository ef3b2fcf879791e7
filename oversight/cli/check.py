"""``oversight check``: is this installation ready for production? Each finding in words.

It reads the same environment as the production server (``serve --production``) and
reports, one line each: Django's deployment checks, the secret key, the database (which,
reachable, migrated), the static files (collected, and complete), the tasks backend, and
the workers (running, and how long the queue has waited). Exit status 1 when anything
must be put right; warnings alone leave it 0.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from pathlib import Path

import click

from oversight.cli.base import db_option, main, use_database
from oversight.cli.production import production_settings

MIN_KEY_LENGTH = 50


class Verdict(Enum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "PROBLEM"


@dataclass(frozen=True)
class Finding:
    verdict: Verdict
    topic: str
    words: str

    def __str__(self) -> str:
        return f"{self.verdict.value:<8} {self.topic}: {self.words}"


def ok(topic: str, words: str) -> Finding:
    return Finding(Verdict.OK, topic, words)


def warning(topic: str, words: str) -> Finding:
    return Finding(Verdict.WARNING, topic, words)


def problem(topic: str, words: str) -> Finding:
    return Finding(Verdict.PROBLEM, topic, words)


@main.command(name="check")
@db_option
def check_command(db: str | None) -> None:
    """Report what stands between this installation and production, in words."""
    production_settings()
    use_database(db)
    findings = list(every_finding())
    for finding in findings:
        click.echo(str(finding))
    problems = sum(f.verdict is Verdict.PROBLEM for f in findings)
    click.echo(f"{problems} problems." if problems else "Ready for production.")
    raise SystemExit(1 if problems else 0)


def every_finding() -> Iterator[Finding]:
    yield from deployment_checks()
    yield secret_key()
    yield from static_files()
    yield tasks_backend()
    reachable = database()
    yield reachable
    if reachable.verdict is Verdict.PROBLEM:
        return
    yield migrations()
    yield from task_workers()


def deployment_checks() -> Iterator[Finding]:
    """Django's ``check --deploy``, each message with its hint."""
    from django.core import checks

    messages = checks.run_checks(include_deployment_checks=True)
    shown = [m for m in messages if m.level >= checks.WARNING and m.id != "oversight.E001"]
    for message in shown:
        hint = f" ({message.hint})" if message.hint else ""
        yield problem(f"Django check {message.id}", f"{message.msg}{hint}")
    if not shown:
        yield ok("Django checks", "the deployment checks pass")


def secret_key() -> Finding:
    from django.conf import settings

    from oversight.config.checks import DEMO_SECRET_KEY

    if settings.SECRET_KEY == DEMO_SECRET_KEY:
        return problem("secret key", "OVERSIGHT_SECRET_KEY is not set: the demo key, which is "
                       "public, signs the sessions. Set it to a long random value.")  # fmt: skip
    if len(settings.SECRET_KEY) < MIN_KEY_LENGTH:
        return problem("secret key", f"OVERSIGHT_SECRET_KEY is {len(settings.SECRET_KEY)} "
                       f"characters; use at least {MIN_KEY_LENGTH} random ones.")  # fmt: skip
    return ok("secret key", "set, and long enough")


def database() -> Finding:
    from django.db import DatabaseError, connection

    from oversight.cli.base import database_label

    try:
        connection.ensure_connection()
    except DatabaseError as error:
        return problem("database", f"cannot reach the {database_label()}: {error}".strip())
    if connection.vendor == "sqlite":
        return warning("database", f"the {database_label()} is reachable; SQLite serves one "
                       "machine: production uses PostgreSQL (set DATABASE_URL)")  # fmt: skip
    return ok("database", f"the {database_label()} is reachable")


def unapplied_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def migrations() -> Finding:
    waiting = unapplied_migrations()
    if not waiting:
        return ok("migrations", "every migration is applied")
    named = ", ".join(waiting[:3]) + (", ..." if len(waiting) > 3 else "")
    return problem("migrations", f"{len(waiting)} not applied ({named}): run `oversight migrate`")


def static_files_missing() -> list[str]:
    """What is wrong with the collected static files, if anything (first the worst)."""
    from django.conf import settings

    if not settings.OVERSIGHT_STATIC_COLLECTED:
        return []  # served straight from the code: nothing to collect
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.is_file():
        return [f"the static files have not been collected into {settings.STATIC_ROOT}"]
    collected = manifest.read_text()
    missing = [name for name in _static_names() if f'"{name}"' not in collected]
    return [f"{len(missing)} static files are not collected (e.g. {missing[0]})"] if missing else []


def _static_names() -> Iterator[str]:
    from django.contrib.staticfiles import finders

    for finder in finders.get_finders():
        for path, _ in finder.list([]):
            yield Path(path).as_posix()


def static_files() -> Iterator[Finding]:
    from django.conf import settings

    if not settings.OVERSIGHT_STATIC_COLLECTED:
        yield problem("static files", "OVERSIGHT_STATIC_COLLECTED is false: they are served "
                      "from the code, uncompressed and never cached")  # fmt: skip
    elif missing := static_files_missing():
        yield problem("static files", f"{missing[0]}: run `oversight collectstatic`")
    else:
        yield ok("static files", f"collected in {settings.STATIC_ROOT}")


def tasks_backend() -> Finding:
    from django.conf import settings

    if settings.OVERSIGHT_TASKS != "database":
        return problem("tasks", "OVERSIGHT_TASKS is immediate: imports and reports run inside "
                       "web requests. Set it to database and run `oversight worker`.")  # fmt: skip
    return ok("tasks", "queued in the database for the workers")


def task_workers() -> Iterator[Finding]:
    from django.conf import settings

    if settings.OVERSIGHT_TASKS != "database":
        return
    yield _workers_seen()
    yield _queue()


def _workers_seen() -> Finding:
    from django.utils import timezone

    from oversight.jobs.models import WorkerSeen
    from oversight.jobs.workers import alive_workers

    now = timezone.now()
    alive = alive_workers(now)
    if alive:
        where = ", ".join(
            f"{w.pid} on {w.host} (seen {_span(now - w.last_seen)} ago)" for w in alive
        )
        return ok("workers", f"{len(alive)} running: {where}")
    last = WorkerSeen.objects.first()
    since = f" (the last was seen {_span(now - last.last_seen)} ago)" if last else ""
    return problem(
        "workers",
        f"no worker is running{since}: queued imports and reports wait. Start "
        "`oversight worker` (deploy/oversight-worker@.service).",
    )


def _queue() -> Finding:
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready().order_by("enqueued_at")
    oldest = waiting.first()
    if oldest is None:
        return ok("task queue", "nothing waiting")
    count = waiting.count()
    wait = timezone.now() - oldest.enqueued_at
    verdict = warning if wait > timedelta(minutes=5) else ok
    return verdict("task queue", f"{count} waiting, the oldest for {_span(wait)}")


def _span(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    return f"{seconds} s" if seconds < 120 else f"{seconds // 60} min"
