"""The whole indicator suite on a generated LA, against a hand-written DuckDB floor.

Usage: uv run python -m benchmarks.indicators [--size large] [--db FILE] [--repeat N]

Generates the LA into a temporary SQLite database (not timed), or uses --db, a database
generated before (``oversight generate --size large --db FILE``). Then, in one run:

1. the snapshot: the records copied from SQLite into DuckDB;
2. the suite: every indicator's LA total for the year to the LA's last day, through the
   runner (units, team placement, child attributes), the way the pages and CLI do it;
3. the floor: the same totals from ``indicator_floor.sql``, one plain aggregate each,
   written by hand over the same snapshot; every figure is checked to agree;
4. the live database: four of the indicators asked of SQLite directly, against the same
   four on the snapshot (why indicators read a snapshot);
5. a whole refresh: the 24-month trend and every breakdown, as the worker computes it;
6. page latency: the dashboard, an indicator page, the front door, a list of children.
"""

import argparse
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks.generation import _setup

TODAY = date(2026, 11, 26)
FLOOR = Path(__file__).with_name("indicator_floor.sql")

# The same four questions in SQLite's own dialect, over the live tables.
SQLITE_DIRECT = {
    "rereferrals": """
        SELECT sum(EXISTS (SELECT 1 FROM casework_referral e WHERE e.child_id = r.child_id
                   AND e.id <> r.id AND e.received_on >= date(r.received_on, '-12 months')
                   AND (e.received_on < r.received_on
                        OR (e.received_on = r.received_on AND e.id < r.id)))), count(*)
        FROM casework_referral r WHERE r.received_on BETWEEN %(start)s AND %(end)s""",
    "cp-visits-on-time": """
        SELECT sum(met_on IS NOT NULL AND met_on <= due_on), count(*) FROM casework_deadline
        WHERE rule = 'cp-visit' AND due_on BETWEEN %(start)s AND %(end)s
          AND NOT (met_on IS NULL AND lapsed_on IS NOT NULL AND lapsed_on <= due_on)
          AND (met_on IS NOT NULL OR due_on < %(end)s)""",
    "views-recorded": """
        SELECT sum(views_recorded), count(*) FROM casework_visit
        WHERE seen AND visited_on BETWEEN %(start)s AND %(end)s""",
    "caseload": """
        SELECT count(*), count(DISTINCT worker_id) FROM casework_allocation
        WHERE worker_id IS NOT NULL AND start_on <= %(end)s
          AND (end_on IS NULL OR end_on > %(end)s)""",
}


def floor_statements() -> dict[str, str]:
    text = FLOOR.read_text()
    parts = re.split(r"^-- ([a-z0-9-]+)\n", text, flags=re.MULTILINE)[1:]
    return {parts[i]: parts[i + 1].strip().rstrip(";") for i in range(0, len(parts), 2)}


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="large")
    parser.add_argument("--db", type=Path, help="An LA generated before (SQLite).")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.db:
            _setup(args.db.resolve())
            today = _last_day()
        else:
            _setup(Path(folder) / "bench.sqlite3")
            today = _generate(args.size)
        _measure(today, args.repeat, Path(folder))


def _generate(size: str) -> date:
    from django.core.management import call_command

    from oversight.synth import PROBLEMS, generate

    call_command("migrate", verbosity=0)
    print(f"Generating the {size} LA (not timed)...", flush=True)
    generate(size=size, seed=1, problems=tuple(PROBLEMS), today=TODAY)
    return TODAY


def _last_day() -> date:
    from django.db.models import Max

    from oversight.casework.models import Contact

    return Contact.objects.aggregate(last=Max("received_on"))["last"] or TODAY


