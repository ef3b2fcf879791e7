"""Rules on initial child protection conferences: their target and actual dates.

A conference that follows a section 47 enquiry is recorded in that ``<Section47>`` group
(``InitialCPCtarget``, ``DateOfInitialCPC``); the episode's own ``DateOfInitialCPC`` in
``<CINdetails>`` is for a conference with no enquiry in the return (a child transferred
in on a plan). The DfE sets 1104, 8715, 8870Q and 8875 on the section 47 module, so they
look at the enquiry's dates only.
"""

import polars as pl

from oversight.exchange.cin_census.rules.book import RULES, Census

CONFERENCE = pl.col("DateOfInitialCPC")
SATURDAY = 6  # ISO weekday numbers: Monday is 1, Sunday 7


def _at_weekend(date: pl.Expr) -> pl.Expr:
    return date.dt.weekday() >= SATURDAY


@RULES.rule("1104")
def conference_is_not_before_the_referral(cin: Census) -> pl.LazyFrame:
    referrals = cin.episodes.select("child", "episode", "CINreferralDate")
    enquiries = cin.section47.join(referrals, on=["child", "episode"], how="left")
    early = enquiries.filter(pl.col("CINreferralDate") > CONFERENCE)
    return early.select("LAchildID", "line", "DateOfInitialCPC", "CINreferralDate")


@RULES.rule("2884")
def conference_is_recorded_once(cin: Census) -> pl.LazyFrame:
    """The same conference is not given both for the episode and for one of its enquiries."""
    episodes = cin.episodes.filter(CONFERENCE.is_not_null())
    twice = cin.section47.join(
        episodes.select("child", "episode", "DateOfInitialCPC"),
        on=["child", "episode", "DateOfInitialCPC"],
    )
    return twice.select("LAchildID", "line", "DateOfInitialCPC")


@RULES.rule("8715")
def conference_is_within_the_census_year(cin: Census) -> pl.LazyFrame:
    outside = cin.section47.filter(~CONFERENCE.is_between(cin.period.start, cin.period.end))
    return outside.select("LAchildID", "line", "DateOfInitialCPC")


@RULES.rule("8870Q")
def conference_target_is_not_at_a_weekend(cin: Census) -> pl.LazyFrame:
    weekend = cin.section47.filter(_at_weekend(pl.col("InitialCPCtarget")))
    return weekend.select("LAchildID", "line", "InitialCPCtarget")


@RULES.rule("8875")
def conference_is_not_held_at_a_weekend(cin: Census) -> pl.LazyFrame:
    weekend = cin.section47.filter(_at_weekend(CONFERENCE))
    return weekend.select("LAchildID", "line", "DateOfInitialCPC")
