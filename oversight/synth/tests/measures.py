"""Measures of a generated LA by team, as the worklists and indicators would see them."""

from collections.abc import Iterable
from datetime import date
from statistics import mean

from django.db.models import F, Q, QuerySet

from oversight.accounts.models import Team
from oversight.casework.models import Allocation, Deadline, Plan, Referral, Visit

OPEN = Q(met_on__isnull=True, lapsed_on__isnull=True)


def teams_of(kind_prefix: str) -> list[str]:
    return list(Team.objects.filter(name__startswith=kind_prefix).values_list("name", flat=True))


def open_plans(team: str, kind: str) -> int:
    """Open plans of ``kind`` for children allocated to ``team`` now."""
    held = Allocation.objects.filter(team__name=team, end_on__isnull=True).values("child_id")
    return Plan.objects.filter(kind=kind, end_on__isnull=True, child_id__in=held).count()


def overdue(team: str, rules: Iterable[str], today: date) -> int:
    return Deadline.objects.filter(
        OPEN, team__name=team, rule__in=list(rules), due_on__lt=today
    ).count()


def overdue_share(team: str, rules: Iterable[str], today: date) -> float:
    deadlines = Deadline.objects.filter(OPEN, team__name=team, rule__in=list(rules))
    return _share(deadlines.filter(due_on__lt=today), deadlines)


def late_decision_share(team: str) -> float:
    decided = Referral.objects.filter(team__name=team, decided_on__isnull=False)
    return _share(decided.filter(decided_on__gt=F("decision_due")), decided)


def visit_share(team: str, **flags: bool) -> float:
    visits = Visit.objects.filter(worker__team__name=team, seen=True)
    return _share(visits.filter(**flags), visits)


def late_share(team: str, rule: str, today: date) -> float:
    """Deadlines of ``rule`` met late, or open and overdue, out of all that fell due."""
    fell_due = Deadline.objects.filter(
        team__name=team, rule=rule, due_on__lt=today, lapsed_on__isnull=True
    )
    late = fell_due.filter(Q(met_on__isnull=True) | Q(met_on__gt=F("due_on")))
    return _share(late, fell_due)


def others(problem_team: str, teams: list[str], measure) -> float:
    return mean(measure(team) for team in teams if team != problem_team)


def _share(part: QuerySet, whole: QuerySet) -> float:
    total = whole.count()
    return part.count() / total if total else 0.0
