"""Rules about where a placement is, as the DfE works it out from the postcodes with a
postcode directory (``codes.postcode_directory``, the ONS Postcode Directory):

- PL_LA: the LA the placement's postcode is in (its GSS code; WAL, SCO or NIR outside
  England), blank when the postcode is blank or not a postcode the directory holds;
- PL_LOCATION: IN when that is the LA the return is from (``Return903.la``), else OUT;
  blank when PL_LA is, or when the return's LA is not known;
- PL_DISTANCE: the straight-line miles from the home postcode to the placement's, to one
  decimal place; blank unless both postcodes are in the directory.

The return's CSV files do not carry these three: they are worked out here, once per
return, for every episode (``placed``). A rule about PL_LOCATION needs the return's LA,
and is not checked without it (``needs_the_la``).
"""

import polars as pl

from oversight.codes.places import OWN_PROVISION_ANYWHERE
from oversight.codes.postcode_directory import compact_column, directory, distance_expr
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES, needs_the_la
from oversight.exchange.ssda903.rules.common import is_one_of, per_return, report
from oversight.exchange.ssda903.rules.postcodes import POSTCODES, ever_unaccompanied, short_break
from oversight.exchange.ssda903.spec import ID
from oversight.exchange.validation.rulebook import collected

OUTSIDE_ENGLAND = ("WAL", "SCO", "NIR")
FAR = 350  # miles: further is not believable for a placement from home (454)
# Placements Ofsted registers by URN unless the rule 218 exempts them (222's list).
NO_URN_NEEDED = ("P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4",
                 "Z11", "Z12", "Z13", "Z14")  # fmt: skip


@per_return
def placed(data: Return903) -> pl.LazyFrame:
    """Every episode with PL_LA, PL_LOCATION and PL_DISTANCE, and whether each postcode
    given was found (``_home_found``, ``_place_found``)."""
    episodes = data.episodes
    given = collected(
        episodes.select(pl.col("HOME_POST").append(pl.col("PL_POST")).drop_nulls().unique())
    ).to_series()
    found = directory().find(given.to_list()).lazy()
    home = found.select(
        pl.col("postcode").alias("_home"), pl.col("east").alias("_he"),
        pl.col("north").alias("_hn"), pl.lit(True).alias("_home_found"),
    )  # fmt: skip
    place = found.select(
        pl.col("postcode").alias("_place"), pl.col("la").alias("PL_LA"),
        pl.col("east").alias("_pe"), pl.col("north").alias("_pn"),
        pl.lit(True).alias("_place_found"),
    )  # fmt: skip
    episodes = episodes.with_columns(
        compact_column("HOME_POST").alias("_home"), compact_column("PL_POST").alias("_place")
    )
    episodes = episodes.join(home, on="_home", how="left").join(place, on="_place", how="left")
    inside = pl.when(pl.col("PL_LA").is_null() | pl.lit(data.la is None)).then(None)
    inside = inside.when(pl.col("PL_LA") == pl.lit(data.la, pl.String)).then(pl.lit("IN"))
    return episodes.with_columns(
        inside.otherwise(pl.lit("OUT")).alias("PL_LOCATION"),
        distance_expr("_he", "_hn", "_pe", "_pn").alias("PL_DISTANCE"),
        pl.col("_home_found", "_place_found").fill_null(False),
    )


@RULES.rule("392c")
def postcodes_are_ones_the_directory_holds(data: Return903) -> pl.LazyFrame:
    home_unknown = pl.col("HOME_POST").is_not_null() & ~pl.col("_home_found")
    place_unknown = pl.col("PL_POST").is_not_null() & ~pl.col("_place_found")
    return report(placed(data).filter(home_unknown | place_unknown), *POSTCODES)


@RULES.rule("169")
def the_placements_la_is_known(data: Return903) -> pl.LazyFrame:
    wrong = ~short_break() & pl.col("PL_LA").is_null()
    return report(placed(data).filter(wrong), "LS", "PL_POST", "PL_LA")


