"""Social workers come and go, and children's social workers change.

Each practitioner's post in a team is held by one worker after another (``Post``): a
permanent worker leaves at the published rate, an agency worker after a short stay, and
the next holder starts the day the last one leaves. While a child is allocated, their
social worker changes (``Handover``) when theirs leaves, and for the other reasons LAs
record (caseload management, absence, a request by the child or a parent...).

When a worker leaves, their children stay allocated to them until the team manager
reallocates them, a few working days later, to whoever holds the post then (reason
LEFTRL); meanwhile the manager covers the work (visits, reviews), and should the manager
leave too, the next one. Managers come and go as permanent workers do. A child whose worker
left in the last days before today is still waiting, as the team's page shows.

Published (``rates.py``): permanent social workers leaving in the year (11.8%), and the
share of children looked after at 31 March with three or more social workers during the
year (27%), which the other changes are tuned to. Assumptions, no national figure
existing: how long agency workers stay, how soon a leaver's children are reallocated,
and the reasons for the other changes.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from oversight.casework import services
from oversight.synth.draws import Weights
from oversight.synth.posts import YEAR, Post
from oversight.synth.recorder_care import ORIGIN
from oversight.synth.routines import Routine
from oversight.synth.world import wd

if TYPE_CHECKING:
    from oversight.synth.recorder import ChildRecorder

# The handover's name among a child's routines: first in order of names, so that on the day
# a worker leaves it runs before the day's visits and reviews.
HANDOVER = "allocation"
# Assumption: why a child's social worker changes, other than their worker leaving (the
# DfE's reasons for a change of social worker, SSDA903 SW_REASON).
OTHER_REASONS = Weights(
    {"MANAGE": 45, "ABSENC": 20, "ORGRST": 10, "CHCHAN": 5, "PCCHAN": 5, "OTHERS": 15}
)


class Handover(Routine):
    """The next change of the child's social worker while the allocation lasts: when
    theirs leaves (covered by the manager until the child is reallocated), or for another
    reason, whichever comes first."""

    def __init__(self, recorder: ChildRecorder, post: Post, on: date) -> None:
        super().__init__(recorder)
        self.rng = recorder.handover_rng
        self.post = post
        self.schedule(on)

    def schedule(self, on: date) -> None:
        other = on + timedelta(days=max(1, round(self.rng.expovariate(
            self.recorder.practice.other_worker_changes) * YEAR)))  # fmt: skip
        leaving = self.post.tenure_on(on).left
        self.leaves = leaving is not None and leaving <= other
        self.covering = False  # the manager covers from the day the worker leaves
        self.reallocated_on = date.max  # when the manager reallocates the child, once known
        self.next_on = leaving if self.leaves else other

    def fire(self, on: date) -> None:
        recorder = self.recorder
        if self.leaves and not self.covering:
            self.covering = True
            self.reallocated_on = wd(on, self.rng.choice(recorder.practice.reallocation_days))
            self.cover(on)
            return
        if self.covering and on < self.reallocated_on:  # the covering manager left
            self.cover(on)
            return
        if recorder.stepping_on is not None and on >= recorder.stepping_on:
            # The journey's own step that day may move the child: the change waits a day.
            self.next_on = wd(on, 1)
            return
        if self.leaves:
            post, reason = self.post, "LEFTRL"
        else:
            post, reason = self.another_post(recorder, on), OTHER_REASONS.draw(self.rng)
        worker = post.holder_on(on)
        if worker is recorder.worker:  # nobody else in post to take the child
            self.schedule(on)
            return
        assert recorder.team is not None
        services.allocate(recorder.child, recorder.team, worker, on, by=recorder.manager_on(on),
                          origin=ORIGIN, change_reason=reason)  # fmt: skip
        recorder.worker, self.post = worker, post
        self.schedule(on)

    def cover(self, on: date) -> None:
        """The team's manager that day covers the work until the child is reallocated, or
        until they leave themselves, when the next manager takes over the cover."""
        recorder = self.recorder
        assert recorder.team is not None
        manager = recorder.staff.managers[recorder.team.name].tenure_on(on)
        recorder.worker = manager.worker
        left = manager.left
        leaves_first = left is not None and on < left < self.reallocated_on
        self.next_on = left if leaves_first else self.reallocated_on

    def another_post(self, recorder: ChildRecorder, on: date) -> Post:
        assert recorder.team is not None
        posts = recorder.staff.practitioners[recorder.team.name]
        others = [p for p in posts if p.holder_on(on) is not recorder.worker]
        return self.rng.choice(others) if others else self.post
