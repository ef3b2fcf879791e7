"""Adoption (list 10) and adopters (list 11).

List 10 has a row for each decision that a child should be placed for adoption made, or
reversed, in the 12 months to the date, and for each child adopted in them (a child
adopted with no decision recorded has one row, the decision blank). A row gives the
period of care the decision was made in: when it began, the placement order (its first
episode under E1), the match, the placement for adoption (its first A3 to A6 placement),
the fostering for adoption or concurrent planning placement before it (its first U2 or
U5), and the adoption order (the period ending E11 or E12), and the reversal with its
reason.
Nothing after the date is shown. The family identifier is that of the prospective
adopters the child was matched with (list 11, ``lists_adopters``), once the match is
known.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from oversight.casework.models import AdoptionDecision, CareEpisode, Child, Placement
from oversight.codes.groups import (
    ADOPTED,
    ADOPTION_PLACEMENTS,
    FOSTERING_FOR_ADOPTION,
    PLACEMENT_ORDER,
)
from oversight.exchange.annex_a.gather import CHILD_FIELDS, Context, Row, by_child, child_row
from oversight.exchange.annex_a.lists_care import Period, periods_of_care


def adoption(context: Context) -> list[Row]:
    window, day = context.window(12), context.as_at
    months = (window.first, window.last)
    decisions = AdoptionDecision.objects.filter(decided_on__lte=day)
    touched = decisions.filter(Q(decided_on__range=months) | Q(reversed_on__range=months))
    adopted = CareEpisode.objects.filter(reason_ceased__in=ADOPTED, ended_on__range=months)
    listed = context.scoped(
        Child.objects.filter(
            Q(pk__in=touched.values("child_id")) | Q(pk__in=adopted.values("child_id"))
        ),
        path="pk",
    )
    episodes = CareEpisode.objects.filter(child__in=listed, started_on__lte=day)
    history = by_child(
        (e["child_id"], e)
        for e in episodes.order_by("started_on", "id").values(
            "child_id", "started_on", "ended_on", "legal_status", "reason_ceased"
        )
    )
    placed = Placement.objects.filter(episode__child__in=listed, started_on__lte=day)
    placed_on = by_child(
        placed.filter(placement_type__in=ADOPTION_PLACEMENTS)
        .order_by("started_on")
        .values_list("episode__child_id", "started_on")
    )
    # A fostering for adoption placement continued by a new legal status is one placement.
    fostered_on = by_child(
        placed.filter(placement_type__in=FOSTERING_FOR_ADOPTION, moved_in_on__isnull=True)
        .order_by("started_on")
        .values_list("episode__child_id", "started_on")
    )
    held = by_child(
        (d.child_id, d)
        for d in decisions.filter(child__in=listed)
        .select_related("household")
        .order_by("decided_on")
    )
    rows = []
    for child in listed.order_by("la_child_id").values("pk", *CHILD_FIELDS):
        values = {"child_id": child["pk"]} | {f"child__{n}": child[n] for n in CHILD_FIELDS}
        own = [e | {"ended_on": context.known(e["ended_on"])} for e in history.get(child["pk"], [])]
        periods = periods_of_care(own)
        for decision in held.get(child["pk"]) or [None]:
            period = _period_of(periods, decision)
            placements = (placed_on.get(child["pk"], []), fostered_on.get(child["pk"], []))
            columns = _columns(decision, period, placements, context)
            rows.append(child_row(values, context) | columns)
    return rows


def _period_of(periods: list[Period], decision: AdoptionDecision | None) -> Period | None:
    """The period of care the decision was made in (with none, the latest)."""
    if decision is None:
        return periods[-1] if periods else None
    made = [p for p in periods if p.start <= decision.decided_on]
    return made[-1] if made else None


def _columns(decision: AdoptionDecision | None, period: Period | None,
             placements: tuple[list[Any], list[Any]], context: Context) -> Row:  # fmt: skip
    """The row's dates; ``placements``: the days the child was placed for adoption, and
    in fostering for adoption placements."""
    reversed_on = context.known(decision.reversed_on) if decision else None
    matched = context.known(decision.matched_on) if decision else None
    row: Row = {
        "adoption_decision": decision.decided_on if decision else None,
        "matched": matched,
        "family_id": decision.household.family_id
        if decision and matched and decision.household
        else None,
        "decision_reversed": reversed_on,
        "reversal_reason": (decision.reversed_reason or None) if decision and reversed_on else None,
    }
    if period is None:
        return row
    end, last = period.current["ended_on"], period.current
    placed, fostered = placements

    def first_in_period(days: list[Any]) -> Any:
        return next((d for d in days if d >= period.start and (end is None or d <= end)), None)

    return row | {
        "entered_care": period.start,
        "placement_order": next(
            (e["started_on"] for e in period.episodes if e["legal_status"] == PLACEMENT_ORDER), None
        ),
        "placed": first_in_period(placed),
        "ffa_placed": first_in_period(fostered),
        "adoption_order": end if end and last["reason_ceased"] in ADOPTED else None,
    }