@RULES.rule("420")
def no_placement_la_for_a_short_break(data: Return903) -> pl.LazyFrame:
    wrong = short_break() & pl.col("PL_LA").is_not_null()
    return report(placed(data).filter(wrong), "LS", "PL_POST", "PL_LA")


@RULES.rule("392a")
def the_distance_is_known(data: Return903) -> pl.LazyFrame:
    # Not for a child unaccompanied now or before, whose home postcode may not be known.
    missing = ~short_break() & pl.col("PL_DISTANCE").is_null()
    episodes = placed(data).filter(missing).join(ever_unaccompanied(data), on=ID, how="anti")
    return report(episodes, "LS", *POSTCODES, "PL_DISTANCE")


@RULES.rule("164")
def the_distance_is_in_range(data: Return903) -> pl.LazyFrame:
    # 0 to 999.9 miles. Worked out from two places in the UK, it always is; kept as the
    # DfE's rule, for a child not unaccompanied now or before.
    distance = pl.col("PL_DISTANCE")
    episodes = placed(data).filter((distance < 0) | (distance > 999.9))
    episodes = episodes.join(ever_unaccompanied(data), on=ID, how="anti")
    return report(episodes, *POSTCODES, "PL_DISTANCE")


@RULES.rule("406")
def no_distance_for_an_unaccompanied_child(data: Return903) -> pl.LazyFrame:
    episodes = placed(data).filter(pl.col("PL_DISTANCE").is_not_null())
    episodes = episodes.join(ever_unaccompanied(data), on=ID, how="semi")
    return report(episodes, *POSTCODES, "PL_DISTANCE")


@RULES.rule("454")
def placed_within_350_miles(data: Return903) -> pl.LazyFrame:
    return report(placed(data).filter(pl.col("PL_DISTANCE") > FAR), *POSTCODES, "PL_DISTANCE")


@RULES.rule("218")
def a_registered_placement_has_its_urn(data: Return903) -> pl.LazyFrame:
    # For an episode open at any time in the year, in England (Ofsted registers providers
    # in England only), of a kind Ofsted registers.
    in_year = pl.col("DEC").is_null() | (pl.col("DEC") >= data.year.start)
    registered = pl.col("PLACE").is_not_null() & ~is_one_of("PLACE", NO_URN_NEEDED)
    in_england = ~is_one_of("PL_LA", OUTSIDE_ENGLAND).fill_null(False)
    wrong = in_year & registered & in_england & pl.col("URN").is_null()
    return report(placed(data).filter(wrong), "PLACE", "PL_POST", "URN")


@needs_the_la("179")
def the_placement_location_is_known(data: Return903) -> pl.LazyFrame:
    wrong = ~short_break() & pl.col("PL_LOCATION").is_null()
    return report(placed(data).filter(wrong), "LS", "PL_POST", "PL_LOCATION")


@needs_the_la("411")
def the_location_agrees_with_the_placements_la(data: Return903) -> pl.LazyFrame:
    # Both are worked out here from one postcode, so they always agree; kept as the DfE's.
    wrong = (pl.col("PL_LOCATION") == "IN") & pl.col("PL_LA").ne_missing(pl.lit(data.la))
    return report(placed(data).filter(wrong), "PL_POST", "PL_LA", "PL_LOCATION")


@needs_the_la("1015")
def own_provision_is_in_the_la(data: Return903) -> pl.LazyFrame:
    # Where the placement's LA is known: a postcode not found is rule 169's to report.
    anywhere = is_one_of("PLACE", OWN_PROVISION_ANYWHERE).fill_null(True)
    own = (pl.col("PLACE_PROVIDER") == "PR1") & ~anywhere
    wrong = own & ~short_break() & (pl.col("PL_LOCATION") == "OUT")
    return report(placed(data).filter(wrong), "PLACE", "PLACE_PROVIDER", "PL_POST", "PL_LA")
