"""Rules on a child's CIN episodes (``<CINdetails>``) taken together: open ones and overlaps.

An episode is open when it has no closure date. An open episode whose referral led to
no further action (``ReferralNFA`` true) is allowed to stay open beside others; any other
open episode must be the child's only one, and its latest. Episodes are compared within
one child by the child's position in the file: two children may share an LAchildID.
"""

import polars as pl

from oversight.exchange.cin_census.rules.book import RULES, Census

OPEN_WITH_ACTION = pl.col("CINclosureDate").is_null() & pl.col("ReferralNFA").eq(False)


@RULES.rule("8815")
def at_most_one_open_episode_with_action(cin: Census) -> pl.LazyFrame:
    open_ = cin.episodes.filter(OPEN_WITH_ACTION)
    several = open_.filter(pl.len().over("child") > 1)
    return several.select("LAchildID", "line", "CINreferralDate", "CINclosureDate", "ReferralNFA")


@RULES.rule("8816")
def open_episode_with_action_is_the_latest(cin: Census) -> pl.LazyFrame:
    episodes = cin.episodes.with_columns(
        pl.col("CINreferralDate").max().over("child").alias("latest CINreferralDate")
    )
    earlier = episodes.filter(
        OPEN_WITH_ACTION & (pl.col("CINreferralDate") < pl.col("latest CINreferralDate"))
    )
    return earlier.select(
        "LAchildID", "line", "CINreferralDate", "CINclosureDate", "ReferralNFA",
        "latest CINreferralDate",
    )  # fmt: skip


@RULES.rule("8820")
def episodes_do_not_overlap(cin: Census) -> pl.LazyFrame:
    """No referral falls within another of the child's episodes.

    An episode runs from its referral up to its closure; one that is open and not "no
    further action" runs to the reference date. One episode may close on the day the
    next is referred, so the closure day itself is not within the episode.
    """
    episodes = cin.episodes.select(
        "LAchildID", "line", "child", "episode", "CINreferralDate", "CINclosureDate"
    )
    others = cin.episodes.select(
        "child",
        pl.col("episode").alias("_other"),
        pl.col("CINreferralDate").alias("other episode's CINreferralDate"),
        pl.col("CINclosureDate").alias("other episode's CINclosureDate"),
        pl.col("ReferralNFA").alias("_other_nfa"),
    )
    pairs = episodes.join(others, on="child", maintain_order="left").filter(
        pl.col("episode") != pl.col("_other")
    )
    referral = pl.col("CINreferralDate")
    other_start = pl.col("other episode's CINreferralDate")
    other_end = pl.col("other episode's CINclosureDate")
    other_runs_to_the_reference_date = other_end.is_null() & pl.col("_other_nfa").eq(False)
    within = pairs.filter(
        (referral >= other_start)
        & (
            (referral < other_end)
            | (other_runs_to_the_reference_date & (referral <= cin.period.end))
        )
    )
    return within.select(
        "LAchildID", "line", "CINreferralDate", "CINclosureDate",
        "other episode's CINreferralDate", "other episode's CINclosureDate",
    )  # fmt: skip
