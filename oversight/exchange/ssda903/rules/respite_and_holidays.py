"""Rules about short-term respite (legal statuses V3 and V4) and temporary placements while
the usual foster carers are on holiday (T3): how much of each in any twelve months.

"Any 12-month period" is read as any window of a year, not only the collection year: the
window that holds the most always ends where one of the episodes ends (or starts), so each
episode is tried as the end of a window. An episode still open is counted to the year's end.
"""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import is_one_of, report
from oversight.exchange.ssda903.rules.reviews_and_uasc import review_given
from oversight.exchange.ssda903.spec import ID

SHORT_BREAK = "V3"
SERIES_OF_SHORT_BREAKS = "V4"
CARERS_HOLIDAY = "T3"
MOST_RESPITE_DAYS = 75
MOST_HOLIDAY_PLACEMENTS = 2
A_YEAR_BEFORE = "-1y"


def numbered(frame: pl.LazyFrame) -> pl.LazyFrame:
    return frame.with_row_index("_row")


@RULES.rule("367")
def respite_at_most_75_days_in_a_year(data: Return903) -> pl.LazyFrame:
    # Days are counted as the episode's end less its start, as for rule 365. Each short break
    # is taken as the end of a year's window; the days of every break inside it are added.
    breaks = data.episodes.filter((pl.col("LS") == SHORT_BREAK) & pl.col("DECOM").is_not_null())
    breaks = numbered(breaks.with_columns(_end=pl.col("DEC").fill_null(pl.lit(data.year.end))))
    ends = breaks.select(ID, "_row", _day=_day(pl.col("_end")))
    starts = breaks.select(ID, "_row", _day=_day(pl.col("_end").dt.offset_by(A_YEAR_BEFORE)))
    marks = _marks(breaks)
    days = pl.col("_before") - pl.col("_before_right")
    totals = _days_before(ends, marks).join(_days_before(starts, marks), on="_row")
    totals = totals.select("_row", days.alias("respite days in the year to DEC"))
    breaks = breaks.join(totals, on="_row", how="inner")
    wrong = pl.col("respite days in the year to DEC") > MOST_RESPITE_DAYS
    return report(breaks.filter(wrong).sort("file", "line"), "LS", "DECOM", "DEC",
                  "respite days in the year to DEC")  # fmt: skip


# A child on short breaks can have dozens of episodes in a year, so the days of breaks in a
# year's window are not found by trying every pair of a child's breaks, but in one pass.
# A break from day f lasting d days (none, if it ends before it starts) holds
# min(max(t - f, 0), d) of the days before day t, that is max(t - f, 0) - max(t - f - d, 0).
# Summed over the child's breaks: t times the number of marks before t, less the sum of
# those marks, where each break marks +1 at f and -1 at f + d. The days in a window are the
# days before its end less the days before its start.


def _day(date: pl.Expr) -> pl.Expr:
    return date.cast(pl.Int32).cast(pl.Int64)


def _marks(breaks: pl.LazyFrame) -> pl.LazyFrame:
    """Each child's marks in order, with the running count and sum of them (see above)."""
    starts = _day(pl.col("DECOM"))
    lasting = (_day(pl.col("_end")) - starts).clip(lower_bound=0)
    marks = pl.concat([
        breaks.select(ID, _mark=starts, _sign=pl.lit(1, pl.Int64)),
        breaks.select(ID, _mark=starts + lasting, _sign=pl.lit(-1, pl.Int64)),
    ]).sort("_mark")  # fmt: skip
    return marks.select(
        ID, "_mark",
        _count=pl.col("_sign").cum_sum().over(ID),
        _sum=(pl.col("_sign") * pl.col("_mark")).cum_sum().over(ID),
    )  # fmt: skip


def _days_before(days: pl.LazyFrame, marks: pl.LazyFrame) -> pl.LazyFrame:
    """For each row's ``_day``, the child's days of short breaks before it (``_before``).

    A mark on the day itself counts nothing whether it is taken or not (t - f is 0)."""
    found = days.sort("_day").join_asof(
        marks, left_on="_day", right_on="_mark", by=ID, strategy="backward",
        check_sortedness=False,
    )  # fmt: skip
    before = pl.col("_day") * pl.col("_count").fill_null(0) - pl.col("_sum").fill_null(0)
    return found.select("_row", before.alias("_before"))


@RULES.rule("377")
def at_most_two_holiday_placements_in_a_year(data: Return903) -> pl.LazyFrame:
    # Placements are counted by the day they began: the third to begin within a year of the
    # first is reported (and any after it, while three or more fall within the year).
    holidays = data.episodes.filter((pl.col("PLACE") == CARERS_HOLIDAY)
                                    & pl.col("DECOM").is_not_null())  # fmt: skip
    holidays = numbered(holidays)
    earlier = holidays.select(ID, pl.col("DECOM").alias("_began"))
    pairs = holidays.select(ID, "_row", "DECOM").join(earlier, on=ID, how="inner")
    in_year = (pl.col("_began") <= pl.col("DECOM")) & (
        pl.col("_began") > pl.col("DECOM").dt.offset_by(A_YEAR_BEFORE)
    )
    counts = pairs.group_by("_row").agg(
        in_year.sum().alias("T3 placements begun in the year to DECOM")
    )
    holidays = holidays.join(counts, on="_row", how="inner")
    wrong = pl.col("T3 placements begun in the year to DECOM") > MOST_HOLIDAY_PLACEMENTS
    return report(holidays.filter(wrong).sort("file", "line"), "PLACE", "DECOM",
                  "T3 placements begun in the year to DECOM")  # fmt: skip


@RULES.rule("426")
def respite_under_one_legal_status_in_a_year(data: Return903) -> pl.LazyFrame:
    respite = data.episodes.filter(is_one_of("LS", codes.RESPITE))
    both = respite.group_by(ID).agg(pl.col("LS").n_unique().alias("_statuses"))
    both = both.filter(pl.col("_statuses") > 1).select(ID)
    return report(respite.join(both, on=ID, how="semi"), "LS", "DECOM")


def only_in_respite(data: Return903) -> pl.LazyFrame:
    """Children whose every episode in the return is short-term respite (V3 or V4).

    A child also looked after otherwise in the year must have the mother field and reviews
    (rules 165, 393), so rule 399 is read for children looked after only for respite."""
    respite = is_one_of("LS", codes.RESPITE).fill_null(False)
    return data.episodes.group_by(ID).agg(respite.all().alias("_only")).filter(pl.col("_only"))


@RULES.rule("399")
def no_mother_or_review_for_respite_only(data: Return903) -> pl.LazyFrame:
    children = only_in_respite(data).select(ID)
    mothers = data.header.filter(pl.col("MOTHER").is_not_null()).join(children, on=ID)
    reviews = data.reviews.filter(review_given(data) | pl.col("REVIEW_CODE").is_not_null())
    reviews = reviews.join(children, on=ID)
    found = pl.concat([report(mothers, "MOTHER"),
                       report(reviews, "REVIEW", "REVIEW_CODE")],
                      how="diagonal")  # fmt: skip
    return found.sort("file", "line")
