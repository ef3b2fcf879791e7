"""Rules about adoptions: the placements for adoption in the episodes, and the AD1 record of
an adoption against them and against the decision that the child should be placed.

The day a child was placed for adoption is the start of the run of placements for adoption
(A3 to A6) that ended in the adoption (see ``adoption_records.adoptions``): a change of legal
status within the placement starts a new episode, not a new placement.
"""

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.adoption_records import (
    ADOPTED,
    FOSTER_CARE,
    PLACED_FOR_ADOPTION,
    PLACEMENT_ORDER,
    UNDER_A_PLACEMENT_ORDER,
    WITH_CURRENT_FOSTER_CARERS,
    adopted_in_the_year,
    adoptions,
    flagged,
    given,
    latest_decisions,
    one_row_each,
)
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import (
    episodes_in_order,
    in_order,
    is_one_of,
    previous,
    report,
)
from oversight.exchange.ssda903.spec import ID

AD1_ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
SPECIAL_GUARDIANSHIP_WITH_FORMER_FOSTER_CARERS = {"E45", "E46"}


def is_adopted() -> pl.Expr:
    return is_one_of("REC", ADOPTED).fill_null(False)


@RULES.rule("390")
def adopted_from_a_placement_for_adoption(data: Return903) -> pl.LazyFrame:
    wrong = is_adopted() & ~is_one_of("PLACE", PLACED_FOR_ADOPTION).fill_null(False)
    return report(data.episodes.filter(wrong), "PLACE", "REC")


@RULES.rule("408")
def placed_under_a_placement_order_has_one(data: Return903) -> pl.LazyFrame:
    # A5 and A6 are placements for adoption under a placement order: legal status E1.
    wrong = is_one_of("PLACE", UNDER_A_PLACEMENT_ORDER) & pl.col("LS").ne_missing(PLACEMENT_ORDER)
    return report(data.episodes.filter(wrong), "PLACE", "LS")


@RULES.rule("516")
def special_guardianship_with_former_foster_carers(data: Return903) -> pl.LazyFrame:
    wrong = is_one_of("REC", SPECIAL_GUARDIANSHIP_WITH_FORMER_FOSTER_CARERS) & ~is_one_of(
        "PLACE", FOSTER_CARE
    ).fill_null(False)
    return report(data.episodes.filter(wrong), "PLACE", "REC")


@RULES.rule("336")
def with_current_foster_carers_after_a_foster_placement(data: Return903) -> pl.LazyFrame:
    # The DfE's condition names A3 and A5, the placements for adoption with the current foster
    # carers: the episode before must be a foster placement (U1 to U6) or a placement for
    # adoption. A first episode in the return has no episode before it here to judge.
    episodes = episodes_in_order(data).with_columns(*previous("PLACE"))
    before = is_one_of("previous PLACE", FOSTER_CARE | PLACED_FOR_ADOPTION).fill_null(False)
    wrong = is_one_of("PLACE", WITH_CURRENT_FOSTER_CARERS) & (pl.col("_number") > 0) & ~before
    return report(episodes.filter(wrong), "PLACE", "previous PLACE")


@RULES.rule("335")
def adopted_by_foster_carers_agrees_with_the_placement(data: Return903) -> pl.LazyFrame:
    # A1 and A2 are codes of earlier years, named in the DfE's condition; they are kept so
    # that the rule reads as the DfE wrote it.
    ad1 = one_row_each(data.ad1).select(ID, "FOSTER_CARE")
    adopted = data.episodes.filter(is_adopted()).join(ad1, on=ID, how="inner")
    wrong = (is_one_of("PLACE", {"A2", "A3", "A5"}) & (pl.col("FOSTER_CARE") == "0")) | (
        is_one_of("PLACE", {"A1", "A4", "A6"}) & (pl.col("FOSTER_CARE") == "1")
    )
    return report(adopted.filter(wrong), "PLACE", "REC", "FOSTER_CARE")


def ad1_with_placement(data: Return903) -> pl.LazyFrame:
    placed = adoptions(data).select(ID, "placed for adoption")
    return data.ad1.join(placed, on=ID, how="inner")


@RULES.rule("331")
def matched_by_the_day_placed_for_adoption(data: Return903) -> pl.LazyFrame:
    ad1 = ad1_with_placement(data)
    wrong = pl.col("DATE_MATCH") > pl.col("placed for adoption")
    return report(ad1.filter(wrong), "DATE_MATCH", "placed for adoption")


