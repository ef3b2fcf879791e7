"""Every field the SSDA903 return carries, read straight from the records, to compare them.

The facts leave out what the return does not carry (names, the care before the year,
the words of the child's views, teams and deadlines), so records made by an import can
be compared with the records the return was written from. A placement is described as
the return describes it: its dates as at 31 March, its type, provider and legal status,
its postcodes and URN,
how it began, why the child moved into it (carried by the row before, so only when that
row is in the year) and, if care ended with it, why.
"""

from __future__ import annotations

from typing import Any

from oversight.casework.models import Child, ReviewKind
from oversight.exchange.ssda903.care import as_at, care_leaver_birthday, placement_change
from oversight.exchange.ssda903.spec import CollectionYear

YEAR = CollectionYear.from_label("2025-26")


def care_facts() -> dict[str, dict[str, Any]]:
    return {child.la_child_id: _facts(child) for child in Child.objects.all()}


def _facts(child: Child) -> dict[str, Any]:
    return {
        "child": (child.sex, child.date_of_birth, child.ethnicity, child.uasc),
        "placements": sorted(_placements(child)),
        "reviews": sorted(
            (r.held_on, r.child_participated, r.seen, r.views_recorded, r.how_expressed)
            for r in child.reviews.filter(
                kind=ReviewKind.CLA, held_on__range=(YEAR.start, YEAR.end)
            )
        ),  # fmt: skip
        "missing": sorted(
            (m.started_on, as_at(m.returned_on, YEAR), m.away)
            for m in child.missing_episodes.all()
            if m.started_on <= YEAR.end and (m.returned_on is None or m.returned_on >= YEAR.start)
        ),  # fmt: skip
        "care_leaver": sorted(_statuses(child)),
    }


def _placements(child: Child) -> list[tuple[Any, ...]]:
    found = []
    for episode in child.care_episodes.all():
        placements = list(episode.placements.order_by("started_on"))
        ended = as_at(episode.ended_on, YEAR)
        for number, p in enumerate(placements):
            until = as_at(p.ended_on, YEAR)
            if p.started_on > YEAR.end or (until is not None and until < YEAR.start):
                continue
            began = episode.reason_new_episode if number == 0 else placement_change(
                p.placement_type)  # fmt: skip
            ceased = episode.reason_ceased if ended and until == ended else None
            before_in_year = number > 0 and p.started_on >= YEAR.start
            moved = p.change_reason if before_in_year else ""
            found.append((p.started_on, until, p.placement_type, p.provider, p.long_term,
                          episode.legal_status, began, ceased, moved, episode.home_postcode,
                          p.postcode, p.urn))  # fmt: skip
    return found


def _statuses(child: Child) -> list[tuple[Any, ...]]:
    found = care_leaver_birthday(child.date_of_birth, YEAR)
    if found is None:
        return []
    return [
        (s.recorded_on, s.in_touch, s.accommodation, s.accommodation_suitable, s.activity)
        for s in child.care_leaver_statuses.filter(recorded_on=found[0])
    ]
