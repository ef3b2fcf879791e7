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
    others = breaks.select(ID, pl.col("DECOM").alias("_from"), pl.col("_end").alias("_to"))
    pairs = breaks.join(others, on=ID, how="inner")
    window_start = pl.col("_end").dt.offset_by(A_YEAR_BEFORE)
    inside = pl.min_horizontal("_to", "_end") - pl.max_horizontal("_from", window_start)
    days = inside.dt.total_days().clip(lower_bound=0)
    totals = pairs.group_by("_row").agg(days.sum().alias("respite days in the year to DEC"))
    breaks = breaks.join(totals, on="_row", how="inner")
    wrong = pl.col("respite days in the year to DEC") > MOST_RESPITE_DAYS
    return report(breaks.filter(wrong).sort("file", "line"), "LS", "DECOM", "DEC",
                  "respite days in the year to DEC")  # fmt: skip


@RULES.rule("377")
def at_most_two_holiday_placements_in_a_year(data: Return903) -> pl.LazyFrame:
    # Placements are counted by the day they began: the third to begin within a year of the
    # first is reported (and any after it, while three or more fall within the year).
    holidays = data.episodes.filter((pl.col("PLACE") == CARERS_HOLIDAY)
                                    & pl.col("DECOM").is_not_null())  # fmt: skip
    holidays = numbered(holidays)
    earlier = holidays.select(ID, pl.col("DECOM").alias("_began"))
    pairs = holidays.join(earlier, on=ID, how="inner")
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
