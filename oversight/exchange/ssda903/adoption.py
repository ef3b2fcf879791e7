"""A child's adoption rows of the SSDA903 return, from the adoption decisions the records
hold (``AdoptionDecision``).

- **placed for adoption**: one row for each decision that the child should be placed for
  adoption made by the year end and not reversed before the year began, with its reversal
  (date and reason) if that came by the year end. A child placed for adoption in the year
  whose records hold no decision has one row with the decision blank, so that the return
  shows the gap (rule 551);
- **AD1**, for a child adopted in the year: the date of the latest decision made by the
  day of adoption (DATE_INT, which rule 523 wants equal to that decision's DATE_PLACED),
  the match and the adopters from it, whether the adopters were the foster carers from the
  placement the child was adopted from (A3 and A5 are with the current foster carers, A4
  and A6 not), and the number of adopters from their sex code. Items the records do not
  hold are blank.
"""

from __future__ import annotations

from typing import Any

from oversight.casework.services.adoption import number_of_adopters
from oversight.codes.groups import ADOPTED, ADOPTION_PLACEMENTS, WITH_FOSTER_CARERS
from oversight.exchange.ssda903.care import EpisodeRecord, as_at
from oversight.exchange.ssda903.spec import CollectionYear

DECISION_FIELDS = ("decided_on", "reversed_on", "reversed_reason", "matched_on", "adopters_sex",
                   "adopters_legal_status")  # fmt: skip
Row = dict[str, Any]


def decision_rows(decisions: list[Row], year: CollectionYear) -> list[Row]:
    """The placed for adoption items of the decisions (in date order) the year returns."""
    rows = []
    for decision in decisions:
        reversed_on = decision["reversed_on"]
        if decision["decided_on"] > year.end or (reversed_on and reversed_on < year.start):
            continue
        ceased = as_at(reversed_on, year)
        rows.append({"DATE_PLACED": decision["decided_on"], "DATE_PLACED_CEASED": ceased,
                     "REASON_PLACED_CEASED": (decision["reversed_reason"] or None)
                     if ceased else None})  # fmt: skip
    return rows


def placed_in_the_year(in_year: list[EpisodeRecord], year: CollectionYear) -> bool:
    return any(
        p.placement_type in ADOPTION_PLACEMENTS and (p.ended_on is None or p.ended_on >= year.start)
        for episode in in_year
        for p in episode.placements
    )


def adoption_in_the_year(
    in_year: list[EpisodeRecord], year: CollectionYear
) -> EpisodeRecord | None:
    """The episode of the year that ended in the child's adoption, if one did."""
    for episode in in_year:
        ended = episode.ended_on
        if episode.reason_ceased in ADOPTED and ended is not None and ended >= year.start:
            return episode
    return None


def by_foster_carers(placement_type: str) -> str | None:
    """AD1's FOSTER_CARE as a placement for adoption tells it: 1 with the child's foster
    carers (A3, A5), 0 with others (A4, A6); None for a placement of another kind."""
    if placement_type not in ADOPTION_PLACEMENTS:
        return None
    return "1" if placement_type in WITH_FOSTER_CARERS else "0"


def ad1_items(adopted: EpisodeRecord, decisions: list[Row]) -> Row:
    """The AD1 items of a child adopted at the end of the episode ``adopted``."""
    assert adopted.ended_on is not None
    made = [d for d in decisions if d["decided_on"] <= adopted.ended_on]
    placed = adopted.placements[-1].placement_type if adopted.placements else ""
    foster_carers = by_foster_carers(placed)
    if not made:
        return {"FOSTER_CARE": foster_carers}
    decision = made[-1]
    sex = decision["adopters_sex"]
    return {
        "DATE_INT": decision["decided_on"], "DATE_MATCH": decision["matched_on"],
        "FOSTER_CARE": foster_carers, "NB_ADOPTR": number_of_adopters(sex) or None,
        "SEX_ADOPTR": sex or None, "LS_ADOPTR": decision["adopters_legal_status"] or None,
    }  # fmt: skip
