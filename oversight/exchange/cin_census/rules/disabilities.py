"""Rules on the child's disabilities (``<Disabilities>``, one ``<Disability>`` code each)."""

import polars as pl

from oversight.codes.registry import code_set
from oversight.exchange.cin_census.rules.book import RULES, Census

NO_DISABILITY = "NONE"


def disability_codes() -> list[str]:
    """The disability codes of the census, NONE included."""
    return [code.code for code in code_set("disability")]


@RULES.rule("8540")
def disability_is_recorded_with_valid_codes(cin: Census) -> pl.LazyFrame:
    # Asked of a child with a date of birth and a referral going on to further action:
    # at least one code (NONE counts), and every code in the census's table.
    referred = cin.episodes.filter(pl.col("ReferralNFA").not_()).select("child").unique()
    children = cin.children.filter(pl.col("PersonBirthDate").is_not_null()).join(
        referred, on="child", how="semi"
    )
    without_any = children.join(cin.disabilities, on="child", how="anti").select(
        "LAchildID", "line", pl.lit(None, dtype=pl.String).alias("Disability")
    )
    valid = pl.col("Disability").is_in(disability_codes()).fill_null(False)
    invalid = cin.disabilities.join(children.select("child"), on="child", how="semi").filter(~valid)
    return pl.concat([without_any, invalid.select("LAchildID", "line", "Disability")])


@RULES.rule("8790")
def none_is_the_only_disability_when_given(cin: Census) -> pl.LazyFrame:
    # Each code given beside NONE is reported.
    with_none = cin.disabilities.filter(pl.col("Disability") == NO_DISABILITY).select("child")
    others = cin.disabilities.filter(pl.col("Disability") != NO_DISABILITY)
    broken = others.join(with_none.unique(), on="child", how="semi")
    return broken.select("LAchildID", "line", "Disability")


@RULES.rule("8794")
def no_disability_code_repeated(cin: Census) -> pl.LazyFrame:
    # Each repeat after the first is reported, at its own line.
    codes = cin.disabilities.filter(pl.col("Disability").is_not_null()).sort("line")
    repeat = ~pl.struct("child", "Disability").is_first_distinct()
    return codes.filter(repeat).select("LAchildID", "line", "Disability")
