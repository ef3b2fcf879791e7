"""Rules comparing where a child's first placement of the year is with where last year's
return left the child: the placement's LA, location and distance from home, worked out
from each year's postcodes (``placement_places.placed``).

Each compares the first episode of this year with last year's last episode, when that
was still open at last year's end: the same episode, carried over. 503G, 503H and 503J
ask that its distance, LA and location be the same; 452 and 453 ask the same of the LA
and (to within 0.2 miles) the distance where the two rows also give the same reason for
the new episode.
"""

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import compares_with_last_year, needs_the_la
from oversight.exchange.ssda903.rules.common import differs, in_order, report
from oversight.exchange.ssda903.rules.last_year import beside_last_years_open_episode
from oversight.exchange.ssda903.rules.placement_places import placed

CLOSE = 0.2  # miles: a distance worked out again may differ by rounding, not by more


def carried_over(data: Return903, *columns: str) -> pl.LazyFrame:
    """Each child's first episode this year, beside last year's still open at its end."""
    this, last = in_order(placed(data)), in_order(placed(data.last_year()))
    return beside_last_years_open_episode(this, last, *columns)


def _same(code: str, column: str) -> None:
    def check(data: Return903) -> pl.LazyFrame:
        first = carried_over(data, column)
        wrong = differs(column, f"last year's {column}")
        return report(first.filter(wrong), "PL_POST", column, f"last year's {column}")

    check.__name__ = f"same_{column.lower()}_as_last_years_open_episode"
    if column == "PL_LOCATION":
        needs_the_la(code, last_year=True)(check)
    else:
        compares_with_last_year(code)(check)


for code, column in [("503G", "PL_DISTANCE"), ("503H", "PL_LA"), ("503J", "PL_LOCATION")]:
    _same(code, column)


@compares_with_last_year("452")
def same_placement_la_in_the_same_episode(data: Return903) -> pl.LazyFrame:
    first = carried_over(data, "RNE", "PL_LA")
    wrong = (pl.col("RNE") == pl.col("last year's RNE")) & differs("PL_LA", "last year's PL_LA")
    return report(first.filter(wrong), "RNE", "PL_POST", "PL_LA", "last year's PL_LA")


@compares_with_last_year("453")
def same_distance_in_the_same_episode(data: Return903) -> pl.LazyFrame:
    first = carried_over(data, "RNE", "PL_DISTANCE")
    now, then = pl.col("PL_DISTANCE"), pl.col("last year's PL_DISTANCE")
    apart = ((now - then).abs() >= CLOSE) | (then.is_null() & now.is_not_null())
    wrong = (pl.col("RNE") == pl.col("last year's RNE")) & apart.fill_null(False)
    return report(first.filter(wrong), "RNE", "PL_POST", "PL_DISTANCE", "last year's PL_DISTANCE")
