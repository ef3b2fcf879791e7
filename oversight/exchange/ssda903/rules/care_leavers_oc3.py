"""Rules about the OC3 file: what a care leaver's record says, and what else a care leaver's
return may hold.

A care leaver is in the OC3 cohort, not the OC2 or adoption ones; a young person who died
or went home has no activity or accommodation, one in touch has both; ages are 17 to 21.
"""

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES, compares_with_last_year
from oversight.exchange.ssda903.rules.cohorts import (
    ADOPTION_ITEMS,
    LEAVER_ITEMS,
    TWELVE_MONTH_ITEMS,
    age_on,
    any_given,
    care_leavers,
    continuously_looked_after,
    ids,
    looked_after_this_year,
    turns_during,
    with_dob,
)
from oversight.exchange.ssda903.rules.common import is_one_of, report
from oversight.exchange.ssda903.spec import ID

FOYER = {"T1", "T2"}
FORMER_FOSTER_CARERS = {"Z1", "Z2"}
# Besides the header, OC3 and UASC (rule 1014), the files a child not looked after during
# the year has no place in.
LOOKED_AFTER_TABLES = (
    "reviews", "missing", "ad1", "placed_for_adoption", "previous_permanence", "oc2",
    "social_worker_episodes",
)  # fmt: skip


def alongside(rows: pl.LazyFrame, other: pl.LazyFrame, columns: tuple[str, ...]) -> pl.LazyFrame:
    """``rows`` with the same child's ``columns`` from ``other`` (its first row), so that a
    finding shows both files' values."""
    first = other.unique(ID, keep="first", maintain_order=True).select(ID, *columns)
    return rows.join(first, on=ID, how="left")


@RULES.rule("134")
def adoption_data_for_a_care_leaver(data: Return903) -> pl.LazyFrame:
    adoptions = data.ad1.filter(any_given(ADOPTION_ITEMS))
    adoptions = alongside(adoptions, data.oc3, LEAVER_ITEMS).join(
        ids(care_leavers(data)), on=ID, how="semi"
    )
    return report(adoptions, *ADOPTION_ITEMS, *LEAVER_ITEMS)


@RULES.rule("187")
def adoption_or_care_leaver_data_in_the_twelve_month_cohort(data: Return903) -> pl.LazyFrame:
    # Reported on each row given: the adoption record and the care leaver record.
    adoptions = alongside(data.ad1.filter(any_given(ADOPTION_ITEMS)), data.oc3, LEAVER_ITEMS)
    leavers = alongside(data.oc3.filter(any_given(LEAVER_ITEMS)), data.ad1, ADOPTION_ITEMS)
    cohort = continuously_looked_after(data)
    rows = [r.join(cohort, on=ID, how="semi") for r in (adoptions, leavers)]
    return pl.concat([report(r, *ADOPTION_ITEMS, *LEAVER_ITEMS) for r in rows])


@RULES.rule("215")
def twelve_month_items_for_a_care_leaver(data: Return903) -> pl.LazyFrame:
    # Reported on both rows: the OC2 items given and the care leaver record.
    twelve_months = data.oc2.filter(any_given(TWELVE_MONTH_ITEMS))
    leavers = data.oc3.filter(any_given(LEAVER_ITEMS))
    oc2 = alongside(twelve_months, leavers, LEAVER_ITEMS).join(leavers, on=ID, how="semi")
    oc3 = alongside(leavers, twelve_months, TWELVE_MONTH_ITEMS).join(
        twelve_months, on=ID, how="semi"
    )
    return pl.concat([report(r, *LEAVER_ITEMS, *TWELVE_MONTH_ITEMS) for r in (oc2, oc3)])


@RULES.rule("344")
def activity_or_accommodation_for_one_who_died_or_went_home(data: Return903) -> pl.LazyFrame:
    # 0 is the code for none; a blank is reported by 132 and 133, not here.
    gone = pl.col("IN_TOUCH").is_in(["DIED", "RHOM"])
    some = (pl.col("ACTIV") != "0") | (pl.col("ACCOM") != "0")
    return report(data.oc3.filter((gone & some).fill_null(False)), *LEAVER_ITEMS)


