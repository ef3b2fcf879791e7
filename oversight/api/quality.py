"""Quality assurance over the REST API (read only): programmes, samples, audits, moderation,
front-door dip-sampling and escalations.

The readers are the roles that audit (QA officers, managers, senior leaders, IROs); others
get 403. Samples list children by id and LA child id only, never by name, and only those
the reader may see (others as a position alone), and are written to the access log. An
audit is one child's record, so only those who may see the child read it. Changes go
through the pages and the command line, which use ``quality.services``.
"""

from dataclasses import asdict
from datetime import date

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from oversight.casework.access import visible_among
from oversight.quality import reports
from oversight.quality.agreement import Agreement
from oversight.quality.models import Audit, AuditProgramme, Sample, SampledCase
from oversight.quality.reports import domain_name
from oversight.quality.summaries import escalation_summary, front_door_agreement
from oversight.web.access_log import LIST_CHILDREN, VIEW_CHILD, log_access
from oversight.web.permissions import reads_audits
from oversight.web.views.escalations import escalations_for

router = Router(tags=["quality"])


class SampleBrief(Schema):
    id: int
    period_start: date
    period_end: date
    seed: int
    population: int
    cases: int


class ProgrammeOut(Schema):
    id: int
    name: str
    theme: str
    method: str
    stratify_by: str
    target_indicator: str
    sample_size: int
    questions: list[str]
    samples: list[SampleBrief]


class CaseOut(Schema):
    position: int
    child_id: int | None  # None for a child outside the reader's access, as on the page
    la_child_id: str | None
    stratum: str
    why: str
    audit_id: int | None
    audit_status: str  # "not-started", "in-progress" or "complete"


class SampleOut(Schema):
    id: int
    programme: str
    period_start: date
    period_end: date
    seed: int
    method: str
    population: int
    cases: list[CaseOut]


class GradeOut(Schema):
    domain: str
    name: str
    grade: str
    evidence: str


class ActionOut(Schema):
    text: str
    owner: str
    due_on: date
    done_on: date | None


class ModeratedOut(Schema):
    domain: str
    grade: str
    reason: str


class ModerationOut(Schema):
    moderator: str
    moderated_on: date
    overall: str
    agrees: bool
    reason: str
    grades: list[ModeratedOut]


class AuditOut(Schema):
    id: int
    child_id: int
    la_child_id: str
    auditor: str
    status: str
    overall: str
    completed_on: date | None
    team: str | None
    grades: list[GradeOut]
    actions: list[ActionOut]
    moderation: ModerationOut | None


class AgreementOut(Schema):
    pairs: int
    agreed: int
    within_one: int
    rate: float | None
    kappa: float | None


class ModerationStatsOut(Schema):
    by_domain: dict[str, AgreementOut]
    by_auditor: dict[str, AgreementOut]


class AgreedOut(Schema):
    name: str
    redecided: int
    agreed: int
    rate: float | None


class FrontDoorOut(Schema):
    overall: AgreedOut
    by_team: list[AgreedOut]
    by_manager: list[AgreedOut]


class FiguresOut(Schema):
    name: str
    raised: int
    open: int
    days_to_response: float | None
    days_to_resolution: float | None


class EscalationsOut(Schema):
    overall: FiguresOut
    by_team: list[FiguresOut]
    by_about: list[FiguresOut]


def _reader(request: HttpRequest) -> None:
    if not reads_audits(request.user):  # type: ignore[arg-type]
        raise HttpError(403, "Quality assurance is for QA officers, managers and IROs")


@router.get("/programmes", response=list[ProgrammeOut], summary="Audit programmes and samples")
def get_programmes(request: HttpRequest) -> list[ProgrammeOut]:
    _reader(request)
    return [
        ProgrammeOut(
            id=p.pk,
            name=p.name,
            theme=p.theme,
            method=p.method,
            stratify_by=p.stratify_by,
            target_indicator=p.target_indicator,
            sample_size=p.sample_size,
            questions=p.questions,
            samples=[
                SampleBrief(
                    id=s.pk,
                    period_start=s.period_start,
                    period_end=s.period_end,
                    seed=s.seed,
                    population=s.population,
                    cases=s.cases.count(),
                )
                for s in p.samples.all()
            ],
        )  # fmt: skip
        for p in AuditProgramme.objects.prefetch_related("samples")
    ]


