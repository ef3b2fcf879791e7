"""Rules about the decisions that a child should be placed for adoption, and their reversal:
their dates against the year and the child's care, and against one another.

Where the DfE's rule speaks of "the" decision and a child has several, the rule reads the
child's latest (see ``adoption_records``); an earlier decision must have been reversed, which
rules 579 and 583 check.
"""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.adoption_records import (
    ADOPTED,
    CHANGE_OF_PLACEMENT,
    PLACED_FOR_ADOPTION,
    PLACEMENT_ORDER,
    decisions,
    flagged,
    latest_decisions,
    with_periods,
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

DECISION = ("DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")


@RULES.rule("117")
def decisions_by_the_year_end_and_the_end_of_care(data: Return903) -> pl.LazyFrame:
    # Care ends with the child's latest episode that did not end in a change of placement
    # (X1); when that episode is still open, only the end of the year applies.
    episodes = data.episodes.filter(pl.col("REC").ne_missing(CHANGE_OF_PLACEMENT))
    ended = in_order(episodes).filter(pl.col("_last")).select(ID, pl.col("DEC").alias("care ended"))
    placed = data.placed_for_adoption.join(ended, on=ID, how="left")

    def too_late(column: str) -> pl.Expr:
        late = (pl.col(column) > data.year.end) | (pl.col(column) > pl.col("care ended"))
        return late.fill_null(False)

    wrong = too_late("DATE_PLACED") | too_late("DATE_PLACED_CEASED")
    return report(placed.filter(wrong), "DATE_PLACED", "DATE_PLACED_CEASED", "care ended")


@RULES.rule("118")
def reversal_within_the_year_and_the_childs_care(data: Return903) -> pl.LazyFrame:
    # Care begins with the child's earliest episode that is not short-term respite (V3, V4).
    not_respite = ~is_one_of("LS", codes.RESPITE).fill_null(False)
    first = in_order(data.episodes.filter(not_respite)).filter(pl.col("_number") == 0)
    placed = data.placed_for_adoption.join(
        first.select(ID, pl.col("DECOM").alias("care began")), on=ID, how="left"
    )
    ceased = pl.col("DATE_PLACED_CEASED")
    wrong = (ceased < data.year.start) | (ceased < pl.col("care began")).fill_null(False)
    return report(placed.filter(wrong), "DATE_PLACED_CEASED", "care began")


@RULES.rule("1003")
def decision_after_care_began(data: Return903) -> pl.LazyFrame:
    # Only a child whose first episode in the return starts care (RNE S) is known to have
    # started to be looked after then; one looked after from before may have been decided
    # for in an earlier period of care.
    first = episodes_in_order(data).filter((pl.col("_number") == 0) & (pl.col("RNE") == "S"))
    placed = data.placed_for_adoption.join(
        first.select(ID, pl.col("DECOM").alias("care began")), on=ID, how="inner"
    )
    return report(placed.filter(pl.col("DATE_PLACED") < pl.col("care began")), "DATE_PLACED",
                  "care began")  # fmt: skip


@RULES.rule("522")
def decision_before_its_reversal(data: Return903) -> pl.LazyFrame:
    wrong = pl.col("DATE_PLACED_CEASED") < pl.col("DATE_PLACED")
    return report(data.placed_for_adoption.filter(wrong), "DATE_PLACED", "DATE_PLACED_CEASED")


@RULES.rule("563")
def a_reversed_decision_has_its_date(data: Return903) -> pl.LazyFrame:
    # Either the date or the reason of ceasing says that the decision was reversed.
    placed = decisions(data)
    return report(placed.filter(pl.col("_reversed") & ~pl.col("_decided")), *DECISION)


@RULES.rule("579")
def a_new_decision_after_the_last_was_reversed(data: Return903) -> pl.LazyFrame:
    ordered = in_order(decisions(data), start="DATE_PLACED")
    ordered = ordered.with_columns(*previous("DATE_PLACED_CEASED", "_ceased_on"))
    still_open = ~pl.col("previous _ceased_on").fill_null(False)
    overlaps = (pl.col("DATE_PLACED") < pl.col("previous DATE_PLACED_CEASED")).fill_null(False)
    wrong = (pl.col("_number") > 0) & (still_open | overlaps)
    return report(ordered.filter(wrong), "DATE_PLACED", "previous DATE_PLACED_CEASED")


@RULES.rule("583")
def earlier_decisions_were_reversed(data: Return903) -> pl.LazyFrame:
    # All but the latest decision must have ceased; the latest may or may not have.
    ordered = in_order(decisions(data), start="DATE_PLACED")
    wrong = ~pl.col("_last") & ~pl.col("_ceased_on")
    return report(ordered.filter(wrong), "DATE_PLACED", "DATE_PLACED_CEASED")


def placements(data: Return903) -> pl.LazyFrame:
    return data.episodes.filter(is_one_of("PLACE", PLACED_FOR_ADOPTION).fill_null(False))


@RULES.rule("551")
def placed_for_adoption_with_a_decision(data: Return903) -> pl.LazyFrame:
    decided = decisions(data).filter(pl.col("_decided"))
    return report(placements(data).join(decided.select(ID), on=ID, how="anti"), "PLACE", "DECOM")


def first_decisions(data: Return903) -> pl.LazyFrame:
    """Each child's earliest decision date, as ``first decision``."""
    placed = data.placed_for_adoption
    return placed.group_by(ID).agg(pl.col("DATE_PLACED").min().alias("first decision"))


@RULES.rule("552")
def decided_before_placed_for_adoption(data: Return903) -> pl.LazyFrame:
    # The child's first placement for adoption in the return is compared with the child's
    # first decision: a later decision may follow one that was reversed, so comparing the
    # first placement with the latest decision would report a child decided for twice.
    first = in_order(placements(data)).filter(pl.col("_number") == 0)
    first = first.join(first_decisions(data), on=ID, how="inner")
    return report(first.filter(pl.col("DECOM") < pl.col("first decision")), "PLACE", "DECOM",
                  "first decision")  # fmt: skip


@RULES.rule("553")
def placement_order_with_a_decision(data: Return903) -> pl.LazyFrame:
    # A placement order (E1) needs a decision; while the order is in force (its episode
    # open) the decision must not have been reversed: some decision of the child stands.
    placed = decisions(data)
    orders = data.episodes.filter(pl.col("LS") == PLACEMENT_ORDER)
    orders = flagged(orders, placed.filter(pl.col("_decided")), "_decided")
    orders = flagged(orders, placed.filter(pl.col("_decided") & ~pl.col("_reversed")), "_stands")
    wrong = ~pl.col("_decided") | (pl.col("DEC").is_null() & ~pl.col("_stands"))
    return report(orders.filter(wrong), "LS", "DECOM", "DEC")


@RULES.rule("554")
def decided_before_the_placement_order(data: Return903) -> pl.LazyFrame:
    # The first E1 episode of each period of care, against the child's first decision: with
    # several decisions, the first is the one that can come before the order.
    episodes = with_periods(data.episodes).filter(pl.col("LS") == PLACEMENT_ORDER)
    first = episodes.unique("_period", keep="first", maintain_order=True)
    first = first.join(first_decisions(data), on=ID, how="inner")
    return report(first.filter(pl.col("first decision") > pl.col("DECOM")), "LS", "DECOM",
                  "first decision")  # fmt: skip


@RULES.rule("557")
def left_care_unadopted_with_the_decision_reversed(data: Return903) -> pl.LazyFrame:
    # An episode placed for adoption or under a placement order that ended the child's care
    # other than by adoption: the child's latest decision has its date and reason of ceasing.
    left = (
        is_one_of("PLACE", PLACED_FOR_ADOPTION).fill_null(False) | (pl.col("LS") == PLACEMENT_ORDER)
    ) & (pl.col("REC").is_not_null() & ~is_one_of("REC", ADOPTED | {CHANGE_OF_PLACEMENT}))
    latest = latest_decisions(data)
    complete = latest.filter(pl.col("_ceased_on") & pl.col("REASON_PLACED_CEASED").is_not_null())
    episodes = flagged(data.episodes.filter(left), complete, "_reversed")
    return report(episodes.filter(~pl.col("_reversed")), "PLACE", "LS", "REC")


@RULES.rule("558")
def an_adopted_childs_decision_was_not_reversed(data: Return903) -> pl.LazyFrame:
    adopted = data.episodes.filter(is_one_of("REC", ADOPTED).fill_null(False))
    adopted = adopted.select(ID, "REC", pl.col("DEC").alias("adopted"))
    adopted = adopted.unique(ID, keep="first", maintain_order=True)
    latest = latest_decisions(data).filter(pl.col("_ceased_on")).join(adopted, on=ID)
    return report(latest, "DATE_PLACED", "DATE_PLACED_CEASED", "REC", "adopted")
