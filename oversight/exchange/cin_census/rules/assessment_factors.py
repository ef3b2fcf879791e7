"""Rules on the parental or child factors identified at an assessment.

The factors are the ``<AssessmentFactors>`` codes in an assessment's
``<FactorsIdentifiedAtAssessment>``; they belong to a completed assessment (one with an
``AssessmentAuthorisationDate``). Code 21 means no factors were identified.
"""

import polars as pl

from oversight.codes.registry import code_set
from oversight.exchange.cin_census.rules.book import RULES, Census

ASSESSMENT = ["child", "episode", "assessment"]
CODES = pl.col("_codes")
LISTED = CODES.list.join(", ").alias("AssessmentFactors")
NO_FACTORS = "21"
CLOSED_AFTER_ASSESSMENT = ["RC8", "RC9"]
# The 2025/26 census still accepts 18A and 19A: it queries them (8945Q, 8950Q) rather
# than rejecting them. The code set, read from the 2024 schema, lists only their
# replacements (18B/18C, 19B/19C).
CENSUS_FACTORS = [factor.code for factor in code_set("assessment_factors")] + ["18A", "19A"]


def _with_codes(cin: Census) -> pl.LazyFrame:
    """Each assessment with the list of its factor codes (empty when it has none)."""
    codes = (
        cin.factors.drop_nulls("AssessmentFactors")
        .group_by(ASSESSMENT, maintain_order=True)
        .agg(pl.col("AssessmentFactors").alias("_codes"))
    )
    return cin.assessments.join(codes, on=ASSESSMENT, how="left").with_columns(
        CODES.fill_null(pl.lit([], dtype=pl.List(pl.String)))
    )


@RULES.rule("8614")
def only_a_completed_assessment_has_factors(cin: Census) -> pl.LazyFrame:
    uncompleted = _with_codes(cin).filter(
        pl.col("AssessmentAuthorisationDate").is_null() & (CODES.list.len() > 0)
    )
    return uncompleted.select("LAchildID", "line", "AssessmentAuthorisationDate", LISTED)


@RULES.rule("8869")
def no_factors_code_21_stands_alone(cin: Census) -> pl.LazyFrame:
    other_than_21 = CODES.list.eval(pl.element() != NO_FACTORS).list.any()
    mixed = _with_codes(cin).filter(CODES.list.contains(NO_FACTORS) & other_than_21)
    return mixed.select("LAchildID", "line", LISTED)


@RULES.rule("8873Q")
def lone_assessment_finding_no_factors_closes_the_case_after_assessment(
    cin: Census,
) -> pl.LazyFrame:
    lone = _with_codes(cin).filter(pl.len().over("child", "episode") == 1)
    nothing_found = lone.filter(CODES.list.contains(NO_FACTORS)).select("child", "episode", LISTED)
    episodes = cin.episodes.join(nothing_found, on=["child", "episode"])
    # An episode still open has no reason for closure, so it is not yet RC8 or RC9 either.
    not_closed_so = episodes.filter(
        pl.col("ReasonForClosure").is_in(CLOSED_AFTER_ASSESSMENT).fill_null(False).not_()
    )
    return not_closed_so.select("LAchildID", "line", "AssessmentFactors", "ReasonForClosure")


@RULES.rule("8897Q")
def assessment_completed_in_the_year_has_valid_factors(cin: Census) -> pl.LazyFrame:
    unknown_code = CODES.list.eval(pl.element().is_in(CENSUS_FACTORS).not_()).list.any()
    completed = _with_codes(cin).filter(pl.col("AssessmentAuthorisationDate") >= cin.period.start)
    wanting = completed.filter((CODES.list.len() == 0) | unknown_code)
    return wanting.select("LAchildID", "line", "AssessmentAuthorisationDate", LISTED)


@RULES.rule("8898")
def assessment_lists_each_factor_once(cin: Census) -> pl.LazyFrame:
    repeats = (
        cin.factors.drop_nulls("AssessmentFactors")
        .group_by([*ASSESSMENT, "AssessmentFactors"], maintain_order=True)
        .agg(
            pl.col("LAchildID").first(),
            # Where the code is given the second time.
            pl.col("line").sort().get(1, null_on_oob=True),
            pl.len().alias("_times"),
        )
        .filter(pl.col("_times") > 1)
    )
    return repeats.select("LAchildID", "line", "AssessmentFactors")


def _factor_given(cin: Census, code: str) -> pl.LazyFrame:
    given = cin.factors.filter(pl.col("AssessmentFactors") == code)
    return given.select("LAchildID", "line", "AssessmentFactors")


@RULES.rule("8945Q")
def physical_abuse_factor_says_by_whom(cin: Census) -> pl.LazyFrame:
    """18A is replaced by 18B (by another child) and 18C (by an adult)."""
    return _factor_given(cin, "18A")


@RULES.rule("8950Q")
def sexual_abuse_factor_says_by_whom(cin: Census) -> pl.LazyFrame:
    """19A is replaced by 19B (by another child) and 19C (by an adult)."""
    return _factor_given(cin, "19A")
