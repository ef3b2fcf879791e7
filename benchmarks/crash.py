"""Workers killed mid-import: how many kills left part of a file behind, and how long recovery took.

Usage: uv run python -m benchmarks.crash [--kills N] [--children N] [--db FILE | --database-url URL]

Each round queues the import of a CIN census (``--children`` new children, ids of their
own) with ``oversight import --background``, starts a worker that stops inside the
import's transaction after its first rows are written (``oversight.jobs.testing``) and
kills it there with SIGKILL, as a crash or the OOM killer would. It then counts the rows
the kill left (every casework table, against the count before the round: must be 0),
and starts a new worker, as systemd's ``Restart=always`` would, timing how long after the
kill the import was picked up again and completed. SQLite in a temporary folder unless
``--db`` names a file, or PostgreSQL with ``--database-url`` (migrated first; on
PostgreSQL the rows are loaded with COPY, and the worker stops after it). Either must not
hold records you want: rounds add children.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import string
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import dj_database_url
import django

from oversight.jobs.testing import (
    LiveDatabase,
    casework_rows,
    kill,
    oversight_command,
    paused_command,
    start,
    wait_for,
)

# Three letters for this run, so that a database used before gets new children; with the
# round and the number, an id stays within the census's ten characters.
RUN = "".join(secrets.choice(string.ascii_uppercase) for _ in range(3))


@dataclass
class Round:
    killed_after: float  # seconds from the worker's start to the kill
    rows_left: int  # casework rows the killed import left behind
    picked_up: float  # seconds from the kill to the new attempt's start
    completed: float  # seconds from the kill to the import's end
    import_seconds: float  # the completing attempt alone
    attempts: int
    status: str


def _moment(value: str | datetime) -> float:
    """A time as the database gives it (SQLite: text in UTC, no offset), in seconds since
    the epoch."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def queue_import(live: LiveDatabase, folder: Path, round_number: int, children: int) -> str:
    from oversight.exchange.cin_census.tests.builders import census_xml, child

    census = folder / f"census-{round_number}.xml"
    # Ids new to the database (a child already there is left as it is, with nothing to
    # insert, and so nowhere for the worker to stop): this run's mark, round and number.
    ids = (f"{RUN}{round_number}-{n}" for n in range(children))
    census.write_bytes(census_xml(*(child(child_id) for child_id in ids)))
    done = subprocess.run(oversight_command("import", "cin-census", str(census), "--background"),
                          env=live.env, capture_output=True, text=True, check=True)  # fmt: skip
    return done.stdout.split()[2].rstrip(":")


def one_round(live: LiveDatabase, folder: Path, number: int, children: int) -> Round:
    job_id = queue_import(live, folder, number, children)
    before = sum(casework_rows(live).values())
    mark, log = folder / f"paused-{number}", folder / "workers.log"
    started = time.time()
    worker = start(paused_command("casework_child", mark, "worker"), live.env, log)
    try:
        wait_for("the worker to stop inside the import", mark.exists)
    finally:
        kill(worker)  # there, or (having waited in vain) wherever it is
    killed = time.time()
    rows_left = sum(casework_rows(live).values()) - before
    again = start(oversight_command("worker"), live.env, log)
    try:
        wait_for(
            "the import to end", lambda: live.job(job_id, "status")[0] in ("done", "failed"), 600
        )
    finally:
        again.terminate()
        again.wait()
    status, attempts, attempt_started, finished = live.job(
        job_id, "status, attempts, started_at, finished_at"
    )
    return Round(killed - started, rows_left, _moment(attempt_started) - killed,
                 _moment(finished) - killed, _moment(finished) - _moment(attempt_started),
                 attempts, status)  # fmt: skip


def report(rounds: list[Round], children: int, where: str) -> None:
    print(f"{'round':>5} {'killed after':>13} {'rows left':>10} {'picked up':>10} "
          f"{'completed':>10} {'import':>8} {'tries':>6}  status")  # fmt: skip
    for n, r in enumerate(rounds, start=1):
        times = f"{r.picked_up:>8.1f} s {r.completed:>8.1f} s {r.import_seconds:>6.1f} s"
        print(f"{n:>5} {r.killed_after:>11.1f} s {r.rows_left:>10,} {times} {r.attempts:>6}  "
              f"{r.status}")  # fmt: skip
    partial = sum(r.rows_left != 0 for r in rounds)
    done = sum(r.status == "done" for r in rounds)
    recovery = [r.completed for r in rounds]
    alone = statistics.median(r.import_seconds for r in rounds)
    print(f"\n{len(rounds)} kills mid-import of {children:,} children each ({where}).")
    print(f"Kills that left partial data: {partial} of {len(rounds)}.")
    print(f"Imports completed after the kill: {done} of {len(rounds)}.")
    print(f"Recovery, kill to import complete (a new worker's start included): median "
          f"{statistics.median(recovery):.1f} s, longest {max(recovery):.1f} s; the completing "
          f"import alone: median {alone:.1f} s.")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--children", type=int, default=2000)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", type=Path, default=None)
    where.add_argument("--database-url", default=None, help="postgres://user@host:5432/name")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.config.settings")
    django.setup()  # for the models' tables; the database is the processes' own
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        cores = f"{os.cpu_count()} cores"
        snapshot = str(folder / "snapshot.duckdb")
        if args.database_url:
            settings = dj_database_url.parse(args.database_url)
            live = LiveDatabase.postgresql(settings, OVERSIGHT_TASKS="database",
                                           OVERSIGHT_SNAPSHOT=snapshot)  # fmt: skip
            subprocess.run(oversight_command("migrate"), env=live.env, check=True,
                           capture_output=True)  # fmt: skip
            print(f"Killing workers mid-import: PostgreSQL database {settings['NAME']}, {cores}.\n")
            where = f"PostgreSQL, {cores}"
        else:
            db = args.db or folder / "crash.sqlite3"
            live = LiveDatabase.sqlite(db, OVERSIGHT_TASKS="database", OVERSIGHT_SNAPSHOT=snapshot)
            print(f"Killing workers mid-import: SQLite database {db}, {cores}.\n")
            where = f"SQLite, {cores}"
        # Whatever an earlier run left queued (an indicator refresh) is run first, so that
        # each round's worker goes straight to its import.
        subprocess.run(oversight_command("worker", "--once"), env=live.env, check=True,
                       capture_output=True)  # fmt: skip
        rounds = [one_round(live, folder, n, args.children) for n in range(1, args.kills + 1)]
        report(rounds, args.children, where)


if __name__ == "__main__":
    main()
