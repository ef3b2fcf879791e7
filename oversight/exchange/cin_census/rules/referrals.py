"""Rules on the referral that opens each CIN episode (``<CINdetails>``).

Its date (present, in time, not long before birth, not after death), its source, its
primary need and whether it led to no further action (the ``ReferralNFA`` flag).
A flag that is missing or unreadable is 8568's finding; the rules that ask whether a
referral was or was not "no further action" take only a flag that says so.
"""

from datetime import date, timedelta

import polars as pl

from oversight.codes.registry import code_set
from oversight.exchange.cin_census.rules.book import RULES, Census
from oversight.timescales.calendar import add_working_days

# 40 weeks: the earliest a referral may come before the child's (expected) birth.
PREGNANCY = timedelta(days=280)
# The source of referral has been collected for referrals from this date.
REFERRAL_SOURCE_COLLECTED_FROM = date(2013, 4, 1)


def _with_child(cin: Census, *fields: str) -> pl.LazyFrame:
    """Each episode with fields of its own child (by position: an id may be shared)."""
    return cin.episodes.join(
        cin.children.select("child", *fields), on="child", how="left", maintain_order="left"
    )


@RULES.rule("8555Q")
def referral_is_not_after_the_childs_death(cin: Census) -> pl.LazyFrame:
    episodes = _with_child(cin, "PersonDeathDate")
    late = episodes.filter(pl.col("CINreferralDate") > pl.col("PersonDeathDate"))
    return late.select("LAchildID", "line", "CINreferralDate", "PersonDeathDate")


@RULES.rule("8568")
def referral_nfa_flag_is_given(cin: Census) -> pl.LazyFrame:
    # The reader leaves a flag that is not true/false/1/0 out (and reports its text), so
    # a missing flag and an invalid one are both null here.
    missing = cin.episodes.filter(pl.col("ReferralNFA").is_null())
    return missing.select("LAchildID", "line", "ReferralNFA")


@RULES.rule("8569Q")
def referral_long_before_the_year_is_not_no_further_action(cin: Census) -> pl.LazyFrame:
    """A referral before the working day preceding 1 April cannot be flagged NFA."""
    cutoff = add_working_days(cin.period.start, -1)
    early = cin.episodes.filter(
        (pl.col("CINreferralDate") < cutoff) & pl.col("ReferralNFA").eq(True)
    )
    return early.select("LAchildID", "line", "CINreferralDate", "ReferralNFA")


@RULES.rule("8600")
def referral_date_is_given_and_not_after_the_census_year(cin: Census) -> pl.LazyFrame:
    referral = pl.col("CINreferralDate")
    wrong = cin.episodes.filter(referral.is_null() | (referral > cin.period.end))
    return wrong.select("LAchildID", "line", "CINreferralDate")


@RULES.rule("8606")
def referral_is_not_more_than_40_weeks_before_birth(cin: Census) -> pl.LazyFrame:
    episodes = _with_child(cin, "PersonBirthDate", "ExpectedPersonBirthDate")
    referral = pl.col("CINreferralDate")
    too_early = episodes.filter(
        (referral < pl.col("PersonBirthDate") - PREGNANCY)
        | (referral < pl.col("ExpectedPersonBirthDate") - PREGNANCY)
    )
    return too_early.select(
        "LAchildID", "line", "CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate"
    )


@RULES.rule("8610")
def referral_with_further_action_has_a_primary_need(cin: Census) -> pl.LazyFrame:
    missing = cin.episodes.filter(
        pl.col("ReferralNFA").eq(False) & pl.col("PrimaryNeedCode").is_null()
    )
    return missing.select("LAchildID", "line", "ReferralNFA", "PrimaryNeedCode")


@RULES.rule("8650")
def primary_need_is_a_census_code(cin: Census) -> pl.LazyFrame:
    codes = [code.code for code in code_set("primary_need")]
    need = pl.col("PrimaryNeedCode")
    wrong = cin.episodes.filter(need.is_not_null() & ~need.is_in(codes))
    return wrong.select("LAchildID", "line", "PrimaryNeedCode")


@RULES.rule("8866")
def referral_source_is_a_census_code(cin: Census) -> pl.LazyFrame:
    codes = [code.code for code in code_set("referral_source")]
    source = pl.col("ReferralSource")
    wrong = cin.episodes.filter(
        (pl.col("CINreferralDate") >= REFERRAL_SOURCE_COLLECTED_FROM)
        & (source.is_null() | ~source.is_in(codes))
    )
    return wrong.select("LAchildID", "line", "CINreferralDate", "ReferralSource")
