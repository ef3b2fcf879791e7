"""Rules about a child's episodes one after another: each begins where the last one ended.

Episodes are put in order by start date; an episode whose start date cannot be read is left
out (rule 141 reports it). "Previous" and "next" are the same child's neighbours in that
order, within this year's return.
"""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import (
    differs,
    episodes_in_order,
    following,
    is_one_of,
    per_return,
    previous,
    report,
    same_child_shifted,
)

PLACEMENT = ("PLACE", "PL_POST", "URN", "PLACE_PROVIDER")


@per_return
def with_neighbours(data: Return903) -> pl.LazyFrame:
    """The episodes in order, each with its child's previous and next rows' values."""
    columns = ("DECOM", "DEC", "REC", "RNE", "LS", "CIN", "REASON_PLACE_CHANGE", *PLACEMENT)
    return episodes_in_order(data).with_columns(
        *previous(*columns), *following("DECOM", "RNE", "PLACE")
    )


def has_previous() -> pl.Expr:
    return pl.col("_number") > 0


def has_next() -> pl.Expr:
    return ~pl.col("_last")


def placement_changed() -> pl.Expr:
    return pl.any_horizontal(differs(c, f"previous {c}") for c in PLACEMENT)


@RULES.rule("142")
def earlier_episodes_have_ended(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    return report(episodes.filter(has_next() & pl.col("DEC").is_null()), "DECOM", "DEC")


@RULES.rule("357")
def first_episode_starts_care(data: Return903) -> pl.LazyFrame:
    # Only a first episode that starts in the year is known to be the child's first ever.
    first = episodes_in_order(data).filter(pl.col("_number") == 0)
    wrong = (pl.col("DECOM") >= data.year.start) & pl.col("RNE").ne_missing("S")
    return report(first.filter(wrong), "DECOM", "RNE")


@RULES.rule("388")
def new_episode_begins_only_when_one_follows(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    continues = pl.col("REC") == "X1"
    starts_same_day = pl.col("next DECOM") == pl.col("DEC")
    wrong = (
        (has_next() & continues & pl.col("DEC").is_not_null() & ~starts_same_day)
        | (has_next() & is_one_of("REC", codes.CEASED_TO_BE_LOOKED_AFTER) & starts_same_day)
        | (~has_next() & continues & pl.col("DEC").is_not_null())
    )
    return report(episodes.filter(wrong), "DEC", "REC", "next DECOM")


@RULES.rule("431")
def care_does_not_restart_the_day_it_ended(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    wrong = (pl.col("RNE") == "S") & (pl.col("DECOM") == pl.col("previous DEC"))
    return report(episodes.filter(wrong), "RNE", "DECOM", "previous DEC")


@RULES.rule("432")
def care_that_ended_restarts_with_s(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    wrong = is_one_of("previous REC", codes.CEASED_TO_BE_LOOKED_AFTER) & (pl.col("RNE") != "S")
    return report(episodes.filter(wrong), "RNE", "previous REC")


@RULES.rule("433")
def a_continuation_starts_the_day_the_last_ended(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    continuing = is_one_of("RNE", codes.REASON_NEW_EPISODE - {"S"})
    wrong = has_previous() & continuing & pl.col("DECOM").ne_missing(pl.col("previous DEC"))
    return report(episodes.filter(wrong), "RNE", "DECOM", "previous DEC")


@RULES.rule("434")
def legal_status_change_only(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    wrong = (
        has_previous()
        & (pl.col("RNE") == "L")
        & (~differs("LS", "previous LS") | placement_changed())
    )
    return report(episodes.filter(wrong), "RNE", "LS", "previous LS", *PLACEMENT,
                  *(f"previous {c}" for c in PLACEMENT))  # fmt: skip


@RULES.rule("435")
def placement_change_only(data: Return903) -> pl.LazyFrame:
    # Blank values count as values: a blank URN both times is no change of placement.
    episodes = with_neighbours(data)
    wrong = (
        has_previous()
        & is_one_of("RNE", codes.CHANGE_OF_PLACEMENT_ONLY)
        & (differs("LS", "previous LS") | ~placement_changed())
    )
    return report(episodes.filter(wrong), "RNE", "LS", "previous LS", *PLACEMENT,
                  *(f"previous {c}" for c in PLACEMENT))  # fmt: skip


@RULES.rule("436")
def placement_and_legal_status_change(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    wrong = (
        has_previous()
        & is_one_of("RNE", codes.CHANGE_OF_BOTH)
        & (~differs("LS", "previous LS") | ~placement_changed())
    )
    return report(episodes.filter(wrong), "RNE", "LS", "previous LS", *PLACEMENT,
                  *(f"previous {c}" for c in PLACEMENT))  # fmt: skip


@RULES.rule("437")
def nothing_follows_death_or_coming_of_age(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    wrong = is_one_of("REC", {"E2", "E15"}) & has_next()
    return report(episodes.filter(wrong), "REC", "next DECOM")


@RULES.rule("501")
def starts_after_the_previous_ended(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    wrong = pl.col("DECOM") < pl.col("previous DEC")
    return report(episodes.filter(wrong), "DECOM", "previous DEC")


@RULES.rule("504")
def category_of_need_kept_through_a_period_of_care(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data)
    continuation = (pl.col("previous REC") == "X1") & (pl.col("previous DEC") == pl.col("DECOM"))
    wrong = continuation & differs("CIN", "previous CIN")
    return report(episodes.filter(wrong), "CIN", "previous CIN")


@RULES.rule("225")
def reason_for_placement_change_recorded(data: Return903) -> pl.LazyFrame:
    # A placement that ends in a move to a new (not temporary) placement says why.
    episodes = with_neighbours(data)
    wrong = (
        (pl.col("REC") == "X1")
        & pl.col("REASON_PLACE_CHANGE").is_null()
        & ~is_one_of("PLACE", codes.TEMPORARY).fill_null(False)
        & is_one_of("next RNE", {"P", "B", "T", "U"})
        & ~is_one_of("next PLACE", codes.TEMPORARY).fill_null(False)
    )
    return report(episodes.filter(wrong), "REC", "REASON_PLACE_CHANGE", "next RNE", "next PLACE")


@RULES.rule("226")
def no_reason_for_change_around_a_temporary_placement(data: Return903) -> pl.LazyFrame:
    # Going into a temporary placement, or coming out of it, is not a change of placement.
    episodes = with_neighbours(data)
    wrong = is_one_of("PLACE", codes.TEMPORARY) & (
        pl.col("REASON_PLACE_CHANGE").is_not_null()
        | pl.col("previous REASON_PLACE_CHANGE").is_not_null()
    )
    return report(episodes.filter(wrong), "PLACE", "REASON_PLACE_CHANGE",
                  "previous REASON_PLACE_CHANGE")  # fmt: skip


@RULES.rule("383")
def back_to_the_usual_placement_after_a_temporary_one(data: Return903) -> pl.LazyFrame:
    episodes = with_neighbours(data).with_columns(
        same_child_shifted("PLACE", 2).alias("usual PLACE"),
        same_child_shifted("PL_POST", 2).alias("usual PL_POST"),
    )
    after_temporary = is_one_of("previous PLACE", codes.TEMPORARY) & (pl.col("_number") >= 2)
    not_back = (
        pl.col("RNE").ne_missing("P")
        | differs("PLACE", "usual PLACE")
        | differs("PL_POST", "usual PL_POST")
    )
    return report(episodes.filter(after_temporary & not_back), "RNE", "PLACE", "PL_POST",
                  "previous PLACE", "usual PLACE", "usual PL_POST")  # fmt: skip
