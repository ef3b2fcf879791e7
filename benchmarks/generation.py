"""Generation time of the synthetic LA, for each size, into a fresh SQLite database.

Usage: uv run python -m benchmarks.generation [--sizes small,medium,large] [--seed N]

Records are every row written; journey records are the child's events (contacts,
referrals, visits, allocations ...); deadlines are the timescale clocks they started.
"""

import argparse
import os
import tempfile
import time
from datetime import date
from pathlib import Path

TARGET_LARGE_SECONDS = 60.0


def _setup(db_path: Path) -> None:
    os.environ["OVERSIGHT_DB"] = str(db_path)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.config.settings")
    import django

    django.setup()


def _fresh_database() -> None:
    from django.core.management import call_command

    call_command("flush", verbosity=0, interactive=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder) / "bench.sqlite3")
        from django.core.management import call_command

        from oversight.synth import PROBLEMS, generate
        from oversight.synth.processes import default_processes

        call_command("migrate", verbosity=0)
        print("Synthetic LA generation into SQLite, all problems on, seed", args.seed)
        print(f"processes: {default_processes()} (the generator's default on this machine)")
        print(
            f"{'size':<8} {'records':>11} {'journey':>11} {'deadlines':>11} "
            f"{'seconds':>9} {'records/s':>11}"
        )
        results = {}
        for size in args.sizes.split(","):
            _fresh_database()
            started = time.perf_counter()
            report = generate(
                size=size, seed=args.seed, problems=tuple(PROBLEMS), today=date(2026, 11, 26)
            )
            seconds = time.perf_counter() - started
            results[size] = (report.events, seconds)
            rate = report.events / seconds
            deadlines = report.counts.get("deadline", 0)
            staff = sum(report.counts.get(name, 0) for name in ("user", "team", "service"))
            journey = report.events - deadlines - staff
            print(
                f"{size:<8} {report.events:>11,} {journey:>11,} {deadlines:>11,} "
                f"{seconds:>9.1f} {rate:>11,.0f}"
            )
        if "large" in results:
            events, seconds = results["large"]
            verdict = "meets" if seconds <= TARGET_LARGE_SECONDS else "misses"
            enough = "at least" if events >= 2_000_000 else "fewer than"
            print(
                f"large: {seconds / TARGET_LARGE_SECONDS:.2f} x the {TARGET_LARGE_SECONDS:.0f} s "
                f"target ({verdict} it), with {enough} 2 million records"
            )


if __name__ == "__main__":
    main()
