"""The children who come to the front door for the first time, day by day.

Only these children get records; the LA's child population (``Size.population``) is
the denominator. New children arrive at a rate chosen so that, with the repeat
contacts and re-referrals the journeys add, referrals run near ``REFERRALS_PER_10K``.
"""

import random
from collections.abc import Iterator
from datetime import date, timedelta

from oversight.synth.people import ChildProfile, make_child
from oversight.synth.rates import CLA_STARTS_PER_10K, UASC_SHARE_OF_STARTS
from oversight.synth.world import next_wd

# Calibrated, not published: first contacts with new children per 10,000 children a
# year. Nearly half become referrals and about half of closed episodes come back with
# a new contact, which gives about ``REFERRALS_PER_10K`` referrals in all.
NEW_CHILDREN_PER_10K = 740.0
UASC_PER_10K = CLA_STARTS_PER_10K * UASC_SHARE_OF_STARTS


def arrivals(
    rng: random.Random, population: int, start: date, today: date, localities: int
) -> Iterator[ChildProfile]:
    """Every new child from ``start`` to ``today``, in date order, numbered from 0."""
    days = (today - start).days + 1
    years = days / 365.25
    dates = [
        (False, _day(rng, start, days))
        for _ in range(_count(population, years, NEW_CHILDREN_PER_10K))
    ]
    dates += [
        (True, _day(rng, start, days)) for _ in range(_count(population, years, UASC_PER_10K))
    ]
    dates.sort(key=lambda pair: (pair[1], pair[0]))
    for index, (uasc, day) in enumerate(dates):
        arrival = min(next_wd(day), today)
        yield make_child(rng, index, arrival, localities, uasc=uasc)


def _count(population: int, years: float, per_10k: float) -> int:
    return round(population / 10_000 * per_10k * years)


def _day(rng: random.Random, start: date, days: int) -> date:
    return start + timedelta(days=rng.randrange(days))
