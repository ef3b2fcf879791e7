"""Crash testing: real worker and server processes, stopped inside a transaction to be killed.

    python -m oversight.jobs.testing --pause-at TABLE --mark FILE -- worker --db F ...

runs the real ``oversight`` command given after ``--``, with one difference: the first
time one of its processes inserts into TABLE inside a transaction, it writes FILE and
then waits there, the transaction open and its rows written but not committed. A test
(or ``benchmarks/crash.py``) waits for FILE and kills the process with SIGKILL, so the
kill lands mid-write, every time. The pause is skipped once FILE exists, so a process
started again the same way runs through. The server's processes are forked from the
command's, so they pause too.

``LiveDatabase`` is the database such processes share with the test: a SQLite file, or
the PostgreSQL test database when the suite runs on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

PAUSE_SECONDS = 600  # far longer than any test waits: the test kills it first
WAIT_SECONDS = 120  # how long ``wait_for`` waits before saying what never happened


def pause_inside_transaction(table: str, mark: Path) -> None:
    """From now on, every new database connection pauses at its first insert into ``table``
    inside a transaction, once per ``mark``: an INSERT, or a COPY (how rows are loaded in
    bulk on PostgreSQL, which does not pass through Django's statement wrappers)."""
    from django.db import connection as default
    from django.db.backends.signals import connection_created

    def pause() -> None:
        mark.write_text(f"{os.getpid()}\n")
        time.sleep(PAUSE_SECONDS)

    def pause_after(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        result = execute(sql, params, many, context)
        inserting = sql.lstrip().upper().startswith("INSERT") and table in sql.lower()
        if inserting and context["connection"].in_atomic_block and not mark.exists():
            pause()
        return result

    def on_connection(sender: object, connection: Any, **kwargs: object) -> None:
        connection.execute_wrappers.append(pause_after)

    connection_created.connect(on_connection, weak=False)

    with contextlib.suppress(ImportError):  # no PostgreSQL driver: nothing copies
        import psycopg

        copy = psycopg.Cursor.copy

        @contextlib.contextmanager
        def copy_then_pause(cursor: Any, statement: Any, *args: Any, **kwargs: Any) -> Any:
            with copy(cursor, statement, *args, **kwargs) as rows:
                yield rows
            said = str(statement)
            copying = said.lstrip().upper().startswith("COPY") and table in said.lower()
            if copying and default.in_atomic_block and not mark.exists():
                pause()

        psycopg.Cursor.copy = copy_then_pause  # type: ignore[method-assign]


def main(argv: list[str]) -> None:
    """``--pause-at TABLE --mark FILE -- OVERSIGHT ARGS...``"""
    split = argv.index("--")
    options, command = argv[:split], argv[split + 1 :]
    table = options[options.index("--pause-at") + 1].lower()
    mark = Path(options[options.index("--mark") + 1])
    pause_inside_transaction(table, mark)
    from oversight.cli import main as oversight

    oversight(command)


def oversight_command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "oversight.cli", *arguments]


def paused_command(table: str, mark: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "oversight.jobs.testing", "--pause-at", table,
            "--mark", str(mark), "--", *arguments]  # fmt: skip


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A process in a session of its own, so that it and its children die together."""
    with log.open("ab") as out:
        return subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)  # fmt: skip


def kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL the process and everything it started; reap it, so it is gone."""
    with contextlib.suppress(ProcessLookupError):  # it had ended already
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def wait_for(what: str, ready: Callable[[], bool], seconds: float = WAIT_SECONDS) -> None:
    """Poll until ``ready()``; after ``seconds``, fail saying what never happened."""
    until = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > until:
            raise TimeoutError(f"waited {seconds:.0f} s for {what}")
        time.sleep(0.1)


@dataclass(frozen=True)
class LiveDatabase:
    """A database that processes started by a test share with it."""

    env: dict[str, str]
    sqlite_file: Path | None = None
    postgres: dict[str, Any] | None = None

    @classmethod
    def sqlite(cls, path: Path, **env: str) -> LiveDatabase:
        return cls(_environment(OVERSIGHT_DB=str(path), **env), sqlite_file=path)

    @classmethod
    def postgresql(cls, settings: dict[str, Any], **env: str) -> LiveDatabase:
        user = quote(str(settings.get("USER") or ""))
        password = f":{quote(str(settings['PASSWORD']))}" if settings.get("PASSWORD") else ""
        where = f"{settings.get('HOST') or 'localhost'}:{settings.get('PORT') or 5432}"
        url = f"postgres://{user}{password}@{where}/{settings['NAME']}"
        return cls(_environment(DATABASE_URL=url, **env), postgres=settings)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """The rows of a query (no parameters: the two databases spell them differently)."""
        if self.sqlite_file is not None:
            with sqlite3.connect(self.sqlite_file, timeout=30) as db:
                return db.execute(sql).fetchall()
        import psycopg

        given = self.postgres or {}
        with psycopg.connect(dbname=given["NAME"], user=given.get("USER") or None,
                             password=given.get("PASSWORD") or None,
                             host=given.get("HOST") or None, port=given.get("PORT") or None,
                             autocommit=True) as db:  # fmt: skip
            return db.execute(sql).fetchall()  # type: ignore[arg-type]

    def count(self, table: str) -> int:
        return int(self.rows(f"SELECT COUNT(*) FROM {table}")[0][0])  # noqa: S608 (our names)

    def job(self, job_id: str, columns: str = "status, attempts, done, total, error") -> tuple:
        """A job's row as the processes left it."""
        # The id without its dashes: how SQLite keeps a UUID; PostgreSQL reads it too.
        where = f"id = '{job_id.replace('-', '')}'"
        return self.rows(f"SELECT {columns} FROM jobs_job WHERE {where}")[0]  # noqa: S608


def live_database(folder: Path, **env: str) -> LiveDatabase:
    """For a test: on PostgreSQL the test database itself (the test must be transactional,
    so it is emptied after), on SQLite a new file in ``folder``; ``env`` added."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return LiveDatabase.sqlite(folder / "live.sqlite3", **env)
    return LiveDatabase.postgresql(connection.settings_dict, **env)


def casework_rows(live: LiveDatabase) -> dict[str, int]:
    """Every casework table's row count: the records, as the processes left them."""
    from django.apps import apps

    tables = [m._meta.db_table for m in apps.get_app_config("casework").get_models()]
    return {table: live.count(table) for table in tables}


def _environment(**chosen: str) -> dict[str, str]:
    """This process's environment, less any database or Oversight settings, plus ``chosen``."""
    kept = {k: v for k, v in os.environ.items()
            if not k.startswith("OVERSIGHT_") and k != "DATABASE_URL"}  # fmt: skip
    return kept | {"DJANGO_SETTINGS_MODULE": "oversight.config.settings", **chosen}


if __name__ == "__main__":
    main(sys.argv[1:])
