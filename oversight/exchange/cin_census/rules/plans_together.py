"""Rules about a child's CIN plans and child protection plans side by side.

A child is on a CIN plan or on a protection plan, not both: the plans may hand over on
one day, but not run together.
"""

import polars as pl

from oversight.exchange.cin_census.rules.book import RULES, Census
from oversight.exchange.cin_census.rules.plan_periods import starting_during

CIN_START, CIN_END = "CINPlanStartDate", "CINPlanEndDate"
CP_START, CP_END = "CPPstartDate", "CPPendDate"


@RULES.rule("4001")
def no_open_cin_plan_beside_an_open_protection_plan(cin: Census) -> pl.LazyFrame:
    # The DfE looks within one <CINdetails>: an open CIN plan and an open protection plan.
    keys = ["child", "episode"]
    open_cin = cin.cin_plans.filter(pl.col(CIN_END).is_null())
    open_cp = cin.cp_plans.filter(pl.col(CP_END).is_null()).select(*keys, CP_START, CP_END)
    both = open_cin.join(open_cp, on=keys)
    return both.select("LAchildID", "line", CIN_START, CIN_END, CP_START, CP_END)


@RULES.rule("4016")
def cin_plan_does_not_start_during_a_protection_plan(cin: Census) -> pl.LazyFrame:
    """A CIN plan may start on the day a protection plan ends, not while it runs."""
    pairs = starting_during(
        cin.cin_plans, CIN_START, cin.cp_plans, CP_START, CP_END, cin.period.end
    )
    return pairs.select("LAchildID", "line", CIN_START, CP_START, CP_END)


@RULES.rule("4017")
def protection_plan_does_not_start_during_a_cin_plan(cin: Census) -> pl.LazyFrame:
    """A protection plan may start on the day a CIN plan ends, not while it runs."""
    pairs = starting_during(
        cin.cp_plans, CP_START, cin.cin_plans, CIN_START, CIN_END, cin.period.end
    )
    return pairs.select("LAchildID", "line", CP_START, CIN_START, CIN_END)
