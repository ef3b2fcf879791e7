"""Matching children placed for adoption with the LA's own approved adopters, and recording
the LA's prospective adopters.

A child placed with adopters of the LA's own agency (placed for adoption, A6, in the LA's
own provision, PR1), or with its own foster carers approved as adopters for fostering for
adoption (A5, PR1), is matched with one of the LA's households approved and still
waiting on the day of the match; the matches are taken in date order, each household is
matched once, and the adopters' sex and legal status are then the household's. A child
placed through another agency (another LA, PR2, or a voluntary agency, PR5) or with
independent foster carers (PR4), or when no household is waiting, is matched with
adopters the LA did not approve: the match has no household, and keeps the sex and legal
status drawn in the child's plan (``adoption``).

The generator does not know which children are brothers and sisters (each journey is
planned alone), so no household is matched with two children.

Households are planned from the first day of the burn-in, as children are. Recorded are
those matched with a child, and those still in the process on the window's first day or
coming later, each as it stands on ``today``, through the casework services.
"""

from __future__ import annotations

import random
from datetime import date
from typing import NamedTuple

from django.db import transaction

from oversight.casework import services
from oversight.casework.models import AdopterHousehold
from oversight.casework.services import AdopterDetails
from oversight.synth.adopters import Household
from oversight.synth.journey import Step

ORIGIN = "synth"
FOR_ADOPTION = ("A5", "A6")  # placement types: with the foster carers, with new adopters
# The LA's own provision; or not placed by today, when the placement is not yet known.
OWN_AGENCY = ("PR1", "")


class PlannedMatch(NamedTuple):
    """A match in a child's plan, with the placement for adoption that follows it."""

    on: date
    placement_type: str  # "" when the child is placed after today
    provider: str


class Matched(NamedTuple):
    """What a child's match records when it is with one of the LA's households."""

    household: AdopterHousehold  # with its adopters loaded: worker processes have no database
    sex: str
    legal_status: str


def planned_matches(steps: list[Step]) -> tuple[PlannedMatch, ...]:
    """The matches in a child's planned steps."""
    found = []
    for number, step in enumerate(steps):
        if step.kind == "match_adoption":
            placed = next((s.detail for s in steps[number:] if _for_adoption(s)), {})
            found.append(
                PlannedMatch(step.on, placed.get("placement_type", ""), placed.get("provider", ""))
            )
    return tuple(found)


def _for_adoption(step: Step) -> bool:
    return step.kind == "move" and step.detail["placement_type"] in FOR_ADOPTION


def choose_households(
    matches: list[tuple[int, PlannedMatch]], households: list[Household], rng: random.Random
) -> dict[tuple[int, date], Household]:
    """The household of each match (by the child's number and the day) with the LA's own
    adopters: in date order, one drawn from those waiting that day (for a placement with
    the foster carers, those approved for fostering for adoption)."""
    approved = [household for household in households if household.approved_on is not None]
    taken: set[int] = set()
    chosen = {}
    for child, match in sorted(matches, key=lambda pair: (pair[1].on, pair[0])):
        if match.provider not in OWN_AGENCY:
            continue
        waiting = [
            household for household in approved
            if household.index not in taken and household.waiting_on(match.on)
            and (household.fostering_for_adoption or match.placement_type != "A5")
        ]  # fmt: skip
        if waiting:
            household = rng.choice(waiting)
            taken.add(household.index)
            chosen[child, match.on] = household
    return chosen


def to_record(households: list[Household], matched: set[int], first_day: date) -> list[Household]:
    """The households matched with a child, and those still in the process on ``first_day``
    (of the window) or coming later."""
    kept = []
    for household in households:
        leaving = household.leaving(household.index in matched)
        if household.index in matched or leaving is None or leaving[0] >= first_day:
            kept.append(household)
    return kept


def record_households(
    households: list[Household], matched: set[int], today: date
) -> dict[int, AdopterHousehold]:
    """Record the households as they stand on ``today``, their family and adopter ids
    numbered in order; the records of the ``matched`` come back, with their adopters."""
    ids: dict[int, int] = {}
    people = 0
    # One transaction: each service's own becomes a savepoint, not a commit.
    with transaction.atomic():
        for number, planned in enumerate(households, start=1):
            adopters = []
            for adult in planned.people:
                people += 1
                adopters.append(AdopterDetails(
                    adopter_id=f"A{people:06d}", first_name=adult.first_name,
                    last_name=adult.last_name, sex=adult.sex, ethnicity=adult.ethnicity,
                    disabled=adult.disabled,
                ))  # fmt: skip
            ids[planned.index] = _record(planned, f"F{number:06d}", adopters, matched, today)
    wanted = [ids[index] for index in matched]
    loaded = AdopterHousehold.objects.prefetch_related("adopters").in_bulk(wanted)
    return {index: loaded[ids[index]] for index in matched}


def _record(
    planned: Household, family_id: str, adopters: list[AdopterDetails], matched: set[int],
    today: date,
) -> int:  # fmt: skip
    household = services.record_adopter_enquiry(
        family_id=family_id, enquiry_on=planned.steps["enquiry_on"], adopters=adopters,
        origin=ORIGIN,
    )  # fmt: skip
    steps = {name: day for name, day in planned.steps.items() if day <= today}
    del steps["enquiry_on"]
    if steps:
        fostering = "approved_on" in steps and planned.fostering_for_adoption
        services.record_adopter_steps(household, fostering_for_adoption=fostering or None, **steps)
    leaving = planned.leaving(planned.index in matched)
    if leaving is not None and leaving[0] <= today:
        services.record_adopters_left(household, left_on=leaving[0], reason=leaving[1])
    return household.pk


def matches_by_child(
    chosen: dict[tuple[int, date], Household], recorded: dict[int, AdopterHousehold]
) -> dict[int, dict[date, Matched]]:
    """For each child by number, its matches with the LA's households by the day."""
    by_child: dict[int, dict[date, Matched]] = {}
    for (child, on), household in chosen.items():
        matched = Matched(recorded[household.index], household.sex, household.legal_status)
        by_child.setdefault(child, {})[on] = matched
    return by_child
