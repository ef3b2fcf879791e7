"""What the adoption rules share: the child's decisions to place for adoption, the runs of
placements for adoption, the periods of care, and whether a value was given at all.

A decision is a row of the "should be placed for adoption" file: the date of the decision
(DATE_PLACED) and, if it was reversed, the date and reason it ceased. A child may have
several, each earlier one reversed before the next (rules 579 and 583), so the decision that
stands now, or that led to an adoption, is the child's latest: the one with the latest date.
"""

from __future__ import annotations

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.common import (
    episodes_in_order,
    given,
    in_order,
    is_one_of,
    per_return,
    previous,
)
from oversight.exchange.ssda903.spec import ID

ADOPTED = {"E11", "E12"}
PLACED_FOR_ADOPTION = {"A3", "A4", "A5", "A6"}
WITH_CURRENT_FOSTER_CARERS = {"A3", "A5"}
UNDER_A_PLACEMENT_ORDER = {"A5", "A6"}
FOSTER_CARE = {"U1", "U2", "U3", "U4", "U5", "U6"}
PLACEMENT_ORDER = "E1"
CHANGE_OF_PLACEMENT = "X1"  # the episode ended but the child is still looked after


def readable(data: Return903, table: str, frame: pl.LazyFrame, column: str) -> pl.LazyFrame:
    """The rows of ``frame`` whose ``column`` was not an unreadable value."""
    unread = data.unreadable.filter((pl.col("table") == table) & (pl.col("field") == column))
    return frame.join(unread.select("file", "line"), on=["file", "line"], how="anti")


def flagged(frame: pl.LazyFrame, children: pl.LazyFrame, name: str) -> pl.LazyFrame:
    """``frame`` with a column ``name``: whether the row's child is one of ``children``."""
    marked = children.select(ID).unique().with_columns(pl.lit(True).alias(name))
    return frame.join(marked, on=ID, how="left").with_columns(pl.col(name).fill_null(False))


@per_return
def decisions(data: Return903) -> pl.LazyFrame:
    """The decisions, each marked whether it was reversed (its date or reason of ceasing given)."""
    table = "placed_for_adoption"
    return data.placed_for_adoption.with_columns(
        _decided=given(data, table, "DATE_PLACED"),
        _ceased_on=given(data, table, "DATE_PLACED_CEASED"),
        _reversed=given(data, table, "DATE_PLACED_CEASED")
        | pl.col("REASON_PLACED_CEASED").is_not_null(),
    )


@per_return
def latest_decisions(data: Return903) -> pl.LazyFrame:
    """Each child's latest decision (by its date, then its line in the file)."""
    ordered = in_order(decisions(data), start="DATE_PLACED")
    return ordered.filter(pl.col("_last")).drop("_number", "_last")


def with_periods(episodes: pl.LazyFrame) -> pl.LazyFrame:
    """A child's episodes in order, each with its period of care (``_period``, numbered across
    the return) and the day that period began here (``period began``).

    A period begins at the child's first episode in the return or at one that starts care
    (RNE S); a period that began before the return's first episode is dated by that episode."""
    ordered = in_order(episodes)
    begins = (pl.col("_number") == 0) | (pl.col("RNE") == "S").fill_null(False)
    ordered = ordered.with_columns(_period=begins.cast(pl.Int64).cum_sum())
    return ordered.with_columns(pl.col("DECOM").min().over("_period").alias("period began"))


def adoptions(data: Return903) -> pl.LazyFrame:
    """Each episode that ended in adoption (E11, E12), with the day the child was placed for
    adoption: the start of the unbroken run of placements for adoption (A3 to A6) that ended
    in it (or the episode's own start, if it was not a placement for adoption)."""
    episodes = episodes_in_order(data).with_columns(*previous("PLACE"))
    placed = is_one_of("PLACE", PLACED_FOR_ADOPTION).fill_null(False)
    placed_before = is_one_of("previous PLACE", PLACED_FOR_ADOPTION).fill_null(False)
    begins = (pl.col("_number") == 0) | ~placed | ~placed_before
    episodes = episodes.with_columns(_run=begins.cast(pl.Int64).cum_sum())
    placed_on = pl.col("DECOM").min().over("_run")
    episodes = episodes.with_columns(placed_on.alias("placed for adoption"))
    return episodes.filter(is_one_of("REC", ADOPTED).fill_null(False))


def adopted_in_the_year(data: Return903) -> pl.LazyFrame:
    """Episodes that ended in adoption during the collection year."""
    year = data.year
    in_year = (pl.col("DEC") >= year.start) & (pl.col("DEC") <= year.end)
    return data.episodes.filter(is_one_of("REC", ADOPTED).fill_null(False) & in_year)


def one_row_each(frame: pl.LazyFrame) -> pl.LazyFrame:
    """A file that should hold one row per child, with the first row of each."""
    return frame.filter(pl.col(ID).is_not_null()).unique(ID, keep="first", maintain_order=True)