@router.get("/samples/{sample_id}", response=SampleOut, summary="One sample's cases, unnamed")
def get_sample(request: HttpRequest, sample_id: int) -> SampleOut:
    _reader(request)
    sample = get_object_or_404(Sample.objects.select_related("programme"), pk=sample_id)
    cases = list(sample.cases.select_related("child", "audit"))
    seen = visible_among(request.user, {c.child_id for c in cases})  # type: ignore[arg-type]
    log_access(request, LIST_CHILDREN, detail=f"api: audit sample {sample.pk}", child_ids=seen)
    return SampleOut(
        id=sample.pk, programme=sample.programme.name, period_start=sample.period_start,
        period_end=sample.period_end, seed=sample.seed, method=sample.method,
        population=sample.population,
        cases=[_case(c, c.child_id in seen) for c in cases],
    )  # fmt: skip


def _case(case: SampledCase, visible: bool) -> CaseOut:
    audit: Audit | None = getattr(case, "audit", None)
    return CaseOut(
        position=case.position, child_id=case.child_id if visible else None,
        la_child_id=case.child.la_child_id if visible else None,
        stratum=case.stratum, why=case.why, audit_id=audit.pk if audit else None,
        audit_status=audit.status if audit else "not-started",
    )  # fmt: skip


@router.get("/audits/{audit_id}", response=AuditOut, summary="One audit: grades, actions")
def get_audit(request: HttpRequest, audit_id: int) -> AuditOut:
    _reader(request)
    audit = get_object_or_404(
        Audit.objects.select_related("case__child", "auditor", "team"), pk=audit_id
    )
    child = audit.case.child
    if not visible_among(request.user, {child.pk}):  # type: ignore[arg-type]
        raise Http404("No such audit, or you do not have access to this child's record")
    log_access(request, VIEW_CHILD, child.pk, f"api: audit {audit.pk}")
    return AuditOut(
        id=audit.pk, child_id=child.pk, la_child_id=child.la_child_id,
        auditor=audit.auditor.display_name, status=audit.status, overall=audit.overall,
        completed_on=audit.completed_on, team=audit.team.name if audit.team else None,
        grades=[GradeOut(domain=g.domain, name=domain_name(g.domain), grade=g.grade,
                         evidence=g.evidence) for g in audit.grades.all()],
        actions=[ActionOut(text=a.text, owner=a.owner.display_name, due_on=a.due_on,
                           done_on=a.done_on) for a in audit.actions.select_related("owner")],
        moderation=_moderation(audit),
    )  # fmt: skip


def _moderation(audit: Audit) -> ModerationOut | None:
    found = getattr(audit, "moderation", None)
    if found is None:
        return None
    return ModerationOut(
        moderator=found.moderator.display_name, moderated_on=found.moderated_on,
        overall=found.overall, agrees=found.agrees, reason=found.reason,
        grades=[ModeratedOut(domain=g.domain, grade=g.grade, reason=g.reason)
                for g in found.grades.all()],
    )  # fmt: skip


def _agreement(found: Agreement) -> AgreementOut:
    return AgreementOut(pairs=found.pairs, agreed=found.agreed, within_one=found.within_one,
                        rate=found.rate, kappa=found.kappa)  # fmt: skip


@router.get("/moderation", response=ModerationStatsOut, summary="Moderation agreement and kappa")
def get_moderation(request: HttpRequest) -> ModerationStatsOut:
    _reader(request)
    audits = reports.completed()
    return ModerationStatsOut(
        by_domain={k: _agreement(v) for k, v in reports.moderation_by_domain(audits).items()},
        by_auditor={k: _agreement(v) for k, v in reports.moderation_by_auditor(audits).items()},
    )


@router.get("/front-door", response=FrontDoorOut, summary="Dip-sample agreement by team, manager")
def get_front_door(request: HttpRequest) -> FrontDoorOut:
    _reader(request)
    found = front_door_agreement()

    def out(a: object) -> AgreedOut:
        return AgreedOut(**asdict(a), rate=a.rate)  # type: ignore[call-overload, attr-defined]

    return FrontDoorOut(overall=out(found.overall), by_team=[out(a) for a in found.by_team],
                        by_manager=[out(a) for a in found.by_manager])  # fmt: skip


@router.get("/escalations", response=EscalationsOut, summary="How escalations are answered")
def get_escalations(request: HttpRequest) -> EscalationsOut:
    """Counts and medians over the escalations that are the reader's (all, for leaders)."""
    _reader(request)
    return EscalationsOut(**asdict(escalation_summary(escalations_for(request.user))))  # type: ignore[arg-type]
