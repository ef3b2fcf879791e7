"""Follow-ups other work puts on a child's record: an audit's actions, an escalation's reply.

Each is a deadline like any timescale, so it shows on the allocated worker's and the
team manager's worklists, follows the child to a new allocation, and is met when done.
"""

from datetime import date

from oversight.casework.models import Child, Deadline
from oversight.casework.services.deadlines import FOLLOW_UP_RULES, open_deadline
from oversight.casework.services.errors import CaseworkError
from oversight.casework.services.writer import recorded, writer


@recorded
def open_follow_up(
    child: Child, *, rule: str, start: date, subject: str, due_on: date | None = None
) -> Deadline:
    """A follow-up due on ``due_on``, or when its rule says from ``start``."""
    if rule not in FOLLOW_UP_RULES:
        raise CaseworkError("rule", f"'{rule}' is not a follow-up; use one of {FOLLOW_UP_RULES}")
    if due_on is not None and due_on < start:
        raise CaseworkError("due_on", f"{due_on} is before {start}: choose a later date")
    return open_deadline(child, rule, start, subject, due_on)


@recorded
def close_follow_up(deadline: Deadline, on: date) -> Deadline:
    """The follow-up is done on ``on``: it leaves the worklists."""
    if deadline.rule not in FOLLOW_UP_RULES:
        raise CaseworkError("rule", f"deadline {deadline.pk} is not a follow-up")
    if deadline.met_on is None and deadline.lapsed_on is None:
        deadline.met_on = on
        writer().update(deadline, "met_on")
    return deadline
