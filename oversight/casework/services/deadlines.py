"""Opening, meeting and lapsing the deadlines that every recorded event starts or answers."""

from datetime import date

from oversight.casework.models import Child, Deadline
from oversight.casework.models.build import build
from oversight.casework.policy import current_policy
from oversight.casework.services.writer import writer


def open_deadline(
    child: Child, rule: str, start: date, subject: str = "", due_on: date | None = None
) -> Deadline:
    """Start the clock for ``rule`` from ``start``, owned by the child's current allocation.

    ``due_on`` overrides the rule's due date where a person sets it (an audit action).
    """
    allocation = writer().current_allocation(child.id)
    deadline = build(
        Deadline,
        child=child,
        rule=rule,
        subject=subject,
        started_on=start,
        due_on=due_on or current_policy().due_date(rule, start),
        team_id=allocation.team_id if allocation else None,
        worker_id=allocation.worker_id if allocation else None,
    )
    writer().add(deadline)
    return deadline


def meet_deadlines(child: Child, rules: tuple[str, ...], on: date) -> list[Deadline]:
    """Mark the open deadlines of ``rules`` met on ``on``; return them, earliest due first."""
    found = sorted(writer().open_deadlines(child.id, rules), key=lambda d: d.due_on)
    for deadline in found:
        deadline.met_on = on
        writer().update(deadline, "met_on")
    return found


def lapse_deadlines(child: Child, rules: tuple[str, ...], on: date) -> None:
    """Close deadlines that no longer apply (the plan ended, the child left care)."""
    for deadline in writer().open_deadlines(child.id, rules):
        deadline.lapsed_on = on
        writer().update(deadline, "lapsed_on")


def reassign_deadlines(child: Child, team_id: int, worker_id: int | None) -> None:
    """Open work follows the child to a new allocation."""
    for deadline in writer().open_deadlines(child.id, ALL_RULES):
        deadline.team_id, deadline.worker_id = team_id, worker_id
        writer().update(deadline, "team", "worker")


VISIT_RULES = {
    "cp": ("cp-visit",),
    "cin": ("cin-visit",),
    "cla": ("cla-visit-first", "cla-visit-first-year", "cla-visit-long-term"),
    "pa": ("pa-visit-after-move", "pa-visit"),
}
OVERSIGHT_RULES = ("oversight-cp", "oversight-cin", "oversight-cla", "oversight-care-leaver")
REVIEW_RULES = {
    "cla": ("cla-first-review", "cla-second-review", "cla-next-review"),
    "pathway": ("pathway-plan-review",),
    "cin": (),
}
FOLLOW_UP_RULES = ("audit-action", "escalation-response")
PERMANENCE_RULES = ("permanence-plan",)
HEALTH_RULES = (
    "health-assessment-initial",
    "health-assessment-review-under-5",
    "health-assessment-review",
)
ALL_RULES = (
    *FOLLOW_UP_RULES,
    "referral-decision",
    "assessment",
    "icpc",
    "rcpc-first",
    "rcpc-next",
    "return-interview",
    *PERMANENCE_RULES,
    *HEALTH_RULES,
    *OVERSIGHT_RULES,
    *[r for rules in VISIT_RULES.values() for r in rules],
    *[r for rules in REVIEW_RULES.values() for r in rules],
)
