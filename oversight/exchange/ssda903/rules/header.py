"""Rules about the child's header: sex, birth, ethnicity, UPN, and whether she is a mother."""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import (
    age,
    code_rule,
    date_rule,
    is_one_of,
    report,
)
from oversight.exchange.ssda903.spec import ID

code_rule("101", "header", "SEX", codes.SEX, required=True)
date_rule("102", "header", "DOB", required=True)
code_rule("103", "header", "ETHNIC", codes.ETHNICITY, required=True)
date_rule("171", "header", "MC_DOB", required=False)


def in_care_in_year(data: Return903) -> pl.LazyFrame:
    """Children with an episode in the year that is not short-term respite (V3, V4)."""
    year = data.year
    episodes = data.episodes.filter(
        (pl.col("DECOM") <= year.end)
        & (pl.col("DEC").is_null() | (pl.col("DEC") >= year.start))
        & ~is_one_of("LS", codes.RESPITE).fill_null(False)
    )
    return episodes.select(ID).unique()


@RULES.rule("165")
def mother_is_a_valid_answer_for_a_girl(data: Return903) -> pl.LazyFrame:
    # A mother's status is 0 or 1, only for a girl, and must be given for a girl looked
    # after in the year (not only for respite).
    header = data.header.join(in_care_in_year(data).with_columns(_in_care=pl.lit(True)),
                              on=ID, how="left")  # fmt: skip
    given = pl.col("MOTHER").is_not_null()
    wrong = (
        (given & ~is_one_of("MOTHER", codes.YES_NO))
        | (given & (pl.col("SEX") != "F"))
        | (~given & (pl.col("SEX") == "F") & pl.col("_in_care").fill_null(False))
    )
    return report(header.filter(wrong), "SEX", "MOTHER")


@RULES.rule("168")
def upn_is_a_upn_or_an_unknown_code(data: Return903) -> pl.LazyFrame:
    upn = pl.col("UPN")
    wrong = (
        upn.is_not_null()
        & ~upn.str.contains(codes.UPN_PATTERN)
        & ~upn.is_in(sorted(codes.UPN_UNKNOWN))
    )
    return report(data.header.filter(wrong), "UPN")


@RULES.rule("174")
def a_boy_has_no_child_date_of_birth(data: Return903) -> pl.LazyFrame:
    wrong = (pl.col("SEX") == "M") & pl.col("MC_DOB").is_not_null()
    return report(data.header.filter(wrong), "SEX", "MC_DOB")


@RULES.rule("232")
def sex_is_known(data: Return903) -> pl.LazyFrame:
    return report(data.header.filter(pl.col("SEX") == "U"), "SEX")


@RULES.rule("301")
def born_by_the_end_of_the_year(data: Return903) -> pl.LazyFrame:
    return report(data.header.filter(pl.col("DOB") > data.year.end), "DOB")


@RULES.rule("351")
def not_over_25_at_the_start_of_the_year(data: Return903) -> pl.LazyFrame:
    # "Over 25": the 25th birthday came before the first day of the year.
    day_before = pl.lit(data.year.start).dt.offset_by("-1d")
    return report(data.header.filter(age(pl.col("DOB"), day_before) >= 25), "DOB")


@RULES.rule("442")
def upn_given_for_a_child_looked_after(data: Return903) -> pl.LazyFrame:
    # Any episode (this year's return) that is not respite needs a UPN.
    not_respite = data.episodes.filter(~is_one_of("LS", codes.RESPITE).fill_null(False))
    looked_after = data.header.join(not_respite.select(ID).unique(), on=ID, how="semi")
    return report(looked_after.filter(pl.col("UPN").is_null()), "UPN")


@RULES.rule("444")
def upn_is_not_repeated(data: Return903) -> pl.LazyFrame:
    known = data.header.filter(pl.col("UPN").is_not_null() & ~is_one_of("UPN", codes.UPN_UNKNOWN))
    return report(known.filter(pl.col("UPN").is_duplicated()), "UPN")


@RULES.rule("611")
def a_mother_has_her_child_date_of_birth(data: Return903) -> pl.LazyFrame:
    wrong = (pl.col("MOTHER") == "1") & pl.col("MC_DOB").is_null()
    return report(data.header.filter(wrong), "MOTHER", "MC_DOB")


@RULES.rule("612")
def child_date_of_birth_only_for_a_mother(data: Return903) -> pl.LazyFrame:
    wrong = (
        (pl.col("SEX") == "F")
        & pl.col("MC_DOB").is_not_null()
        & (pl.col("MOTHER").is_null() | (pl.col("MOTHER") == "0"))
    )
    return report(data.header.filter(wrong), "SEX", "MOTHER", "MC_DOB")


@RULES.rule("620")
def a_mother_is_at_least_11(data: Return903) -> pl.LazyFrame:
    # Her age is taken at the start of the year: under 11 then is too young to be a mother.
    young = age(pl.col("DOB"), pl.lit(data.year.start)) < 11
    return report(data.header.filter((pl.col("MOTHER") == "1") & young), "DOB", "MOTHER")


@RULES.rule("621")
def a_mother_is_older_than_her_child(data: Return903) -> pl.LazyFrame:
    wrong = pl.col("MC_DOB") <= pl.col("DOB")
    return report(data.header.filter(wrong), "DOB", "MC_DOB")


@RULES.rule("625")
def child_born_by_the_year_end_and_the_mother_leaving_care(data: Return903) -> pl.LazyFrame:
    latest_end = data.episodes.group_by(ID).agg(pl.col("DEC").max().alias("latest DEC"))
    header = data.header.join(latest_end, on=ID, how="left")
    wrong = (pl.col("MC_DOB") > data.year.end) | (pl.col("MC_DOB") > pl.col("latest DEC"))
    return report(header.filter(wrong.fill_null(False)), "MC_DOB", "latest DEC")


@RULES.rule("INT32")
def child_once_in_header(data: Return903) -> pl.LazyFrame:
    header = data.header.filter(pl.col(ID).is_not_null())
    return report(header.filter(pl.col(ID).is_duplicated()))
