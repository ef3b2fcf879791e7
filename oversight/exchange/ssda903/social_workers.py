"""A child's social worker episodes, from their allocations.

One allocation after another to the same worker is one episode. For a child looked
after on 31 March, every episode of the social worker reporting period is returned,
whether the child was looked after then or not (rule SW12STG2); for another child, those
while looked after in the year. A worker who held the child for no whole day (moved on
the day they took over) is not an episode (SW09STG2); when that was a first contact, the
worker who took over that day is the first (FCONTA), so that a re-referral's gap is not
read as a change of worker.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from oversight.exchange.ssda903.care import EpisodeRecord
from oversight.exchange.ssda903.spec import CollectionYear

Row = dict[str, Any]
# The reason for a child's first social worker, after a first contact or a re-referral.
FIRST_CONTACT = "FCONTA"


def worker_episodes(
    allocations: list[Row], year: CollectionYear, in_year: Sequence[EpisodeRecord],
    whole_period: bool,
) -> Iterator[Row]:  # fmt: skip
    """The allocations (``start_on``, ``end_on``, ``worker_id``, ``change_reason``...) that
    are the return's social worker episodes, in order: ``whole_period`` for a child looked
    after on 31 March, else those while in care in the year's episodes ``in_year``."""
    first_contact_on = None
    for worker in _spells(allocations):
        start, end = worker["start_on"], worker["end_on"]
        if end == start:
            if worker["change_reason"] == FIRST_CONTACT:
                first_contact_on = start
            continue
        if start == first_contact_on:
            worker = worker | {"change_reason": FIRST_CONTACT}
        if whole_period:
            wanted = end is None or end >= year.social_workers_from
        else:
            in_the_year = end is None or end >= year.start
            wanted = in_the_year and any(_while_in(e, start, end) for e in in_year)
        if wanted:
            yield worker


def _while_in(episode: EpisodeRecord, start: date, end: date | None) -> bool:
    """The worker held the child for some of the episode (a worker who took over the day
    care ended held the child after it)."""
    before_it_ended = episode.ended_on is None or start < episode.ended_on
    return before_it_ended and (end is None or end > episode.started_on)


def _spells(allocations: list[Row]) -> list[Row]:
    """Allocations to a worker, one after another to the same worker made one spell."""
    spells: list[Row] = []
    for allocation in allocations:
        last = spells[-1] if spells else None
        if (
            last
            and last["worker_id"] == allocation["worker_id"]
            and (last["end_on"] == allocation["start_on"])
        ):
            last["end_on"] = allocation["end_on"]
        else:
            spells.append(dict(allocation))
    return spells
