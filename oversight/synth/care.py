"""Planning a period in care: legal status, placements and moves, how it ends, and
leaving care at 18 for a pathway plan until 21.

Shares of placement types follow the national picture (``rates``: about two in three
children in foster care, one in eight in children's homes); how long children stay
and how they leave are assumptions chosen so that the number looked after stays near
``CLA_PER_10K`` when about ``CLA_STARTS_PER_10K`` start each year.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from oversight.synth.draws import Weights
from oversight.synth.world import next_wd
from oversight.timescales import add_months

if TYPE_CHECKING:
    from oversight.synth.journey import JourneyPlanner

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

PLACEMENTS_BY_AGE = (
    (10, Weights({"U6": 45, "U4": 15, "U3": 15, "U1": 5, "U5": 5, "P1": 5, "K2": 3})),
    (16, Weights({"U6": 40, "U4": 15, "U3": 10, "K2": 25, "P1": 5, "R1": 2, "S1": 2})),
    (18, Weights({"H5": 35, "U6": 25, "K2": 20, "U3": 8, "P2": 7, "U4": 5})),
)
UASC_PLACEMENTS = Weights({"H5": 50, "U6": 35, "K2": 15})
PROVIDERS = {
    "U4": Weights({"PR1": 60, "PR4": 40}), "U6": Weights({"PR1": 55, "PR4": 45}),
    "K2": Weights({"PR4": 70, "PR1": 30}), "H5": Weights({"PR4": 60, "PR5": 40}),
    "R1": Weights({"PR4": 1}), "S1": Weights({"PR4": 1}), "P1": Weights({"PR0": 1}),
}  # fmt: skip
OWN_PROVISION = Weights({"PR1": 1})
LEGAL_STATUS_16_PLUS = Weights({"V2": 45, "C2": 55})
LEGAL_STATUS = Weights({"C2": 55, "C1": 30, "V2": 15})
LONG_TERM = ("U1", "U4")  # long-term fostering: visits every 3 months after the first year
CARE_LEAVER_WEEKS = 13  # in care at least 13 weeks to be an eligible care leaver


class CarePlanner:
    """The care part of one child's journey, planned by the child's ``JourneyPlanner``."""

    def __init__(self, journey: JourneyPlanner) -> None:
        self.journey = journey
        self.rng = journey.rng

    def plan(self, on: date) -> tuple[str | None, date | None]:
        journey, age = self.journey, self.journey.child.age_on(on)
        if age >= 18:
            return journey.close(on, "RC7")  # too late: adults are not looked after
        journey.end_plan(on, "Became looked after")
        journey.allocate(on, journey.team_for("children_in_care"))
        journey.add(on, "start_care", legal_status=self._legal_status(age), **self._placement(age))
        exit_kind, exit_on = self._exit(on, age)
        leaves_at_18 = exit_kind == "stays" or exit_on >= journey.adult
        until = next_wd(journey.adult) if leaves_at_18 else exit_on
        self._moves(on, until, exit_kind)
        if leaves_at_18:
            return self._leave_care(on, until)
        journey.add(exit_on, "end_care", reason=journey.pick(CEASED[exit_kind]))
        if exit_kind == "home" and self.rng.random() < 0.4:
            return "cin", exit_on  # support continues at home on a CIN plan
        return journey.close(exit_on, CLOSURE[exit_kind])

    def _legal_status(self, age: int) -> str:
        if self.journey.child.uasc:
            return "V2"
        if age >= 16:
            return self.journey.pick(LEGAL_STATUS_16_PLUS)
        return self.journey.pick(LEGAL_STATUS)

    def _placement(self, age: int) -> dict[str, object]:
        journey = self.journey
        if journey.child.uasc:
            kind = journey.pick(UASC_PLACEMENTS)
        else:
            kind = journey.pick(next(w for limit, w in PLACEMENTS_BY_AGE if age < limit))
        return self._described(kind)

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

    def _moves(self, start: date, until: date, exit_kind: str) -> None:
        """Placement moves: most in the first year; adoption placements before adoption."""
        journey, on = self.journey, start
        adoption_on = (
            add_months(until, -self.rng.randint(6, 10)) if exit_kind == "adoption" else None
        )
        while True:
            settled = on >= add_months(start, 12)
            rate = 0.15 if settled else 0.45  # moves a year
            on = next_wd(on + timedelta(days=round(self.rng.expovariate(rate / 365)) + 14))
            if adoption_on and start < adoption_on <= on:
                journey.add(next_wd(adoption_on), "move", **self._described("A5"))
                return
            if on >= until or on > journey.world.today:
                return
            age = min(journey.child.age_on(on), 17)
            journey.add(on, "move", **self._placement(age))

    def _leave_care(self, started: date, on: date) -> tuple[None, None]:
        """At 18: care ends, the CIN episode closes, and a pathway plan runs until 21."""
        journey = self.journey
        journey.add(on, "end_care", reason=journey.pick(LEAVING_AT_18))
        _, closed = journey.close(on, "RC7")
        if (on - started).days >= CARE_LEAVER_WEEKS * 7:
            journey.allocate(closed, journey.team_for("care_leavers"))
            journey.add(closed, "start_plan", kind="pathway")
            journey.add(next_wd(journey.child.birthday(21)), "end_plan", kind="pathway",
                        reason="Reached 21")  # fmt: skip
        return None, None
