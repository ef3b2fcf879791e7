"""Checking a return with its validator, and saying how much of the year's rules it covered.

The CIN census and SSDA903 validators answer differently (a report; a report with its
coverage); ``Checked`` is the one shape a stored run is made from. Each raises its own
error when a file cannot be read at all (``CinUnreadable``, ``Unreadable903``): nothing
is checked, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from oversight.exchange.cin_census import validate as cin
from oversight.exchange.cin_census.read import CinUnreadable
from oversight.exchange.local_authority import configured_la
from oversight.exchange.ssda903 import validate as ssda903
from oversight.exchange.ssda903.read import Unreadable903
from oversight.exchange.validation import Report
from oversight.exchange.validation_runs.models import ReturnKind

# The collection years whose rules are held here, for each return.
YEARS = {ReturnKind.CIN_CENSUS: cin.YEARS, ReturnKind.SSDA903: ssda903.YEARS}
UNREADABLE = (CinUnreadable, Unreadable903)


@dataclass(frozen=True)
class Checked:
    """A return's findings, the files they came from, and the rules of the year run."""

    report: Report
    files: list[str]
    rules_in_year: int
    rules_checked: int
    rules_need_last_year: int = 0
    rules_need_la: int = 0

    @property
    def not_checked(self) -> int:
        """Rules that raised: reported as not checked, never as passed."""
        return len({finding.rule for finding in self.report.failures})


def check_cin(source: str | Path | IO[bytes], year: str, name: str) -> Checked:
    report = cin.validate_cin(source, year, name=name)
    failed = len({finding.rule for finding in report.failures})
    return Checked(report, [name], len(cin.rule_book(year).catalogue), report.rules_run - failed)


def check_903(
    paths: Iterable[str | Path], year: str, previous: Iterable[str | Path] = ()
) -> Checked:
    """This year's files and, when given, last year's (for the rules that compare the two),
    from the LA this installation serves (OVERSIGHT_LA_CODE), when it is set."""
    paths, previous = list(paths), list(previous)
    validation = ssda903.validate_903(paths, year, previous, configured_la())
    files = [Path(p).name for p in paths] + [f"last year: {Path(p).name}" for p in previous]
    found = validation.coverage
    return Checked(
        validation.report, files, found.in_year, found.checked, found.need_last_year,
        found.need_la,
    )  # fmt: skip
