"""A rule book: the rules of one return and year, registered against the DfE's catalogue.

Each rule is registered by its code; its message and kind come from the catalogue, so
the text a user sees is always the DfE's own. A rule returns a Polars frame of the rows
that break it. The column named ``id_column`` gives the child (absent for rules about
the whole return), ``line`` and ``file`` say where, and every other column is a field
involved, reported with its value. Private columns start with an underscore.

A rule may return a lazy query (``pl.LazyFrame``) instead: its steps are then planned
together and run in one go, with Polars' in-memory engine and none of its query
optimisations but expression simplification. On returns of a few thousand children a
Polars step costs a fixed tenth of a millisecond or so, most of it planning, whatever
the rows; one plan for a rule's few steps costs about what one of its steps did.
"""

from __future__ import annotations

import gc
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import repeat
from typing import Any, Generic, TypeVar

import polars as pl

from oversight.exchange.validation.catalogue import Catalogue, RuleInfo
from oversight.exchange.validation.findings import FAILURE, Finding, Report

Data = TypeVar("Data")
Check = Callable[[Data], pl.DataFrame | pl.LazyFrame]
PLACES = ("line", "file")
# Rules run side by side in this many threads. Most of a rule's time is in Polars, which
# lets go of Python's lock while it works, so while one rule waits on Polars another runs;
# on small returns, where each Polars step costs a fixed tenth of a millisecond, this is
# most of the gain.
RULE_THREADS = 4
# How a rule's lazy query is run: one small plan, as written. The optimiser's passes cost
# more than they save on plans of a few steps over tables that fit in memory; simplifying
# the expressions is kept (it is cheap, and what Polars' own eager steps do).
AS_WRITTEN = pl.QueryOptFlags.none(simplify_expression=True)


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
        chosen = [self.rules[c] for c in only] if only is not None else list(self.rules.values())
        # Rules are pure functions of the data: run side by side, their findings are the
        # same, and are kept in the rules' order.
        with ThreadPoolExecutor(RULE_THREADS, thread_name_prefix="rule") as pool:
            for found in pool.map(lambda rule: self.check(rule, data, file), chosen):
                report.findings.extend(found)
                report.rules_run += 1
        return report

    def check(self, rule: Rule[Data], data: Data, file: str | None = None) -> list[Finding]:
        """The findings of one rule; a rule that raises is one FAILURE finding, never a pass."""
        try:
            broken = rule.check(data)
            if isinstance(broken, pl.LazyFrame):
                broken = collected(broken)
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
        """One finding per row, built column by column: a large return has hundreds of
        thousands, and a loop over rows that formats each value is most of their cost."""
        rows = broken.height
        if rows == 0:
            return []
        names = broken.columns
        # In the order of the file, whatever order the rule's steps left them in.
        places = [place for place in ("file", "line") if place in names]
        if places:
            broken = broken.sort(places, nulls_last=True, maintain_order=True)
        involved = [
            c for c in names
            if c != self.id_column and c not in PLACES and not c.startswith("_")
        ]  # fmt: skip
        children = _column(broken, self.id_column, rows, _ids)
        lines = _column(broken, "line", rows, pl.Series.to_list)
        files = _column(broken, "file", rows, pl.Series.to_list)
        if file is not None:
            files = [given or file for given in files]
        # Each row's (field, value) pairs, and then each finding, are made by zip and
        # tuple.__new__ in C: no Python code runs per finding.
        pairs = [zip(repeat(c), shown_column(broken.get_column(c))) for c in involved]
        fields = zip(*pairs, strict=False) if involved else repeat((), rows)
        each = zip(repeat(info.code), repeat(info.kind), repeat(info.message), children, fields,
                   lines, files)  # fmt: skip
        return list(map(tuple.__new__, repeat(Finding), each))


def collected(query: pl.LazyFrame) -> pl.DataFrame:
    """A rule's lazy query run, as rules' queries are (see ``AS_WRITTEN``)."""
    return query.collect(optimizations=AS_WRITTEN, engine="in-memory")


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector paused while a return is read and checked.

    Reading and checking make hundreds of thousands of small objects (rows, findings) and
    no reference cycles; the collector, run at every few hundred of them, scanned them all
    again and again, and cost as much as making them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _column(
    frame: pl.DataFrame, name: str, rows: int, values: Callable[[pl.Series], list[Any]]
) -> list[Any]:
    """A column's values as a list, or ``None`` for every row when the frame has none."""
    return values(frame.get_column(name)) if name in frame.columns else [None] * rows


def _ids(column: pl.Series) -> list[Any]:
    """Child ids as text, missing ones as ``None``."""
    if column.dtype == pl.String:
        return column.to_list()
    if column.dtype.is_integer():
        return column.cast(pl.String).to_list()
    return [None if v is None else str(v) for v in column.to_list()]


def shown_column(column: pl.Series) -> list[str]:
    """``shown`` over a whole column; Polars formats the common types, as ``shown`` would."""
    dtype = column.dtype
    if dtype == pl.String:
        return column.fill_null("").to_list()
    if dtype == pl.Date:
        return column.dt.to_string("%Y-%m-%d").fill_null("").to_list()
    if dtype == pl.Boolean or dtype.is_integer():
        return column.cast(pl.String).fill_null("").to_list()
    return [shown(value) for value in column.to_list()]


def shown(value: object) -> str:
    """A value as the user typed it in the return: dates as YYYY-MM-DD, blanks as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
