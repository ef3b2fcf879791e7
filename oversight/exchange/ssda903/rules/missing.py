"""Rules about the child's periods missing or away from placement without authorisation."""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import (
    code_rule,
    date_rule,
    episodes_in_order,
    in_order,
    previous,
    report,
)
from oversight.exchange.ssda903.spec import ID

date_rule("1004", "missing", "MIS_START", required=False)
date_rule("1005", "missing", "MIS_END", required=False)
code_rule("1006", "missing", "MISSING", codes.MISSING_TYPE, required=False)


@RULES.rule("564")
def missing_has_a_start_date(data: Return903) -> pl.LazyFrame:
    # A start date that was given but cannot be read is 1004's to report, not a blank.
    missing = data.missing.join(
        data.unreadable.filter(pl.col("field") == "MIS_START").select("file", "line"),
        on=["file", "line"], how="anti",
    )  # fmt: skip
    wrong = pl.col("MISSING").is_not_null() & pl.col("MIS_START").is_null()
    return report(missing.filter(wrong), "MISSING", "MIS_START")


@RULES.rule("565")
def a_start_date_says_missing_or_away(data: Return903) -> pl.LazyFrame:
    wrong = pl.col("MIS_START").is_not_null() & pl.col("MISSING").is_null()
    return report(data.missing.filter(wrong), "MISSING", "MIS_START")


@RULES.rule("566")
def an_end_date_says_missing_or_away(data: Return903) -> pl.LazyFrame:
    wrong = pl.col("MIS_END").is_not_null() & pl.col("MISSING").is_null()
    return report(data.missing.filter(wrong), "MISSING", "MIS_END")


@RULES.rule("567")
def missing_ends_on_or_after_it_started(data: Return903) -> pl.LazyFrame:
    wrong = pl.col("MIS_END") < pl.col("MIS_START")
    return report(data.missing.filter(wrong), "MIS_START", "MIS_END")


@RULES.rule("570")
def missing_starts_by_the_end_of_the_year(data: Return903) -> pl.LazyFrame:
    return report(data.missing.filter(pl.col("MIS_START") > data.year.end), "MIS_START")


@RULES.rule("571")
def missing_ends_within_the_year(data: Return903) -> pl.LazyFrame:
    outside = (pl.col("MIS_END") < data.year.start) | (pl.col("MIS_END") > data.year.end)
    return report(data.missing.filter(outside), "MIS_END")


@RULES.rule("574")
def missing_periods_do_not_overlap(data: Return903) -> pl.LazyFrame:
    # In start order, a period cannot start while the one before is open or not yet ended.
    periods = in_order(data.missing, start="MIS_START").with_columns(*previous("MIS_END"))
    wrong = (pl.col("_number") > 0) & (
        pl.col("previous MIS_END").is_null() | (pl.col("MIS_START") < pl.col("previous MIS_END"))
    )
    return report(periods.filter(wrong), "MIS_START", "previous MIS_END")


@RULES.rule("586")
def missing_after_birth(data: Return903) -> pl.LazyFrame:
    wrong = (pl.col("MIS_START") < pl.col("DOB")) | (pl.col("MIS_END") < pl.col("DOB"))
    return report(data.missing.filter(wrong), "DOB", "MIS_START", "MIS_END")


def last_episode(data: Return903) -> pl.LazyFrame:
    """Each child's latest episode: when it ceased and why (REC X1 means care went on)."""
    episodes = episodes_in_order(data)
    last = episodes.filter(pl.col("_last"))
    return last.select(ID, pl.col("DEC").alias("left care"), pl.col("REC").alias("_REC"))


def left_care(data: Return903) -> pl.LazyFrame:
    """Children whose latest episode ended with the end of their care, and the day."""
    last = last_episode(data)
    return last.filter(pl.col("left care").is_not_null() & (pl.col("_REC") != "X1"))


@RULES.rule("577")
def missing_has_ended_when_care_has(data: Return903) -> pl.LazyFrame:
    missing = data.missing.join(left_care(data), on=ID, how="inner")
    wrong = pl.col("MIS_START").is_not_null() & pl.col("MIS_END").is_null()
    return report(missing.filter(wrong), "MIS_START", "MIS_END", "left care")


@RULES.rule("578")
def missing_starts_before_care_ended(data: Return903) -> pl.LazyFrame:
    missing = data.missing.join(left_care(data), on=ID, how="inner")
    return report(missing.filter(pl.col("MIS_START") > pl.col("left care")), "MIS_START",
                  "left care")  # fmt: skip


@RULES.rule("581")
def missing_while_looked_after(data: Return903) -> pl.LazyFrame:
    # The start of a missing period must fall within one of the child's episodes.
    missing = data.missing.filter(pl.col("MIS_START").is_not_null())
    episodes = data.episodes.select(ID, "DECOM", "DEC")
    inside = missing.join(episodes, on=ID, how="inner").filter(
        (pl.col("MIS_START") >= pl.col("DECOM"))
        & (pl.col("DEC").is_null() | (pl.col("MIS_START") <= pl.col("DEC")))
    )
    outside = missing.join(inside.select("file", "line").unique(), on=["file", "line"],
                           how="anti")  # fmt: skip
    return report(outside, "MIS_START")
