"""The inspection-readiness pack: what an LA would hand inspectors on the first morning.

Assembled from what is recorded: the LA's standing and the findings still current, the
latest self-evaluation by judgement area with its evidence and the live value of each
indicator it cites, the headline indicators beside England, and the open actions of the
improvement plan with their progress. The page and the PDF show the same pack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

from oversight.inspection.models import (
    ActionStatus,
    EvaluationArea,
    Finding,
    FindingKind,
    ImprovementAction,
    Inspection,
    SelfEvaluation,
)
from oversight.inspection.national import current_inspections
from oversight.inspection.plans import current_value, needing_action, own_la
from oversight.performance.catalogue import UnknownIndicator, catalogue, indicator
from oversight.performance.models import Refresh
from oversight.performance.refresh import latest_refresh
from oversight.web.indicators import Row, row, rows
from oversight.web.inspection import FINDING_HEADINGS


@dataclass
class AreaEvidence:
    part: EvaluationArea
    grade: str  # the grade of the standing inspection for this area, in its words
    indicators: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class OpenAction:
    action: ImprovementAction
    overdue: bool
    now: float | None

    @property
    def progress(self) -> float | None:
        return self.action.progress(self.now)


@dataclass
class Pack:
    la_name: str
    today: date
    run: Refresh | None
    standing: Inspection | None
    findings: dict[str, list[Finding]]
    evaluation: SelfEvaluation | None
    areas: list[AreaEvidence]
    headline: list[Row]
    actions: list[OpenAction]
    needing_action: list[Finding]

    @property
    def departure(self) -> str | None:
        return self.standing.overall_departure() if self.standing else None


def readiness_pack(today: date) -> Pack:
    la = own_la()
    current = current_inspections(la, today) if la else []
    standing = next((i for i in current if i.framework.graded), None)
    run = latest_refresh()
    evaluation = SelfEvaluation.objects.order_by("-year").first()
    return Pack(
        la_name=settings.OVERSIGHT_LA_NAME,
        today=today,
        run=run,
        standing=standing,
        findings=_findings(current),
        evaluation=evaluation,
        areas=_areas(evaluation, standing, run),
        headline=rows(run, [i for i in catalogue().values() if i.headline]) if run else [],
        actions=_open_actions(today),
        needing_action=list(needing_action()),
    )


# The most pressing first; the words are the inspection pages' own.
PRESSING_FIRST = (
    FindingKind.PRIORITY, FindingKind.IMPROVEMENT, FindingKind.RECOMMENDATION,
    FindingKind.STRENGTH,
)  # fmt: skip


def _findings(current: list[Inspection]) -> dict[str, list[Finding]]:
    """The current findings under a plural heading each, the most pressing first."""
    found: dict[str, list[Finding]] = {FINDING_HEADINGS[kind]: [] for kind in PRESSING_FIRST}
    for inspection in current:
        for finding in inspection.findings.all():
            found[FINDING_HEADINGS[FindingKind(finding.kind)]].append(finding)
    return {heading: items for heading, items in found.items() if items}


def _areas(
    evaluation: SelfEvaluation | None, standing: Inspection | None, run: Refresh | None
) -> list[AreaEvidence]:
    if evaluation is None:
        return []
    grades = {j.area: j.grade_label for j in standing.judgements.all()} if standing else {}
    shown = []
    for part in evaluation.areas.prefetch_related("evidence"):
        entry = AreaEvidence(part, grades.get(part.area, ""))
        for item in part.evidence.all():
            cited = _indicator_row(run, item.indicator)
            if cited is not None:
                entry.indicators.append(cited)
            elif item.text or item.reference:
                entry.notes.append(" ".join(filter(None, [item.reference, item.text])))
        shown.append(entry)
    return shown


def _indicator_row(run: Refresh | None, indicator_id: str) -> Row | None:
    if not indicator_id or run is None:
        return None
    try:
        return row(run, indicator(indicator_id))
    except UnknownIndicator:
        return None


def _open_actions(today: date) -> list[OpenAction]:
    open_ = (
        ImprovementAction.objects.exclude(status=ActionStatus.DONE)
        .select_related("finding__inspection", "owner")
        .order_by("due", "pk")
    )
    return [OpenAction(a, a.is_overdue(today), current_value(a.indicator)) for a in open_]
