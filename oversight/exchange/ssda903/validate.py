"""Validate an SSDA903 return: read its files, run the rules of the year, say how many ran.

Not every rule of the year is built yet, and the rules that compare with last year's return
run only when it is given: the coverage line says so, so that a partial check is never
mistaken for the DfE's full one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from oversight.exchange.ssda903.read import Return903, read_903
from oversight.exchange.ssda903.spec import CollectionYear
from oversight.exchange.validation import Report, RuleBook, collection_paused

YEARS = ("2025-26",)


@dataclass(frozen=True)
class Coverage:
    """How many of the year's rules were checked, and why the others were not."""

    year: str
    in_year: int
    checked: int
    failed: int
    need_last_year: int
    need_la: int = 0

    @property
    def not_built(self) -> int:
        return self.in_year - self.checked - self.failed - self.need_last_year - self.need_la

    def __str__(self) -> str:
        reasons = [f"{self.not_built} not built here yet"]
        if self.failed:
            reasons.append(f"{self.failed} failed to run")
        if self.need_last_year:
            reasons.append(
                f"{self.need_last_year} need last year's return (give it with --previous)"
            )
        if self.need_la:
            reasons.append(
                f"{self.need_la} need the LA's code (give it with --la, or set OVERSIGHT_LA_CODE)"
            )
        return (
            f"{self.checked} of {self.in_year} rules of {self.year} checked here; "
            f"not checked: {', '.join(reasons)}"
        )


@dataclass(frozen=True)
class Validation:
    report: Report
    coverage: Coverage


def rule_book(year: str) -> RuleBook[Return903[pl.LazyFrame]]:
    if year not in YEARS:
        raise ValueError(f"the SSDA903 rules are here for {', '.join(YEARS)}, not {year}")
    from oversight.exchange.ssda903.rules import RULES

    return RULES


def validate_data(data: Return903[pl.DataFrame], year: str = YEARS[-1]) -> Validation:
    from oversight.exchange.ssda903.rules.book import COVERS, LAST_YEAR, NEEDS_LA

    book = rule_book(year)
    no_last_year = {c for c in book.rules if data.previous is None and c in LAST_YEAR}
    no_la = {c for c in book.rules if data.la is None and c in NEEDS_LA} - no_last_year
    chosen = [c for c in book.rules if c not in no_last_year | no_la]
    report = book.run(data.lazy(), only=chosen)
    failed = {f.rule for f in report.failures}
    # Unreadable values of a column that a DfE rule reports are left to that rule.
    covered = [place for place, code in COVERS.items() if code in chosen and code not in failed]
    before = data.problems + data.format_findings(skip=covered)
    if data.previous is not None:
        before += data.previous.format_findings()
    report.findings[:0] = before
    coverage = Coverage(
        year, len(book.catalogue), len(chosen) - len(failed), len(failed), len(no_last_year),
        len(no_la),
    )  # fmt: skip
    return Validation(report, coverage)


def validate_903(
    paths: Iterable[str | Path],
    year: str = YEARS[-1],
    previous: Iterable[str | Path] = (),
    la: str | None = None,
) -> Validation:
    """Every finding for the files; ``Unreadable903`` when nothing in them can be read.
    ``la`` is the GSS code of the LA the return is from (``local_authority.gss_code``),
    without which the rules about placements inside the LA are not checked."""
    rule_book(year)  # an unknown year is refused before the files are read
    with collection_paused():
        data = read_903(paths, CollectionYear.from_label(year), previous, la)
        return validate_data(data, year)
