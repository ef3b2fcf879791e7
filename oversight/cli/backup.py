"""Backup and restore: the whole database to one file and back, checked table by table.

SQLite uses its online backup API (a consistent copy while the server runs); PostgreSQL
uses ``pg_dump`` (custom format) and ``pg_restore`` in one transaction, so a restore that
fails part-way changes nothing. ``table_digests`` gives each table's row count and a
SHA-256 of its rows in order, so a round trip can be compared exactly.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

import click

from oversight.cli.base import database_label, db_option, main, use_database

Digests = dict[str, tuple[int, str]]


def table_digests() -> Digests:
    """Every table: (rows, SHA-256 of the rows ordered by every column)."""
    from django.db import connection

    found: Digests = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            columns = len(connection.introspection.get_table_description(cursor, table))
            order = ", ".join(str(n) for n in range(1, columns + 1))
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")  # noqa: S608 (names from introspection)
            digest, rows = hashlib.sha256(), 0
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
                rows += 1
            found[table] = (rows, digest.hexdigest())
    return found


def backup(target: Path) -> None:
    from django.db import connection

    target.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        return
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", _pg_name()])


def restore(source: Path) -> None:
    from django.db import connection

    if not source.is_file():
        raise click.ClickException(f"{source}: no such backup file")
    if connection.vendor == "sqlite":
        _check_sqlite_backup(source)
        connection.ensure_connection()
        with sqlite3.connect(source) as copy:
            copy.backup(connection.connection)
        return
    connection.close()  # pg_restore drops and recreates the tables
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
          f"--dbname={_pg_name()}", str(source)])  # fmt: skip
    # A dump holds no planner statistics: until they are gathered again PostgreSQL guesses
    # every table is small, and the worklists and dashboards plan badly.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _check_sqlite_backup(source: Path) -> None:
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as copy:
            ok = copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has = copy.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'django_migrations'"
            ).fetchone()
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{source}: not a SQLite backup ({error})") from None
    if not ok or not has:
        raise click.ClickException(f"{source}: not an Oversight backup, or damaged")


def _pg_name() -> str:
    from django.db import connection

    return str(connection.settings_dict["NAME"])


def _run(command: list[str]) -> None:
    from django.db import connection

    settings = connection.settings_dict
    env = os.environ | {
        "PGHOST": str(settings.get("HOST") or "localhost"),
        "PGPORT": str(settings.get("PORT") or 5432),
        "PGUSER": str(settings.get("USER") or ""),
        "PGPASSWORD": str(settings.get("PASSWORD") or ""),
    }
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise click.ClickException(f"{command[0]} failed: {done.stderr.strip()}")


@main.command(name="backup")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@db_option
def backup_command(target: Path, db: str | None) -> None:
    """Copy the whole database to TARGET (SQLite file, or a pg_dump custom archive)."""
    use_database(db)
    backup(target)
    rows = sum(n for n, _ in table_digests().values())
    click.echo(f"Backed up the {database_label()} to {target} ({rows:,} rows).")


@main.command(name="restore")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--yes", is_flag=True, help="Do not ask: replace the database.")
def restore_command(source: Path, db: str | None, yes: bool) -> None:
    """Replace the whole database with the backup SOURCE (all at once, or not at all)."""
    use_database(db)
    if not yes:
        click.confirm(f"Replace everything in the {database_label()} with {source}?", abort=True)
    restore(source)
    rows = sum(n for n, _ in table_digests().values())
    click.echo(f"Restored {source} into the {database_label()} ({rows:,} rows).")
