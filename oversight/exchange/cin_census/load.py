"""Import a CIN census file into the records, through the casework services, atomically.

Either the whole file goes in, or nothing does: a child who cannot be imported (a value
that cannot be read, a code the records do not know, an event the services refuse)
stops the import and every reason is reported (``CensusNotImported``). With
``quarantine``, those children are held back, each with the rule, field and value, and
the rest go in. A file that is not a CIN census at all (not well-formed XML) never goes
in. Values the records have no place for (a former UPN, an internal review date, ...)
are counted in the summary's notes: nothing is dropped silently.

All the children are recorded in one batch (one transaction, inserted together), and a
failure of any other kind on the way leaves the records as they were. Each record's
``origin`` names the file and the line it came from. Importing the same file again
records nothing: events are matched with what the records hold by LAchildID and dates.
Children's names are not in the census: imported children get a placeholder that says so.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from oversight.casework.services import batch
from oversight.exchange.cin_census.load_checks import Problem, problems_by_child
from oversight.exchange.cin_census.load_child import ChildImport, ChildRefused, Notes
from oversight.exchange.cin_census.load_file import FiledChild, filed_children
from oversight.exchange.cin_census.load_stored import Stored
from oversight.exchange.cin_census.read import CinData, read_cin
from oversight.exchange.cin_census.spec import CensusPeriod
from oversight.exchange.cin_census.validate import YEARS

# What the summary counts, in the order it lists them, and what it calls them.
KINDS = {
    "children": ("child", "children"), "episodes": ("CIN episode", "CIN episodes"),
    "assessments": ("assessment", "assessments"),
    "section47s": ("section 47 enquiry", "section 47 enquiries"),
    "initial_conferences": ("initial conference", "initial conferences"),
    "cin_plans": ("CIN plan", "CIN plans"),
    "cp_plans": ("child protection plan", "child protection plans"),
    "reviews": ("review conference", "review conferences"),
}  # fmt: skip
Progress = Callable[[int, int], None]  # (children done, children to do)


@dataclass
class LoadSummary:
    """What an import recorded, what it held back and why, and what it did not keep."""

    file: str
    children_in_file: int
    created: Counter[str] = field(default_factory=Counter)
    held_back: dict[str, list[Problem]] = field(default_factory=dict)  # by child (or line)
    children_held_back: int = 0  # children, not ids: two children may share an id
    notes: Notes = field(default_factory=Notes)
    seconds: float = 0.0

    @property
    def children_loaded(self) -> int:
        return self.children_in_file - self.children_held_back


class CensusNotImported(Exception):
    """Nothing was imported: the children that could not be, and every reason."""

    def __init__(self, file: str, held_back: dict[str, list[Problem]], count: int) -> None:
        reasons = sum(len(found) for found in held_back.values())
        super().__init__(
            f"{file}: nothing was imported: {children(count)} cannot be "
            f"({reasons} reasons). Correct the file, or import with quarantine to hold "
            "those children back and import the rest."
        )
        self.file = file
        self.held_back = held_back


def children(count: int) -> str:
    return f"{count:,} child" if count == 1 else f"{count:,} children"


class _Refusals(Exception):
    """Children the services refused during a pass: the pass's batch is rolled back."""

    def __init__(self, refused: dict[int, Problem]) -> None:
        super().__init__(f"{len(refused)} children refused")
        self.refused = refused


def load_cin(
    source: str | Path | IO[bytes],
    *,
    quarantine: bool = False,
    name: str | None = None,
    progress: Progress | None = None,
) -> LoadSummary:
    """Import the census file ``source``; ``CinUnreadable`` if it is not one at all."""
    started = time.perf_counter()
    cin = read_cin(source, CensusPeriod.from_label(YEARS[-1]), name)
    children = filed_children(cin)
    summary = LoadSummary(cin.file, len(children))
    problems = problems_by_child(children, cin.format_findings)
    if problems and not quarantine:
        raise CensusNotImported(cin.file, _by_child(children, problems), len(problems))
    wanted = [child for child in children if child.position not in problems]
    while True:
        try:
            _record(cin, _period_of(cin), wanted, summary, progress)
            break
        except _Refusals as refusals:
            problems.update({at: [problem] for at, problem in refusals.refused.items()})
            if not quarantine:
                held_back = _by_child(children, problems)
                raise CensusNotImported(cin.file, held_back, len(problems)) from None
            wanted = [child for child in wanted if child.position not in refusals.refused]
    summary.held_back = _by_child(children, problems)
    summary.children_held_back = len(problems)
    summary.seconds = time.perf_counter() - started
    return summary


def _record(
    cin: CinData, period: CensusPeriod, children: list[FiledChild], summary: LoadSummary,
    progress: Progress | None,
) -> None:  # fmt: skip
    """One pass: every child in one batch; refusals roll the whole batch back."""
    stored = Stored.load([child.la_child_id for child in children if child.la_child_id])
    created: Counter[str] = Counter()
    notes = Notes()
    refused: dict[int, Problem] = {}
    with batch():
        for done, child in enumerate(children, start=1):
            try:
                ChildImport(child, stored, cin.file, period, created, notes).record()
            except ChildRefused as refusal:
                refused[child.position] = refusal.problem
            if progress is not None:
                progress(done, len(children))
        if refused:
            raise _Refusals(refused)
    summary.created, summary.notes = created, notes


def _period_of(cin: CinData) -> CensusPeriod:
    """The census year the file is for, by its reference date (the latest year if unread)."""
    reference = cin.header.get("ReferenceDate")
    if reference is None:
        return cin.period
    start = reference.year - 1 if reference.month <= 3 else reference.year
    return CensusPeriod.from_label(f"{start}-{(start + 1) % 100:02d}")


def _by_child(
    children: list[FiledChild], problems: dict[int, list[Problem]]
) -> dict[str, list[Problem]]:
    """The problems keyed by the child's LAchildID (or line, when it has none)."""
    found: dict[str, list[Problem]] = {}
    for position, listed in sorted(problems.items()):
        child = children[position]
        key = child.la_child_id or f"(no LAchildID, line {child.line})"
        found.setdefault(key, []).extend(listed)
    return found
