"""Recording a child's social worker episodes from the return, as allocations.

An episode is the child's allocation to the worker whose Social Work England number is
SW_ID, in that worker's team, from SW_DECOM, ended on SW_DEC when given, with SW_REASON
as the reason the social worker changed (``services.allocate``). Episodes are taken in
the order they began, and matched with the records by worker and day: an allocation
already held is not recorded again (a different end is noted). What cannot be recorded
is noted, never dropped: a SW_ID that is no user's number here (or a worker in no team),
a blank start, and an episode beginning before an allocation the records already hold
(the records are kept as they are).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from oversight.casework import services
from oversight.casework.models import Child
from oversight.casework.services import CaseworkError
from oversight.exchange.importing import DIFFERENT
from oversight.exchange.ssda903.load_file import Row

if TYPE_CHECKING:
    from oversight.exchange.ssda903.load_child import ChildImport

TABLE = "social_worker_episodes"
NO_SUCH_WORKER = "is not the Social Work England number of a worker in a team here: not kept"
NO_START = "is blank: the episode is not kept"
LATER_HELD = "the records hold a later allocation of the child, which is kept: not kept"
# The return's field behind each field ``allocate`` or ``end_allocation`` names.
FIELDS = {"worker": "SW_ID", "change_reason": "SW_REASON", "start_on": "SW_DECOM",
          "end_on": "SW_DEC"}  # fmt: skip


class SocialWorkersImport:
    def __init__(self, of: ChildImport, child: Child) -> None:
        self.of, self.child, self.stored = of, child, of.stored

    def record(self) -> None:
        rows = self.of.filed.table(TABLE)
        for row in sorted(rows, key=lambda r: (r["SW_DECOM"] is not None, r["SW_DECOM"])):
            try:
                self._episode(row)
            except CaseworkError as error:
                raise self.of.refused(error, row, FIELDS.get(error.field)) from None

    def _episode(self, row: Row) -> None:
        worker = self.stored.workers.get((row["SW_ID"] or "").upper())
        start, end = row["SW_DECOM"], row["SW_DEC"]
        if worker is None or worker.team is None:
            self.of.note("SW_ID", NO_SUCH_WORKER, row)
            return
        if start is None:
            self.of.note("SW_DECOM", NO_START, row)
            return
        held = self.stored.allocation_from(self.child.pk, worker.pk, start)
        if held is None:
            if self.stored.allocated_after(self.child.pk, start):
                self.of.note("SW_DECOM", LATER_HELD, row)
                return
            held = services.allocate(self.child, worker.team, worker, start,
                                     origin=self.of.origin(row),
                                     change_reason=row["SW_REASON"] or "")  # fmt: skip
            self.stored.add_allocation(held)
            self.of.created["allocations"] += 1
        if end is None or held.end_on == end:
            return
        if held.end_on is None and held is self.stored.current_allocation(self.child.pk):
            services.end_allocation(self.child, end)
            held.end_on = end
        else:
            self.of.note("SW_DEC", DIFFERENT, row)
