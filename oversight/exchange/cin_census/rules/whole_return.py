"""Rules on the return as a whole: its reference date, and the share of children with no
sex or with several disabilities recorded. Their findings name no child: each counts
over the whole return and, when it is broken, says so in a frame of its own."""

import polars as pl

from oversight.exchange.cin_census.rules.book import RULES, Census
from oversight.exchange.cin_census.rules.child import UNKNOWN_SEX
from oversight.exchange.cin_census.rules.disabilities import NO_DISABILITY, disability_codes
from oversight.exchange.validation.rulebook import collected

MOST_WITHOUT_SEX = 0.02  # of all child records
FEWEST_DISABILITY_CODES = 8


def _none() -> pl.DataFrame:
    return pl.DataFrame()


@RULES.rule("100")
def reference_date_is_the_census_end(cin: Census) -> pl.DataFrame:
    given = cin.header.get("ReferenceDate")
    if given == cin.period.end:
        return _none()
    return pl.DataFrame({"ReferenceDate": [given], "expected": [cin.period.end]})


@RULES.rule("2886Q")
def at_most_2_percent_of_children_have_no_sex_recorded(cin: Census) -> pl.DataFrame:
    # Unborn children, returned with an expected date of birth, are rightly U: they count
    # among all the records but never as having no sex recorded.
    no_sex = pl.col("Sex").is_null() | (pl.col("Sex") == UNKNOWN_SEX)
    without_sex = no_sex & pl.col("ExpectedPersonBirthDate").is_null()
    counts = collected(cin.children.select(without_sex.sum(), pl.len()))
    without, total = counts.row(0)
    if without <= MOST_WITHOUT_SEX * total:
        return _none()
    share = f"{without} of {total} children ({without / total:.1%}) have no sex recorded"
    return pl.DataFrame({"Sex": [share]})


def _disabilities(cin: Census) -> pl.LazyFrame:
    """Each child's distinct disability codes, leaving out NONE and values not in the table."""
    codes = [code for code in disability_codes() if code != NO_DISABILITY]
    disabilities = cin.disabilities.filter(pl.col("Disability").is_in(codes))
    return disabilities.select("child", "Disability").unique()


@RULES.rule("2887Q")
def at_least_8_disability_codes_are_used(cin: Census) -> pl.DataFrame:
    used = collected(_disabilities(cin).select(pl.col("Disability").unique().sort()))
    used = used.get_column("Disability").to_list()
    if len(used) >= FEWEST_DISABILITY_CODES:
        return _none()
    listed = ", ".join(used) if used else "none"
    return pl.DataFrame({"Disability": [f"{len(used)} codes used: {listed}"]})


@RULES.rule("2888Q")
def some_child_has_more_than_one_disability(cin: Census) -> pl.DataFrame:
    per_child = _disabilities(cin).group_by("child").len()
    if collected(per_child.filter(pl.col("len") > 1).select(pl.len())).item():
        return _none()
    return pl.DataFrame({"Disability": ["no child has more than one disability code"]})
