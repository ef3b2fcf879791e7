"""Backup and restore of the medium demo LA: times, sizes, and the table-by-table comparison.

Usage: uv run python -m benchmarks.roundtrip [--size medium] [--db FILE]

Generates the synthetic LA (the demo's problems switched on) into a temporary SQLite
database, not timed here, or copies ``--db`` (a file ``oversight generate`` or the demo
made) so the original is left alone. Then, as ``oversight backup`` and ``oversight
restore`` do: a digest of every table (its rows, and a SHA-256 of the rows in order),
the backup, a change to the records (a hundred children erased, with everything about
them), the restore, and the digests again, compared table by table.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from benchmarks.generation import _setup

T = TypeVar("T")
MB = 1024 * 1024


def timed(work: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def database_size(path: Path) -> int:
    """The file and its write-ahead log, which together hold the database."""
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def prepare(folder: Path, size: str, given: Path | None) -> tuple[Path, str]:
    db = folder / "roundtrip.sqlite3"
    if given is not None:
        shutil.copyfile(given, db)
    _setup(db)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if given is not None:
        return db, f"the LA in {given}"
    from oversight.synth import PROBLEMS, generate

    report = generate(size=size, seed=1, problems=tuple(PROBLEMS))
    return db, f"the {size} synthetic LA ({report.events:,} records)"


def erase_children(count: int) -> int:
    """Erase ``count`` children with everything about them: how many rows went."""
    from oversight.casework.models import Child

    chosen = Child.objects.order_by("pk").values_list("pk", flat=True)[:count]
    deleted, _ = Child.objects.filter(pk__in=list(chosen)).delete()
    return deleted


def compare(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> list[str]:
    """Each table's line; the tables that differ are marked."""
    lines = []
    for table in sorted(set(before) | set(after)):
        rows = before.get(table, (0, ""))[0]
        same = "same" if before.get(table) == after.get(table) else "DIFFERS"
        lines.append(f"  {table:<40} {rows:>10,} rows  {same}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="medium")
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db, what = prepare(folder, args.size, args.db)
        from oversight.cli.backup import backup, restore, table_digests

        target = folder / "oversight.backup"
        before, digest_seconds = timed(table_digests)
        _, backup_seconds = timed(lambda: backup(target))
        erased = erase_children(100)
        changed = table_digests() != before
        _, restore_seconds = timed(lambda: restore(target))
        after = table_digests()
        lines = compare(before, after)
        differ = sum(line.endswith("DIFFERS") for line in lines)
        rows = sum(count for count, _ in before.values())
        print(f"Backup and restore round trip of {what}, SQLite: {len(before)} tables, "
              f"{rows:,} rows.")  # fmt: skip
        print(
            f"database        {database_size(db) / MB:8.1f} MB (the file and its write-ahead log)"
        )
        print(f"backup          {backup_seconds:8.1f} s   backup file "
              f"{target.stat().st_size / MB:.1f} MB")  # fmt: skip
        print(f"changed         100 children erased ({erased:,} rows); the digests "
              f"{'differed' if changed else 'did NOT differ'} before the restore")  # fmt: skip
        print(f"restore         {restore_seconds:8.1f} s")
        print(f"digests         {digest_seconds:8.1f} s for every table")
        print(f"compared        {len(lines) - differ} of {len(lines)} tables the same after "
              f"the restore, {differ} differ")  # fmt: skip
        print("\n".join(lines))


if __name__ == "__main__":
    main()
