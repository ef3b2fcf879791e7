"""One team's worklist on a generated LA: with the open-work indexes, without them, LA-wide.

Usage: uv run python -m benchmarks.worklist [--size medium|large] [--repeat N]
Generates the LA into a temporary SQLite database first (not timed here).
"""

import argparse
import statistics
import time
from datetime import date

from benchmarks.generation import _setup

TODAY = date(2026, 11, 26)


def _median_ms(query, repeat: int) -> float:  # noqa: ANN001
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        list(query())
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _drop_deadline_indexes() -> None:
    from django.db import connection

    from oversight.casework.models import Deadline

    with connection.cursor() as cursor:
        for index in Deadline._meta.indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(index.name)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="medium")
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder) / "bench.sqlite3")
        from django.core.management import call_command

        from oversight.accounts.models import Team
        from oversight.casework.models import Deadline
        from oversight.casework.worklists import worklist
        from oversight.synth import PROBLEMS, generate

        call_command("migrate", verbosity=0)
        report = generate(size=args.size, seed=1, problems=tuple(PROBLEMS), today=TODAY)
        team = Team.objects.get(name=report.problem_teams["missed-cp-visits"])
        team_items = len(worklist(TODAY, team=team))
        print(
            f"Worklist on the {args.size} LA ({report.events:,} records, "
            f"{Deadline.objects.count():,} deadlines), SQLite, median of {args.repeat} runs"
        )
        indexed = _median_ms(lambda: worklist(TODAY, team=team), args.repeat)
        whole = _median_ms(lambda: worklist(TODAY), args.repeat)
        _drop_deadline_indexes()
        unindexed = _median_ms(lambda: worklist(TODAY, team=team), args.repeat)
        print(f"team '{team.name}' worklist ({team_items} items), indexed: {indexed:8.2f} ms")
        print(
            f"whole-LA worklist:                          {whole:8.2f} ms "
            f"({whole / indexed:.1f} x the team's)"
        )
        print(
            f"team worklist without the open-work indexes:{unindexed:8.2f} ms "
            f"({unindexed / indexed:.1f} x slower than indexed)"
        )


if __name__ == "__main__":
    main()
