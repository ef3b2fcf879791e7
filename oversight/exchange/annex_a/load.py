"""Import a read Annex A workbook into the records, through the casework services.

All or nothing: the import runs in one transaction, each row in its own savepoint. A
row the reader found a problem in, or that a service refuses (a date before the
referral), is a problem with its sheet, row, column and value. Without ``quarantine``
any problem rolls the whole import back; with it, those rows are left out (and listed)
and the rest is imported.

Every row is matched before anything is recorded: a child by the LA's child id, a
referral by child and date, and so on (``load_journey``, ``load_care``). A record that
is already held, from this workbook or from another import, is matched, never
duplicated, so importing the same workbook again changes nothing. A matched child or
child in care whose row says something else (a date of birth, a legal status) keeps what
the records hold, and the difference is noted (``Loaded.notes``). New records name
the file, sheet and row they came from in ``origin``.

The lists are loaded in the order of a child's journey, so that a later list finds
what an earlier one recorded: children, contacts (1), early help (2), referrals (3, and
the CIN episodes of 6), assessments (4), section 47 enquiries (5), child protection
plans (7), CIN closures (6), children in care (8), care leavers (9), and then the
prospective adopters (11). List 10 is not imported: the records' adoption decisions come
from the child's record and the SSDA903 return.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction

from oversight.casework.models import Child
from oversight.casework.services import CaseworkError
from oversight.exchange.annex_a.read import ListRow, Problem, Reading
from oversight.exchange.annex_a.spec import LISTS, Held, Type
from oversight.exchange.annex_a.values import VALUE_MAPS
from oversight.exchange.importing import DIFFERENT, Notes

ORIGIN_LENGTH = 120  # Recorded.origin


class RowProblem(Exception):
    """A row that cannot be recorded as given: which column, and what to do."""

    def __init__(self, key: str, value: object, message: str) -> None:
        super().__init__(message)
        self.key, self.value, self.message = key, value, message


class ImportRefused(Exception):
    """The workbook has problems and was not imported (no ``quarantine``)."""

    def __init__(self, loaded: Loaded) -> None:
        super().__init__(f"{len(loaded.problems)} problems: nothing was imported")
        self.loaded = loaded


@dataclass
class Loaded:
    """What an import did: records added and matched by kind, and the rows left out."""

    file: str
    added: Counter[str] = field(default_factory=Counter)
    matched: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    not_imported: dict[str, int] = field(default_factory=dict)
    notes: Notes = field(default_factory=Notes)  # values held differently, kept as held
    rows: int = 0
    seconds: float = 0.0

    @property
    def quarantined(self) -> int:
        return len({(p.sheet, p.row) for p in self.problems})


@dataclass
class Job:
    """One import under way: the reading, what it did, and where each row came from."""

    reading: Reading
    loaded: Loaded
    as_at: date | None
    progress: Callable[[int], None] | None = None
    children: dict[str, Child] = field(default_factory=dict)
    failed: set[tuple[str, int]] = field(default_factory=set)

    def origin(self, row: ListRow) -> str:
        where = f" {row.sheet} row {row.row}"
        return f"annex-a {self.reading.file[: ORIGIN_LENGTH - 8 - len(where)]}{where}"

    def child(self, row: ListRow) -> Child:
        child = self.children.get(row.get("child_id"))
        if child is None:
            raise RowProblem("child_id", row.get("child_id"), "the child could not be imported: "
                             "see the problem with the child's first row")  # fmt: skip
        return child

    def counted(self, kind: str, added: bool) -> None:
        (self.loaded.added if added else self.loaded.matched)[kind] += 1

    def differs(self, row: ListRow, key: str, given: object, held: object) -> None:
        """Note a value of the row that a record held holds differently (and keeps)."""
        if given is not None and held not in (None, "") and given != held:
            where = f"{row.sheet} row {row.row}"
            self.loaded.notes.add(row.annex.column(key).name, DIFFERENT, row.get("child_id"),
                                  None, where)  # fmt: skip

    def each(self, number: int, handle: Callable[[Job, ListRow], None]) -> None:
        """Record each good row of a list in its own savepoint."""
        for row in self.reading.rows.get(number, []):
            if not self.reading.bad(row):
                self.one(row, handle)
            if self.progress:
                self.progress(1)

    def one(self, row: ListRow, handle: Callable[[Job, ListRow], Any]) -> Any:
        """Record one row, or none of it: its savepoint and its counts roll back together.

        A row that failed once (its child, say) is not tried again.
        """
        if (row.sheet, row.row) in self.failed:
            return None
        counts = self.loaded.added.copy(), self.loaded.matched.copy()
        try:
            with transaction.atomic():
                return handle(self, row)
        except RowProblem as problem:
            self.loaded.added, self.loaded.matched = counts
            self.fail(row, problem.key, problem.value, problem.message)
        return None

    def fail(self, row: ListRow, key: str, value: object, message: str) -> None:
        self.failed.add((row.sheet, row.row))
        column = row.annex.column(key)
        if column.type is Type.CHOICE and isinstance(value, str):
            value = VALUE_MAPS[column.choices].label(value)  # as the workbook writes it
        shown = "" if value is None else str(value)
        self.loaded.problems.append(Problem(row.sheet, row.row, column.name, shown, message))


@contextmanager
def about(key: str, value: object = None) -> Iterator[None]:
    """A service's refusal, as a problem with the column being recorded."""
    try:
        yield
    except CaseworkError as error:
        raise RowProblem(key, value, error.message) from error


def load(
    reading: Reading,
    *,
    quarantine: bool = False,
    as_at: date | None = None,
    progress: Callable[[int], None] | None = None,
) -> Loaded:
    """Import ``reading``; ``ImportRefused`` (nothing imported) when a row has a problem
    and ``quarantine`` is off. ``as_at`` is the workbook's date when it does not say."""
    from oversight.exchange.annex_a import load_adopters, load_care, load_children, load_journey

    started = time.perf_counter()
    loaded = Loaded(reading.file, problems=list(reading.problems), rows=reading.row_count)
    if reading.problems and not quarantine:
        raise ImportRefused(loaded)
    job = Job(reading, loaded, reading.as_at or as_at, progress)
    with transaction.atomic():
        load_children.load_children(job)
        load_journey.load_journey(job)
        load_care.load_care(job)
        load_adopters.load_adopters(job)
        _not_imported(job)
        if loaded.problems and not quarantine:
            transaction.set_rollback(True)
    loaded.seconds = time.perf_counter() - started
    if loaded.problems and not quarantine:
        raise ImportRefused(loaded)
    return loaded


def _not_imported(job: Job) -> None:
    """Say what the import left out by design: list 10, and columns not imported."""
    for annex in LISTS:
        rows = job.reading.rows.get(annex.number, [])
        if not annex.imported and rows:
            job.loaded.not_imported[f"{annex.sheet} ({len(rows)} rows)"] = len(rows)
            if job.progress:
                job.progress(len(rows))
        left = [c.name for c in annex.columns if c.held is not Held.IMPORTED]
        if rows and left and annex.imported:
            job.loaded.not_imported[f"{annex.sheet} columns: {'; '.join(left)}"] = len(rows)
