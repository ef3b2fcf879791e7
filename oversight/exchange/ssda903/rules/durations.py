"""Rules about how long a legal status or a placement may last.

A short legal status (police protection, emergency protection, a child assessment order,
PACE detention) is measured over the unbroken run of episodes under it: one episode after
another, each starting the day the last one ended. An episode still open at the end of the
year is measured to the last day of the year, since it has lasted at least that long.
"""

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import episodes_in_order, previous, report


def ended_or_year_end(data: Return903) -> pl.Expr:
    return pl.col("DEC").fill_null(pl.lit(data.year.end))


def legal_status_rule(code: str, legal_status: str, most_days: int) -> None:
    """Register rule ``code``: an unbroken run under ``legal_status`` lasts ``most_days``."""

    @RULES.rule(code)
    def legal_status_not_too_long(data: Return903) -> pl.LazyFrame:
        episodes = episodes_in_order(data).with_columns(*previous("LS", "DEC"))
        # A run breaks at a new child, a new legal status, or a day between episodes.
        breaks = (
            (pl.col("_number") == 0)
            | pl.col("LS").ne_missing(pl.col("previous LS"))
            | pl.col("DECOM").ne_missing(pl.col("previous DEC"))
        )
        runs = episodes.with_columns(_run=breaks.cast(pl.Int32).cum_sum())
        spans = runs.group_by("_run").agg(
            pl.col("DECOM").min().alias("run began"),
            ended_or_year_end(data).max().alias("run ended"),
        )
        runs = runs.join(spans, on="_run", how="left")
        days = (pl.col("run ended") - pl.col("run began")).dt.total_days()
        broken = runs.filter((pl.col("LS") == legal_status) & (days > most_days))
        return report(broken, "LS", "DECOM", "DEC", "run began", "run ended")


# 72 hours of police protection; the other limits are the DfE's, in days.
legal_status_rule("361", "L1", 3)
legal_status_rule("362", "L2", 21)
legal_status_rule("363", "L3", 7)
legal_status_rule("364", "J2", 21)


def episode_length_rule(code: str, column: str, value: str, most_days: int) -> None:
    """Register rule ``code``: one episode with ``column`` = ``value`` lasts ``most_days``."""

    @RULES.rule(code)
    def episode_not_too_long(data: Return903) -> pl.LazyFrame:
        days = (ended_or_year_end(data) - pl.col("DECOM")).dt.total_days()
        broken = data.episodes.filter((pl.col(column) == value) & (days > most_days))
        return report(broken, column, "DECOM", "DEC")


# A short-term break (V3) of 17 days; hospital (T1) six weeks; carers' holiday (T3) three
# weeks; a temporary placement for another reason (T4) seven days.
episode_length_rule("365", "LS", "V3", 17)
episode_length_rule("375", "PLACE", "T1", 42)
episode_length_rule("376", "PLACE", "T3", 21)
episode_length_rule("379", "PLACE", "T4", 7)
