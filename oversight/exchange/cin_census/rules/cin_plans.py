"""Rules about CIN plans (``<CINPlanDates>``): their dates, the referral and the child's death."""

import polars as pl

from oversight.exchange.cin_census.rules.book import RULES, Census
from oversight.exchange.cin_census.rules.plan_periods import starting_within_another

START, END = "CINPlanStartDate", "CINPlanEndDate"
PLAN = ("LAchildID", "line", START, END)


@RULES.rule("4000")
def no_cin_plan_for_a_referral_with_no_further_action(cin: Census) -> pl.LazyFrame:
    episodes = cin.episodes.filter(pl.col("ReferralNFA")).select("child", "episode", "ReferralNFA")
    plans = cin.cin_plans.join(episodes, on=["child", "episode"])
    return plans.select("LAchildID", "line", "ReferralNFA", START)


@RULES.rule("4004")
def one_open_cin_plan_per_episode(cin: Census) -> pl.LazyFrame:
    # The DfE counts open plans within one <CINdetails>, not across the child's episodes.
    open_plans = cin.cin_plans.filter(pl.col(END).is_null())
    several = open_plans.filter(pl.len().over("child", "episode") > 1)
    return several.select(PLAN)


def _with_death_date(cin: Census) -> pl.LazyFrame:
    died = cin.children.filter(pl.col("PersonDeathDate").is_not_null())
    return cin.cin_plans.join(died.select("child", "PersonDeathDate"), on="child")


@RULES.rule("4008")
def cin_plan_starts_on_or_before_death(cin: Census) -> pl.LazyFrame:
    plans = _with_death_date(cin).filter(pl.col(START) > pl.col("PersonDeathDate"))
    return plans.select("LAchildID", "line", START, "PersonDeathDate")


@RULES.rule("4009Q")
def cin_plan_ends_on_or_before_death(cin: Census) -> pl.LazyFrame:
    plans = _with_death_date(cin).filter(pl.col(END) > pl.col("PersonDeathDate"))
    return plans.select("LAchildID", "line", END, "PersonDeathDate")


@RULES.rule("4010")
def cin_plan_start_is_given_and_not_after_the_reference_date(cin: Census) -> pl.LazyFrame:
    # The DfE checks only the upper end: a plan open at 1 April began in an earlier year.
    start = pl.col(START)
    plans = cin.cin_plans.filter(start.is_null() | (start > pl.lit(cin.period.end)))
    return plans.select("LAchildID", "line", START)


@RULES.rule("4011")
def cin_plan_does_not_end_before_it_starts(cin: Census) -> pl.LazyFrame:
    return cin.cin_plans.filter(pl.col(END) < pl.col(START)).select(PLAN)


@RULES.rule("4012Q")
def cin_plan_does_not_start_and_end_on_one_day(cin: Census) -> pl.LazyFrame:
    return cin.cin_plans.filter(pl.col(START) == pl.col(END)).select(PLAN)


@RULES.rule("4013")
def cin_plan_ends_within_the_census_year(cin: Census) -> pl.LazyFrame:
    within = pl.col(END).is_between(pl.lit(cin.period.start), pl.lit(cin.period.end))
    return cin.cin_plans.filter(~within).select("LAchildID", "line", END)


@RULES.rule("4014")
def cin_plans_of_a_child_do_not_overlap(cin: Census) -> pl.LazyFrame:
    return starting_within_another(cin.cin_plans, "cin_plan", START, END, cin.period.end)


@RULES.rule("4015")
def cin_plan_starts_on_or_after_the_referral(cin: Census) -> pl.LazyFrame:
    referrals = cin.episodes.select("child", "episode", "CINreferralDate")
    plans = cin.cin_plans.join(referrals, on=["child", "episode"])
    early = plans.filter(pl.col(START) < pl.col("CINreferralDate"))
    return early.select("LAchildID", "line", START, "CINreferralDate")
