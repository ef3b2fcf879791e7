"""The permanence plans of a synthetic child in care: how the care plan means the child to
have a permanent home, made by the second review and changed as the journey goes.

The Care Planning, Placement and Case Review (England) Regulations 2010 and their guidance
expect a permanence plan by the child's second review, about four months into care. The
plan agrees with the journey already planned, including its part after today: adoption for
a child who will have a decision that she be placed for adoption (before the decision);
a return to family for a child who goes home; special guardianship or a child arrangements
order for a child who leaves care under one. A child who stays in care has the plan her
placement speaks for: long-term fostering in foster care, a long-term residential
placement or supported living for an older child in a children's home or in supported
accommodation, a return to family for a child placed with her parents.

The shares are stated assumptions (no national figures count these plans). Some children's
first plan is a return home, while the court and the assessments run, changed at the next
review to where the journey goes: more often for younger children. The plan of a child
who stays in care follows her placement at later reviews, half the time. Most teams make
the plan by the second review (``Practice.permanence_plan_on_time``); a late one comes at a
later review, or not at all when care ends first. Whatever the team, a decision to place
for adoption has an adoption plan before it (on the working day before, if no review made
one), a reversed decision changes the plan that day, and a child with a plan who goes home
or leaves care under an order has that as her plan before she leaves.

Drawn from a stream of the child's own, so that recording the plans leaves every other
record as it was. Recording is the caller's (``record``): the planning here is plain.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from oversight.casework.models import PermanenceOption
from oversight.codes.groups import ADOPTED, FOSTER_CARE
from oversight.synth.draws import Weights
from oversight.synth.journey import Step
from oversight.synth.people import ChildProfile
from oversight.synth.practice import Practice
from oversight.synth.world import wd_before
from oversight.timescales import add_months

ADOPTION = PermanenceOption.ADOPTION.value
RETURN_TO_FAMILY = PermanenceOption.RETURN_TO_FAMILY.value
SGO_CAO = PermanenceOption.SGO_CAO.value
SUPPORTED_LIVING = PermanenceOption.SUPPORTED_LIVING.value
RESIDENTIAL = PermanenceOption.RESIDENTIAL.value
LONG_TERM_FOSTERING = PermanenceOption.LONG_TERM_FOSTERING.value
OTHER = PermanenceOption.OTHER.value

SECOND_REVIEW = 2
RETURNED_HOME = frozenset({"E4A", "E4B"})
UNDER_AN_ORDER = frozenset({"E41", "E45", "E46", "E47", "E48"})  # CAO, or special guardianship
RESIDENTIAL_PLACEMENTS = frozenset({"K1", "K2", "R1", "S1"})
SUPPORTED_ACCOMMODATION = frozenset({"H5", "K3", "P2"})
WITH_PARENTS = "P1"
OLDER_FROM = 12  # an older child: a children's home can be where she stays
# The first plan is a return home, for a child whose journey goes elsewhere.
HOME_FIRST = {"younger": 0.35, "older": 0.15}
# Only when the journey turns well after the plan, so the next review (six months on)
# can change it in time.
HOME_FIRST_HOLDS_MONTHS = 7
FOLLOWS_PLACEMENT = 0.5  # at a later review, a stayer's plan follows her placement
# A child who stays, in a placement that speaks for no plan (a young child in a home).
STAYING_OTHERWISE = Weights({LONG_TERM_FOSTERING: 60, RESIDENTIAL: 25, OTHER: 15})


@dataclass(frozen=True)
class PeriodOfCare:
    """What the planned journey says of one period of care."""

    began: date
    ended: date | None = None
    reason: str = ""  # why care ended
    decided: date | None = None  # the decision that the child be placed for adoption
    reversed_on: date | None = None  # the decision reversed

    def destination(self, on: date) -> str | None:
        """Where the journey goes, as it stands on ``on``; ``None`` for a child who stays."""
        if self.reason in ADOPTED:
            return ADOPTION
        if self.decided is not None and (self.reversed_on is None or on < self.reversed_on):
            return ADOPTION
        if self.reason in RETURNED_HOME:
            return RETURN_TO_FAMILY
        if self.reason in UNDER_AN_ORDER:
            return SGO_CAO
        return None

    def turns_on(self) -> date | None:
        """When the journey turns: the decision to place for adoption, or the end of care."""
        return self.decided or self.ended


def periods_of_care(journey: Iterable[Step]) -> dict[date, PeriodOfCare]:
    """Each period of care in ``journey`` (steps in date order), by the day it began."""
    periods: dict[date, PeriodOfCare] = {}
    began: date | None = None
    for step in journey:
        if step.kind == "start_care":
            began = step.on
            periods[began] = PeriodOfCare(began)
        elif began is None:
            continue
        elif step.kind == "decide_adoption" and periods[began].decided is None:
            periods[began] = replace(periods[began], decided=step.on)
        elif step.kind == "reverse_adoption":
            periods[began] = replace(periods[began], reversed_on=step.on)
        elif step.kind == "end_care":
            periods[began] = replace(periods[began], ended=step.on, reason=step.detail["reason"])
            began = None
    return periods


def where_she_stays(placement_type: str, age: int, otherwise: str) -> str:
    """The plan for a child who stays in care, by where she lives."""
    if placement_type == WITH_PARENTS:
        return RETURN_TO_FAMILY
    if placement_type in SUPPORTED_ACCOMMODATION:
        return SUPPORTED_LIVING
    if placement_type in RESIDENTIAL_PLACEMENTS and age >= OLDER_FROM:
        return RESIDENTIAL
    if placement_type in FOSTER_CARE:
        return LONG_TERM_FOSTERING
    return otherwise


class PermanencePlanning:
    """The permanence plans of one child's periods of care, made as her journey is
    recorded: ``record(day, option)`` records each one under the current care plan."""

    def __init__(
        self, rng: random.Random, profile: ChildProfile, journey: Iterable[Step],
        record: Callable[[date, str], None],
    ) -> None:  # fmt: skip
        self.rng, self.profile, self.record = rng, profile, record
        self.periods = periods_of_care(journey)
        self.period = PeriodOfCare(date.min)
        self.option: str | None = None  # the current plan, made on ``since``
        self.since: date | None = None
        self.reviews = 0
        self.due_at = SECOND_REVIEW  # the review that makes the first plan
        self.change_at: int | None = None  # the review that changes a first plan to go home
        self.home_first = False
        self.otherwise = OTHER

    # What the recorder tells -----------------------------------------------------------

    def care_began(self, on: date, practice: Practice) -> None:
        rng = self.rng
        self.period = self.periods.get(on, PeriodOfCare(on))
        self.option, self.since, self.reviews, self.change_at = None, None, 0, None
        on_time = rng.random() < practice.permanence_plan_on_time
        self.due_at = SECOND_REVIEW if on_time else rng.randint(*practice.permanence_plan_late)
        age = "older" if self.profile.age_on(on) >= OLDER_FROM else "younger"
        self.home_first = rng.random() < HOME_FIRST[age]
        self.otherwise = STAYING_OTHERWISE.draw(rng)

    def reviewed(self, on: date, placement_type: str) -> None:
        """A child in care review, held on ``on``: the plan is made, or may change."""
        self.reviews += 1
        if self.option is None:
            if self.reviews >= self.due_at:
                self._first(on, placement_type)
        else:
            home_first_ends = self.change_at is not None and self.reviews >= self.change_at
            if home_first_ends or self.rng.random() < FOLLOWS_PLACEMENT:
                self._plan(on, self._going_to(on, placement_type))

    def deciding_adoption(self, on: date) -> None:
        """Before the decision that the child be placed for adoption."""
        self._before(on, ADOPTION)

    def adoption_reversed(self, on: date, placement_type: str) -> None:
        if self.option is not None:
            self._plan(on, self._going_to(on, placement_type))

    def care_ending(self, on: date) -> None:
        leaving_to = self.period.destination(on)
        if self.option is not None and leaving_to is not None:
            self._before(on, leaving_to)

    # The plans ---------------------------------------------------------------------------

    def _going_to(self, on: date, placement_type: str) -> str:
        age = self.profile.age_on(on)
        return self.period.destination(on) or where_she_stays(placement_type, age, self.otherwise)

    def _first(self, on: date, placement_type: str) -> None:
        going_to, turns = self._going_to(on, placement_type), self.period.turns_on()
        holds = turns is None or turns > add_months(on, HOME_FIRST_HOLDS_MONTHS)
        if self.home_first and going_to != RETURN_TO_FAMILY and holds:
            self._plan(on, RETURN_TO_FAMILY)
            self.change_at = self.reviews + 1
        else:
            self._plan(on, going_to)

    def _before(self, on: date, option: str) -> None:
        """The plan says ``option`` before ``on``: on the working day before, or that day."""
        day = wd_before(on, 1)
        if day < self.period.began or (self.since is not None and day <= self.since):
            day = on
        self._plan(day, option)

    def _plan(self, on: date, option: str) -> None:
        if option == self.option or (self.since is not None and on <= self.since):
            return
        self.record(on, option)
        self.option, self.since, self.change_at = option, on, None
