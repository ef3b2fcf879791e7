"""What the SSDA903 rules share: the rows a rule reports, code and date checks, ages, order.

A rule returns the rows that break it with ``CHILD``, ``line``, ``file`` and the fields
involved. Blank values are null; a code check never reports a blank unless the field must
be completed. Episodes are put in order by start date (then by line, so that two episodes
starting on one day keep the order of the file).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES, reports_unreadable
from oversight.exchange.ssda903.spec import ID
from oversight.exchange.validation.rulebook import collected

WHERE = (ID, "line", "file")


def report(frame: pl.LazyFrame, *fields: str | pl.Expr) -> pl.LazyFrame:
    """The rows as findings: the child, where, and the fields involved with their values."""
    return frame.select(*WHERE, *fields)


def per_return(
    derive: Callable[[Return903], pl.LazyFrame],
) -> Callable[[Return903], pl.LazyFrame]:
    """Decorate a table derived from the return alone: computed once per return, then
    shared by every rule that uses it (``Return903.derive``)."""
    name = f"{derive.__module__}.{derive.__qualname__}"

    @functools.wraps(derive)
    def once(data: Return903) -> pl.LazyFrame:
        return data.derive(name, derive)

    return once


def given(data: Return903, table: str, column: str) -> pl.Expr:
    """The value was given, whether or not it could be read (an unreadable one is not blank)."""
    places = data.derive("unreadable places", _unreadable_places).get((table, column))
    if not places:
        return pl.col(column).is_not_null()
    at = pl.concat_str("file", pl.lit(":"), "line")
    return pl.col(column).is_not_null() | at.is_in(places)


def _unreadable_places(data: Return903) -> dict[tuple[str, str], list[str]]:
    """Where each (table, column)'s unreadable values are, as "file:line"."""
    at = pl.concat_str("file", pl.lit(":"), "line")
    unread = collected(data.unreadable.select("table", "field", at.alias("_at")))
    places: dict[tuple[str, str], list[str]] = {}
    for table, column, place in unread.iter_rows():
        places.setdefault((table, column), []).append(place)
    return places


def is_one_of(column: str, codes: Iterable[str]) -> pl.Expr:
    return pl.col(column).is_in(sorted(codes))


def not_one_of(column: str, codes: Iterable[str]) -> pl.Expr:
    """The value is given and is not one of ``codes`` (null when blank, so never reported)."""
    return pl.col(column).is_not_null() & ~pl.col(column).is_in(sorted(codes))


def code_rule(code: str, table: str, column: str, codes: Iterable[str], required: bool) -> None:
    """Register rule ``code``: ``column`` must be one of ``codes`` (and given, if ``required``)."""
    valid = frozenset(codes)

    @RULES.rule(code)
    def code_is_valid(data: Return903) -> pl.LazyFrame:
        frame = data.table(table)
        wrong = not_one_of(column, valid)
        if required:
            wrong = wrong | pl.col(column).is_null()
        return report(frame.filter(wrong), column)


def date_rule(code: str, table: str, column: str, required: bool) -> None:
    """Register rule ``code``: ``column`` must be a date (and given, if ``required``)."""
    reports_unreadable(code, table, column)

    @RULES.rule(code)
    def date_is_valid(data: Return903) -> pl.LazyFrame:
        frame = data.table(table)
        unread = data.unreadable.filter((pl.col("table") == table) & (pl.col("field") == column))
        unread = unread.select(*WHERE, pl.col("value").alias(column))
        if not required:
            return unread
        blank = frame.filter(pl.col(column).is_null()).join(unread, on=["file", "line"],
                                                             how="anti")  # fmt: skip
        blank = blank.select(*WHERE, pl.lit(None, pl.String).alias(column))
        return pl.concat([unread, blank]).sort("file", "line")


def age(born: pl.Expr, on: pl.Expr) -> pl.Expr:
    """Whole years from ``born`` to ``on``; a birthday counts from the day itself."""

    def day_of_year(day: pl.Expr) -> pl.Expr:  # month and day as one number: 15 June is 615
        return day.dt.month().cast(pl.Int32) * 100 + day.dt.day().cast(pl.Int32)

    before_birthday = day_of_year(on) < day_of_year(born)
    return on.dt.year().cast(pl.Int32) - born.dt.year() - before_birthday.cast(pl.Int32)


def with_header(data: Return903, frame: pl.LazyFrame, *columns: str) -> pl.LazyFrame:
    """``frame`` with the child's ``columns`` from the header (the first row, if repeated)."""
    return frame.join(header_once_a_child(data).select(ID, *columns), on=ID, how="left")


@per_return
def header_once_a_child(data: Return903) -> pl.LazyFrame:
    """The header's first row of each child (a child given twice is INT32's to report)."""
    return data.header.unique(ID, keep="first", maintain_order=True)


def in_order(frame: pl.LazyFrame, start: str = "DECOM") -> pl.LazyFrame:
    """Each child's rows with a ``start`` date, in order: ``_number`` counts from 0 and
    ``_last`` marks the child's last row."""
    ordered = frame.filter(pl.col(start).is_not_null()).sort(ID, start, "line")
    # Sorted by child, a child's rows are together: plain shifts are much faster than
    # a window per child, and a change of child marks where each child's rows begin.
    row = pl.int_range(pl.len(), dtype=pl.Int64)
    begins = pl.col(ID).ne_missing(pl.col(ID).shift(1))
    return ordered.with_columns(
        _number=row - pl.when(begins).then(row).forward_fill(),
        _last=pl.col(ID).ne_missing(pl.col(ID).shift(-1)),
    )


@per_return
def episodes_in_order(data: Return903) -> pl.LazyFrame:
    """The return's episodes, in order (``in_order``)."""
    return in_order(data.episodes)


def same_child_shifted(column: str, rows: int) -> pl.Expr:
    """``column`` ``rows`` rows before (or after, if negative), if that row is the same child's.

    The frame must be in child order (``in_order``)."""
    same = pl.col(ID).shift(rows).eq_missing(pl.col(ID))
    return pl.when(same).then(pl.col(column).shift(rows))


def previous(*columns: str) -> list[pl.Expr]:
    """The same child's previous row's ``columns`` (rows in order), as ``previous X``."""
    return [same_child_shifted(c, 1).alias(f"previous {c}") for c in columns]


def following(*columns: str) -> list[pl.Expr]:
    """The same child's next row's ``columns`` (rows in order), as ``next X``."""
    return [same_child_shifted(c, -1).alias(f"next {c}") for c in columns]


def differs(left: str, right: str) -> pl.Expr:
    """The two values differ, a blank counting as a value (two blanks are the same)."""
    return pl.col(left).ne_missing(pl.col(right))
