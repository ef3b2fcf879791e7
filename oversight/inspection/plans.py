"""The one way the LA's self-evaluation and improvement plan are written, and read.

For the deployment's own LA (``OVERSIGHT_LA_CODE``). Every change is checked here and
refused with a ``PlanError`` naming the field, what is wrong and what to do; the pages
and any later API call these functions alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.inspection.frameworks import framework_for
from oversight.inspection.models import (
    ActionStatus,
    ActionUpdate,
    EvaluationArea,
    EvaluationStatus,
    Evidence,
    EvidenceKind,
    Finding,
    FindingKind,
    ImprovementAction,
    LocalAuthority,
    SelfEvaluation,
)
from oversight.inspection.services import InspectionError
from oversight.performance.catalogue import UnknownIndicator, indicator
from oversight.performance.refresh import latest_refresh, stored
from oversight.quality.reports import results_for

ANSWERED = (FindingKind.RECOMMENDATION, FindingKind.PRIORITY)
YEAR = re.compile(r"^(\d{4})-(\d{2})$")
# Owners act for the LA: not inspectors, nor administrators (who keep no case work).
NOT_OWNERS = {Role.INSPECTOR, Role.ADMINISTRATOR}


class PlanError(InspectionError):
    """A self-evaluation or plan change that breaks a rule: which field, what, what to do."""


def own_la() -> LocalAuthority | None:
    """The LA this deployment serves, when ``OVERSIGHT_LA_CODE`` names one that is loaded."""
    code = settings.OVERSIGHT_LA_CODE
    return LocalAuthority.objects.filter(code=code).first() if code else None


def current_value(indicator_id: str) -> float | None:
    """The indicator's latest stored value for the whole LA, or None before any refresh."""
    run = latest_refresh()
    if not indicator_id or run is None:
        return None
    trend = stored(run, indicator_id)
    return trend[-1].value if trend else None


def _require_indicator(field: str, indicator_id: str) -> None:
    try:
        indicator(indicator_id)
    except UnknownIndicator:
        raise PlanError(field, f"'{indicator_id}' is not an indicator in the catalogue") from None


# The self-evaluation


@transaction.atomic
def start_self_evaluation(year: str, by: User, today: date | None = None) -> SelfEvaluation:
    """A new year's self-evaluation, one part per area of the framework in force today."""
    year = year.strip()
    _check_year(year)
    if SelfEvaluation.objects.filter(year=year).exists():
        raise PlanError("year", f"there is already a self-evaluation for {year}: open it instead")
    held = framework_for("standard", today or timezone.localdate())
    evaluation = SelfEvaluation.objects.create(year=year, framework_key=held.key, changed_by=by)
    EvaluationArea.objects.bulk_create(
        EvaluationArea(evaluation=evaluation, area=area.key, position=number)
        for number, area in enumerate(held.areas)
    )
    return evaluation


def _check_year(year: str) -> None:
    found = YEAR.match(year)
    if not found:
        raise PlanError("year", "give the year as its first year and the next, like 2026-27")
    first, second = int(found[1]), int(found[2])
    if (first + 1) % 100 != second:
        raise PlanError("year", f"{year} is not one year: the second part must be {first + 1}")


@dataclass(frozen=True)
class AreaAnswers:
    """What an area of the self-evaluation says, before it is checked and saved."""

    known: str = ""
    how_known: str = ""
    doing: str = ""
    indicators: Sequence[str] = ()
    evidence: Sequence[str] = ()


@transaction.atomic
def answer_area(part: EvaluationArea, answers: AreaAnswers, by: User) -> EvaluationArea:
    """Make an area say exactly these answers and carry exactly this evidence."""
    for indicator_id in answers.indicators:
        _require_indicator("indicators", indicator_id)
    part.known, part.how_known = answers.known.strip(), answers.how_known.strip()
    part.doing = answers.doing.strip()
    part.version += 1
    part.save()
    part.evidence.exclude(kind=EvidenceKind.AUDIT).delete()
    Evidence.objects.bulk_create(
        [_indicator_evidence(part, n, i) for n, i in enumerate(dict.fromkeys(answers.indicators))]
        + [_text_evidence(part, n, t) for n, t in enumerate(_lines(answers.evidence))]
    )
    _touch(part.evaluation, by)
    return part


def _indicator_evidence(part: EvaluationArea, position: int, indicator_id: str) -> Evidence:
    return Evidence(area=part, kind=EvidenceKind.INDICATOR, indicator=indicator_id,
                    position=position)  # fmt: skip


def _text_evidence(part: EvaluationArea, position: int, text: str) -> Evidence:
    return Evidence(area=part, kind=EvidenceKind.TEXT, text=text, position=position)