def _measure(today: date, repeat: int, folder: Path) -> None:
    from django.db import connection

    from oversight.performance.catalogue import catalogue
    from oversight.performance.engine import compute, prepare
    from oversight.performance.periods import Period
    from oversight.performance.snapshot import memory_snapshot

    period = Period.year_to(today)
    started = time.perf_counter()
    db = prepare(memory_snapshot())
    snapshot_seconds = time.perf_counter() - started
    rows = {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in
            ("child", "contact", "referral", "visit", "deadline", "allocation")}  # fmt: skip
    events = sum(db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(db))
    print(
        f"Indicators on an LA of {rows['child']:,} children and {events:,} records "
        f"({rows['deadline']:,} deadlines, {rows['visit']:,} visits), year to {today}"
    )
    print(f"  snapshot (SQLite -> DuckDB, every table): {snapshot_seconds:.2f} s")

    indicators = list(catalogue().values())
    params = {"start": period.start, "end": period.end}
    floors = floor_statements()
    assert set(floors) == {i.id for i in indicators}, "the floor must cover every indicator"

    def suite() -> dict[str, tuple[int, int | None]]:
        found = {}
        for i in indicators:
            v = compute(db, i, period, population=10_000)[0]
            divided = i.unit.value in ("percent", "average")
            found[i.id] = (v.numerator, v.denominator if divided else None)
        return found

    def floor() -> dict[str, tuple[int, int | None]]:
        found = {}
        for id, sql in floors.items():
            used = {k: v for k, v in params.items() if f"${k}" in sql}
            numerator, denominator = db.execute(sql, used).fetchone()
            found[id] = (numerator or 0, denominator)
        return found

    ours, theirs = suite(), floor()
    differ = {k: (ours[k], theirs[k]) for k in ours if ours[k] != theirs[k]}
    print(f"  figures agree: {len(ours) - len(differ)} of {len(ours)}", end="")
    print(f"; differ: {differ}" if differ else "")
    suite_s, floor_s = median_seconds(suite, repeat), median_seconds(floor, repeat)
    print(f"  suite, {len(indicators)} indicators through the runner: {suite_s * 1000:.0f} ms")
    print(f"  floor, the same by hand-written aggregates:       {floor_s * 1000:.0f} ms")
    print(f"  suite / floor: {suite_s / floor_s:.2f}x (target: within 3x)")

    sqlite_params = {"start": period.start.isoformat(), "end": period.end.isoformat()}

    def direct() -> None:
        with connection.cursor() as cursor:
            for sql in SQLITE_DIRECT.values():
                cursor.execute(sql, sqlite_params)
                cursor.fetchone()

    def on_snapshot() -> None:
        for id in SQLITE_DIRECT:
            compute(db, catalogue()[id], period)

    direct_s, snap_s = median_seconds(direct, repeat), median_seconds(on_snapshot, repeat)
    print(
        f"  {len(SQLITE_DIRECT)} indicators on the live SQLite tables: {direct_s * 1000:.0f} ms; "
        f"on the snapshot: {snap_s * 1000:.0f} ms ({direct_s / snap_s:.1f}x faster)"
    )
    _refresh(today)


def _tables(db) -> list[str]:  # noqa: ANN001
    return [r[0] for r in db.execute("SELECT table_name FROM information_schema.tables").fetchall()
            if r[0] not in ("calendar", "team", "worker")]  # fmt: skip


def _refresh(today: date) -> None:
    from django.core.management import call_command

    from oversight.performance.refresh import refresh

    call_command("migrate", verbosity=0)
    run = refresh(today)
    print(
        f"  a whole refresh (snapshot to file, 24-month trend and 6 breakdowns of every "
        f"indicator, {run.values.count():,} values stored): {run.seconds:.1f} s"
    )
    _pages(repeat=10)


def _pages(repeat: int) -> None:
    """Page latency through Django's test client (no network), as a senior leader."""
    from django.test import Client

    from oversight.accounts.models import User
    from oversight.accounts.roles import Role
    from oversight.accounts.testing import sign_in

    leader, _ = User.objects.get_or_create(
        username="benchmark-leader", defaults={"role": Role.SENIOR_LEADER}
    )
    client = sign_in(Client(), leader)  # both steps: the password and the second factor
    for name, url in (
        ("dashboard", "/performance/"),
        ("indicator page, by team", "/performance/cp-visits-on-time/?by=team"),
        ("front-door page", "/performance/front-door/"),
        ("children behind a figure", "/performance/cp-visits-on-time/children/"),
    ):
        started = time.perf_counter()
        assert client.get(url).status_code == 200, url
        first = time.perf_counter() - started
        warm = median_seconds(lambda url=url: client.get(url), repeat)
        print(f"  {name}: first {first * 1000:.0f} ms, then median {warm * 1000:.0f} ms")


if __name__ == "__main__":
    main()
