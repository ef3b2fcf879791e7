"""Import an SSDA903 return into the records, through the casework services, atomically.

Either the whole return goes in, or nothing does: a child who cannot be imported (a value
that cannot be read, a code the records do not know, a row the services refuse) stops
the import and every reason is reported (``ReturnNotImported``), with its file, line,
field, value and rule. With ``quarantine``, those children are held back, each with
their reasons, and the rest go in. A file that is no SSDA903 table at all never goes in.
Values the records have no place for (postcodes, ...) are
counted in the summary's notes, as are columns a file has that its table does not:
nothing is dropped silently.

All the children are recorded in one batch (one transaction, inserted together), and a
failure of any other kind on the way leaves the records as they were. Each record's
``origin`` names the file and the line it came from. Importing the same return again
records nothing: rows are matched with what the records hold by child id and day.
The collection year (which dates an OC3 row) is the one the return's dates fall in.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from oversight.casework.services import batch
from oversight.exchange.importing import Notes, Problem
from oversight.exchange.ssda903.load_checks import problems_by_child
from oversight.exchange.ssda903.load_child import ChildImport, ChildRefused
from oversight.exchange.ssda903.load_file import FiledChild, filed_children, year_of
from oversight.exchange.ssda903.load_stored import Stored
from oversight.exchange.ssda903.read import Return903, Unreadable903, csv_files, read_903, table_of
from oversight.exchange.ssda903.spec import CollectionYear
from oversight.exchange.ssda903.validate import YEARS

# What the summary counts, in the order it lists them, and what it calls them.
KINDS = {
    "children": ("child", "children"), "care_episodes": ("care episode", "care episodes"),
    "placements": ("placement", "placements"), "reviews": ("review", "reviews"),
    "missing_episodes": ("missing period", "missing periods"),
    "care_leaver_statuses": ("care leaver status", "care leaver statuses"),
    "year_outcomes": ("year's outcomes (OC2)", "years' outcomes (OC2)"),
    "previous_permanence": ("previous permanence", "previous permanence"),
    "allocations": ("social worker allocation", "social worker allocations"),
    "adoption_decisions": ("decision to place for adoption", "decisions to place for adoption"),
    "adoption_matches": ("match with adopters", "matches with adopters"),
}  # fmt: skip
CHANGES = {
    "care_episodes_ended": ("care episode ended", "care episodes ended"),
    "returns": ("return from missing", "returns from missing"),
    "adoption_decisions_reversed": ("decision to place for adoption reversed",
                                    "decisions to place for adoption reversed"),
}  # fmt: skip
Progress = Callable[[int, int], None]  # (children done, children to do)


@dataclass
class LoadSummary:
    """What an import recorded, what it held back and why, and what it did not keep."""

    files: list[str]
    year: str
    children_in_return: int
    created: Counter[str] = field(default_factory=Counter)
    held_back: dict[str, list[Problem]] = field(default_factory=dict)  # by child (or place)
    children_held_back: int = 0
    notes: Notes = field(default_factory=Notes)
    seconds: float = 0.0

    @property
    def children_loaded(self) -> int:
        return self.children_in_return - self.children_held_back

    @property
    def changed_nothing(self) -> bool:
        return not any(self.created.values())


class ReturnNotImported(Exception):
    """Nothing was imported: the children that could not be, and every reason."""

    def __init__(self, held_back: dict[str, list[Problem]], count: int) -> None:
        reasons = sum(len(found) for found in held_back.values())
        super().__init__(
            f"nothing was imported: {children(count)} cannot be ({reasons} reasons). Correct "
            "the files, or import with quarantine to hold those children back and import "
            "the rest."
        )
        self.held_back = held_back


def children(count: int) -> str:
    return f"{count:,} child" if count == 1 else f"{count:,} children"


class _Refusals(Exception):
    """Children the services refused during a pass: the pass's batch is rolled back."""

    def __init__(self, refused: dict[int, Problem]) -> None:
        super().__init__(f"{len(refused)} children refused")
        self.refused = refused


def load_903(
    paths: Iterable[str | Path],
    *,
    quarantine: bool = False,
    year: str | None = None,
    progress: Progress | None = None,
) -> LoadSummary:
    """Import the return's CSV files (or folders of them); ``Unreadable903`` if none is one.

    ``year`` (e.g. "2025-26") is found from the return's dates when not given.
    """
    started = time.perf_counter()
    files = csv_files(paths)
    _refuse_unknown_files(files)
    data = read_903(files, CollectionYear.from_label(YEARS[-1]))
    period = CollectionYear.from_label(year) if year else year_of(data, data.year)
    filed = filed_children(data)
    summary = LoadSummary(data.files, period.label, len(filed))
    _note_file_problems(data, summary.notes)
    problems = problems_by_child(data, filed)
    if problems and not quarantine:
        raise ReturnNotImported(_by_child(filed, problems), len(problems))
    wanted = [child for child in filed if child.position not in problems]
    while True:
        try:
            _record(period, wanted, summary, progress)
            break
        except _Refusals as refusals:
            problems.update({at: [problem] for at, problem in refusals.refused.items()})
            if not quarantine:
                raise ReturnNotImported(_by_child(filed, problems), len(problems)) from None
            wanted = [child for child in wanted if child.position not in refusals.refused]
    summary.held_back = _by_child(filed, problems)
    summary.children_held_back = len(problems)
    summary.seconds = time.perf_counter() - started
    return summary


def _refuse_unknown_files(files: list[Path]) -> None:
    """A file that is no table of the return may hold children's data: nothing goes in."""
    for path in files:
        try:
            with path.open(encoding="utf-8-sig", newline="") as text:
                columns = [c.strip().upper() for c in next(csv.reader(text), [])]
        except (UnicodeDecodeError, csv.Error, OSError):
            continue  # the reader says what is wrong with it
        if any(columns) and table_of(columns) is None:
            raise Unreadable903(
                f"{path.name}: its columns ({', '.join(columns)}) are those of no SSDA903 "
                "table, so nothing was imported: remove the file or correct its header row"
            )


def _note_file_problems(data: Return903, notes: Notes) -> None:
    """What the reader found about whole files (a column missing, or one too many)."""
    for finding in data.problems:
        if finding.line is None:
            notes.add("file", finding.message, None, None, finding.file)


def _record(period: CollectionYear, wanted: list[FiledChild], summary: LoadSummary,
            progress: Progress | None) -> None:  # fmt: skip
    """One pass: every child in one batch; refusals roll the whole batch back."""
    stored = Stored.load([child.child_id for child in wanted if child.child_id])
    created: Counter[str] = Counter()
    notes = Notes()
    refused: dict[int, Problem] = {}
    with batch():
        for done, child in enumerate(wanted, start=1):
            try:
                ChildImport(child, stored, period, created, notes).record()
            except ChildRefused as refusal:
                refused[child.position] = refusal.problem
            if progress is not None:
                progress(done, len(wanted))
        if refused:
            raise _Refusals(refused)
    summary.created = created
    for key, count in notes.counts.items():
        summary.notes.counts[key] += count
        summary.notes.examples.setdefault(key, notes.examples[key])


def _by_child(filed: list[FiledChild], problems: dict[int, list[Problem]]
              ) -> dict[str, list[Problem]]:  # fmt: skip
    """The problems keyed by the child's id (or the file and line, when it has none)."""
    found: dict[str, list[Problem]] = {}
    for position, listed in sorted(problems.items()):
        child = filed[position]
        row = child.first_row
        key = child.child_id or f"(no CHILD, {row['file']} line {row['line']})"
        found.setdefault(key, []).extend(listed)
    return found
