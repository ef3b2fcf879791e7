"""Rules about child protection plans (``<ChildProtectionPlans>``), apart from their reviews.

Their dates against the census year, the referral, the initial conference and the
child's death; their categories of abuse and count of previous plans; and how the
plans of one child sit together.
"""

import polars as pl

from oversight.codes.registry import code_set
from oversight.exchange.cin_census.rules.book import RULES, Census
from oversight.exchange.cin_census.rules.plan_periods import starting_within_another
from oversight.exchange.validation.rulebook import collected

START, END = "CPPstartDate", "CPPendDate"
PLAN = ("LAchildID", "line", START, END)
CONFERENCE = "DateOfInitialCPC"
# The census's Category of Abuse table (NEG, PHY, SAB, EMO, MUL) is unchanged in 2025/26.
CATEGORIES_OF_ABUSE = sorted(code.code for code in code_set("category_of_abuse"))


def _in_census_year(cin: Census, column: str) -> pl.Expr:
    return pl.col(column).is_between(pl.lit(cin.period.start), pl.lit(cin.period.end))


@RULES.rule("1105")
def plan_starts_on_or_after_the_referral(cin: Census) -> pl.LazyFrame:
    referrals = cin.episodes.select("child", "episode", "CINreferralDate")
    plans = cin.cp_plans.join(referrals, on=["child", "episode"])
    early = plans.filter(pl.col(START) < pl.col("CINreferralDate"))
    return early.select("LAchildID", "line", START, "CINreferralDate")


@RULES.rule("2883")
def no_more_plans_start_than_initial_conferences_are_held(cin: Census) -> pl.DataFrame:
    """Counted over the whole return: plans starting in the year against conferences held."""
    starting = _count(cin.cp_plans.filter(_in_census_year(cin, START)))
    conferences = _count(cin.episodes.filter(_in_census_year(cin, CONFERENCE))) + _count(
        cin.section47.filter(_in_census_year(cin, CONFERENCE))
    )
    if starting <= conferences:
        return pl.DataFrame()
    return pl.DataFrame(
        {"CPPstartDate in the year": [starting], "DateOfInitialCPC in the year": [conferences]}
    )


def _count(rows: pl.LazyFrame) -> int:
    return int(collected(rows.select(pl.len())).item())


@RULES.rule("2885")
def plan_starts_on_the_day_of_its_initial_conference(cin: Census) -> pl.LazyFrame:
    """A plan starting in the year starts on the day of an initial conference of its episode.

    The conference is one recorded on a Section 47 enquiry of the episode; only an episode
    with no Section 47 enquiry may give it on the episode itself.
    """
    keys = ["child", "episode"]
    enquiries = cin.section47.group_by(keys).agg(
        pl.col(CONFERENCE).drop_nulls().sort().alias("_conferences")
    )
    plans = (
        cin.cp_plans.filter(_in_census_year(cin, START))
        .join(cin.episodes.select(*keys, CONFERENCE), on=keys, how="left")
        .join(enquiries, on=keys, how="left")
    )
    on_an_enquiry_conference = pl.col("_conferences").list.contains(pl.col(START))
    on_the_episode_conference = (pl.col(START) == pl.col(CONFERENCE)).fill_null(False)
    matches = (
        pl.when(pl.col("_conferences").is_null())
        .then(on_the_episode_conference)
        .otherwise(on_an_enquiry_conference)
    )
    enquiry_dates = pl.col("_conferences").list.eval(pl.element().dt.to_string("%Y-%m-%d"))
    return plans.filter(~matches).select(
        "LAchildID",
        "line",
        START,
        pl.col(CONFERENCE).alias("DateOfInitialCPC (CIN details)"),
        enquiry_dates.list.join(", ").alias("DateOfInitialCPC (Section 47)"),
    )


@RULES.rule("8720")
def plan_start_is_given_and_not_after_the_reference_date(cin: Census) -> pl.LazyFrame:
    # The DfE checks only the upper end: a plan open at 1 April began in an earlier year.
    start = pl.col(START)
    plans = cin.cp_plans.filter(start.is_null() | (start > pl.lit(cin.period.end)))
    return plans.select("LAchildID", "line", START)


@RULES.rule("8730")
def number_of_previous_plans_is_given(cin: Census) -> pl.LazyFrame:
    count = pl.col("NumberOfPreviousCPP")
    plans = cin.cp_plans.filter(count.is_null() | (count < 0))
    return plans.select("LAchildID", "line", "NumberOfPreviousCPP")


@RULES.rule("8832")
def no_protection_plan_for_a_referral_with_no_further_action(cin: Census) -> pl.LazyFrame:
    episodes = cin.episodes.filter(pl.col("ReferralNFA")).select("child", "episode", "ReferralNFA")
    plans = cin.cp_plans.join(episodes, on=["child", "episode"])
    return plans.select("LAchildID", "line", "ReferralNFA", START)


@RULES.rule("8840")
def plan_does_not_start_and_end_on_one_day(cin: Census) -> pl.LazyFrame:
    return cin.cp_plans.filter(pl.col(START) == pl.col(END)).select(PLAN)


def _category_is_valid(field: str) -> pl.Expr:
    return pl.col(field).is_in(CATEGORIES_OF_ABUSE).fill_null(False)


@RULES.rule("8905")
def initial_category_of_abuse_is_a_census_code(cin: Census) -> pl.LazyFrame:
    field = "InitialCategoryOfAbuse"
    return cin.cp_plans.filter(~_category_is_valid(field)).select("LAchildID", "line", field)


@RULES.rule("8910")
def latest_category_of_abuse_is_a_census_code(cin: Census) -> pl.LazyFrame:
    field = "LatestCategoryOfAbuse"
    return cin.cp_plans.filter(~_category_is_valid(field)).select("LAchildID", "line", field)


def _with_death_date(cin: Census) -> pl.LazyFrame:
    died = cin.children.filter(pl.col("PersonDeathDate").is_not_null())
    return cin.cp_plans.join(died.select("child", "PersonDeathDate"), on="child")


@RULES.rule("8915")
def plan_starts_on_or_before_death(cin: Census) -> pl.LazyFrame:
    plans = _with_death_date(cin).filter(pl.col(START) > pl.col("PersonDeathDate"))
    return plans.select("LAchildID", "line", START, "PersonDeathDate")


@RULES.rule("8920")
def plan_ends_on_or_before_death(cin: Census) -> pl.LazyFrame:
    plans = _with_death_date(cin).filter(pl.col(END) > pl.col("PersonDeathDate"))
    return plans.select("LAchildID", "line", END, "PersonDeathDate")


@RULES.rule("8925")
def plan_does_not_end_before_it_starts(cin: Census) -> pl.LazyFrame:
    return cin.cp_plans.filter(pl.col(END) < pl.col(START)).select(PLAN)


@RULES.rule("8930")
def plan_ends_within_the_census_year(cin: Census) -> pl.LazyFrame:
    return cin.cp_plans.filter(~_in_census_year(cin, END)).select("LAchildID", "line", END)


@RULES.rule("8935")
def one_open_plan_per_child(cin: Census) -> pl.LazyFrame:
    # Unlike CIN plans (4004, within an episode), the DfE counts open protection plans
    # over the whole child: a child is on one protection plan at a time.
    open_plans = cin.cp_plans.filter(pl.col(END).is_null())
    return open_plans.filter(pl.len().over("child") > 1).select(PLAN)


@RULES.rule("8940")
def plans_of_a_child_do_not_overlap(cin: Census) -> pl.LazyFrame:
    return starting_within_another(cin.cp_plans, "cp_plan", START, END, cin.period.end)
