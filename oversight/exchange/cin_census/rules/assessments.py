"""Rules on the assessments of each CIN episode: when they start and when they end.

An assessment starts on ``AssessmentActualStartDate`` and ends, completed, on
``AssessmentAuthorisationDate``; one with no authorisation date is still open at the
reference date. The factors identified at an assessment are in ``assessment_factors``.
"""

import polars as pl

from oversight.exchange.cin_census.rules.book import RULES, Census
from oversight.exchange.cin_census.rules.ongoing import starting_while_another_is_ongoing
from oversight.timescales.calendar import add_working_days

START = pl.col("AssessmentActualStartDate")
END = pl.col("AssessmentAuthorisationDate")
DATES = ("AssessmentActualStartDate", "AssessmentAuthorisationDate")
# 8670Q: an assessment still open at the reference date is queried when it started more
# than this many working days before it.
OPEN_FOR_AT_MOST = 45


@RULES.rule("1103")
def assessment_starts_on_or_after_the_referral(cin: Census) -> pl.LazyFrame:
    referrals = cin.episodes.select("child", "episode", "CINreferralDate")
    assessments = cin.assessments.join(referrals, on=["child", "episode"], how="left")
    early = assessments.filter(pl.col("CINreferralDate") > START)
    return early.select("LAchildID", "line", "AssessmentActualStartDate", "CINreferralDate")


@RULES.rule("8608")
def assessment_does_not_end_before_it_starts(cin: Census) -> pl.LazyFrame:
    backwards = cin.assessments.filter(START > END)
    return backwards.select("LAchildID", "line", *DATES)


@RULES.rule("8670Q")
def open_assessment_started_at_most_45_working_days_before_the_year_end(
    cin: Census,
) -> pl.LazyFrame:
    earliest = add_working_days(cin.period.end, -OPEN_FOR_AT_MOST)
    overdue = cin.assessments.filter(END.is_null() & START.lt(earliest))
    return overdue.select("LAchildID", "line", *DATES)


@RULES.rule("8696")
def assessment_ends_within_the_census_year(cin: Census) -> pl.LazyFrame:
    # A missing end date is an open assessment, not one that ends outside the year.
    outside = cin.assessments.filter(~END.is_between(cin.period.start, cin.period.end))
    return outside.select("LAchildID", "line", "AssessmentAuthorisationDate")


@RULES.rule("8736")
def open_assessment_starts_within_the_census_year(cin: Census) -> pl.LazyFrame:
    outside = cin.assessments.filter(
        END.is_null() & ~START.is_between(cin.period.start, cin.period.end)
    )
    return outside.select("LAchildID", "line", *DATES)


@RULES.rule("8863Q")
def assessment_does_not_start_while_another_is_ongoing(cin: Census) -> pl.LazyFrame:
    # An open assessment is ongoing up to the reference date.
    until = pl.coalesce(END, pl.lit(cin.period.end))
    overlapping = starting_while_another_is_ongoing(
        cin.assessments, "assessment", "AssessmentActualStartDate", until
    )
    return overlapping.select("LAchildID", "line", *DATES)


@RULES.rule("8896")
def at_most_one_open_assessment_per_episode(cin: Census) -> pl.LazyFrame:
    open_ = cin.assessments.filter(END.is_null())
    crowded = open_.filter(pl.len().over("child", "episode") > 1)
    return crowded.select("LAchildID", "line", *DATES)
