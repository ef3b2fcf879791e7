"""When plans overlap: the date arithmetic shared by the CIN plan and protection plan rules.

A plan runs from its start date to its end date, or to the reference date while it is
open. The rules compare plans of one child (joined on ``child``, the child's place in
the file, since two children may share an LAchildID).
"""

from __future__ import annotations

from datetime import date

import polars as pl


def runs_to(end: str, reference: date) -> pl.Expr:
    """The last day of a plan: its end date, or the reference date while it is open."""
    return pl.col(end).fill_null(pl.lit(reference))


def starting_within_another(
    plans: pl.LazyFrame, plan: str, start: str, end: str, reference: date
) -> pl.LazyFrame:
    """Each plan whose start falls within another plan of the same child, both ends included.

    ``plan`` names the column numbering the plans within an episode. The finding is about
    the plan that starts later (or both, when they start on one day), with the dates of the
    plan it falls within reported as ``other <field>``.
    """
    dated = plans.filter(pl.col(start).is_not_null())
    others = dated.select(
        "child",
        pl.col("episode").alias("_episode"),
        pl.col(plan).alias("_plan"),
        pl.col(start).alias(f"other {start}"),
        pl.col(end).alias(f"other {end}"),
    )
    pairs = dated.join(others, on="child")
    itself = (pl.col("episode") == pl.col("_episode")) & (pl.col(plan) == pl.col("_plan"))
    within = (pl.col(start) >= pl.col(f"other {start}")) & (
        pl.col(start) <= runs_to(f"other {end}", reference)
    )
    return pairs.filter(~itself & within).select(
        "LAchildID", "line", start, end, f"other {start}", f"other {end}"
    )


def starting_during(
    starting: pl.LazyFrame,
    start: str,
    spans: pl.LazyFrame,
    span_start: str,
    span_end: str,
    reference: date,
) -> pl.LazyFrame:
    """Pairs where a ``starting`` row starts while a ``spans`` row of the same child runs.

    A span runs from its start to the day before its end (a start on the day it ends is a
    handover, not an overlap), or to the reference date inclusive while it is open.
    """
    pairs = starting.join(spans.select("child", span_start, span_end), on="child")
    day = pl.col(start)
    during = (day >= pl.col(span_start)) & (
        pl.when(pl.col(span_end).is_null())
        .then(day <= pl.lit(reference))
        .otherwise(day < pl.col(span_end))
    )
    return pairs.filter(during)
