"""SSDA903 returns for benchmarks: a synthetic LA's return, scaled to a number of children.

``synthetic_return`` generates the medium synthetic LA into a temporary SQLite database
(in a process of its own, so that the caller's Django, if any, is left alone) and writes
its 2025-26 return, one CSV file per table. ``scaled_return`` repeats the children of a
return, in order, with fresh ids (``CHILD`` gets a suffix R1, R2, ... on each repeat)
until it has the number of children asked for (a return smaller than the source takes
children spread evenly across it): a return of 50,000 children is 50,000
different children with the same shape of rows. Each file is told by its header row, as
the reader tells it; the scaled files are named after their tables.

LAs validate a return with last year's beside it (rules such as 205A-D and 1001-1002
compare the two), so the LA's 2024-25 return is written too, and ``scaled_last_year``
repeats it as this year's was repeated, with the same suffixes: a child in both returns
keeps one id across the two, and a child cut from this year's last, partial repeat is cut
from last year's too (else last year's would hold a child this year's lacks).

Usage: uv run python -m benchmarks.ssda903_files FOLDER  (prints the return's folder)
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

from benchmarks.side_by_side import spread
from oversight.exchange.ssda903.read import csv_files, table_of
from oversight.exchange.ssda903.spec import TABLES

YEAR = "2025-26"
LAST_YEAR = "2024-25"
Rows = dict[str, list[list[str]]]  # a child's rows, by table


def synthetic_return(folder: Path) -> Path:
    """The folder of the 2025-26 return of a generated medium LA, written in ``folder``."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.ssda903_files", str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"the synthetic return could not be written:\n{done.stderr[-3000:]}")
    return Path(done.stdout.strip().splitlines()[-1])


def write_synthetic_return(folder: Path, size: str = "medium", seed: int = 1) -> Path:
    """Generate a synthetic LA into a temporary database and write its return in ``folder``,
    and last year's beside it (``last_year_of``)."""
    from benchmarks.generation import _setup

    with tempfile.TemporaryDirectory() as scratch:
        _setup(Path(scratch) / "ssda903-source.sqlite3")
        from django.core.management import call_command
        from django.db import connections

        from oversight.exchange.ssda903.write import write_903
        from oversight.synth import PROBLEMS, generate

        call_command("migrate", verbosity=0)
        # Generated to mid-May 2026, so that the year to 31 March 2026 is complete.
        generate(size=size, seed=seed, problems=tuple(PROBLEMS), today=date(2026, 5, 15))
        out = folder / f"ssda903_{size}_la"
        write_903(out, YEAR)
        write_903(last_year_of(out), LAST_YEAR)
        connections.close_all()
    return out


def with_short_breaks(source_dir: Path, out_dir: Path, share: float, breaks: int = 35) -> Path:
    """Write in ``out_dir`` the return of ``source_dir`` with children on short breaks added:
    ``share`` of its number of children, each with ``breaks`` breaks of two nights ten
    days apart from 4 April (legal status V3, each break an episode of its own, as the DfE
    asks for a series recorded break by break; no postcodes or URN: rules 214 and 398).
    The generator makes no such children; an
    LA's return has some, and a rule that pairs a child's episodes grows with the square
    of their number. The rows are valid against every rule but the ones about respite."""
    order, rows = _children(source_dir)
    added = round(len(order) * share)
    for n in range(added):
        child = f"SB{n:05d}"
        order.append(child)
        born = "01/01/2012"
        rows[child]["header"].append([child, "1" if n % 2 else "2", born, "WBRI", "", "", ""])
        rows[child]["previous_permanence"].append([child, born, "Z1", "", ""])
        began = date(2025, 4, 4)
        for _ in range(breaks):
            ended = began + timedelta(days=2)
            rows[child]["episodes"].append([
                child, f"{began:%d/%m/%Y}", "S", "V3", "N1", "U6", "PR1", f"{ended:%d/%m/%Y}",
                "E8", "", "", "", "",
            ])  # fmt: skip
            began += timedelta(days=10)
    return _write([(child, 0) for child in order], rows, out_dir)


