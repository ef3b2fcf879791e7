"""Open deadlines as a person reads them: what is due, for which child, and how late.

The queries are ``casework.worklists``; this module only shapes their rows for pages.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse

from oversight.accounts.models import User
from oversight.casework.models import Child, Deadline
from oversight.casework.policy import current_policy
from oversight.timescales import TimescaleStatus
from oversight.web.permissions import reads_audits, reads_escalations
from oversight.web.words import person, rule_title

TAG_COLOURS = {
    TimescaleStatus.OVERDUE: "govuk-tag--red",
    TimescaleStatus.DUE_SOON: "govuk-tag--yellow",
    TimescaleStatus.ON_TIME: "govuk-tag--green",
    TimescaleStatus.LATE: "govuk-tag--orange",
}


@dataclass(frozen=True)
class WorkItem:
    deadline: Deadline
    status: TimescaleStatus
    working_days_overdue: int

    @property
    def child(self) -> Child:
        return self.deadline.child

    @property
    def what(self) -> str:
        return rule_title(self.deadline.rule)

    @property
    def due_on(self) -> date:
        return self.deadline.due_on

    @property
    def worker(self) -> str:
        return person(self.deadline.worker)

    @property
    def tag_class(self) -> str:
        return TAG_COLOURS[self.status]

    @property
    def is_overdue(self) -> bool:
        return self.status == TimescaleStatus.OVERDUE


def work_item(deadline: Deadline, today: date) -> WorkItem:
    calendar = current_policy().calendar()
    overdue = max(calendar.working_days_between(deadline.due_on, today), 0)
    return WorkItem(deadline, deadline.status(today), overdue)


def work_items(deadlines: Iterable[Deadline], today: date) -> list[WorkItem]:
    return [work_item(deadline, today) for deadline in deadlines]


def children_in(items: Iterable[WorkItem]) -> set[int]:
    """The children a worklist names, for the access log."""
    return {item.deadline.child_id for item in items}


@dataclass
class WorkerGroup:
    """One worker's share of a team's work, with its counts."""

    name: str
    items: list[WorkItem] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(item.is_overdue for item in self.items)

    @property
    def due_soon(self) -> int:
        return len(self.items) - self.overdue


def by_worker(items: list[WorkItem]) -> list[WorkerGroup]:
    """Items grouped by worker, most overdue first; work with no worker comes last."""
    groups: dict[int | None, WorkerGroup] = {}
    for item in items:
        worker: User | None = item.deadline.worker
        key = worker.pk if worker else None
        groups.setdefault(key, WorkerGroup(item.worker)).items.append(item)
    named = sorted(
        (g for k, g in groups.items() if k is not None), key=lambda g: (-g.overdue, g.name)
    )
    return named + ([groups[None]] if None in groups else [])


def subject_link(deadline: Deadline, user: User) -> str | None:
    """The page of the record behind a follow-up (an escalation, an audit action), when the
    user may open it; None otherwise, and for every other deadline."""
    kind, _, pk = deadline.subject.partition(":")
    if not pk.isdigit():
        return None
    if kind == "escalation":
        from oversight.web.views.escalations import escalation_link, escalations_for

        mine = escalations_for(user).filter(pk=int(pk)).exists()
        return escalation_link(int(pk)) if mine and reads_escalations(user) else None
    if kind == "audit-action" and reads_audits(user):
        from oversight.quality.models import AuditAction

        audit = AuditAction.objects.filter(pk=int(pk)).values_list("audit_id", flat=True).first()
        return reverse("web:audit", kwargs={"pk": audit}) if audit else None
    return None
