"""Practitioners' posts, and who held each, one after another.

A permanent worker leaves at the published rate (``rates.SOCIAL_WORKER_TURNOVER``), an
agency worker after a short stay (an assumption: no national figure exists), and the next
holder starts the day the last one leaves. ``turnover.Handover`` changes a child's social
worker when theirs leaves.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from oversight.accounts.models import User
from oversight.synth.rates import SOCIAL_WORKER_TURNOVER

YEAR = 365.25
# Assumption: an agency worker stays 3 to 12 months in a post.
AGENCY_STAY_DAYS = (91, 365)


@dataclass(frozen=True)
class Tenure:
    """One worker in a post: from ``start`` (None: before the records begin) to the day
    they left (``left``, None: still in post)."""

    worker: User
    start: date | None
    left: date | None


@dataclass(frozen=True)
class Post:
    """A practitioner's post in a team, and who held it, one after another."""

    tenures: tuple[Tenure, ...]

    @classmethod
    def held_by(cls, worker: User) -> Post:
        """A post one worker holds throughout."""
        return cls((Tenure(worker, None, None),))

    def tenure_on(self, day: date) -> Tenure:
        """Who holds the post on ``day`` (a holder is in post until the day they leave)."""
        return next((t for t in self.tenures if t.left is None or day < t.left), self.tenures[-1])

    def holder_on(self, day: date) -> User:
        return self.tenure_on(day).worker


def stay_in_days(rng: random.Random, agency: bool, turnover: float = SOCIAL_WORKER_TURNOVER) -> int:
    """How long a worker stays in a post from when the records see them start; a
    permanent worker leaves at ``turnover``, the share leaving in a year."""
    if agency:
        return rng.randint(*AGENCY_STAY_DAYS)
    leaving_rate = -math.log(1 - turnover)  # a year's share, as a rate
    return max(1, round(rng.expovariate(leaving_rate) * YEAR))


def agency_share_of_new_workers(in_post: float, turnover: float = SOCIAL_WORKER_TURNOVER) -> float:
    """The share of new workers from agencies that keeps ``in_post`` of the workers in
    post agency workers, year after year.

    An agency worker stays months, a permanent one years, so a post's holders are agency
    workers for less of the time than the share of them hired: a post is held by agency
    workers for a share ``a * Ta / (a * Ta + (1 - a) * Tp)`` of the time, where ``a`` is
    the share hired, ``Ta`` an agency worker's mean stay and ``Tp`` a permanent one's.
    Solved for ``a``. At the published 13% in post and 11.8% turnover, 66% of new workers
    are from agencies; drawing 13% of new workers from agencies would leave about 1% of
    those in post agency workers after some years.
    """
    if not 0 <= in_post < 1:
        raise ValueError(f"the agency share in post must be from 0 up to 1, not {in_post}")
    agency_stay = sum(AGENCY_STAY_DAYS) / 2 / YEAR  # years
    permanent_stay = 1 / -math.log(1 - turnover)  # years: the mean of stay_in_days
    agency_time = in_post * permanent_stay
    return agency_time / (agency_time + (1 - in_post) * agency_stay)


def tenures(
    rng: random.Random, first: User, since: date, today: date,
    successor: Callable[[date], User], turnover: float = SOCIAL_WORKER_TURNOVER,
) -> list[Tenure]:  # fmt: skip
    """The holders of a post from ``since`` to ``today``, ``first`` holding it at the
    start; ``successor(day)`` is a new worker who starts on ``day``; permanent workers
    leave at ``turnover`` (``stay_in_days``)."""
    held: list[Tenure] = []
    worker, start, begun = first, None, since
    while True:
        left = begun + timedelta(days=stay_in_days(rng, worker.is_agency, turnover))
        if left > today:
            held.append(Tenure(worker, start, None))
            return held
        held.append(Tenure(worker, start, left))
        worker, start, begun = successor(left), left, left
