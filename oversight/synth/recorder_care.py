"""What a child's recorder does while the child is in care: care begins, moves, a new legal
status, adoption decided, matched and reversed, the permanence plan, and care ending.

A part of ``recorder.ChildRecorder`` (its steps are called by name, ``_<kind>``), kept
apart for the recorder's size; it uses the recorder's child, placements, plans, routines
and streams.
"""

from __future__ import annotations

from datetime import date

from oversight.casework import services
from oversight.synth.health import HealthChecks
from oversight.synth.permanence import previous_permanence
from oversight.synth.routines import CalendarVisits, Missing, Reviews

ORIGIN = "synth"
# Children of 11 and over in care who are at times away from placement without
# authorisation, and how often a year: assumptions that give, with the ages in care,
# about the share of children in care away in a year that England has (CLA_AWAY_SHARE).
AWAY_SHARE_OF_OLDER = 0.07
AWAY_PER_YEAR = (1.0, 3.0)


class CareSteps:
    @property
    def home_postcode(self) -> str:
        """An unaccompanied child's home is not known (the DfE asks for no distance from it:
        rule 406); any other child's is the family's."""
        return "" if self.profile.uasc else self.places.home

    def _start_care(self, on: date, legal_status: str, placement_type: str, provider: str,
                    long_term: bool) -> None:  # fmt: skip
        self.care_began = on
        self.episode, self.placement, plan = services.start_care_episode(
            self.child, started_on=on, legal_status=legal_status, placement_type=placement_type,
            provider=provider, long_term=long_term, home_postcode=self.home_postcode,
            **self.places.where(placement_type, provider), by=self.worker, origin=ORIGIN,
        )  # fmt: skip
        self.plans["care"] = plan
        self.permanence.care_began(on, self.practice)
        services.record_previous_permanence(
            self.episode, **previous_permanence(self.permanence_rng, self.profile, on)
        )
        self.routines["cla"] = CalendarVisits(self, "cla", plan, on, self.placement)
        self.routines["cla-review"] = Reviews(self, "cla", plan, on)
        self.routines["health"] = HealthChecks(self, plan, on, self.health_rng, self.health_log)
        missing_rate = self._missing_per_year(on)
        if missing_rate:
            self.routines["missing"] = Missing(self, on, missing_rate)
        if self.profile.age_on(on) >= 11 and self.away_rng.random() < AWAY_SHARE_OF_OLDER:
            rate = self.away_rng.uniform(*AWAY_PER_YEAR)
            self.routines["away"] = Missing(self, on, rate, away=True, rng=self.away_rng)
        self._decision_note(on, "care")
        self.oversight_routine.plan_started(on)

    def _missing_per_year(self, on: date) -> float:
        # Most missing children in care are teenagers (CLA_MISSING_SHARE a year in all).
        if self.profile.age_on(on) < 11 or self.rng.random() >= 0.3:
            return 0.0
        return self.rng.uniform(2.0, 8.0)

    def _move(self, on: date, placement_type: str, provider: str, long_term: bool,
              change_reason: str = "") -> None:  # fmt: skip
        assert self.episode is not None and self.placement is not None
        current = self.placement
        # A change in the status of the placement only (PLACE) is the same provision.
        same = change_reason == "PLACE"
        where = ({"postcode": current.postcode, "urn": current.urn} if same
                 else self.places.where(placement_type, provider, current))  # fmt: skip
        self.placement = services.change_placement(
            self.episode, current, on=on, placement_type=placement_type,
            change_reason=change_reason, provider=provider, long_term=long_term, **where,
            by=self.worker, origin=ORIGIN,
        )  # fmt: skip
        visits = self.routines.get("cla")
        if isinstance(visits, CalendarVisits):
            visits.placement_changed(self.placement, on)

    def _change_legal_status(self, on: date, legal_status: str) -> None:
        assert self.episode is not None and self.placement is not None
        self.episode, self.placement = services.change_legal_status(
            self.episode, self.placement, on=on, legal_status=legal_status, by=self.worker,
            origin=ORIGIN,
        )  # fmt: skip
        visits = self.routines.get("cla")
        if isinstance(visits, CalendarVisits):
            visits.placement = self.placement  # the same placement: visits run on

    def _decide_adoption(self, on: date) -> None:
        assert self.episode is not None
        self.permanence.deciding_adoption(on)
        decision = services.record_adoption_decision(
            self.episode, decided_on=on, held=self.adoption_decisions,
            period_began=self.care_began, by=self.worker, origin=ORIGIN,
        )  # fmt: skip
        self.adoption_decisions.append(decision)

    def _match_adoption(self, on: date, adopters_sex: str, adopters_legal_status: str) -> None:
        # With the LA's own adopters, their sex and legal status are the household's.
        household = None
        if on in self.matches:
            household, adopters_sex, adopters_legal_status = self.matches[on]
        services.record_adoption_match(
            self.adoption_decisions[-1], matched_on=on, adopters_sex=adopters_sex,
            adopters_legal_status=adopters_legal_status, household=household,
        )  # fmt: skip

    def _reverse_adoption(self, on: date, reason: str) -> None:
        services.reverse_adoption_decision(self.adoption_decisions[-1], reversed_on=on,
                                           reason=reason)  # fmt: skip
        assert self.placement is not None
        self.permanence.adoption_reversed(on, self.placement.placement_type)

    def _end_care(self, on: date, reason: str) -> None:
        assert self.episode is not None and self.placement is not None
        self.permanence.care_ending(on)
        services.end_care_episode(
            self.episode, self.placement, self.plans["care"], ended_on=on, reason_ceased=reason
        )
        self._plan_ended("care", on)

    def _permanence_plan(self, on: date, option: str) -> None:
        services.record_permanence_plan(
            self.plans["care"], option=option, decided_on=on, by=self.worker, origin=ORIGIN
        )
