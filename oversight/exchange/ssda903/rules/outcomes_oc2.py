"""Rules about the OC2 file: what is recorded for children looked after for 12 months.

Who is in the cohort (``cohorts.continuously_looked_after``) decides what must and what
must not be given: the twelve-month items, the SDQ score or the reason for none (for
children of 4 to 16), conviction (10 and over) and health promotion (under 5).
"""

from collections.abc import Callable

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.cohorts import (
    HEALTH_ITEMS,
    TWELVE_MONTH_ITEMS,
    age_on,
    any_blank,
    any_given,
    continuously_looked_after,
    oc2_rows,
    turns_during,
)
from oversight.exchange.ssda903.rules.common import episodes_in_order, report
from oversight.exchange.ssda903.spec import ID

Condition = Callable[[Return903], pl.Expr]

CLA = pl.col("_cla")
SCORE = pl.col("SDQ_SCORE").is_not_null()
REASON = pl.col("SDQ_REASON").is_not_null()
CONVICTED = pl.col("CONVICTED").is_not_null()
HEALTH_CHECK = pl.col("HEALTH_CHECK").is_not_null()
MISUSE = pl.col("SUBSTANCE_MISUSE")
RECEIVED = pl.col("INTERVENTION_RECEIVED")
OFFERED = pl.col("INTERVENTION_OFFERED")


def oc2_rule(code: str, *fields: str) -> Callable[[Condition], Condition]:
    """Register rule ``code``: an OC2 row for which the decorated condition holds is wrong.

    A condition that cannot be told (a date of birth not known) is not reported."""

    def register(wrong: Condition) -> Condition:
        @RULES.rule(code)
        def oc2_row_breaks(data: Return903) -> pl.LazyFrame:
            oc2 = oc2_rows(data)
            return report(oc2.filter(wrong(data).fill_null(False)), *fields)

        return wrong

    return register


def at_start(data: Return903) -> pl.Expr:
    return age_on(data.year.start)


def at_end(data: Return903) -> pl.Expr:
    return age_on(data.year.end)


# The SDQ: due for children looked after for 12 months aged 4 or over on 1 April and under
# 17 on 31 March, and for those who turn 4 or 17 during the year.


@oc2_rule("157", "DOB", "SDQ_REASON")
def under_4_or_over_17_given_for_a_child_of_sdq_age(data: Return903) -> pl.Expr:
    # The DfE's "4 or over at the beginning ... or 16 or under at the end" is read as both:
    # the children of 186, for whom SDQ1 (aged under 4 or over 17) cannot be the reason.
    of_sdq_age = (at_start(data) >= 4) & (at_end(data) <= 16)
    return CLA & of_sdq_age & (pl.col("SDQ_REASON") == "SDQ1")


@oc2_rule("185", "SDQ_SCORE")
def sdq_score_outside_the_cohort(data: Return903) -> pl.Expr:
    return ~CLA & SCORE


@oc2_rule("198", "SDQ_REASON")
def sdq_reason_outside_the_cohort(data: Return903) -> pl.Expr:
    return ~CLA & REASON


@oc2_rule("186", "DOB", "SDQ_SCORE", "SDQ_REASON")
def no_sdq_for_a_child_of_4_to_16(data: Return903) -> pl.Expr:
    # A reason for no score (SDQ2 to SDQ5) stands in for the score; only both blank is wrong.
    of_sdq_age = (at_start(data) >= 4) & (at_end(data) < 17)
    return CLA & of_sdq_age & ~SCORE & ~REASON


@oc2_rule("188", "DOB", "SDQ_SCORE", "SDQ_REASON")
def sdq_for_a_child_under_4(data: Return903) -> pl.Expr:
    return (at_end(data) < 4) & (SCORE | REASON)


@oc2_rule("189", "DOB", "SDQ_SCORE", "SDQ_REASON")
def sdq_for_a_young_person_of_17(data: Return903) -> pl.Expr:
    return (at_start(data) >= 17) & (SCORE | REASON)


@oc2_rule("197a", "SDQ_SCORE", "SDQ_REASON")
def reason_for_no_score_with_a_score(data: Return903) -> pl.Expr:
    return SCORE & REASON


