"""The improvement plan and the self-evaluation over the REST API (read only).

The readers are those of the pages: leaders, managers, QA officers, analysts and IROs, and
an inspector inside the inspection window. Changes go through the pages, which use the
same services (``inspection.plans``).
"""

from datetime import date, datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from oversight.inspection.models import ImprovementAction, SelfEvaluation
from oversight.inspection.plans import answered_findings, current_value
from oversight.web.permissions import reads_improvement
from oversight.web.views.pages import today

router = Router(tags=["improvement"])


class UpdateOut(Schema):
    at: datetime
    by: str
    status: str
    note: str
    value: float | None


class ActionOut(Schema):
    id: int
    title: str
    owner: str
    due: date
    status: str
    overdue: bool
    indicator: str
    baseline: float | None
    target: float | None
    now: float | None
    progress: float | None  # per cent of the way from the baseline to the target
    updates: list[UpdateOut]


class FindingOut(Schema):
    id: int
    kind: str
    text: str
    inspection: int
    needs_action: bool
    actions: list[ActionOut]


class EvidenceOut(Schema):
    kind: str
    indicator: str
    text: str
    reference: str


class AreaOut(Schema):
    area: str
    name: str
    known: str
    how_known: str
    doing: str
    evidence: list[EvidenceOut]


class EvaluationOut(Schema):
    year: str
    framework: str
    status: str
    areas: list[AreaOut]


def _reader(request: HttpRequest) -> None:
    if not reads_improvement(request.user):  # type: ignore[arg-type]
        raise HttpError(
            403, "The improvement plan and self-evaluation are for leaders and managers"
        )


@router.get("/plan", response=list[FindingOut], summary="Each finding answered, with its actions")
def get_plan(request: HttpRequest) -> list[FindingOut]:
    """This LA's recommendations and areas for priority action, newest inspection first."""
    _reader(request)
    return [
        FindingOut(
            id=f.pk,
            kind=f.kind,
            text=f.text,
            inspection=f.inspection_id,
            needs_action=f.kind == "priority-action" and not f.actions.all(),
            actions=[_action(a) for a in f.actions.all()],
        )  # fmt: skip
        for f in answered_findings()
    ]


def _action(action: ImprovementAction) -> ActionOut:
    now = current_value(action.indicator)
    owner = action.owner
    return ActionOut(
        id=action.pk, title=action.title, owner=owner.username if owner else "", due=action.due,
        status=action.status, overdue=action.is_overdue(today()), indicator=action.indicator,
        baseline=action.baseline, target=action.target, now=now, progress=action.progress(now),
        updates=[UpdateOut(at=u.at, by=u.by.username, status=u.status, note=u.note,
                           value=u.value) for u in action.updates.all()],
    )  # fmt: skip


@router.get("/self-evaluations", response=list[str], summary="The years with a self-evaluation")
def get_years(request: HttpRequest) -> list[str]:
    _reader(request)
    return list(SelfEvaluation.objects.values_list("year", flat=True))


@router.get("/self-evaluations/{year}", response=EvaluationOut, summary="One year, by area")
def get_evaluation(request: HttpRequest, year: str) -> EvaluationOut:
    _reader(request)
    evaluation = get_object_or_404(SelfEvaluation, year=year)
    areas = evaluation.areas.prefetch_related("evidence")
    return EvaluationOut(
        year=evaluation.year, framework=evaluation.framework_key, status=evaluation.status,
        areas=[AreaOut(area=p.area, name=p.name, known=p.known, how_known=p.how_known,
                       doing=p.doing, evidence=[EvidenceOut(kind=e.kind, indicator=e.indicator,
                       text=e.text, reference=e.reference) for e in p.evidence.all()])
               for p in areas],
    )  # fmt: skip