@RULES.rule("521")
def adoption_decided_by_the_day_placed_for_adoption(data: Return903) -> pl.LazyFrame:
    ad1 = ad1_with_placement(data)
    wrong = pl.col("DATE_INT") > pl.col("placed for adoption")
    return report(ad1.filter(wrong), "DATE_INT", "placed for adoption")


@RULES.rule("334")
def care_began_by_the_decision_to_adopt(data: Return903) -> pl.LazyFrame:
    # The latest period of care that began in the return (with RNE S); one that began before
    # the return's first episode cannot be dated here.
    latest = in_order(data.episodes.filter(pl.col("RNE") == "S")).filter(pl.col("_last"))
    ad1 = data.ad1.join(latest.select(ID, pl.col("DECOM").alias("care began")), on=ID)
    return report(ad1.filter(pl.col("DATE_INT") < pl.col("care began")), "DATE_INT", "care began")


@RULES.rule("523")
def decided_to_adopt_on_the_day_decided_to_place(data: Return903) -> pl.LazyFrame:
    # Compared with the child's latest decision: an earlier one was reversed (rule 583).
    latest = latest_decisions(data).select(ID, "DATE_PLACED")
    ad1 = data.ad1.join(latest, on=ID, how="inner")
    wrong = pl.col("DATE_INT") != pl.col("DATE_PLACED")
    return report(ad1.filter(wrong), "DATE_INT", "DATE_PLACED")


@RULES.rule("525")
def not_adopted_when_the_decision_was_reversed(data: Return903) -> pl.LazyFrame:
    # The child's latest decision was reversed (its date of ceasing given), yet AD1 is filled.
    latest = latest_decisions(data).filter(pl.col("_ceased_on"))
    latest = latest.select(ID, "DATE_PLACED", "DATE_PLACED_CEASED")
    ad1 = data.ad1.filter(pl.any_horizontal(given(data, "ad1", c) for c in AD1_ITEMS))
    return report(ad1.join(latest, on=ID, how="inner"), "DATE_PLACED", "DATE_PLACED_CEASED",
                  "DATE_INT")  # fmt: skip


@RULES.rule("582")
def matched_before_the_day_of_adoption(data: Return903) -> pl.LazyFrame:
    ad1 = one_row_each(data.ad1).select(ID, "DATE_MATCH")
    adopted = data.episodes.filter(is_adopted()).join(ad1, on=ID, how="inner")
    return report(adopted.filter(pl.col("DEC") == pl.col("DATE_MATCH")), "DEC", "REC",
                  "DATE_MATCH")  # fmt: skip


@RULES.rule("601")
def adopted_in_the_year_has_its_adoption_details(data: Return903) -> pl.LazyFrame:
    # A child adopted in the year with no AD1 record at all has not completed it either.
    complete = data.ad1.filter(pl.all_horizontal(given(data, "ad1", c) for c in AD1_ITEMS))
    adopted = flagged(adopted_in_the_year(data), complete, "_complete")
    return report(adopted.filter(~pl.col("_complete")), "DEC", "REC")


@RULES.rule("602")
def adoption_details_only_for_a_child_adopted_in_the_year(data: Return903) -> pl.LazyFrame:
    ad1 = data.ad1.filter(pl.any_horizontal(given(data, "ad1", c) for c in AD1_ITEMS))
    not_adopted = ad1.join(adopted_in_the_year(data).select(ID), on=ID, how="anti")
    return report(not_adopted, *AD1_ITEMS)


def all_episodes(data: Return903) -> pl.LazyFrame:
    """This year's episodes and, if given, last year's: the history the return can show."""
    columns = (ID, "DECOM", "DEC", "REC")
    last_year = data.previous.tables.get("episodes") if data.previous is not None else None
    if last_year is None:
        return data.episodes.select(columns)
    return pl.concat([data.episodes.select(columns), last_year.select(columns)])


@RULES.rule("199")
def not_looked_after_again_after_adoption(data: Return903) -> pl.LazyFrame:
    # Any episode of this year's that starts on or after the day of an adoption (this year's
    # or, when it is given, last year's) shows the child was adopted from care before.
    history = all_episodes(data).filter(is_adopted())
    adopted = history.group_by(ID).agg(pl.col("DEC").min().alias("adopted"))
    episodes = data.episodes.join(adopted, on=ID, how="inner")
    return report(episodes.filter(pl.col("DECOM") >= pl.col("adopted")), "DECOM", "adopted")
