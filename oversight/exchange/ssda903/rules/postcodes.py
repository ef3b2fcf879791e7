"""Rules about where a child in care is placed that the postcodes as given answer: whether
they are given, whether a short break should have them, and whether home and placement
are the same place.

The rules that need the place a postcode stands for (its LA, or the distance between two
postcodes) are not here: they need a postcode directory (see docs/returns.md).

A child on a short break (legal status V3 or V4) has no placement details: no postcodes,
no URN. Any other child gives both postcodes, unless unaccompanied (asylum-seeking, now or
before: in this year's UASC file or last year's, when last year's return is given), whose
home postcode may not be known.
"""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import is_one_of, report
from oversight.exchange.ssda903.spec import ID

POSTCODES = ("HOME_POST", "PL_POST")
AT_HOME = "P1"  # placed with parents or others with parental responsibility


def short_break() -> pl.Expr:
    return is_one_of("LS", codes.RESPITE).fill_null(False)


def any_given(*columns: str) -> pl.Expr:
    return pl.any_horizontal(pl.col(c).is_not_null() for c in columns)


def ever_unaccompanied(data: Return903) -> pl.LazyFrame:
    """The children in this year's UASC file, or in last year's when it is given."""
    ids = [data.uasc.select(ID)]
    # Last year's return without a UASC file: this year's alone.
    if data.previous is not None and "uasc" in data.previous.tables:
        ids.append(data.previous.uasc.select(ID))
    return pl.concat(ids).unique()


@RULES.rule("214")
def no_placement_details_for_a_short_break(data: Return903) -> pl.LazyFrame:
    wrong = short_break() & any_given("PL_POST", "URN")
    return report(data.episodes.filter(wrong), "LS", "PL_POST", "URN")


@RULES.rule("398")
def no_postcodes_for_a_short_break(data: Return903) -> pl.LazyFrame:
    # The distance the DfE works out from the two postcodes: given either, it could be.
    wrong = short_break() & any_given(*POSTCODES)
    return report(data.episodes.filter(wrong), "LS", *POSTCODES)


@RULES.rule("392b")
def postcodes_given_for_care(data: Return903) -> pl.LazyFrame:
    missing = ~short_break() & ~pl.all_horizontal(pl.col(c).is_not_null() for c in POSTCODES)
    episodes = data.episodes.filter(missing)
    episodes = episodes.join(ever_unaccompanied(data), on=ID, how="anti")
    return report(episodes, "LS", *POSTCODES)


@RULES.rule("392d")
def placed_away_from_home(data: Return903) -> pl.LazyFrame:
    # The same postcode however it is spaced or cased ("RG1 1AA", "rg11aa").
    def compact(column: str) -> pl.Expr:
        return pl.col(column).str.replace_all(" ", "", literal=True).str.to_uppercase()

    same = (compact("HOME_POST") == compact("PL_POST")).fill_null(False)
    wrong = same & pl.col("PLACE").ne_missing(AT_HOME)
    return report(data.episodes.filter(wrong), "PLACE", *POSTCODES)
