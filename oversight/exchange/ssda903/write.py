"""Write a year's SSDA903 return from the casework records: one CSV file per table.

Each of the eleven tables (``spec.TABLES``) is written to ``<table>.csv`` in the folder
given, with the DfE's column names as its header row, dates as dd/mm/YYYY and blanks
where the records hold nothing (``gather`` says who is in the return, what each row
holds, and what the records cannot fill). A table with no rows is written with its
header row, so that the return always has all its files.

Children are written as they are gathered, a chunk at a time. The files are written in
a hidden folder beside the others and moved into place once all are whole: a failure
part of the way leaves no half return behind.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.db.models import QuerySet

from oversight.casework.models import Child
from oversight.exchange.ssda903.gather import Child903, Gathering, gather
from oversight.exchange.ssda903.spec import TABLES, CollectionYear


@dataclass
class WriteSummary:
    """What a written return holds, and what could not be placed in it."""

    folder: str
    year: str
    children: int = 0
    rows: Counter[str] = field(default_factory=Counter)  # by table
    files: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    child_ids: list[int] = field(default_factory=list)  # the records of the children written
    seconds: float = 0.0


def file_name(table: str) -> str:
    return f"{table}.csv"


def write_903(
    out_dir: str | Path,
    year: str,
    *,
    children: QuerySet[Child] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> WriteSummary:
    """Write the return for ``year`` (e.g. "2025-26") into the folder ``out_dir``.

    ``children`` limits the records read (a caller acting for a user passes the user's
    ``access.visible_children``); by default the return covers the whole LA.
    ``progress`` is told (done, to do) as each child who may be in it is looked at.
    """
    started = time.perf_counter()
    period = CollectionYear.from_label(year)
    gathering = Gathering(period)
    summary = WriteSummary(str(out_dir), year)
    everyone = children if children is not None else Child.objects.all()
    found = gather(period, everyone, gathering, progress)
    folder = Path(out_dir)
    with _whole_folder(folder) as partial, _table_writers(partial) as writers:
        for child in found:
            _write_child(child, writers, summary)
    summary.files = [str(folder / file_name(table)) for table in TABLES]
    summary.left_out = gathering.left_out
    summary.seconds = time.perf_counter() - started
    return summary


def _write_child(child: Child903, writers: dict[str, Any], summary: WriteSummary) -> None:
    for table, rows in child.rows.items():
        columns = TABLES[table]
        for row in rows:
            writers[table].writerow([cell(row[column]) for column in columns])
        summary.rows[table] += len(rows)
    summary.children += 1
    summary.child_ids.append(child.record_id)


def cell(value: object) -> str:
    """A value as the return writes it: dates dd/mm/YYYY, blanks empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


@contextmanager
def _table_writers(folder: Path) -> Iterator[dict[str, Any]]:
    with ExitStack() as files:
        writers = {}
        for table, columns in TABLES.items():
            opened = files.enter_context(
                (folder / file_name(table)).open("w", encoding="utf-8", newline="")
            )
            writers[table] = csv.writer(opened, lineterminator="\n")
            writers[table].writerow(list(columns))
        yield writers


@contextmanager
def _whole_folder(folder: Path) -> Iterator[Path]:
    """A hidden folder inside ``folder`` to write in; its files replace the folder's own
    only when everything was written."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=".ssda903-partial-", dir=folder))
    try:
        yield partial
        for written in sorted(partial.iterdir()):
            written.replace(folder / written.name)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
