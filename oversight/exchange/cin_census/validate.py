"""Validate a CIN census file: read it, then run every rule of the year on its tables."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import polars as pl

from oversight.exchange.cin_census.read import CinData, read_cin
from oversight.exchange.cin_census.spec import CensusPeriod
from oversight.exchange.validation import Report, RuleBook, collection_paused

YEARS = ("2025-26",)


def rule_book(year: str) -> RuleBook[CinData[pl.LazyFrame]]:
    if year not in YEARS:
        raise ValueError(f"the CIN census rules are here for {', '.join(YEARS)}, not {year}")
    from oversight.exchange.cin_census.rules import RULES

    return RULES


def validate_data(cin: CinData[pl.DataFrame], year: str = YEARS[-1]) -> Report:
    report = rule_book(year).run(cin.lazy(), file=cin.file)
    report.findings[:0] = cin.format_findings
    return report


def validate_cin(
    source: str | Path | IO[bytes], year: str = YEARS[-1], name: str | None = None
) -> Report:
    """Every finding for the file; ``CinUnreadable`` when it cannot be read at all."""
    rule_book(year)  # an unknown year is refused before the file is read
    with collection_paused():
        return validate_data(read_cin(source, CensusPeriod.from_label(year), name), year)
