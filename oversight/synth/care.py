"""Planning a period in care: legal status, placements and moves, how it ends, and
leaving care at 18 for a pathway plan until 21.

Shares of placement types follow the national picture (``rates``: about two in three
children in foster care, one in eight in children's homes); how long children stay
and how they leave are assumptions chosen so that the number looked after stays near
``CLA_PER_10K`` when about ``CLA_STARTS_PER_10K`` start each year. Each move gives a
reason for the change of placement, with shares that are assumptions (most moves carry
out the care plan; custody only from the age of 10, as DfE rule 234 wants).

Most children in care settle: few moves in the first year, fewer after. Some never do,
teenagers more often, and move several times a year (``UNSETTLED_SHARE``, ``MOVES_A_YEAR``:
assumptions, tuned so that the children with three or more placements in the year and
those in the same placement for two years come near the published shares, ``rates``).
Whether a period in care is settled is drawn from a stream of its own.

From 2025/26 the DfE's placement types have no H5 (semi-independent living) or P2
(independent living): placements begun from the last day of 2024/25 are in supported
accommodation (K3) instead, and one in H5 or P2 still open then is recorded as moving to
K3 that day, a change in the status of the placement only (PLACE), so that no placement
open in 2025/26 is of a retired type. Only young people of 16 or more live in supported
accommodation (DfE rule 371), unaccompanied asylum seekers too.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from oversight.codes.groups import FOSTER_CARE
from oversight.synth.adoption import AdoptionPlanner
from oversight.synth.draws import Weights
from oversight.synth.world import next_wd
from oversight.timescales import add_months

if TYPE_CHECKING:
    from oversight.synth.journey import JourneyPlanner, Step

# How a period in care ends, by age on entry (under 5, 5-11, 12-15, 16-17).
EXITS_BY_AGE = (
    (5, Weights({"adoption": 28, "sgo": 20, "home": 30, "stays": 22})),
    (12, Weights({"home": 35, "sgo": 14, "cao": 6, "stays": 45})),
    (16, Weights({"home": 35, "stays": 65})),
    (18, Weights({"home": 20, "stays": 80})),
)
EXIT_MONTHS = {"adoption": (18, 36), "sgo": (9, 30), "cao": (6, 24), "home": (4, 30)}
CEASED = {
    "adoption": Weights({"E11": 70, "E12": 30}),
    "sgo": Weights({"E45": 30, "E46": 20, "E47": 35, "E48": 15}),
    "cao": Weights({"E41": 1}),
    "home": Weights({"E4A": 80, "E4B": 20}),
}
CLOSURE = {"adoption": "RC1", "sgo": "RC4", "cao": "RC3", "home": "RC7"}
LEAVING_AT_18 = Weights({"E5": 45, "E6": 15, "E17": 25, "E13": 15})

PLACEMENT_SHARES_BY_AGE = (
    (10, {"U6": 45, "U4": 15, "U3": 15, "U1": 5, "U5": 5, "P1": 5, "K2": 3}),
    (16, {"U6": 40, "U4": 15, "U3": 10, "K2": 25, "P1": 5, "R1": 2, "S1": 2}),
    (18, {"H5": 35, "U6": 25, "K2": 20, "U3": 8, "P2": 7, "U4": 5}),
)
UASC_PLACEMENT_SHARES = {"H5": 50, "U6": 35, "K2": 15}  # at 16 or 17
# Periods of care that never settle, by age on entry (under 12, 12 or more), and moves a
# year: in the first year and after it when settled, throughout when not.
UNSETTLED_SHARE = ((12, 0.10), (18, 0.30))
MOVES_A_YEAR = {"first year": 0.35, "settled": 0.10, "unsettled": 2.0}
SUPPORTED_FROM_AGE = 16
# The placement types of 2025/26, and what the retired ones became: from the last day of
# 2024/25, so that the 2025/26 return sees only the new ones.
NEW_PLACEMENT_TYPES_FROM = date(2025, 3, 31)
RETIRED_PLACEMENT_TYPES = {"H5": "K3", "P2": "K3"}


def _renamed(shares: dict[str, int]) -> Weights:
    """The shares, each retired placement type counted as the one that replaced it."""
    renamed: dict[str, float] = {}
    for code, share in shares.items():
        code = RETIRED_PLACEMENT_TYPES.get(code, code)
        renamed[code] = renamed.get(code, 0) + share
    return Weights(renamed)


# By the age limit: the shares before April 2025, and from then.
PLACEMENTS_BY_AGE = tuple(
    (limit, (Weights(shares), _renamed(shares))) for limit, shares in PLACEMENT_SHARES_BY_AGE
)
UASC_PLACEMENTS = (Weights(UASC_PLACEMENT_SHARES), _renamed(UASC_PLACEMENT_SHARES))
CHANGE_REASON_SHARES = {
    "CARPL": 42, "CREQB": 11, "CREQO": 8, "LAREQ": 8, "CHILD": 6, "CLOSE": 4, "STAND": 3,
    "ALLEG": 2, "APPRR": 1, "CUSTOD": 2, "OTHER": 13,
}  # fmt: skip
CHANGE_REASONS = Weights(CHANGE_REASON_SHARES)
CHANGE_REASONS_UNDER_10 = Weights({k: v for k, v in CHANGE_REASON_SHARES.items() if k != "CUSTOD"})
CUSTODY_FROM_AGE = 10
PROVIDERS = {
    "U4": Weights({"PR1": 60, "PR4": 40}), "U6": Weights({"PR1": 55, "PR4": 45}),
    "K2": Weights({"PR4": 70, "PR1": 30}), "H5": Weights({"PR4": 60, "PR5": 40}),
    "R1": Weights({"PR4": 1}), "S1": Weights({"PR4": 1}), "P1": Weights({"PR0": 1}),
}  # fmt: skip
OWN_PROVISION = Weights({"PR1": 1})
LEGAL_STATUS_16_PLUS = Weights({"V2": 45, "C2": 55})
LEGAL_STATUS = Weights({"C2": 55, "C1": 30, "V2": 15})
WITH_FORMER_FOSTER_CARERS = ("E45", "E46")  # special guardianship to the foster carers
LONG_TERM = ("U1", "U4")  # long-term fostering: visits every 3 months after the first year
CARE_LEAVER_WEEKS = 13  # in care at least 13 weeks to be an eligible care leaver


class CarePlanner:
    """The care part of one child's journey, planned by the child's ``JourneyPlanner``."""

    def __init__(self, journey: JourneyPlanner) -> None:
        self.journey = journey
        self.rng = journey.rng
        self.adoption = AdoptionPlanner(journey)
        self.with_parents_allowed = True  # placed with parents: not under V2 (rule 378)

    def plan(self, on: date) -> tuple[str | None, date | None]:
        journey, age = self.journey, self.journey.child.age_on(on)
        if age >= 18:
            return journey.close(on, "RC7")  # too late: adults are not looked after
        journey.end_plan(on, "Became looked after")
        journey.allocate(on, journey.team_for("children_in_care"))
        first = self._placement(age, on)
        legal_status = self._legal_status(age)
        self.with_parents_allowed = legal_status != "V2"
        first = self._allowed(first)
        journey.add(on, "start_care", legal_status=legal_status, **first)
        exit_kind, exit_on = self._exit(on, age)
        leaves_at_18 = exit_kind == "stays" or exit_on >= journey.adult
        until = next_wd(journey.adult) if leaves_at_18 else exit_on
        last = self._moves(on, until, exit_kind, first)
        if exit_kind != "adoption" and age < 5:
            self.adoption.maybe_reversed(on, until)
        if leaves_at_18:
            return self._leave_care(until)
        reason = journey.pick(CEASED[exit_kind])
        if reason in WITH_FORMER_FOSTER_CARERS and last["placement_type"] not in FOSTER_CARE:
            reason = "E47"  # an order to carers other than the foster carers (rule 516)
        journey.add(exit_on, "end_care", reason=reason)
        if exit_kind == "home" and self.rng.random() < 0.4:
            return "cin", exit_on  # support continues at home on a CIN plan
        return journey.close(exit_on, CLOSURE[exit_kind])

    def _legal_status(self, age: int) -> str:
        if self.journey.child.uasc:
            return "V2"
        if age >= 16:
            return self.journey.pick(LEGAL_STATUS_16_PLUS)
        return self.journey.pick(LEGAL_STATUS)

    def _placement(self, age: int, on: date) -> dict[str, object]:
        journey, era = self.journey, int(on >= NEW_PLACEMENT_TYPES_FROM)
        if journey.child.uasc and age >= SUPPORTED_FROM_AGE:
            kind = journey.pick(UASC_PLACEMENTS[era])
        else:
            kind = journey.pick(next(w[era] for limit, w in PLACEMENTS_BY_AGE if age < limit))
        return self._described(kind)

    def _allowed(self, placement: dict[str, object]) -> dict[str, object]:
        """The placement, with foster care in place of with parents where not allowed."""
        if placement["placement_type"] == "P1" and not self.with_parents_allowed:
            return placement | {"placement_type": "U6", "provider": "PR1", "long_term": False}
        return placement

    def _described(self, kind: str) -> dict[str, object]:
        provider = self.journey.pick(PROVIDERS.get(kind, OWN_PROVISION))
        return {"placement_type": kind, "provider": provider, "long_term": kind in LONG_TERM}

    def _exit(self, on: date, age: int) -> tuple[str, date]:
        journey = self.journey
        kind = journey.pick(next(w for limit, w in EXITS_BY_AGE if age < limit))
        if kind == "stays":
            return kind, journey.adult
        months = self.rng.randint(*EXIT_MONTHS[kind])
        return kind, next_wd(add_months(on, months) + timedelta(days=self.rng.randrange(28)))

    def _moves(
        self, start: date, until: date, exit_kind: str, first: dict[str, object]
    ) -> dict[str, object]:
        """Placement moves: most in the first year; adoption placements before adoption.
        Returns the last placement."""
        journey, on, current = self.journey, start, first
        adoption_on = (
            add_months(until, -self.rng.randint(6, 10)) if exit_kind == "adoption" else None
        )
        unsettled = self._unsettled(start)
        while True:
            since = on  # when the current placement began
            on = next_move(self.rng, start, on, unsettled)
            if adoption_on and start < adoption_on <= on:
                placed_on = next_wd(adoption_on)
                self._recoded(current, since, placed_on)
                self.adoption.plan(start, placed_on)
                # Placed for adoption (the care plan carried out): with the current foster
                # carers, or with adopters the child moves to.
                placed = self.adoption.placement(self._described("A5"), current)
                journey.add(placed_on, "move", **placed, change_reason="CARPL")
                return placed
            if on >= until or on > journey.world.today:
                self._recoded(current, since, until)
                return current
            self._recoded(current, since, on)
            age = min(journey.child.age_on(on), 17)
            current = self._allowed(self._placement(age, on))
            journey.add(on, "move", **current, change_reason=self._change_reason(on))

    def _unsettled(self, start: date) -> bool:
        age = self.journey.child.age_on(start)
        share = next(share for limit, share in UNSETTLED_SHARE if age < limit)
        draw = random.Random(f"unsettled/{self.journey.child.index}/{start.toordinal()}")
        return draw.random() < share

    def _change_reason(self, on: date) -> str:
        under_10 = self.journey.child.age_on(on) < CUSTODY_FROM_AGE
        reasons = CHANGE_REASONS_UNDER_10 if under_10 else CHANGE_REASONS
        return reasons.draw(self.journey.reasons_rng)

    def _recoded(self, placement: dict[str, object], since: date, until: date) -> None:
        """A placement in a retired type still open in April 2025 moves to its successor
        that day: the same provision, a change in the status of the placement only."""
        kind = str(placement["placement_type"])
        if kind in RETIRED_PLACEMENT_TYPES and since < NEW_PLACEMENT_TYPES_FROM < until:
            successor = RETIRED_PLACEMENT_TYPES[kind]
            self.journey.add(NEW_PLACEMENT_TYPES_FROM, "move", placement_type=successor,
                             provider=placement["provider"], long_term=False,
                             change_reason="PLACE")  # fmt: skip

    def _leave_care(self, on: date) -> tuple[None, None]:
        """At 18: care ends, the CIN episode closes, and a pathway plan runs until 21 for
        an eligible care leaver (``days_in_care_from``)."""
        journey = self.journey
        journey.add(on, "end_care", reason=journey.pick(LEAVING_AT_18))
        _, closed = journey.close(on, "RC7")
        since_14 = days_in_care_from(journey.steps, journey.child.birthday(14))
        if since_14 >= CARE_LEAVER_WEEKS * 7:
            # Leaving care passes the child to the care leavers' team, as the process is.
            journey.allocate(closed, journey.team_for("care_leavers"), "TSPROC")
            journey.add(closed, "start_plan", kind="pathway")
            journey.add(next_wd(journey.child.birthday(21)), "end_plan", kind="pathway",
                        reason="Reached 21")  # fmt: skip
        return None, None


def days_in_care_from(steps: Iterable[Step], since: date) -> int:
    """The days in care, over every period of care ended, on or after ``since``. A care
    leaver is eligible for a pathway plan after 13 weeks in all since 14, however many
    periods they took."""
    days, began = 0, None
    for step in sorted(steps, key=lambda step: step.on):
        if step.kind == "start_care":
            began = step.on
        elif step.kind == "end_care" and began is not None:
            days += max(0, (step.on - max(began, since)).days)
            began = None
    return days


def next_move(rng: random.Random, start: date, after: date, unsettled: bool) -> date:
    """The day of the next move of a period in care begun on ``start``, two weeks or more
    after the last (``after``): at the first year's rate until a year after ``start``, at
    the settled rate from then (``MOVES_A_YEAR``). A day drawn past the first year's end
    is drawn again from it, at the settled rate: moves have no memory of the last one."""

    def wait(moves_a_year: float) -> timedelta:
        return timedelta(days=round(rng.expovariate(moves_a_year / 365)))

    earliest = after + timedelta(days=14)
    if unsettled:
        return next_wd(earliest + wait(MOVES_A_YEAR["unsettled"]))
    settles = add_months(start, 12)
    if earliest < settles:
        day = earliest + wait(MOVES_A_YEAR["first year"])
        if day < settles:
            return next_wd(day)
        earliest = settles
    return next_wd(earliest + wait(MOVES_A_YEAR["settled"]))
