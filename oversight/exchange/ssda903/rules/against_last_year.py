"""More rules that compare this year's return with last year's (run only when it is given):
decisions to place for adoption, the episode carried over, motherhood, and UASC status.

In the CSV return a child's UASC status is not a field of its own: a child is identified as
UASC in a year when the child is in that year's UASC file, with the date the status ceased
(DUC) if it has.
"""

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.adoption_records import decisions, readable
from oversight.exchange.ssda903.rules.book import compares_with_last_year
from oversight.exchange.ssda903.rules.common import episodes_in_order, in_order, report
from oversight.exchange.ssda903.spec import ID


def last_years(data: Return903, table: str) -> pl.LazyFrame:
    return data.last_year().table(table)


def last_years_decisions(data: Return903) -> pl.LazyFrame:
    return decisions(data.last_year()).filter(pl.col("DATE_PLACED").is_not_null())


@compares_with_last_year("559")
def an_earlier_decision_was_in_last_years_return(data: Return903) -> pl.LazyFrame:
    before = data.placed_for_adoption.filter(pl.col("DATE_PLACED") < data.year.start)
    last = last_years_decisions(data).select(ID)
    return report(before.join(last, on=ID, how="anti"), "DATE_PLACED")


@compares_with_last_year("560")
def a_decision_still_standing_keeps_its_date(data: Return903) -> pl.LazyFrame:
    # Last year's decision not reversed by then must be in this year's return with the same
    # date; the child's rows this year are reported when none of them has it.
    standing = last_years_decisions(data).filter(~pl.col("_ceased_on"))
    standing = standing.select(ID, pl.col("DATE_PLACED").alias("last year's DATE_PLACED"))
    this_year = data.placed_for_adoption.select(ID, pl.col("DATE_PLACED").alias("_same"))
    kept = standing.join(this_year, left_on=[ID, "last year's DATE_PLACED"],
                         right_on=[ID, "_same"], how="semi")  # fmt: skip
    lost = standing.join(kept, on=[ID, "last year's DATE_PLACED"], how="anti")
    rows = data.placed_for_adoption.join(lost, on=ID, how="inner")
    return report(rows, "DATE_PLACED", "last year's DATE_PLACED")


def with_reversed_last_year(data: Return903) -> pl.LazyFrame:
    reversed_ = last_years_decisions(data).filter(pl.col("_reversed"))
    return reversed_.select(ID, pl.col("DATE_PLACED").alias("last year's DATE_PLACED"),
                            pl.col("DATE_PLACED_CEASED").alias("last year's DATE_PLACED_CEASED"),
                            pl.col("REASON_PLACED_CEASED").alias(
                                "last year's REASON_PLACED_CEASED"))  # fmt: skip


@compares_with_last_year("561")
def a_decision_reversed_last_year_is_not_returned_again(data: Return903) -> pl.LazyFrame:
    reversed_ = with_reversed_last_year(data)
    rows = data.placed_for_adoption.join(reversed_, left_on=[ID, "DATE_PLACED"],
                                         right_on=[ID, "last year's DATE_PLACED"])  # fmt: skip
    return report(rows, "DATE_PLACED", "last year's DATE_PLACED_CEASED",
                  "last year's REASON_PLACED_CEASED")  # fmt: skip


@compares_with_last_year("584")
def a_new_decision_comes_after_one_reversed_last_year(data: Return903) -> pl.LazyFrame:
    # Any decision this year must be later than every decision reversed by last year. A
    # blank date is left to the rules about blanks (563).
    reversed_ = (
        with_reversed_last_year(data).group_by(ID).agg(pl.col("last year's DATE_PLACED").max())
    )
    rows = data.placed_for_adoption.join(reversed_, on=ID, how="inner")
    wrong = pl.col("DATE_PLACED") <= pl.col("last year's DATE_PLACED")
    return report(rows.filter(wrong), "DATE_PLACED", "last year's DATE_PLACED")