@RULES.rule("345")
def no_activity_or_accommodation_for_one_in_touch(data: Return903) -> pl.LazyFrame:
    none = (pl.col("ACTIV") == "0") | (pl.col("ACCOM") == "0")
    return report(data.oc3.filter(((pl.col("IN_TOUCH") == "YES") & none).fill_null(False)),
                  *LEAVER_ITEMS)  # fmt: skip


@RULES.rule("347")
def foyer_under_18(data: Return903) -> pl.LazyFrame:
    # The DfE's condition is that the young person in a Foyer (T1, T2) was 18 by 1 April.
    oc3 = with_dob(data, data.oc3)
    wrong = is_one_of("ACCOM", FOYER) & (age_on(data.year.start) < 18)
    return report(oc3.filter(wrong.fill_null(False)), "DOB", "ACCOM")


@compares_with_last_year("348")
def care_leaver_who_died_last_year(data: Return903) -> pl.LazyFrame:
    # Last year's IN_TOUCH was DIED: this year's record can say nothing else.
    died = ids(data.last_year().oc3.filter(pl.col("IN_TOUCH") == "DIED"))
    oc3 = data.oc3.join(died, on=ID, how="semi").filter(pl.col("IN_TOUCH").ne_missing("DIED"))
    return report(oc3, "IN_TOUCH", pl.lit("DIED").alias("last year's IN_TOUCH"))


@RULES.rule("391")
def care_leaver_not_17_to_21_during_the_year(data: Return903) -> pl.LazyFrame:
    # Not 17 to 21 at any time of the year: 17 only after 31 March, or 22 by 1 April. (The
    # message speaks of both ends; 22 or over is as far from the cohort as under 17.)
    wrong = (age_on(data.year.end) < 17) | (age_on(data.year.start) >= 22)
    return report(care_leavers(data).filter(wrong.fill_null(False)), "DOB", *LEAVER_ITEMS)


@RULES.rule("3001")
def former_foster_carers_at_17(data: Return903) -> pl.LazyFrame:
    # "Around the 17th birthday" is read as the 17th birthday falling in the year.
    oc3 = with_dob(data, data.oc3)
    wrong = is_one_of("ACCOM", FORMER_FOSTER_CARERS) & turns_during(17, data)
    return report(oc3.filter(wrong.fill_null(False)), "DOB", "ACCOM")


@RULES.rule("628")
def motherhood_for_a_care_leaver_not_looked_after(data: Return903) -> pl.LazyFrame:
    header = data.header.filter(pl.col("MOTHER").is_not_null())
    header = header.join(looked_after_this_year(data), on=ID, how="anti")
    return report(header.join(ids(care_leavers(data)), on=ID, how="semi"), "MOTHER")


@RULES.rule("1014")
def uasc_for_a_care_leaver(data: Return903) -> pl.LazyFrame:
    # A care leaver here is one with care leaver information and no episode this year.
    leavers = ids(care_leavers(data)).join(looked_after_this_year(data), on=ID, how="anti")
    uasc = alongside(data.uasc.join(leavers, on=ID, how="semi"), data.oc3, LEAVER_ITEMS)
    return report(uasc, "DUC", *LEAVER_ITEMS)


@RULES.rule("1012")
def other_data_for_a_care_leaver_not_looked_after(data: Return903) -> pl.LazyFrame:
    # Reported on each row of another file for a child in OC3 with no episode this year.
    # Social worker episodes, new since the rule was written, are data of care too. A file
    # not given holds no rows to report.
    leavers = ids(data.oc3).join(looked_after_this_year(data), on=ID, how="anti")
    tables = [t for t in LOOKED_AFTER_TABLES if t in data.tables]
    rows = [report(data.table(t).join(leavers, on=ID, how="semi")) for t in tables]
    return pl.concat(rows) if rows else report(data.oc3.clear())
