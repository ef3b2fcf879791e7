"""Running in production: the real server, and the two steps before it.

``oversight serve --production`` runs granian, a multi-process server, on the WSGI
application: several worker processes (a lost one is started again), each answering a
few requests at once in threads. Static files are the collected copies (``oversight
collectstatic``), served by WhiteNoise. The production server does not migrate: with
several servers starting at once that would race; an upgrade runs ``oversight migrate``
once, and the server refuses to start until it has.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from oversight.cli.base import database_label, db_option, main, use_database

THREADS = int(os.environ.get("OVERSIGHT_WEB_THREADS", "4"))
# Open connections each process takes (granian's backpressure). granian counts a kept-alive
# connection even while it carries nothing, so a limit near THREADS left the next browser
# with no answer for as long as the others kept using theirs; THREADS bounds the work.
CONNECTIONS = 512


def production_settings() -> None:
    """Serve the collected static files, as production does, unless told otherwise."""
    os.environ.setdefault("OVERSIGHT_STATIC_COLLECTED", "true")


def default_workers() -> int:
    return max(2, min(os.cpu_count() or 2, 8))


def serve_production(db: str | None, host: str, port: int, workers: int | None) -> None:
    """Run granian with ``workers`` processes; refuse to start on an unready set-up."""
    production_settings()
    use_database(db)
    _refuse_unready()
    from django.db import connections
    from granian import Granian
    from granian.constants import Interfaces

    count = workers or default_workers()
    click.echo(f"Serving the {database_label()} on http://{host}:{port}/ with {count} "
               f"processes of {THREADS} threads (Ctrl+C to stop).")  # fmt: skip
    connections.close_all()  # the server's processes open their own
    Granian(
        "oversight.config.wsgi:application", address=host, port=port,
        interface=Interfaces.WSGI, workers=count, blocking_threads=THREADS,
        backpressure=CONNECTIONS, respawn_failed_workers=True, respawn_interval=1.0,
        workers_kill_timeout=30, log_access=True, websockets=False,
    ).serve()  # fmt: skip


def _refuse_unready() -> None:
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from oversight.cli.check import static_files_missing, unapplied_migrations

    try:
        call_command("check")
    except SystemCheckError as error:
        raise click.ClickException(str(error)) from None
    if waiting := unapplied_migrations():
        raise click.ClickException(
            f"{len(waiting)} database migrations are not applied ({', '.join(waiting[:3])}"
            f"{', ...' if len(waiting) > 3 else ''}): run `oversight migrate` first."
        )
    if missing := static_files_missing():
        raise click.ClickException(
            f"{missing[0]}: run `oversight collectstatic` first (static files are served "
            "from their collected copies in production)."
        )


@main.command(name="migrate")
@db_option
def migrate_command(db: str | None) -> None:
    """Apply the database migrations (once per upgrade, before starting the servers)."""
    use_database(db)
    from django.core.management import call_command

    from oversight.cli.check import unapplied_migrations

    waiting = unapplied_migrations()
    call_command("migrate", verbosity=0, interactive=False)
    click.echo(f"Applied {len(waiting)} migrations to the {database_label()}."
               if waiting else f"The {database_label()} is up to date.")  # fmt: skip


@main.command(name="collectstatic")
def collectstatic_command() -> None:
    """Copy the static files into OVERSIGHT_STATIC_ROOT, compressed, with hashed names."""
    production_settings()
    use_database(None)
    from django.conf import settings
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    files = sum(1 for path in Path(settings.STATIC_ROOT).rglob("*") if path.is_file())
    click.echo(f"Collected the static files into {settings.STATIC_ROOT} ({files:,} files).")
