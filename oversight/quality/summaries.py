"""Read-side summaries of front-door dip-sampling, escalations and overdue oversight.

Each summary is plain data (dataclasses), shared by the pages, the API and the command line,
so the three always give the same figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import TypeVar

from django.db.models import QuerySet

from oversight.casework.models import Deadline
from oversight.casework.services.deadlines import OVERSIGHT_RULES
from oversight.casework.worklists import open_deadlines
from oversight.quality.models import Escalation, SampledDecision

T = TypeVar("T")
NO_TEAM = "No team"
NOT_RECORDED = "Not recorded"


def _grouped(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return dict(sorted(groups.items()))


# Front-door dip-sampling


@dataclass(frozen=True)
class Agreed:
    """Of the decisions re-decided blind, how many the auditor agreed with."""

    name: str
    redecided: int
    agreed: int

    @property
    def rate(self) -> float | None:
        return self.agreed / self.redecided if self.redecided else None


@dataclass(frozen=True)
class FrontDoorAgreement:
    overall: Agreed
    by_team: list[Agreed]
    by_manager: list[Agreed]


def _agreed(name: str, decisions: list[SampledDecision]) -> Agreed:
    return Agreed(name, len(decisions), sum(1 for d in decisions if d.agrees))


def team_of_decision(sampled: SampledDecision) -> str:
    team = sampled.item.team
    return team.name if team else NO_TEAM


def decider_of(sampled: SampledDecision) -> str:
    decider = sampled.item.decided_by
    return decider.display_name if decider else NOT_RECORDED


def redecided(samples: QuerySet | None = None) -> list[SampledDecision]:
    """Every decision re-decided so far (in ``samples``, if given)."""
    found = SampledDecision.objects.exclude(redecision="").select_related(
        "contact__team", "contact__decided_by", "referral__team", "referral__decided_by"
    )
    return list(found.filter(sample__in=samples) if samples is not None else found)


def front_door_agreement(samples: QuerySet | None = None) -> FrontDoorAgreement:
    """Agreement with the original decisions: overall, by team and by deciding manager."""
    done = redecided(samples)
    return FrontDoorAgreement(
        _agreed("All decisions", done),
        [_agreed(k, v) for k, v in _grouped(done, team_of_decision).items()],
        [_agreed(k, v) for k, v in _grouped(done, decider_of).items()],
    )


# Escalations


@dataclass(frozen=True)
class EscalationFigures:
    name: str
    raised: int
    open: int
    days_to_response: float | None  # the median, over those answered
    days_to_resolution: float | None  # the median, over those resolved


@dataclass(frozen=True)
class EscalationSummary:
    overall: EscalationFigures
    by_team: list[EscalationFigures]
    by_about: list[EscalationFigures]


def _median(values: Iterable[int | None]) -> float | None:
    known = [v for v in values if v is not None]
    return median(known) if known else None


def _figures(name: str, escalations: list[Escalation]) -> EscalationFigures:
    return EscalationFigures(
        name,
        len(escalations),
        sum(1 for e in escalations if e.is_open),
        _median(e.days_to_respond() for e in escalations),
        _median(e.days_to_resolve() for e in escalations),
    )


def team_of_escalation(escalation: Escalation) -> str:
    """The child's team when it was raised (the team whose worklist shows it)."""
    deadline = escalation.deadline
    team = deadline.team if deadline is not None else None
    team = team or escalation.raised_to.team
    return team.name if team else NO_TEAM


def escalation_summary(escalations: QuerySet[Escalation] | None = None) -> EscalationSummary:
    found = list(
        (escalations if escalations is not None else Escalation.objects.all()).select_related(
            "deadline__team", "raised_to__team"
        )
    )
    return EscalationSummary(
        _figures("All escalations", found),
        [_figures(k, v) for k, v in _grouped(found, team_of_escalation).items()],
        [_figures(k, v) for k, v in _grouped(found, lambda e: e.get_about_display()).items()],
    )


# Management oversight overdue


def overdue_oversight(today: date) -> dict[str, list[Deadline]]:
    """Open management-oversight deadlines past their due date, grouped by team."""
    late = (
        open_deadlines()
        .filter(rule__in=OVERSIGHT_RULES, due_on__lt=today)
        .select_related("child", "team", "worker")
        .order_by("due_on", "child__la_child_id")
    )
    return _grouped(late, lambda d: d.team.name if d.team else NO_TEAM)
