"""A rule book: the rules of one return and year, registered against the DfE's catalogue.

Each rule is registered by its code; its message and kind come from the catalogue, so
the text a user sees is always the DfE's own. A rule returns a Polars frame of the rows
that break it. The column named ``id_column`` gives the child (absent for rules about
the whole return), ``line`` and ``file`` say where, and every other column is a field
involved, reported with its value. Private columns start with an underscore.

A rule may return a lazy query (``pl.LazyFrame``) instead, and most do: the book's lazy
queries then run together in batches, with Polars' in-memory engine and none of its
query optimisations but expression simplification (see ``collected_together``). On
returns of a few thousand children a Polars step run on its own costs a fixed tenth of a
millisecond or so whatever the rows, most of it handing the step to Polars' threads and
back.
"""

from __future__ import annotations

import gc
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
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
# Lazy queries run together in batches of this many (see ``RuleBook.run``).
BATCH = 32
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
        """Run every rule (or ``only`` these) over ``data``, read from ``file``.

        The rules' lazy queries run in batches, each batch all together in Polars'
        threads (see ``collected_together``) while the next batch's queries are made
        in Python. Should a batch fail, each of its queries runs on its own, so that
        only the rule at fault is reported as not checked."""
        chosen = [self.rules[c] for c in only] if only is not None else list(self.rules.values())
        found: list[list[Finding]] = [[] for _ in chosen]
        batches: list[tuple[dict[int, pl.LazyFrame], Future[list[pl.DataFrame]]]] = []
        with ThreadPoolExecutor(1, thread_name_prefix="rules") as runner:
            batch: dict[int, pl.LazyFrame] = {}
            for index, rule in enumerate(chosen):
                try:
                    broken = rule.check(data)
                    if isinstance(broken, pl.LazyFrame):
                        batch[index] = broken
                    else:
                        found[index] = self.findings(rule.info, broken, file)
                except Exception as error:  # reported, never swallowed: see FAILURE
                    found[index] = [_failure(rule, error, file)]
                if len(batch) == BATCH or (batch and index == len(chosen) - 1):
                    batches.append((batch, runner.submit(collected_together, [*batch.values()])))
                    batch = {}
            for batch, running in batches:
                self.report_batch(chosen, data, file, batch, running, found)
        report = Report(rules_run=len(chosen))
        for each in found:
            report.findings.extend(each)
        return report

    def report_batch(
        self,
        chosen: list[Rule[Data]],
        data: Data,
        file: str | None,
        batch: dict[int, pl.LazyFrame],
        running: Future[list[pl.DataFrame]],
        found: list[list[Finding]],
    ) -> None:
        try:
            done = running.result()
        except Exception:  # one of them is at fault: each runs on its own, to say which
            for index, query in batch.items():
                found[index] = self.check(chosen[index], data, file, query)
            return
        for index, broken in zip(batch, done, strict=True):
            rule = chosen[index]
            try:
                found[index] = self.findings(rule.info, broken, file)
            except Exception as error:  # reported, never swallowed: see FAILURE
                found[index] = [_failure(rule, error, file)]

    def check(
        self,
        rule: Rule[Data],
        data: Data,
        file: str | None = None,
        query: pl.LazyFrame | None = None,
    ) -> list[Finding]:
        """The findings of one rule (whose ``query`` may be made already); a rule that
        raises is one FAILURE finding, never a pass."""
        try:
            broken = rule.check(data) if query is None else query
            if isinstance(broken, pl.LazyFrame):
                broken = collected(broken)
            return self.findings(rule.info, broken, file)
        except Exception as error:  # reported, never swallowed: see FAILURE
            return [_failure(rule, error, file)]

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


def _failure(rule: Rule[Any], error: Exception, file: str | None) -> Finding:
    """The one finding of a rule that raised: it was not checked, so not passed."""
    where = traceback.extract_tb(error.__traceback__)[-1]
    reason = f"{type(error).__name__}: {error} (at {where.name}, line {where.lineno})"
    message = f"This rule could not be checked, so the file is not known to pass it: {reason}"
    return Finding(rule.info.code, FAILURE, message, file=file)


def collected(query: pl.LazyFrame) -> pl.DataFrame:
    """A rule's lazy query run, as rules' queries are (see ``AS_WRITTEN``)."""
    return query.collect(optimizations=AS_WRITTEN, engine="in-memory")


def collected_together(queries: list[pl.LazyFrame]) -> list[pl.DataFrame]:
    """Many rules' queries run as rules' queries are, all at once.

    Polars runs each step of a query in its pool of worker threads. A query run from
    Python hands each step to a worker and waits for it back, and on a return of a
    thousand children that costs more than the step's work: a filter of ten rows takes
    about 80 microseconds, nearly all of it the hand-over. Queries run together are
    handed over once, and their steps run on the workers themselves, side by side."""
    if not queries:
        return []
    return pl.collect_all(queries, optimizations=AS_WRITTEN, engine="in-memory")


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
