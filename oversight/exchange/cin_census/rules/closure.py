"""Rules on how a CIN episode (``<CINdetails>``) is closed: its closure date and reason.

A closure date and a reason for closure come together, the date falls in the census
year and not before the referral, the reason is a census code, and a child whose
episode closed because they died has a date of death.
"""

import polars as pl

from oversight.codes.registry import code_set
from oversight.exchange.cin_census.rules.book import RULES, Census

DIED = "RC2"


@RULES.rule("8585Q")
def closed_because_the_child_died_has_a_date_of_death(cin: Census) -> pl.LazyFrame:
    died = cin.episodes.filter(pl.col("ReasonForClosure") == DIED)
    # By the child's position: two children may share an LAchildID.
    children = cin.children.select("child", "PersonDeathDate")
    undated = died.join(children, on="child", how="left", maintain_order="left").filter(
        pl.col("PersonDeathDate").is_null()
    )
    return undated.select("LAchildID", "line", "ReasonForClosure", "PersonDeathDate")


@RULES.rule("8620")
def closure_date_is_in_the_census_year(cin: Census) -> pl.LazyFrame:
    closure = pl.col("CINclosureDate")
    outside = cin.episodes.filter(~closure.is_between(cin.period.start, cin.period.end))
    return outside.select("LAchildID", "line", "CINclosureDate")


@RULES.rule("8630")
def closure_is_not_before_the_referral(cin: Census) -> pl.LazyFrame:
    early = cin.episodes.filter(pl.col("CINclosureDate") < pl.col("CINreferralDate"))
    return early.select("LAchildID", "line", "CINreferralDate", "CINclosureDate")


@RULES.rule("8640")
def reason_for_closure_is_a_census_code(cin: Census) -> pl.LazyFrame:
    codes = [code.code for code in code_set("reason_for_closure")]
    reason = pl.col("ReasonForClosure")
    wrong = cin.episodes.filter(reason.is_not_null() & ~reason.is_in(codes))
    return wrong.select("LAchildID", "line", "ReasonForClosure")


@RULES.rule("8805")
def closure_date_has_a_reason(cin: Census) -> pl.LazyFrame:
    unexplained = cin.episodes.filter(
        pl.col("CINclosureDate").is_not_null() & pl.col("ReasonForClosure").is_null()
    )
    return unexplained.select("LAchildID", "line", "CINclosureDate", "ReasonForClosure")


@RULES.rule("8810")
def reason_for_closure_has_a_closure_date(cin: Census) -> pl.LazyFrame:
    undated = cin.episodes.filter(
        pl.col("ReasonForClosure").is_not_null() & pl.col("CINclosureDate").is_null()
    )
    return undated.select("LAchildID", "line", "ReasonForClosure", "CINclosureDate")
