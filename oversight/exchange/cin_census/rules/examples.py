"""Rules that show the pattern: the reference date, duplicate children, a same-day plan."""

import polars as pl

from oversight.exchange.cin_census.read import CinData
from oversight.exchange.cin_census.rules.book import RULES


@RULES.rule("100")
def reference_date_is_the_census_end(cin: CinData) -> pl.DataFrame:
    given = cin.header.get("ReferenceDate")
    if given == cin.period.end:
        return pl.DataFrame()
    return pl.DataFrame({"ReferenceDate": [given], "expected": [cin.period.end]})


@RULES.rule("8510")
def one_record_per_la_child_id(cin: CinData) -> pl.DataFrame:
    children = cin.children.filter(pl.col("LAchildID").is_not_null())
    return children.filter(pl.col("LAchildID").is_duplicated()).select("LAchildID", "line")


@RULES.rule("8840")
def plan_does_not_start_and_end_on_one_day(cin: CinData) -> pl.DataFrame:
    plans = cin.cp_plans.filter(pl.col("CPPstartDate") == pl.col("CPPendDate"))
    return plans.select("LAchildID", "line", "CPPstartDate", "CPPendDate")
