"""A rule book: the rules of one return and year, registered against the DfE's catalogue.

Each rule is registered by its code; its message and kind come from the catalogue, so
the text a user sees is always the DfE's own. A rule returns a Polars frame of the rows
that break it. The column named ``id_column`` gives the child (absent for rules about
the whole return), ``line`` and ``file`` say where, and every other column is a field
involved, reported with its value. Private columns start with an underscore.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import polars as pl

from oversight.exchange.validation.catalogue import Catalogue, RuleInfo
from oversight.exchange.validation.findings import FAILURE, Finding, Report

Data = TypeVar("Data")
Check = Callable[[Data], pl.DataFrame]
PLACES = ("line", "file")


@dataclass(frozen=True)
class Rule(Generic[Data]):
    info: RuleInfo
    check: Check[Data]

    @property
    def code(self) -> str:
        return self.info.code


class RuleBook(Generic[Data]):
    def __init__(self, catalogue: Catalogue, id_column: str) -> None:
        self.catalogue = catalogue
        self.id_column = id_column
        self.rules: dict[str, Rule[Data]] = {}

    def rule(self, code: str) -> Callable[[Check[Data]], Check[Data]]:
        """Register the decorated function as the check for ``code``."""
        info = self.catalogue[code]

        def register(check: Check[Data]) -> Check[Data]:
            if code in self.rules:
                raise ValueError(f"rule {code} is registered twice")
            self.rules[code] = Rule(info, check)
            return check

        return register

    def missing(self) -> list[str]:
        """Codes in the catalogue with no check registered."""
        return [code for code in self.catalogue if code not in self.rules]

    def run(self, data: Data, only: Iterable[str] | None = None, file: str | None = None) -> Report:
        """Run every rule (or ``only`` these) over ``data``, read from ``file``."""
        report = Report()
        chosen = [self.rules[c] for c in only] if only is not None else self.rules.values()
        for rule in chosen:
            report.findings.extend(self.check(rule, data, file))
            report.rules_run += 1
        return report

    def check(self, rule: Rule[Data], data: Data, file: str | None = None) -> list[Finding]:
        """The findings of one rule; a rule that raises is one FAILURE finding, never a pass."""
        try:
            broken = rule.check(data)
            return self.findings(rule.info, broken, file)
        except Exception as error:  # reported, never swallowed: see FAILURE
            where = traceback.extract_tb(error.__traceback__)[-1]
            reason = f"{type(error).__name__}: {error} (at {where.name}, line {where.lineno})"
            message = (
                f"This rule could not be checked, so the file is not known to pass it: {reason}"
            )
            return [Finding(rule.info.code, FAILURE, message, file=file)]

    def findings(
        self, info: RuleInfo, broken: pl.DataFrame, file: str | None = None
    ) -> list[Finding]:
        names = broken.columns
        involved = [
            i for i, c in enumerate(names)
            if c != self.id_column and c not in PLACES and not c.startswith("_")
        ]  # fmt: skip
        child_at, line_at, file_at = (_index(names, c) for c in (self.id_column, *PLACES))
        found = []
        for row in broken.iter_rows():
            child = None if child_at is None else row[child_at]
            found.append(
                Finding(
                    info.code,
                    info.kind,
                    info.message,
                    None if child is None else str(child),
                    tuple((names[i], shown(row[i])) for i in involved),
                    None if line_at is None else row[line_at],
                    (None if file_at is None else row[file_at]) or file,
                )
            )
        return found


def _index(names: list[str], name: str) -> int | None:
    return names.index(name) if name in names else None


def shown(value: object) -> str:
    """A value as the user typed it in the return: dates as YYYY-MM-DD, blanks as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