def _lines(items: Sequence[str]) -> list[str]:
    return [item.strip() for item in items if item.strip()]


@transaction.atomic
def link_audit(part: EvaluationArea, reference: str, by: User) -> Evidence:
    """Link an audit programme's results for a period, named by its reference, to an area.

    The reference is ``quality.reports.reference``: "<programme> (<start> to <end>)"; the
    area then shows those results as they stand whenever it is read.
    """
    reference = reference.strip()
    if results_for(reference) is None:
        raise PlanError(
            "audit", f"'{reference}' names no audit programme and period, like 'CP plans "
            "(2026-04-01 to 2026-06-30)'",
        )  # fmt: skip
    if part.evidence.filter(kind=EvidenceKind.AUDIT, reference=reference).exists():
        raise PlanError("audit", f"{part.name} already has the results of {reference}")
    position = part.evidence.filter(kind=EvidenceKind.AUDIT).count()
    linked = Evidence.objects.create(
        area=part, kind=EvidenceKind.AUDIT, reference=reference, position=position
    )
    _touch(part.evaluation, by)
    return linked


def set_evaluation_status(evaluation: SelfEvaluation, status: str, by: User) -> SelfEvaluation:
    if status not in EvaluationStatus.values:
        raise PlanError("status", f"'{status}' is not one of: {', '.join(EvaluationStatus.values)}")
    evaluation.status = status
    _touch(evaluation, by)
    return evaluation


def _touch(evaluation: SelfEvaluation, by: User) -> None:
    evaluation.changed_by = by
    evaluation.save()


# The improvement plan


def answered_findings() -> QuerySet[Finding]:
    """The own LA's recommendations and areas for priority action, newest inspection first."""
    la = own_la()
    if la is None:
        return Finding.objects.none()
    return (
        Finding.objects.filter(inspection__la=la, kind__in=ANSWERED)
        .select_related("inspection")
        .prefetch_related("actions__owner", "actions__updates__by")
        .order_by("-inspection__started", "-inspection__published", "kind", "position")
    )


def needing_action() -> QuerySet[Finding]:
    """Areas for priority action with no action yet: each must be answered by one."""
    return answered_findings().filter(kind=FindingKind.PRIORITY, actions__isnull=True)


@dataclass(frozen=True)
class ActionFacts:
    title: str
    owner: User | None
    due: date | None
    indicator: str = ""
    target: float | None = None


@transaction.atomic
def add_action(finding: Finding, facts: ActionFacts, by: User) -> ImprovementAction:
    """A new action answering the finding, its baseline the indicator's value now."""
    _check_action(finding, facts)
    action = ImprovementAction.objects.create(
        finding=finding,
        title=facts.title.strip(),
        owner=facts.owner,
        due=facts.due,
        indicator=facts.indicator,
        target=facts.target,
        baseline=current_value(facts.indicator),
    )
    _log(action, by, "Action created")
    return action


def _check_action(finding: Finding, facts: ActionFacts) -> None:
    la = own_la()
    if finding.kind not in ANSWERED or la is None or finding.inspection.la_id != la.pk:
        raise PlanError(
            "finding", "only this LA's recommendations and priority actions have actions"
        )
    if not facts.title.strip():
        raise PlanError("title", "enter what will be done")
    if facts.owner is None or not facts.owner.is_active or facts.owner.role_enum in NOT_OWNERS:
        raise PlanError("owner", "choose a member of the LA's staff to own the action")
    if facts.due is None:
        raise PlanError("due", "enter the date the action is due")
    if facts.indicator:
        _require_indicator("indicator", facts.indicator)
    if facts.target is not None and not facts.indicator:
        raise PlanError("indicator", "choose the indicator the target is for")


@transaction.atomic
def record_update(action: ImprovementAction, status: str, note: str, by: User) -> ActionUpdate:
    """A dated entry in the action's history; the action takes the status given."""
    if status not in ActionStatus.values:
        raise PlanError("status", f"'{status}' is not one of: {', '.join(ActionStatus.values)}")
    if status == action.status and not note.strip():
        raise PlanError("note", "write what has happened, or change the status")
    action.status = status
    action.save(update_fields=["status"])
    return _log(action, by, note)


def _log(action: ImprovementAction, by: User, note: str) -> ActionUpdate:
    return ActionUpdate.objects.create(
        action=action,
        at=timezone.now(),
        by=by,
        status=action.status,
        note=note.strip(),
        value=current_value(action.indicator),
    )


def action_owners() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True)
        .exclude(role__in=NOT_OWNERS)
        .order_by("first_name", "last_name", "username")
    )
