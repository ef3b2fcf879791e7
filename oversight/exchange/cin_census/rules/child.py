"""Rules on the child: their LA child id, dates of birth and death, sex, ethnicity, age,
and that each child has at least one CIN episode."""

from datetime import timedelta

import polars as pl

from oversight.codes.registry import code_set
from oversight.exchange.cin_census.rules.book import RULES, Census
from oversight.timescales.calendar import add_months

# <Sex> (N00783) as the CIN census returns it since 2024-25 (the DfE's business and
# technical specification): the code set "sex" holds the older GenderCurrent codes 0/1/2/9.
SEX = ("M", "F", "U")
UNKNOWN_SEX = "U"
LONGEST_LA_CHILD_ID = 20


def _unborn() -> pl.Expr:
    return pl.col("PersonBirthDate").is_null() & pl.col("ExpectedPersonBirthDate").is_not_null()


@RULES.rule("8500")
def la_child_id_is_present(cin: Census) -> pl.LazyFrame:
    return cin.children.filter(pl.col("LAchildID").is_null()).select("LAchildID", "line")


@RULES.rule("8510")
def one_record_per_la_child_id(cin: Census) -> pl.LazyFrame:
    children = cin.children.filter(pl.col("LAchildID").is_not_null())
    return children.filter(pl.col("LAchildID").is_duplicated()).select("LAchildID", "line")


@RULES.rule("1570")
def la_child_id_is_at_most_20_characters(cin: Census) -> pl.LazyFrame:
    too_long = pl.col("LAchildID").str.len_chars() > LONGEST_LA_CHILD_ID
    return cin.children.filter(too_long).select("LAchildID", "line")


@RULES.rule("1580")
def la_child_id_is_only_letters_and_digits(cin: Census) -> pl.LazyFrame:
    # Letters and digits of the plain alphabet: an accented letter is not alphanumeric here.
    alphanumeric = pl.col("LAchildID").str.contains(r"^[A-Za-z0-9]+$")
    return cin.children.filter(~alphanumeric).select("LAchildID", "line")


@RULES.rule("8520")
def born_on_or_before_the_reference_date(cin: Census) -> pl.LazyFrame:
    late = pl.col("PersonBirthDate") > cin.period.end
    return cin.children.filter(late).select("LAchildID", "line", "PersonBirthDate")


@RULES.rule("8525Q")
def birth_date_or_expected_birth_date_but_not_both(cin: Census) -> pl.LazyFrame:
    born = pl.col("PersonBirthDate").is_not_null()
    expected = pl.col("ExpectedPersonBirthDate").is_not_null()
    broken = cin.children.filter(born == expected)
    return broken.select("LAchildID", "line", "PersonBirthDate", "ExpectedPersonBirthDate")


@RULES.rule("8530Q")
def expected_birth_within_march_to_december_of_the_census_year_end(cin: Census) -> pl.LazyFrame:
    # From the reference date minus 30 days to the reference date plus 9 months, both
    # days included: 1 March to 31 December 2026 for the 2025-26 census.
    earliest = cin.period.end - timedelta(days=30)
    latest = add_months(cin.period.end, 9)
    expected = pl.col("ExpectedPersonBirthDate")
    broken = cin.children.filter(~expected.is_between(earliest, latest))
    return broken.select("LAchildID", "line", "ExpectedPersonBirthDate")


@RULES.rule("8535Q")
def death_not_before_birth(cin: Census) -> pl.LazyFrame:
    # A date of death needs a date of birth on or before it, except for a child who died
    # before their expected date of birth, never born.
    death = pl.col("PersonDeathDate")
    died_unborn = (pl.col("ExpectedPersonBirthDate") > death).fill_null(False)
    no_birth_date = pl.col("PersonBirthDate").is_null() & ~died_unborn
    broken = cin.children.filter(
        death.is_not_null() & ((pl.col("PersonBirthDate") > death).fill_null(False) | no_birth_date)
    )
    return broken.select("LAchildID", "line", "PersonDeathDate", "PersonBirthDate")


@RULES.rule("8545Q")
def death_within_the_census_year(cin: Census) -> pl.LazyFrame:
    outside = ~pl.col("PersonDeathDate").is_between(cin.period.start, cin.period.end)
    return cin.children.filter(outside).select("LAchildID", "line", "PersonDeathDate")


@RULES.rule("4180")
def sex_is_m_f_or_u(cin: Census) -> pl.LazyFrame:
    valid = pl.col("Sex").is_in(SEX).fill_null(False)
    return cin.children.filter(~valid).select("LAchildID", "line", "Sex")


@RULES.rule("8750")
def unborn_child_has_sex_u(cin: Census) -> pl.LazyFrame:
    # A missing sex is not U.
    not_u = pl.col("Sex").ne_missing(UNKNOWN_SEX)
    broken = cin.children.filter(_unborn() & not_u)
    return broken.select("LAchildID", "line", "Sex", "PersonBirthDate", "ExpectedPersonBirthDate")


@RULES.rule("4220")
def ethnicity_is_a_census_code(cin: Census) -> pl.LazyFrame:
    codes = [code.code for code in code_set("ethnicity")]
    valid = pl.col("Ethnicity").is_in(codes).fill_null(False)
    return cin.children.filter(~valid).select("LAchildID", "line", "Ethnicity")


@RULES.rule("8590")
def child_has_a_cin_episode(cin: Census) -> pl.LazyFrame:
    without = cin.children.join(cin.episodes.select("child"), on="child", how="anti")
    return without.select("LAchildID", "line")


@RULES.rule("8775Q")
def child_is_not_over_25(cin: Census) -> pl.LazyFrame:
    # Each episode of a child born more than 25 years before the reference date that is
    # still open or closed after the 25th birthday.
    born_before = add_months(cin.period.end, -25 * 12)
    children = cin.children.filter(pl.col("PersonBirthDate") < born_before).select(
        "child", "PersonBirthDate"
    )
    birthday_25 = pl.col("PersonBirthDate").dt.offset_by("25y")
    closure = pl.col("CINclosureDate")
    episodes = cin.episodes.join(children, on="child").filter(
        closure.is_null() | (closure > birthday_25)
    )
    return episodes.select("LAchildID", "line", "PersonBirthDate", "CINclosureDate")
