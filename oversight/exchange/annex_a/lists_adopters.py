"""Prospective adopters (list 11): a row for each person in a household that was in the
adoption process at any time in the 12 months to the date.

A household is in the process from its enquiry until it leaves it, or until the last
child placed with it is adopted. Its steps are its own; the match, the placement and
the adoption order come from the children matched with it (their adoption decisions,
placements for adoption and care ending in adoption), so they are kept once, on the
child's record. Nothing after the date is shown.

Prospective adopters are adults known to the adoption agency, not children: they are
listed only in an export whose maker may see them (``Context.adopters``).
"""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from oversight.casework.models import (
    Adopter,
    AdopterHousehold,
    AdoptionDecision,
    CareEpisode,
    Placement,
)
from oversight.codes.groups import ADOPTED, ADOPTION_PLACEMENTS
from oversight.exchange.annex_a.gather import Context, Row, by_child, yes_no

STEP_COLUMNS = {
    "enquiry": "enquiry_on", "stage1_start": "stage1_started_on",
    "stage1_end": "stage1_ended_on", "stage2_start": "stage2_started_on",
    "stage2_end": "stage2_ended_on", "submitted": "applied_on", "approved": "approved_on",
    "left": "left_on",
}  # fmt: skip

Matched = tuple[date, date | None, date | None]  # matched, placed, adopted


def adopters(context: Context) -> list[Row]:
    if not context.adopters:
        return []
    window, day = context.window(12), context.as_at
    households = AdopterHousehold.objects.filter(enquiry_on__lte=day).exclude(
        left_on__lt=window.first
    )
    matches = AdoptionDecision.objects.filter(household__in=households, matched_on__lte=day)
    placed = _placed(matches, day)
    rows = []
    people = Adopter.objects.filter(household__in=households).select_related("household")
    for person in people.order_by("household__family_id", "adopter_id"):
        household = person.household
        children = placed.get(household.pk, {})
        orders = [order for _, _, order in children.values() if order is not None]
        if orders and len(orders) == len(children) and max(orders) < window.first:
            continue  # every child matched with them was adopted before the window
        steps = {column: context.known(getattr(household, name))
                 for column, name in STEP_COLUMNS.items()}  # fmt: skip
        placements = [on for _, on, _ in children.values() if on is not None]
        rows.append(steps | {
            "adopter_id": person.adopter_id,
            "family_id": household.family_id,
            "gender": person.sex,
            "ethnicity": person.ethnicity,
            "disability": yes_no(person.disabled),
            "ffa": yes_no(household.fostering_for_adoption),
            "matched": min((matched for matched, _, _ in children.values()), default=None),
            "placed": min(placements, default=None),
            "children_placed": len(placements) if children else None,
            "adoption_order": max(orders, default=None),
            "left_reason": (household.left_reason or None) if steps["left"] else None,
        })  # fmt: skip
    return rows


def _placed(matches: QuerySet[AdoptionDecision], day: date) -> dict[int, dict[int, Matched]]:
    """For each household, each child matched with it by ``day``: the day of the match,
    the day the child was first placed for adoption on or after it, and the day the child
    was adopted after that (each ``None`` while not yet). A child matched twice with the
    household counts from the first match."""
    children = matches.values("child_id")
    placements = by_child(
        Placement.objects.filter(
            episode__child__in=children, placement_type__in=ADOPTION_PLACEMENTS,
            started_on__lte=day,
        ).order_by("started_on").values_list("episode__child_id", "started_on")
    )  # fmt: skip
    adopted = by_child(
        CareEpisode.objects.filter(child__in=children, reason_ceased__in=ADOPTED, ended_on__lte=day)
        .order_by("ended_on")
        .values_list("child_id", "ended_on")
    )
    found: dict[int, dict[int, Matched]] = {}
    for household_id, child_id, matched_on in matches.order_by("matched_on").values_list(
        "household_id", "child_id", "matched_on"
    ):
        if child_id in found.setdefault(household_id, {}):
            continue
        on = next((d for d in placements.get(child_id, []) if d >= matched_on), None)
        order = next((d for d in adopted.get(child_id, []) if on and d >= on), None)
        found[household_id][child_id] = (matched_on, on, order)
    return found
