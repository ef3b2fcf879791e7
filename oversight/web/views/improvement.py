"""The improvement plan and the self-evaluation of the deployment's own LA.

Both are written through ``inspection.plans`` only; a refusal is shown on the form
against its field. Indicator figures are the stored values of the latest refresh.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from oversight.inspection import plans
from oversight.inspection.models import (
    ActionUpdate,
    EvaluationArea,
    EvidenceKind,
    Finding,
    ImprovementAction,
    SelfEvaluation,
)
from oversight.performance.catalogue import Indicator, Polarity, UnknownIndicator
from oversight.performance.catalogue import indicator as find_indicator
from oversight.performance.models import IndicatorValue, Refresh
from oversight.performance.refresh import latest_refresh
from oversight.web.charts import format_value
from oversight.web.forms.improvement import ActionForm, AreaForm, StatusForm, UpdateForm, YearForm
from oversight.web.forms.saving import locked, save
from oversight.web.indicators import Row, row
from oversight.web.permissions import (
    edits_improvement,
    improvement_editor_required,
    improvement_required,
)
from oversight.web.views.pages import form_page, posted, today
from oversight.web.words import long_date

DIRECTION = {
    Polarity.HIGHER: "Higher is better",
    Polarity.LOWER: "Lower is better",
    Polarity.NEUTRAL: "Context: neither better nor worse",
}


def _known(indicator_id: str) -> Indicator | None:
    try:
        return find_indicator(indicator_id) if indicator_id else None
    except UnknownIndicator:
        return None


# The improvement plan


@dataclass
class ActionShown:
    """One action as the plan shows it: the figures that tell its progress, its history."""

    action: ImprovementAction
    indicator: Indicator | None
    now: float | None
    overdue: bool
    updates: list[ActionUpdate] = field(default_factory=list)

    @property
    def progress(self) -> float | None:
        return self.action.progress(self.now)


def _shown(action: ImprovementAction, values: dict[str, float | None]) -> ActionShown:
    if action.indicator not in values:
        values[action.indicator] = plans.current_value(action.indicator)
    return ActionShown(
        action,
        _known(action.indicator),
        values[action.indicator],
        action.is_overdue(today()),
        list(action.updates.all()),
    )


@improvement_required
def plan(request: HttpRequest) -> HttpResponse:
    values: dict[str, float | None] = {}
    findings = [(f, [_shown(a, values) for a in f.actions.all()])
                for f in plans.answered_findings()]  # fmt: skip
    context = {
        "title": "Improvement plan",
        "la": plans.own_la(),
        "needing": list(plans.needing_action()),
        "findings": findings,
        "overdue": sum(s.overdue for _, shown in findings for s in shown),
        "edits": edits_improvement(request.user),  # type: ignore[arg-type]
    }
    return render(request, "web/improvement/plan.html", context)


def _finding(pk: int) -> Finding:
    found = plans.answered_findings().filter(pk=pk).first()
    if found is None:
        raise Http404("No such recommendation or priority action for this LA")
    return found


@improvement_editor_required
def add_action(request: HttpRequest, finding_pk: int) -> HttpResponse:
    finding = _finding(finding_pk)
    form = ActionForm(posted(request))
    if form.is_valid():
        data = form.cleaned_data
        facts = plans.ActionFacts(
            data["title"], data["owner"], data["due"], data["indicator"], data["target"]
        )
        if save(form, lambda: plans.add_action(finding, facts, request.user)):  # type: ignore[arg-type]
            return _back_to_plan(request, f"Action added: {data['title']}")
    return form_page(request, form, title="Add an action", submit="Save action",
                     back=reverse("web:improvement"), about="web/improvement/finding.html",
                     finding=finding)  # fmt: skip


@improvement_editor_required
def record_update(request: HttpRequest, action_pk: int) -> HttpResponse:
    action = get_object_or_404(
        ImprovementAction.objects.filter(finding__in=plans.answered_findings()), pk=action_pk
    )
    form = UpdateForm(posted(request), initial={"status": action.status})
    if form.is_valid():
        data = form.cleaned_data

        def update() -> None:
            plans.record_update(action, data["status"], data["note"], request.user)  # type: ignore[arg-type]

        if save(form, update):
            return _back_to_plan(request, f"Update recorded: {action.title}")
    return form_page(request, form, title="Record an update", submit="Save update",
                     back=reverse("web:improvement"), about="web/improvement/finding.html",
                     finding=action.finding, action=action)  # fmt: skip


def _back_to_plan(request: HttpRequest, what: str) -> HttpResponse:
    messages.success(request, what)
    return redirect("web:improvement")


# The self-evaluation


@improvement_required
def self_evaluations(request: HttpRequest) -> HttpResponse:
    """The years, and (for those who write it) a form to start a new one."""
    edits = edits_improvement(request.user)  # type: ignore[arg-type]
    form = YearForm(posted(request) if edits else None)
    if form.is_valid():
        year = form.cleaned_data["year"].strip()
        if save(form, lambda: plans.start_self_evaluation(year, request.user, today())):  # type: ignore[arg-type]
            messages.success(request, f"Self-evaluation {year} started")
            return redirect("web:self-evaluation", year=year)
    context = {
        "title": "Self-evaluation",
        "evaluations": SelfEvaluation.objects.select_related("changed_by"),
        "form": form,
        "edits": edits,
    }
    return render(request, "web/improvement/self_evaluations.html", context)


@dataclass(frozen=True)
class EvidenceShown:
    indicator: Indicator
    row: Row | None
    direction: str


def direction(indicator: Indicator, trend: list[IndicatorValue]) -> str:
    """Which way is better, and which way the figure moved since the month end before."""
    values = [v for v in trend if v.value is not None]
    if len(values) < 2:
        return DIRECTION[indicator.polarity]
    before, now = values[-2], values[-1]
    moved = now.value - before.value  # type: ignore[operator]
    if moved == 0:
        return f"{DIRECTION[indicator.polarity]}. No change since {long_date(before.period_end)}"
    better = (moved > 0) == (indicator.polarity is Polarity.HIGHER)
    verdict = (
        "" if indicator.polarity is Polarity.NEUTRAL else (" (better)" if better else " (worse)")
    )
    figure = format_value(before.value, indicator.unit.value)
    way = "Up" if moved > 0 else "Down"
    when = long_date(before.period_end)
    return f"{DIRECTION[indicator.polarity]}. {way} from {figure} at {when}{verdict}"


def _shown_indicator(indicator: Indicator, run: Refresh | None) -> EvidenceShown:
    shown = row(run, indicator) if run else None
    return EvidenceShown(indicator, shown, direction(indicator, shown.trend if shown else []))


def _evidence(part: EvaluationArea, run: Refresh | None) -> tuple[list[EvidenceShown], list[str]]:
    """The area's indicators with their live figures, and its written evidence."""
    items = list(part.evidence.all())
    chosen = [_known(e.indicator) for e in items if e.kind == EvidenceKind.INDICATOR]
    rows = [_shown_indicator(i, run) for i in chosen if i is not None]
    return rows, [e.text for e in items if e.kind == EvidenceKind.TEXT]


