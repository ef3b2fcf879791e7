"""Drawing an audit sample: random, stratified, or targeted; seeded, so it can be redrawn.

Pure Python. Candidates are sorted by id before drawing, so the same candidates, size and
seed always give the same sample, whatever order the database returned them in.

- random: ``size`` candidates, each equally likely;
- stratified: each stratum (a team, a plan type) gets a share of ``size`` in proportion
  to its size (largest remainders break ties; every stratum gets at least one when there
  are as many places as strata), drawn at random within it;
- targeted: only the candidates an indicator flags (e.g. oversight overdue), at random.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Method(StrEnum):
    RANDOM = "random"
    STRATIFIED = "stratified"
    TARGETED = "targeted"


@dataclass(frozen=True)
class Candidate:
    child_id: int
    stratum: str = ""
    flagged: bool = False  # what a targeted sample looks for
    why: str = ""


@dataclass(frozen=True)
class Drawn:
    child_id: int
    stratum: str
    why: str


def draw(
    candidates: Iterable[Candidate],
    size: int,
    method: Method,
    seed: int,
    exclude: Iterable[int] = (),
) -> list[Drawn]:
    """The sample, in drawing order; ``exclude`` holds children already drawn this period."""
    if size < 1:
        raise ValueError("a sample needs at least one case")
    left_out = set(exclude)
    pool = sorted((c for c in candidates if c.child_id not in left_out), key=lambda c: c.child_id)
    chance = random.Random(seed)
    if method == Method.TARGETED:
        pool = [c for c in pool if c.flagged]
    if method == Method.STRATIFIED:
        chosen = _stratified(pool, size, chance)
    else:
        chosen = chance.sample(pool, min(size, len(pool)))
    return [Drawn(c.child_id, c.stratum, c.why) for c in chosen]


def _stratified(pool: Sequence[Candidate], size: int, chance: random.Random) -> list[Candidate]:
    strata: dict[str, list[Candidate]] = {}
    for candidate in pool:
        strata.setdefault(candidate.stratum, []).append(candidate)
    places = allocate({name: len(members) for name, members in strata.items()}, size)
    chosen: list[Candidate] = []
    for name in sorted(strata):
        chosen += chance.sample(strata[name], places[name])
    return chosen


def allocate(sizes: dict[str, int], size: int) -> dict[str, int]:
    """Places per stratum, in proportion to its size (largest remainder), never above it."""
    total = sum(sizes.values())
    if total == 0:
        return {name: 0 for name in sizes}
    size = min(size, total)
    if size >= len(sizes):
        places = {name: 1 for name, n in sizes.items() if n}  # every stratum is seen
        spare = size - sum(places.values())
        rest = {name: n - places.get(name, 0) for name, n in sizes.items()}
        extra = _largest_remainder(rest, spare)
        return {name: places.get(name, 0) + extra[name] for name in sizes}
    return _largest_remainder(sizes, size)


def _largest_remainder(sizes: dict[str, int], size: int) -> dict[str, int]:
    total = sum(sizes.values())
    if total == 0 or size == 0:
        return {name: 0 for name in sizes}
    exact = {name: size * n / total for name, n in sizes.items()}
    places = {name: int(share) for name, share in exact.items()}
    by_remainder = sorted(sizes, key=lambda name: (-(exact[name] - places[name]), name))
    for name in by_remainder[: size - sum(places.values())]:
        places[name] += 1
    return places
