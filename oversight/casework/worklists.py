"""Worklists: what is overdue or due soon, for a worker, a team or the whole LA.

Live indexed queries on open deadlines (met and lapsed ones excluded).
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from oversight.accounts.models import Team, User
from oversight.casework.models import Child, Deadline
from oversight.casework.policy import current_policy


def due_soon_limit(today: date) -> date:
    """The last day that counts as due soon from ``today``."""
    policy = current_policy()
    return policy.calendar().add_working_days(today, policy.due_soon_working_days)


def open_deadlines() -> QuerySet[Deadline]:
    return Deadline.objects.filter(met_on__isnull=True, lapsed_on__isnull=True)


def worklist(
    today: date,
    *,
    worker: User | None = None,
    team: Team | None = None,
    children: QuerySet[Child] | None = None,
) -> QuerySet[Deadline]:
    """Open deadlines overdue or due soon on ``today``, most overdue first."""
    items = open_deadlines().filter(due_on__lte=due_soon_limit(today))
    if worker is not None:
        items = items.filter(worker=worker)
    if team is not None:
        items = items.filter(team=team)
    if children is not None:
        items = items.filter(child__in=children)
    return items.select_related("child", "worker", "team").order_by("due_on", "child_id", "rule")


@dataclass(frozen=True)
class WorkSummary:
    overdue: int
    due_soon: int


def summary_by_team(today: date) -> dict[int, WorkSummary]:
    """Overdue and due-soon counts for every team with open work, in one query."""
    rows = (
        open_deadlines()
        .filter(due_on__lte=due_soon_limit(today), team__isnull=False)
        .values("team_id")
        .annotate(
            overdue=Count("id", filter=Q(due_on__lt=today)),
            due_soon=Count("id", filter=Q(due_on__gte=today)),
        )
    )
    return {row["team_id"]: WorkSummary(row["overdue"], row["due_soon"]) for row in rows}


def summary_by_rule(today: date, team: Team | None = None) -> dict[str, WorkSummary]:
    items = open_deadlines().filter(due_on__lte=due_soon_limit(today))
    if team is not None:
        items = items.filter(team=team)
    rows = items.values("rule").annotate(
        overdue=Count("id", filter=Q(due_on__lt=today)),
        due_soon=Count("id", filter=Q(due_on__gte=today)),
    )
    return {row["rule"]: WorkSummary(row["overdue"], row["due_soon"]) for row in rows}
