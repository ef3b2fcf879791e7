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
record as it was.
"""

from __future__ import annotations

import random
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


def year_end(on: date) -> date:
    """31 March ending the year (1 April to 31 March) that ``on`` falls in."""
    return date(on.year + (on.month > 3), 3, 31)


class HealthChecks(Routine):
    """While the child is in care: her health assessments and dental checks, in date
    order."""

    def __init__(
        self, recorder: ChildRecorder, plan: Plan, start: date, rng: random.Random
    ) -> None:
        super().__init__(recorder)
        self.rng, self.plan = rng, plan
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
            self.dental_on = self._dental_in_year_from(year_end(on) + timedelta(days=1))
        self.next_on = min(self.assessment_on, self.dental_on)

    def _dental_in_year_from(self, start: date) -> date:
        """The day of the dental check in the year to 31 March from ``start``; in a year
        with none, the first of the years after with one."""
        while self.rng.random() >= CLA_DENTAL_CHECKED:
            start = year_end(start) + timedelta(days=1)
        return start + timedelta(days=self.rng.randint(0, (year_end(start) - start).days))

    def _by(self, due: date, after: date) -> date:
        """The day an assessment due on ``due`` is done: mostly by then, else late."""
        if self.rng.random() < CLA_HEALTH_ASSESSED:
            return max(wd(after, 1), wd_before(due, self.rng.randint(0, 15)))
        return due + timedelta(days=self.rng.randint(*LATE_BY_DAYS))

    def _record(self, kind: str, on: date) -> None:
        services.record_health_check(
            self.plan, kind=kind, done_on=on, by=self.recorder.worker, origin="synth"
        )