@oc2_rule("197B", "DOB", "SDQ_SCORE", "SDQ_REASON")
def no_sdq_for_a_child_turning_4_or_17(data: Return903) -> pl.Expr:
    turning = turns_during(4, data) | turns_during(17, data)
    return CLA & turning & ~SCORE & ~REASON


# The twelve-month items.


@oc2_rule("190", *TWELVE_MONTH_ITEMS)
def twelve_month_items_outside_the_cohort(data: Return903) -> pl.Expr:
    return ~CLA & any_given(TWELVE_MONTH_ITEMS)


@RULES.rule("191")
def twelve_month_items_missing_in_the_cohort(data: Return903) -> pl.LazyFrame:
    # Reported on the OC2 row with a blank, or, for a child of the cohort with no OC2 row
    # at all, on the child's first episode.
    oc2 = oc2_rows(data)
    blanks = report(oc2.filter(CLA & any_blank(HEALTH_ITEMS)), *HEALTH_ITEMS)
    cohort = continuously_looked_after(data).join(oc2.select(ID), on=ID, how="anti")
    first = episodes_in_order(data).filter(pl.col("_number") == 0).join(cohort, on=ID)
    absent = report(first, *(pl.lit(None, pl.String).alias(c) for c in HEALTH_ITEMS))
    return pl.concat([blanks, absent])


@oc2_rule("182", *TWELVE_MONTH_ITEMS)
def twelve_month_items_partly_given(data: Return903) -> pl.Expr:
    # Either the four health items are all given or every twelve-month item is blank: any
    # item given (the four included) with one of the four blank is wrong.
    return any_given(TWELVE_MONTH_ITEMS) & any_blank(HEALTH_ITEMS)


@oc2_rule("192", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED")
def misuse_without_whether_an_intervention_was_received(data: Return903) -> pl.Expr:
    return (MISUSE == "1") & RECEIVED.is_null()


@oc2_rule("193", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
def intervention_without_misuse(data: Return903) -> pl.Expr:
    no_misuse = MISUSE.is_null() | (MISUSE == "0")
    return no_misuse & (RECEIVED.is_not_null() | OFFERED.is_not_null())


@oc2_rule("158", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
def offered_given_when_received(data: Return903) -> pl.Expr:
    return (RECEIVED == "1") & OFFERED.is_not_null()


@oc2_rule("159", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
def offered_blank_when_not_received(data: Return903) -> pl.Expr:
    return (MISUSE == "1") & (RECEIVED == "0") & OFFERED.is_null()


# Conviction (aged 10 or over at 31 March) and health promotion (under 5).


@oc2_rule("542", "DOB", "CONVICTED")
def conviction_under_10(data: Return903) -> pl.Expr:
    return (at_end(data) < 10) & CONVICTED


@oc2_rule("543", "DOB", "CONVICTED")
def no_conviction_at_10_or_over(data: Return903) -> pl.Expr:
    # The DfE's condition is DOB + 10 years <= 31 March: the 10th birthday on 31 March counts.
    return CLA & (at_end(data) >= 10) & ~CONVICTED


@oc2_rule("544", "CONVICTED", *HEALTH_ITEMS)
def conviction_without_the_health_items(data: Return903) -> pl.Expr:
    # "Completed" is given at all: 0 (not convicted) as much as 1.
    return CONVICTED & any_blank(HEALTH_ITEMS)


@oc2_rule("545", "DOB", "HEALTH_CHECK")
def no_health_promotion_under_5(data: Return903) -> pl.Expr:
    return CLA & (at_end(data) < 5) & ~HEALTH_CHECK


@oc2_rule("546", "DOB", "HEALTH_CHECK")
def health_promotion_at_5_or_over(data: Return903) -> pl.Expr:
    return CLA & (at_end(data) >= 5) & HEALTH_CHECK


@oc2_rule("547", "HEALTH_CHECK", *HEALTH_ITEMS)
def health_promotion_without_the_health_items(data: Return903) -> pl.Expr:
    # As 544: a health check of 0 is information completed.
    return HEALTH_CHECK & any_blank(HEALTH_ITEMS)
