"""Rules that compare this year's return with last year's (run only when it is given).

A child's details carry over from one year to the next, and an episode, or a missing
period, still open at the end of last year carries on into this one.
"""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import compares_with_last_year
from oversight.exchange.ssda903.rules.common import (
    differs,
    episodes_in_order,
    in_order,
    is_one_of,
    report,
)
from oversight.exchange.ssda903.spec import ID


def with_last_years(data: Return903, table: str, *columns: str) -> pl.LazyFrame:
    """This year's rows of children in last year's ``table`` too, with last year's ``columns``."""
    last = data.last_year().table(table).unique(ID, keep="last", maintain_order=True)
    last = last.select(ID, *(pl.col(c).alias(f"last year's {c}") for c in columns))
    return data.table(table).join(last, on=ID, how="inner")


def header_kept_rule(code: str, column: str) -> None:
    @compares_with_last_year(code)
    def same_as_last_year(data: Return903) -> pl.LazyFrame:
        header = with_last_years(data, "header", column)
        wrong = pl.col(column) != pl.col(f"last year's {column}")
        return report(header.filter(wrong), column, f"last year's {column}")


header_kept_rule("202", "SEX")
header_kept_rule("203", "DOB")
header_kept_rule("204", "ETHNIC")


@compares_with_last_year("207")
def a_mother_stays_a_mother(data: Return903) -> pl.LazyFrame:
    header = with_last_years(data, "header", "MOTHER")
    header = header.join(data.episodes.select(ID).unique(), on=ID, how="semi")
    wrong = (pl.col("last year's MOTHER") == "1") & pl.col("MOTHER").ne_missing("1")
    return report(header.filter(wrong), "MOTHER", "last year's MOTHER")


@compares_with_last_year("208")
def upn_kept_unless_it_became_known(data: Return903) -> pl.LazyFrame:
    # A UPN may become known, and an unknown code may be made more precise (UN1 to UN2-UN5);
    # any other change contradicts last year's.
    header = with_last_years(data, "header", "UPN")
    now, then = pl.col("UPN"), pl.col("last year's UPN")
    was_unknown = then.is_null() | then.is_in(sorted(codes.UPN_UNKNOWN))
    now_known = now.is_not_null() & ~now.is_in(sorted(codes.UPN_UNKNOWN))
    more_precise = (then.is_null() | (then == "UN1")) & is_one_of(
        "UPN", codes.UPN_UNKNOWN - {"UN1"}
    )
    allowed = (was_unknown & now_known) | more_precise | (then.is_null() & (now == "UN1"))
    wrong = differs("UPN", "last year's UPN") & ~allowed.fill_null(False)
    return report(header.filter(wrong), "UPN", "last year's UPN")


def first_episodes_after_an_open_one(data: Return903, *columns: str) -> pl.LazyFrame:
    """Each child's first episode this year, with last year's episode still open at its end."""
    last = in_order(data.last_year().episodes)
    return beside_last_years_open_episode(episodes_in_order(data), last, *columns)


def beside_last_years_open_episode(
    this: pl.LazyFrame, last: pl.LazyFrame, *columns: str
) -> pl.LazyFrame:
    """Each child's first episode of ``this`` year's episodes, beside the ``columns`` of
    ``last`` year's last episode (as "last year's ...") when that was still open at the
    year's end: the same episode, carried over. Both in order (``in_order``)."""
    still_open = last.filter(pl.col("_last") & pl.col("DEC").is_null())
    still_open = still_open.select(ID, *(pl.col(c).alias(f"last year's {c}") for c in columns))
    return this.filter(pl.col("_number") == 0).join(still_open, on=ID, how="inner")


@compares_with_last_year("502")
def carries_on_from_last_years_open_episode(data: Return903) -> pl.LazyFrame:
    first = first_episodes_after_an_open_one(data, "DECOM")
    wrong = pl.col("DECOM") != pl.col("last year's DECOM")
    return report(first.filter(wrong), "DECOM", "last year's DECOM")


def carried_over_rule(code: str, column: str) -> None:
    @compares_with_last_year(code)
    def same_as_last_years_open_episode(data: Return903) -> pl.LazyFrame:
        first = first_episodes_after_an_open_one(data, column)
        wrong = differs(column, f"last year's {column}")
        if column == "PLACE":
            # Other placements (Z1) were split into Z11 to Z14 for 2025/26.
            split = (pl.col("last year's PLACE") == "Z1") & is_one_of(
                "PLACE", codes.OTHER_PLACEMENT
            )
            wrong = wrong & ~split.fill_null(False)
        return report(first.filter(wrong), column, f"last year's {column}")


for code, column in [
    ("503A", "RNE"), ("503B", "LS"), ("503C", "CIN"), ("503D", "PLACE"),
    ("503E", "PLACE_PROVIDER"), ("503F", "URN"),
]:  # fmt: skip
    carried_over_rule(code, column)


@compares_with_last_year("576")
def last_years_open_missing_period_carries_on(data: Return903) -> pl.LazyFrame:
    # Reported on last year's row: this year has no period starting when it started.
    open_last_year = data.last_year().missing.filter(pl.col("MIS_END").is_null())
    this_year = data.missing.select(ID, "MIS_START")
    not_carried = open_last_year.join(this_year, on=[ID, "MIS_START"], how="anti")
    return report(not_carried, "MIS_START", "MIS_END")


@compares_with_last_year("NoE")
def care_from_before_the_year_was_in_last_years_return(data: Return903) -> pl.LazyFrame:
    before = data.episodes.filter(pl.col("DECOM") < data.year.start)
    last_year = data.last_year().episodes.select(ID).unique()
    return report(before.join(last_year, on=ID, how="anti"), "DECOM")
