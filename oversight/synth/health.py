"""The health assessments and dental checks of a synthetic child in care.

The initial health assessment falls due 20 working days after care begins, then a
review every 6 months under 5 and every 12 from 5 (``services.health``). Most are done
by their day, some late. A dental check comes once in most years (1 April to 31 March),
on a day drawn in the year; in the other years, none. The shares: lait LACHealth%, 2025
(90% of children looked after for a year have their health assessments up to date) and
LACDental%, 2025 (81% had their teeth checked in the year); how late the late ones are,
and how soon the initial assessment comes, are assumptions (no national figure counts
them).

Drawn from a stream of the child's own, so that recording the checks leaves every other
record as it was, but for the year's outcomes (OC2), whose health assessment and teeth
check items say what the checks were (``HealthLog.outcomes``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from oversight.casework import services
from oversight.casework.models import HealthCheckKind, Plan
from oversight.casework.policy import current_policy
from oversight.casework.services.health import next_review_rule
from oversight.synth.rates import CLA_DENTAL_CHECKED, CLA_HEALTH_ASSESSED
from oversight.synth.routines import Routine
from oversight.synth.world import wd, wd_before

if TYPE_CHECKING:
    from oversight.synth.recorder import ChildRecorder

ASSESSMENT = HealthCheckKind.HEALTH_ASSESSMENT.value
DENTAL = HealthCheckKind.DENTAL_CHECK.value
LATE_BY_DAYS = (1, 90)  # how late a late assessment is done


def end_of_year(on: date) -> date:
    """31 March ending the year (1 April to 31 March) that ``on`` falls in."""
    return date(on.year + (on.month > 3), 3, 31)


@dataclass
class Planned:
    """One period of care's health assessments as planned (each due day and the day it is
    done, which may fall after today or after care ends) and its dental checks."""

    assessments: list[tuple[date, date]] = field(default_factory=list)
    dental: list[date] = field(default_factory=list)


@dataclass
class HealthLog:
    """A child's health assessments and dental checks, by the period of care they belong
    to: what the year's outcomes say of her."""

    periods: dict[date, Planned] = field(default_factory=dict)

    def period(self, began: date) -> Planned:
        return self.periods.setdefault(began, Planned())

    def outcomes(self, year_end: date) -> dict[str, bool]:
        """The OC2 items of the year to ``year_end`` (she was looked after all of it):
        her health assessments were up to date if none was overdue on any day of the year,
        and her teeth checked if a dentist saw her in it."""
        start = date(year_end.year - 1, 4, 1)
        began = max((b for b in self.periods if b <= start), default=None)
        if began is None:
            return {}  # not known: no period of care recorded here holds the year
        planned = self.periods[began]
        overdue = any(done > due and due < year_end and done > start
                      for due, done in planned.assessments)  # fmt: skip
        return {
            "health_assessment": not overdue,
            "teeth_check": any(start <= on <= year_end for on in planned.dental),
        }


class HealthChecks(Routine):
    """While the child is in care: her health assessments and dental checks, in date
    order, kept in ``log`` too."""

    def __init__(
        self, recorder: ChildRecorder, plan: Plan, start: date, rng: random.Random,
        log: HealthLog,
    ) -> None:  # fmt: skip
        super().__init__(recorder)
        self.rng, self.plan, self.log = rng, plan, log.period(start)
        initial = current_policy().due_date("health-assessment-initial", start)
        self.assessment_on = self._by(initial, after=start)
        self.dental_on = self._dental_in_year_from(start)
        self.next_on = min(self.assessment_on, self.dental_on)

    def fire(self, on: date) -> None:
        if on == self.assessment_on:
            self._record(ASSESSMENT, on)
            rule = next_review_rule(self.recorder.child, on)
            self.assessment_on = self._by(current_policy().due_date(rule, on), after=on)
        if on == self.dental_on:
            self._record(DENTAL, on)
            self.log.dental.append(on)
            self.dental_on = self._dental_in_year_from(end_of_year(on) + timedelta(days=1))
        self.next_on = min(self.assessment_on, self.dental_on)

    def _dental_in_year_from(self, start: date) -> date:
        """The day of the dental check in the year to 31 March from ``start``; in a year
        with none, the first of the years after with one."""
        while self.rng.random() >= CLA_DENTAL_CHECKED:
            start = end_of_year(start) + timedelta(days=1)
        return start + timedelta(days=self.rng.randint(0, (end_of_year(start) - start).days))

    def _by(self, due: date, after: date) -> date:
        """The day an assessment due on ``due`` is done: mostly by then, else late."""
        if self.rng.random() < CLA_HEALTH_ASSESSED:
            done = max(wd(after, 1), wd_before(due, self.rng.randint(0, 15)))
        else:
            done = due + timedelta(days=self.rng.randint(*LATE_BY_DAYS))
        self.log.assessments.append((due, done))
        return done

    def _record(self, kind: str, on: date) -> None:
        services.record_health_check(
            self.plan, kind=kind, done_on=on, by=self.recorder.worker, origin="synth"
        )