def with_slips(source_dir: Path, out_dir: Path, share: float, seed: int = 1) -> Path:
    """Write in ``out_dir`` the return of ``source_dir`` with ``share`` of its rows given one
    slip each, in a cell other than the child's id, as a return has before it is checked:
    blanked, an unknown code, an impossible day, or a date moved by weeks or a year. No
    published figure says how many slips a real return has: this is for seeing how each
    tool's time and memory go with the number of findings."""
    rng = random.Random(seed)
    order, rows = _children(source_dir)
    for child in order:
        for table_rows in rows[child].values():
            for row in table_rows:
                if len(row) > 1 and rng.random() < share:
                    at = rng.randrange(1, len(row))
                    row[at] = _slip(rng, row[at])
    return _write([(child, 0) for child in order], rows, out_dir)


def _slip(rng: random.Random, value: str) -> str:
    try:
        day = datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        return "" if rng.random() < 0.3 else "ZZ9"
    kind = rng.random()
    if kind < 0.3:
        return ""
    if kind < 0.8:
        return f"{day + timedelta(days=rng.choice((-400, -40, 40, 400))):%d/%m/%Y}"
    return "31/02/2025"


def last_year_of(source_dir: Path) -> Path:
    """Where the return of the year before the one in ``source_dir`` is written."""
    return source_dir.with_name(f"{source_dir.name}_last_year")


def _chosen(order: list[str], size: int) -> list[tuple[str, int]]:
    """The (child, repeat) pairs of a scaled return of ``size`` children."""
    return [(order[n], repeat) for n, repeat in spread(len(order), size)]


def scaled_return(source_dir: Path, size: int, out_dir: Path) -> Path:
    """Write in ``out_dir`` a return of ``size`` children repeating those of ``source_dir``."""
    order, rows = _children(source_dir)
    if not order:
        raise SystemExit(f"{source_dir} has no children to repeat")
    return _write(_chosen(order, size), rows, out_dir)


def scaled_last_year(source_dir: Path, this_year: Path, size: int, out_dir: Path) -> Path:
    """Write in ``out_dir`` last year's return (``source_dir``) to go with this year's
    (``this_year``) scaled to ``size`` children: each child of both years is repeated as it
    is this year, with the same suffixes; a child of last year's only, as many times as
    this year's children are repeated at most."""
    order, _rows = _children(this_year)
    chosen = set(_chosen(order, size))
    repeats = -(-size // len(order))
    last_order, rows = _children(source_dir)
    kept = set(order)
    written = [(child, n) for n in range(repeats) for child in last_order
               if (child, n) in chosen or child not in kept]  # fmt: skip
    return _write(written, rows, out_dir)


def _write(chosen: list[tuple[str, int]], rows: dict[str, Rows], out_dir: Path) -> Path:
    """Write each (child, repeat) chosen, the child's id suffixed with the repeat."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {table: (out_dir / f"{table}.csv").open("w", encoding="utf-8", newline="")
             for table in TABLES}  # fmt: skip
    try:
        writers = {table: csv.writer(file, lineterminator="\n") for table, file in files.items()}
        for table, writer in writers.items():
            writer.writerow(list(TABLES[table]))
        for child, repeat in chosen:
            new_id = child if repeat == 0 else f"{child}R{repeat}"
            for table, table_rows in rows[child].items():
                for row in table_rows:
                    writers[table].writerow([new_id, *row[1:]])
    finally:
        for file in files.values():
            file.close()
    return out_dir


def _children(source_dir: Path) -> tuple[list[str], dict[str, Rows]]:
    """The children of a return in the header's order, and each child's rows by table, with
    the columns in the table's order (``CHILD`` first)."""
    order: list[str] = []
    rows: dict[str, Rows] = defaultdict(lambda: defaultdict(list))
    for path in csv_files([source_dir]):
        with path.open(encoding="utf-8-sig", newline="") as text:
            reader = csv.reader(text)
            columns = [c.strip().upper() for c in next(reader, [])]
            table = table_of(columns)
            if table is None:
                continue
            # Every table's columns begin with CHILD, so a row's first value is its child.
            at = [columns.index(c) if c in columns else None for c in TABLES[table]]
            for record in reader:
                row = [record[i] if i is not None and i < len(record) else "" for i in at]
                rows[row[0]][table].append(row)
                if table == "header":
                    order.append(row[0])
    return order, rows


if __name__ == "__main__":
    print(write_synthetic_return(Path(sys.argv[1])))
