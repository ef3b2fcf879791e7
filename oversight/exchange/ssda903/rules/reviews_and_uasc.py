"""Rules about reviews (the child's participation) and unaccompanied asylum-seeking children."""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import (
    age,
    date_rule,
    given,
    is_one_of,
    not_one_of,
    report,
    with_header,
)
from oversight.exchange.ssda903.spec import ID

date_rule("166", "reviews", "REVIEW", required=True)
date_rule("104", "uasc", "DUC", required=False)
UNDER_4 = "PN0"  # the participation code for a child under 4 at the review


def review_given(data: Return903) -> pl.Expr:
    """The review date was given, whether or not it could be read."""
    return given(data, "reviews", "REVIEW")


@RULES.rule("167")
def participation_given_with_each_review(data: Return903) -> pl.LazyFrame:
    # A review has a valid code; a row with no review date has no code either.
    given = pl.col("REVIEW_CODE").is_not_null()
    wrong = not_one_of("REVIEW_CODE", codes.PARTICIPATION) | (given != review_given(data))
    return report(data.reviews.filter(wrong), "REVIEW", "REVIEW_CODE")


@RULES.rule("440")
def under_4_participation_only_under_4(data: Return903) -> pl.LazyFrame:
    wrong = (pl.col("REVIEW_CODE") == UNDER_4) & (age(pl.col("DOB"), pl.col("REVIEW")) >= 4)
    return report(data.reviews.filter(wrong), "DOB", "REVIEW", "REVIEW_CODE")


@RULES.rule("441")
def participation_of_a_child_of_4_or_over(data: Return903) -> pl.LazyFrame:
    older_codes = is_one_of("REVIEW_CODE", codes.PARTICIPATION - {UNDER_4})
    wrong = older_codes & (age(pl.col("DOB"), pl.col("REVIEW")) < 4)
    return report(data.reviews.filter(wrong), "DOB", "REVIEW", "REVIEW_CODE")


@RULES.rule("304")
def uasc_status_ceased_by_18(data: Return903) -> pl.LazyFrame:
    # On the 18th birthday itself is allowed: the DfE's rule is "on or before".
    wrong = age(pl.col("DOB"), pl.col("DUC").dt.offset_by("-1d")) >= 18
    return report(data.uasc.filter(wrong), "DOB", "DUC")


@RULES.rule("231")
def uasc_at_least_11(data: Return903) -> pl.LazyFrame:
    # Every child in the UASC file is, or was, unaccompanied; the header's date of birth.
    uasc = with_header(data, data.uasc.select(ID, "line", "file"), "DOB")
    return report(uasc.filter(age(pl.col("DOB"), pl.lit(data.year.end)) < 11), "DOB")
