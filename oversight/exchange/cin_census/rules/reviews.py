"""Rules about the review dates of child protection plans (``<Reviews>``).

Every review date of a plan is checked, not only the first of its ``<Reviews>`` group.
"""

import polars as pl

from oversight.exchange.cin_census.rules.book import RULES, Census
from oversight.exchange.cin_census.rules.plan_periods import runs_to

REVIEW = "CPPreviewDate"
PLAN_KEYS = ["child", "episode", "cp_plan"]


def _with_plan(cin: Census, *fields: str) -> pl.LazyFrame:
    return cin.reviews.join(cin.cp_plans.select(*PLAN_KEYS, *fields), on=PLAN_KEYS)


@RULES.rule("4003")
def no_review_while_a_cin_plan_is_open(cin: Census) -> pl.LazyFrame:
    """No review falls within a CIN plan of its episode, but the one that ends the plan.

    A CIN plan runs from its start to its end inclusive, or to the reference date while
    it is open; a review on the day the protection plan ends may share a day with the
    CIN plan that follows it.
    """
    cin_plans = cin.cin_plans.select("child", "episode", "CINPlanStartDate", "CINPlanEndDate")
    reviews = _with_plan(cin, "CPPendDate").join(cin_plans, on=["child", "episode"])
    review = pl.col(REVIEW)
    during = (review >= pl.col("CINPlanStartDate")) & (
        review <= runs_to("CINPlanEndDate", cin.period.end)
    )
    ends_the_plan = (review == pl.col("CPPendDate")).fill_null(False)
    return reviews.filter(during & ~ends_the_plan).select(
        "LAchildID", "line", REVIEW, "CPPendDate", "CINPlanStartDate", "CINPlanEndDate"
    )


@RULES.rule("8841")
def review_is_after_the_plan_starts(cin: Census) -> pl.LazyFrame:
    early = _with_plan(cin, "CPPstartDate").filter(pl.col(REVIEW) <= pl.col("CPPstartDate"))
    return early.select("LAchildID", "line", "CPPstartDate", REVIEW)


@RULES.rule("8842Q")
def review_has_a_date(cin: Census) -> pl.LazyFrame:
    # A date that could not be read is no valid date either: the reader has said why.
    return cin.reviews.filter(pl.col(REVIEW).is_null()).select("LAchildID", "line", REVIEW)