@compares_with_last_year("562")
def the_episode_carried_over_was_last_years_latest(data: Return903) -> pl.LazyFrame:
    # This year's first episode, when it began before the year, is the episode that was
    # last year's latest (a child not in last year's episodes has none to carry over).
    first = episodes_in_order(data).filter(pl.col("_number") == 0)
    first = first.filter(pl.col("DECOM") < data.year.start)
    last = in_order(last_years(data, "episodes")).filter(pl.col("_last"))
    last = last.select(ID, pl.col("DECOM").alias("last year's latest DECOM"))
    first = first.join(last, on=ID, how="left")
    wrong = pl.col("DECOM").ne_missing(pl.col("last year's latest DECOM"))
    return report(first.filter(wrong), "DECOM", "last year's latest DECOM")


def header_with_last_years(data: Return903, *columns: str) -> pl.LazyFrame:
    last = last_years(data, "header").unique(ID, keep="last", maintain_order=True)
    last = last.select(ID, *(pl.col(c).alias(f"last year's {c}") for c in columns))
    return data.header.join(last, on=ID, how="inner")


@compares_with_last_year("624")
def the_first_childs_birth_date_is_kept(data: Return903) -> pl.LazyFrame:
    # A date given last year must be given again, the same; an unreadable one this year is
    # reported by rule 171, not here.
    header = readable(data, "header", header_with_last_years(data, "MC_DOB"), "MC_DOB")
    wrong = pl.col("last year's MC_DOB").is_not_null() & pl.col("MC_DOB").ne_missing(
        pl.col("last year's MC_DOB")
    )
    return report(header.filter(wrong), "MC_DOB", "last year's MC_DOB")


@compares_with_last_year("626")
def a_new_mother_had_her_child_this_year(data: Return903) -> pl.LazyFrame:
    header = header_with_last_years(data, "MOTHER")
    wrong = (
        (pl.col("MOTHER") == "1")
        & (pl.col("last year's MOTHER") == "0")
        & (pl.col("MC_DOB") < data.year.start)
    )
    return report(header.filter(wrong), "MOTHER", "MC_DOB", "last year's MOTHER")


def last_years_uasc(data: Return903) -> pl.LazyFrame:
    last = last_years(data, "uasc").unique(ID, keep="last", maintain_order=True)
    return last.select(ID, pl.col("DUC").alias("last year's DUC"))


@compares_with_last_year("205A")
def no_longer_uasc_because_the_status_ceased_last_year(data: Return903) -> pl.LazyFrame:
    # UASC last year, in this year's return but not UASC: the status must have ceased by the
    # end of last year, as last year's date UASC ceased says.
    no_longer = data.header.join(data.uasc.select(ID), on=ID, how="anti")
    no_longer = no_longer.join(last_years_uasc(data), on=ID, how="inner")
    ceased = pl.col("last year's DUC") <= data.year.previous.end
    return report(no_longer.filter(~ceased.fill_null(False)), "last year's DUC")


@compares_with_last_year("205B")
def still_uasc_with_the_same_date_ceased(data: Return903) -> pl.LazyFrame:
    # UASC both years: a date ceased given last year is given again, the same; one first
    # given this year falls in this year (had it fallen earlier, last year's would say so).
    uasc = readable(data, "uasc", data.uasc, "DUC").join(last_years_uasc(data), on=ID)
    last = pl.col("last year's DUC")
    changed = last.is_not_null() & pl.col("DUC").ne_missing(last)
    too_early = last.is_null() & (pl.col("DUC") < data.year.start).fill_null(False)
    return report(uasc.filter(changed | too_early), "DUC", "last year's DUC")


@compares_with_last_year("205D")
def uasc_this_year_was_uasc_last_year(data: Return903) -> pl.LazyFrame:
    # A child in last year's return who was not UASC then cannot become UASC now.
    in_last_return = last_years(data, "header").select(ID).unique()
    uasc = data.uasc.join(in_last_return, on=ID, how="semi")
    return report(uasc.join(last_years_uasc(data), on=ID, how="anti"), "DUC")