def _evaluation(year: str) -> SelfEvaluation:
    return get_object_or_404(SelfEvaluation.objects.select_related("changed_by"), year=year)


@improvement_required
def self_evaluation(request: HttpRequest, year: str) -> HttpResponse:
    evaluation = _evaluation(year)
    run = latest_refresh()
    areas = [(part, *_evidence(part, run))
             for part in evaluation.areas.prefetch_related("evidence")]  # fmt: skip
    context = {
        "title": f"Self-evaluation {evaluation.year}",
        "evaluation": evaluation,
        "areas": areas,
        "run": run,
        "edits": edits_improvement(request.user),  # type: ignore[arg-type]
        "status_form": StatusForm(initial={"status": evaluation.status}),
    }
    return render(request, "web/improvement/self_evaluation.html", context)


@improvement_editor_required
def self_evaluation_status(request: HttpRequest, year: str) -> HttpResponse:
    evaluation = _evaluation(year)
    form = StatusForm(posted(request))
    if form.is_valid():
        status = form.cleaned_data["status"]
        plans.set_evaluation_status(evaluation, status, request.user)  # type: ignore[arg-type]
        messages.success(request, f"Self-evaluation {year} is now {status}")
    return redirect("web:self-evaluation", year=year)


def _initial(part: EvaluationArea) -> dict[str, object]:
    items = list(part.evidence.all())
    return {
        "known": part.known,
        "how_known": part.how_known,
        "doing": part.doing,
        "indicators": [e.indicator for e in items if e.kind == EvidenceKind.INDICATOR],
        "evidence": "\n".join(e.text for e in items if e.kind == EvidenceKind.TEXT),
    }


@improvement_editor_required
def edit_area(request: HttpRequest, year: str, area: str) -> HttpResponse:
    evaluation = _evaluation(year)
    part = get_object_or_404(evaluation.areas, area=area)
    form = AreaForm(posted(request), initial=_initial(part), record=part)
    if form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        answers = plans.AreaAnswers(**fields)

        def answer() -> None:  # the area as opened, or RecordChanged
            plans.answer_area(locked(evaluation.areas, part.pk, form), answers, request.user)  # type: ignore[arg-type]

        if save(form, answer):
            messages.success(request, f"{part.name} saved")
            return redirect("web:self-evaluation", year=year)
    back = reverse("web:self-evaluation", kwargs={"year": year})
    return form_page(request, form, title=f"{part.name}: self-evaluation {year}", submit="Save",
                     back=back)  # fmt: skip
