"""Rules about the child's social worker episodes (returned since 2023/24).

A child looked after on 31 March has a social worker then: an episode open at the end of
the year. Episodes follow one another; each from April 2023 gives a reason.
"""

from datetime import date, timedelta

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import (
    date_rule,
    in_order,
    not_one_of,
    previous,
    report,
)
from oversight.exchange.ssda903.spec import ID

date_rule("SW04STG1", "social_worker_episodes", "SW_DECOM", required=True)
date_rule("SW05STG1", "social_worker_episodes", "SW_DEC", required=False)
# Social worker reasons were first returned for episodes from 1 April 2023.
REASONS_RETURNED_FROM = date(2023, 4, 1)
OVERLAP_ALLOWED = timedelta(days=7)  # the DfE allows a week's overlap at a handover


def in_start_order(data: Return903) -> pl.LazyFrame:
    return in_order(data.social_worker_episodes, start="SW_DECOM")


def looked_after_at_year_end(data: Return903) -> pl.LazyFrame:
    """Each child's episode open at the end of the year."""
    open_at_end = (pl.col("DECOM") <= data.year.end) & (
        pl.col("DEC").is_null() | (pl.col("DEC") > data.year.end)
    )
    return data.episodes.filter(open_at_end)


@RULES.rule("SW01aSTG1")
def episode_before_april_2023_has_an_id(data: Return903) -> pl.LazyFrame:
    episodes = data.social_worker_episodes
    wrong = (pl.col("SW_DECOM") < REASONS_RETURNED_FROM) & pl.col("SW_ID").is_null()
    return report(episodes.filter(wrong), "SW_ID", "SW_DECOM")


@RULES.rule("SW01bSTG1")
def episode_from_april_2023_is_complete(data: Return903) -> pl.LazyFrame:
    # Every episode from April 2023 has an id and a reason, a child's first one too (its
    # reason is then FCONTA, first contact).
    episodes = data.social_worker_episodes
    incomplete = pl.col("SW_ID").is_null() | pl.col("SW_REASON").is_null()
    wrong = (pl.col("SW_DECOM") >= REASONS_RETURNED_FROM) & incomplete
    return report(episodes.filter(wrong), "SW_ID", "SW_DECOM", "SW_REASON")


@RULES.rule("SW02STG1")
def social_worker_id_begins_sw_or_xx(data: Return903) -> pl.LazyFrame:
    sw_id = pl.col("SW_ID")
    wrong = ~sw_id.str.starts_with("SW") & ~sw_id.str.starts_with("XX")
    return report(data.social_worker_episodes.filter(wrong), "SW_ID")


@RULES.rule("SW06STG2")
def episode_starts_by_the_end_of_the_year(data: Return903) -> pl.LazyFrame:
    episodes = data.social_worker_episodes
    return report(episodes.filter(pl.col("SW_DECOM") > data.year.end), "SW_DECOM")


@RULES.rule("SW07STG2")
def episode_ends_in_the_reporting_period(data: Return903) -> pl.LazyFrame:
    # The social worker reporting period reaches back a year before the collection year.
    outside = (pl.col("SW_DEC") < data.year.social_workers_from) | (
        pl.col("SW_DEC") > data.year.end
    )
    return report(data.social_worker_episodes.filter(outside), "SW_DEC")


@RULES.rule("SW08STG2")
def earlier_social_worker_episodes_have_ended(data: Return903) -> pl.LazyFrame:
    episodes = in_start_order(data)
    wrong = ~pl.col("_last") & pl.col("SW_DEC").is_null()
    return report(episodes.filter(wrong), "SW_DECOM", "SW_DEC")


@RULES.rule("SW09STG2")
def social_worker_episode_lasts_a_day(data: Return903) -> pl.LazyFrame:
    wrong = pl.col("SW_DEC") == pl.col("SW_DECOM")
    return report(data.social_worker_episodes.filter(wrong), "SW_DECOM", "SW_DEC")


@RULES.rule("SW10STG2")
def starts_no_earlier_than_a_week_before_the_last_ended(data: Return903) -> pl.LazyFrame:
    # A first contact (FCONTA) starts afresh, so it may start at any time.
    episodes = in_start_order(data).with_columns(*previous("SW_DEC"))
    wrong = pl.col("SW_REASON").ne_missing("FCONTA") & (
        pl.col("SW_DECOM") < pl.col("previous SW_DEC") - OVERLAP_ALLOWED
    )
    return report(episodes.filter(wrong), "SW_DECOM", "SW_REASON", "previous SW_DEC")


@RULES.rule("SW13STG1")
def reason_for_change_is_valid(data: Return903) -> pl.LazyFrame:
    # A blank reason is not valid for an episode from April 2023, when reasons began.
    episodes = data.social_worker_episodes
    wrong = not_one_of("SW_REASON", codes.SOCIAL_WORKER_CHANGE) | (
        pl.col("SW_REASON").is_null() & (pl.col("SW_DECOM") >= REASONS_RETURNED_FROM)
    )
    return report(episodes.filter(wrong), "SW_REASON")


@RULES.rule("SW11bSTG2")
def an_ended_social_worker_is_followed_by_another(data: Return903) -> pl.LazyFrame:
    # Only a child looked after on 31 March needs a social worker after the last one left.
    episodes = in_start_order(data)
    latest = episodes.filter(pl.col("_last"))
    latest = latest.join(looked_after_at_year_end(data).select(ID).unique(), on=ID, how="semi")
    return report(latest.filter(pl.col("SW_DEC") < data.year.end), "SW_DECOM", "SW_DEC")


@RULES.rule("SW17STG2")
def a_social_worker_at_31_march(data: Return903) -> pl.LazyFrame:
    year_end = data.year.end
    # An episode whose start is blank or cannot be read is open unless it has ended: its
    # start is SW04STG1's (or the reader's) to report, not a reason to report this too.
    open_at_end = data.social_worker_episodes.filter(
        (pl.col("SW_DECOM") <= year_end).fill_null(True)
        & (pl.col("SW_DEC").is_null() | (pl.col("SW_DEC") > year_end))
    )
    in_care = looked_after_at_year_end(data)
    return report(in_care.join(open_at_end.select(ID), on=ID, how="anti"), "DECOM", "DEC")
