"""Recurring work while a plan runs: visits, reviews, management oversight, missing
episodes and care leavers' circumstances.

Each routine knows when it next happens and records it through the recorder (and so
through the casework services). How soon the next one follows depends on the practice
of the team the child is allocated to at the time, so a team that visits late leaves
visits overdue on the last simulated day.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from oversight.casework.models import Placement, Plan
from oversight.casework.policy import current_policy
from oversight.synth.world import wd, wd_before
from oversight.timescales import add_months

if TYPE_CHECKING:
    from oversight.synth.recorder import ChildRecorder

# The reviews that follow one another (as the casework services open them).
NEXT_REVIEW = {
    "cla-first-review": "cla-second-review",
    "cla-second-review": "cla-next-review",
    "cla-next-review": "cla-next-review",
    "pathway-plan-review": "pathway-plan-review",
}
OVERSIGHT_KIND = {"cp": "cp", "cin": "cin", "care": "cla", "pathway": "care-leaver"}


class Routine:
    """Something that happens again and again; ``next_on`` is None when it has stopped."""

    next_on: date | None = None

    def __init__(self, recorder: ChildRecorder) -> None:
        self.recorder = recorder
        self.rng = recorder.rng

    def fire(self, on: date) -> None:
        raise NotImplementedError


class Visits(Routine):
    """CP and CIN visits, every few working days by the team's practice."""

    def __init__(self, recorder: ChildRecorder, kind: str, plan: Plan, start: date) -> None:
        super().__init__(recorder)
        self.kind, self.plan = kind, plan
        self.next_on = wd(start, self.rng.randint(1, 5))

    def fire(self, on: date) -> None:
        self.recorder.visit(self.kind, on, self.plan)
        self.next_on = wd(on, self.recorder.practice.visit_gap(self.rng, self.kind))


class CalendarVisits(Routine):
    """Visits whose rules are in weeks and months: children in care and care leavers."""

    def __init__(
        self, recorder: ChildRecorder, kind: str, plan: Plan, start: date,
        placement: Placement | None = None,
    ) -> None:  # fmt: skip
        super().__init__(recorder)
        self.kind, self.plan, self.placement = kind, plan, placement
        self.next_on = self._first(start) if kind == "cla" else self._after(start)

    def placement_changed(self, placement: Placement, on: date) -> None:
        self.placement = placement
        self.next_on = self._first(on)

    def fire(self, on: date) -> None:
        self.recorder.visit(self.kind, on, self.plan, self.placement)
        self.next_on = self._after(on)

    def _first(self, placed: date) -> date:
        """The first visit in a placement is due within a week."""
        days = self.rng.randint(1, 7) if self._on_time() else self.rng.randint(8, 14)
        return wd_before(placed + timedelta(days=days), 0)

    def _after(self, visited: date) -> date:
        placement = self.placement
        settled = (placement is not None and placement.long_term
                   and visited >= add_months(placement.started_on, 12))  # fmt: skip
        if self.kind == "pa":
            usual, late = (30, 60), (62, 80)  # at least every 2 months
        elif settled:
            usual, late = (50, 90), (93, 110)  # long-term placements: every 3 months
        else:
            usual, late = (21, 42), (43, 56)  # every 6 weeks
        days = self.rng.randint(*usual) if self._on_time() else self.rng.randint(*late)
        return max(wd(visited, 1), wd_before(visited + timedelta(days=days), 0))

    def _on_time(self) -> bool:
        practice = self.recorder.practice
        share = practice.pa_visit_on_time if self.kind == "pa" else practice.cla_visit_on_time
        return self.rng.random() < share


class Reviews(Routine):
    """Child in care reviews and pathway plan reviews, held near their due dates."""

    def __init__(self, recorder: ChildRecorder, kind: str, plan: Plan, start: date) -> None:
        super().__init__(recorder)
        self.kind, self.plan = kind, plan
        self.rule = "cla-first-review" if kind == "cla" else "pathway-plan-review"
        self.next_on = self._held(current_policy().due_date(self.rule, start), start)

    def fire(self, on: date) -> None:
        self.recorder.review(self.kind, on, self.plan)
        self.rule = NEXT_REVIEW[self.rule]
        self.next_on = self._held(current_policy().due_date(self.rule, on), on)

    def _held(self, due: date, after: date) -> date:
        if self.rng.random() < self.recorder.practice.review_on_time:
            return max(wd(after, 1), wd_before(due, self.rng.randint(0, 8)))
        return wd(due, self.rng.randint(1, 20))


class ChildInNeedReviews(Routine):
    """CIN plan reviews, about every three months (no statutory clock)."""

    def __init__(self, recorder: ChildRecorder, plan: Plan, start: date) -> None:
        super().__init__(recorder)
        self.plan = plan
        self.next_on = self._next(start)

    def fire(self, on: date) -> None:
        self.recorder.review("cin", on, self.plan)
        self.next_on = self._next(on)

    def _next(self, after: date) -> date:
        return wd_before(add_months(after, 3) + timedelta(days=self.rng.randint(-10, 15)), 0)


class Oversight(Routine):
    """Management oversight while any plan runs, as often as the tightest policy asks."""

    def schedule(self, after: date) -> None:
        interval = self._interval()
        if interval is None:
            self.next_on = None
            return
        gap = self.recorder.practice.oversight_gap(self.rng, interval)
        self.next_on = wd(after, gap)

    def plan_started(self, on: date) -> None:
        before = self.next_on
        self.schedule(on)
        if before is not None and self.next_on is not None:
            self.next_on = min(before, self.next_on)

    def fire(self, on: date) -> None:
        self.recorder.oversight(on, "supervision")

    def _interval(self) -> int | None:
        days = current_policy().oversight_working_days
        kinds = [OVERSIGHT_KIND[kind] for kind in self.recorder.plans]
        return min((days[kind] for kind in kinds), default=None)


class Missing(Routine):
    """A child in care who goes missing from time to time, with return interviews; or,
    ``away``, who is away from placement without authorisation (no interview follows),
    drawn from a stream of its own (``rng``)."""

    def __init__(
        self, recorder: ChildRecorder, start: date, per_year: float, *, away: bool = False,
        rng: random.Random | None = None,
    ) -> None:  # fmt: skip
        super().__init__(recorder)
        self.per_year, self.away = per_year, away
        self.rng = rng or self.rng
        self.next_on = self._next(start)

    def fire(self, on: date) -> None:
        today = self.recorder.world.today
        returned = on + timedelta(days=self.rng.choice((0, 0, 1, 1, 2, 3)))
        interview = None
        if not self.away:
            on_time = self.rng.random() < self.recorder.practice.cla_visit_on_time
            interview = returned + timedelta(
                days=self.rng.randint(0, 3) if on_time else self.rng.randint(4, 12)
            )
        self.recorder.missing(
            on, returned if returned <= today else None,
            interview if interview is not None and interview <= today else None, away=self.away,
        )  # fmt: skip
        self.next_on = self._next(max(returned, on))

    def _next(self, after: date) -> date:
        return after + timedelta(days=round(self.rng.expovariate(self.per_year / 365)) + 1)


def run_until(routines: dict[str, Routine], day: date) -> None:
    """Fire every routine due on or before ``day``, earliest first."""
    while True:
        due = [(r.next_on, name) for name, r in routines.items() if r.next_on and r.next_on <= day]
        if not due:
            return
        _, name = min(due)
        routines[name].fire(routines[name].next_on)  # type: ignore[arg-type]
