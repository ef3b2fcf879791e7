"""Rules about the child's details read against the child's care: unknown UPN codes, the
mother field, previous permanence, the care leaver's items, and having episodes at all."""

from datetime import date, timedelta

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.adoption_records import (
    CHANGE_OF_PLACEMENT,
    flagged,
    one_row_each,
    with_periods,
)
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import age, is_one_of, report
from oversight.exchange.ssda903.spec import ID

NOT_AT_SCHOOL = "UN1"  # unknown UPN: the child is not yet of school age
NEWLY_LOOKED_AFTER = "UN4"  # unknown UPN: the child is newly looked after
A_WEEK = timedelta(days=7)
NO_PREVIOUS_PERMANENCE = "Z1"
PERMANENCE_RETURNED_FROM = date(2016, 4, 1)
PERMANENCE = ("PREV_PERM", "LA_PERM", "DATE_PERM")
LEAVING_CARE = ("IN_TOUCH", "ACTIV", "ACCOM")


def not_respite() -> pl.Expr:
    return ~is_one_of("LS", codes.RESPITE).fill_null(False)


@RULES.rule("209")
def of_school_age_has_no_un1(data: Return903) -> pl.LazyFrame:
    # The DfE's day is 31 August of the year before the collection year begins (31/08/2024
    # for 2025/26): a child 4 by then is of school age.
    school_age_on = date(data.year.start.year - 1, 8, 31)
    wrong = (pl.col("UPN") == NOT_AT_SCHOOL) & (age(pl.col("DOB"), pl.lit(school_age_on)) >= 4)
    return report(data.header.filter(wrong), "DOB", "UPN")


@RULES.rule("210")
def looked_after_over_a_week_has_no_un4(data: Return903) -> pl.LazyFrame:
    # A child looked after on 31 March whose period of care began before 24 March (over a
    # week before) is no longer newly looked after. The period began at its first episode
    # in the return (earlier still, if it began before the return).
    year_end = data.year.end
    episodes = with_periods(data.episodes).filter(pl.col("_last"))
    open_at_end = (pl.col("DECOM") <= year_end) & (
        pl.col("DEC").is_null() | (pl.col("DEC") > year_end)
    )
    in_care = episodes.filter(open_at_end).select(ID, pl.col("period began").alias("in care since"))
    header = data.header.filter(pl.col("UPN") == NEWLY_LOOKED_AFTER).join(in_care, on=ID)
    return report(header.filter(pl.col("in care since") < year_end - A_WEEK), "UPN",
                  "in care since")  # fmt: skip


def girls_without_mother_field(data: Return903) -> pl.LazyFrame:
    return data.header.filter((pl.col("SEX") == "F") & pl.col("MOTHER").is_null())


@RULES.rule("393")
def a_girl_looked_after_has_the_mother_field(data: Return903) -> pl.LazyFrame:
    # Looked after other than for short-term respite (V3, V4), at any time in the return.
    looked_after = data.episodes.filter(not_respite()).select(ID)
    return report(girls_without_mother_field(data).join(looked_after, on=ID, how="semi"), "SEX",
                  "MOTHER")  # fmt: skip


@RULES.rule("607")
def a_girl_leaving_care_in_the_year_has_the_mother_field(data: Return903) -> pl.LazyFrame:
    year = data.year
    ceased = data.episodes.filter(
        not_respite()
        & pl.col("REC").is_not_null()
        & (pl.col("REC") != CHANGE_OF_PLACEMENT)
        & (pl.col("DEC") >= year.start)
        & (pl.col("DEC") <= year.end)
    )
    return report(girls_without_mother_field(data).join(ceased.select(ID), on=ID, how="semi"),
                  "SEX", "MOTHER")  # fmt: skip


@RULES.rule("630")
def starting_care_returns_previous_permanence(data: Return903) -> pl.LazyFrame:
    # A child who starts to be looked after in the year has a previous permanence record;
    # unless the option is none (Z1), with the local authority and the date of the order.
    permanence = one_row_each(data.previous_permanence).select(ID, *PERMANENCE)
    started = data.episodes.filter((pl.col("RNE") == "S") & (pl.col("DECOM") >= data.year.start))
    started = flagged(started, permanence, "_returned").join(permanence, on=ID, how="left")
    option = pl.col("PREV_PERM")
    details_missing = pl.col("LA_PERM").is_null() | pl.col("DATE_PERM").is_null()
    wrong = (
        ~pl.col("_returned")
        | option.is_null()
        | (option.ne_missing(NO_PREVIOUS_PERMANENCE) & details_missing)
    )
    return report(started.filter(wrong), "RNE", "DECOM", *PERMANENCE)


@RULES.rule("634")
def previous_permanence_only_for_care_from_april_2016(data: Return903) -> pl.LazyFrame:
    # A child with no episodes has no start of care to judge here (EPI asks for episodes).
    latest = data.episodes.group_by(ID).agg(pl.col("DECOM").max().alias("latest DECOM"))
    permanence = data.previous_permanence.filter(
        pl.any_horizontal(pl.col(c).is_not_null() for c in PERMANENCE)
    ).join(latest, on=ID, how="inner")
    wrong = pl.col("latest DECOM") < PERMANENCE_RETURNED_FROM
    return report(permanence.filter(wrong), *PERMANENCE, "latest DECOM")


@RULES.rule("153")
def leaving_care_items_all_or_none(data: Return903) -> pl.LazyFrame:
    count = pl.sum_horizontal(pl.col(c).is_not_null().cast(pl.Int32) for c in LEAVING_CARE)
    wrong = (count > 0) & (count < len(LEAVING_CARE))
    return report(data.oc3.filter(wrong), *LEAVING_CARE)


@RULES.rule("EPI")
def every_child_has_episodes_or_is_a_care_leaver(data: Return903) -> pl.LazyFrame:
    known = pl.concat([data.episodes.select(ID), data.oc3.select(ID)])
    return report(data.header.join(known, on=ID, how="anti"))
