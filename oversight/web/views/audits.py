"""Case audits: programmes, their samples, the audit form, actions and moderation.

Every change goes through ``quality.services``; a refusal is shown on the form against
its field. A sampled child's name and record are shown only to those who may see the
child (``visible_among``); a sample lists children, so opening it is logged.
"""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.accounts.models import User
from oversight.casework.access import visible_among
from oversight.casework.models import Allocation
from oversight.inspection import plans
from oversight.quality import reports, services
from oversight.quality.domains import GRADES, STRATA, THEMES
from oversight.quality.models import (
    Audit,
    AuditAction,
    AuditProgramme,
    Moderation,
    Sample,
    SampledCase,
)
from oversight.web.access_log import LIST_CHILDREN, VIEW_CHILD, log_access
from oversight.web.forms.audits import (
    ActionForm,
    AuditForm,
    DrawForm,
    EvidenceForm,
    ModerationForm,
    ProgrammeForm,
)
from oversight.web.forms.saving import locked, save
from oversight.web.permissions import (
    audit_planning_required,
    audits_required,
    edits_improvement,
    plans_audits,
)
from oversight.web.views.pages import form_page, posted, today

# Programmes and samples


@audits_required
def programmes(request: HttpRequest) -> HttpResponse:
    shown = [(p, reports.progress(p)) for p in AuditProgramme.objects.all()]
    context = {
        "title": "Case audits",
        "programmes": shown,
        "themes": THEMES,
        "plans": plans_audits(request.user),  # type: ignore[arg-type]
    }
    return render(request, "web/audits/programmes.html", context)


@audit_planning_required
def new_programme(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(posted(request), initial={"sample_size": 10, "allow_repeats": False})
    if form.is_valid():
        facts = services.ProgrammeFacts(**form.cleaned_data)
        if save(form, lambda: services.create_programme(facts, request.user)):  # type: ignore[arg-type]
            messages.success(request, f"Programme set up: {facts.name}")
            return redirect("web:audits")
    return form_page(request, form, title="Set up an audit programme", submit="Save programme",
                     back=reverse("web:audits"))  # fmt: skip


@audit_planning_required
def draw(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(AuditProgramme, pk=pk)
    form = DrawForm(posted(request))
    drawn: list[Sample] = []  # the sample, once drawn inside ``save``
    if form.is_valid():
        data = form.cleaned_data

        def draw_it() -> None:
            start, end = data["period_start"], data["period_end"]
            drawn.append(services.draw_sample(programme, start, end, request.user, data["seed"]))  # type: ignore[arg-type]

        if save(form, draw_it):
            messages.success(request, f"{drawn[0].cases.count()} cases drawn, seed {drawn[0].seed}")
            return redirect("web:audit-sample", pk=drawn[0].pk)
    return form_page(request, form, title=f"Draw a sample: {programme.name}", submit="Draw sample",
                     back=reverse("web:audits"), about="web/audits/programme_about.html",
                     programme=programme, strata=STRATA)  # fmt: skip


@audits_required
def sample(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = get_object_or_404(Sample.objects.select_related("programme", "drawn_by"), pk=pk)
    cases = list(chosen.cases.select_related("child", "audit", "audit__moderation"))
    visible = visible_among(request.user, {c.child_id for c in cases}, today())  # type: ignore[arg-type]
    log_access(request, LIST_CHILDREN, detail=f"audit sample {chosen.pk}: {chosen}",
               child_ids=visible)  # fmt: skip
    context = {
        "title": f"Sample: {chosen.programme.name}",
        "sample": chosen,
        "cases": [(case, case.child_id in visible, _audit_of(case)) for case in cases],
    }
    return render(request, "web/audits/sample.html", context)


def _audit_of(case: SampledCase) -> Audit | None:
    try:
        return case.audit
    except Audit.DoesNotExist:
        return None


@require_POST
@audits_required
def start(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = get_object_or_404(SampledCase, pk=case_pk)
    _check_visible(request, case.child_id, f"audit of sampled case {case.pk} started")
    try:
        started = services.start_audit(case, request.user)  # type: ignore[arg-type]
    except services.QualityError as refused:
        messages.error(request, refused.message[:1].upper() + refused.message[1:])
        return redirect("web:audit-sample", pk=case.sample_id)
    return redirect("web:audit", pk=started.pk)


def _check_visible(request: HttpRequest, child_id: int, what: str = "audit") -> None:
    """An audit shows a child's case: 404 when the user may not see the child, and a
    view of the child's record in the access log when they may."""
    if not visible_among(request.user, {child_id}, today()):  # type: ignore[arg-type]
        raise Http404("No such audit, or you do not have access to this child's record")
    log_access(request, VIEW_CHILD, child_id=child_id, detail=what)


# The audit


def _visible_audit(request: HttpRequest, pk: int) -> Audit:
    related = ("case__child", "case__sample__programme", "auditor")
    found = get_object_or_404(Audit.objects.select_related(*related), pk=pk)
    _check_visible(request, found.case.child_id, f"audit {found.pk}")
    return found


def _moderation(audit: Audit) -> Moderation | None:
    try:
        return audit.moderation
    except Audit.moderation.RelatedObjectDoesNotExist:  # type: ignore[attr-defined]
        return None


def _initial(audit: Audit) -> dict[str, object]:
    found: dict[str, object] = {"overall": audit.overall, "summary": audit.summary}
    found["learning"] = ", ".join(audit.learning)
    for grade in audit.grades.all():
        found[f"grade_{grade.domain}"], found[f"evidence_{grade.domain}"] = (
            grade.grade,
            grade.evidence,
        )
    return found


@audits_required
def audit(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = _visible_audit(request, pk)
    domains = services.domains_of(chosen.case)
    moderation = _moderation(chosen)
    edits = chosen.auditor_id == request.user.pk and moderation is None
    form = AuditForm(posted(request) if edits else None, initial=_initial(chosen), record=chosen,
                     domains=domains)  # fmt: skip
    if edits and form.is_valid():
        data = form.cleaned_data
        facts = services.AuditFacts(
            {k: services.Graded(data[f"grade_{k}"], data[f"evidence_{k}"]) for k in domains},
            data["overall"], data["summary"], data["learning"],
        )  # fmt: skip

        def complete() -> None:
            services.complete_audit(locked(Audit.objects, chosen.pk, form), facts, today())

        if save(form, complete):
            messages.success(request, "Audit completed")
            return redirect("web:audit", pk=chosen.pk)
    context = {
        "title": "Case audit",
        "audit": chosen,
        "form": form,
        "edits": edits,
        "grades": [(domains.get(g.domain, g.domain), g) for g in chosen.grades.all()],
        "moderation": moderation,
        "moderates": _may_moderate(request.user, chosen, moderation),  # type: ignore[arg-type]
        "acts": chosen.auditor_id == request.user.pk or plans_audits(request.user),  # type: ignore[arg-type]
        "actions": chosen.actions.select_related("owner"),
        "today": today(),
    }
    return render(request, "web/audits/audit.html", context)


def _may_moderate(user: User, audit: Audit, moderation: Moderation | None) -> bool:
    return audit.status == "complete" and audit.auditor_id != user.pk and moderation is None


def _acts_on(request: HttpRequest, audit: Audit) -> None:
    if audit.auditor_id != request.user.pk and not plans_audits(request.user):  # type: ignore[arg-type]
        raise Http404("Only the auditor and those who plan audits record its actions")


def owners_for(audit: Audit) -> QuerySet[User]:
    """The people of the child's team now: who an action for the case may go to."""
    allocations = Allocation.objects.filter(child_id=audit.case.child_id, end_on__isnull=True)
    teams = allocations.values_list("team_id", flat=True)
    return User.objects.filter(team_id__in=teams, is_active=True).order_by("first_name", "username")


@audits_required
def add_action(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = _visible_audit(request, pk)
    _acts_on(request, chosen)
    form = ActionForm(posted(request), owners=owners_for(chosen))
    if form.is_valid():
        data = form.cleaned_data
        if save(form, lambda: services.add_action(chosen, data["text"], data["owner"],
                                                  data["due_on"], today())):  # fmt: skip
            messages.success(request, "Action added")
            return redirect("web:audit", pk=chosen.pk)
    back = reverse("web:audit", kwargs={"pk": chosen.pk})
    return form_page(request, form, title="Add an action for the case", submit="Save action",
                     back=back)  # fmt: skip


@require_POST
@audits_required
def action_done(request: HttpRequest, action_pk: int) -> HttpResponse:
    action = get_object_or_404(AuditAction, pk=action_pk)
    chosen = _visible_audit(request, action.audit_id)
    _acts_on(request, chosen)
    if action.done_on is None:
        services.complete_action(action, today())
        messages.success(request, f"Action done: {action}")
    return redirect("web:audit", pk=chosen.pk)


# Moderation


@audits_required
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = _visible_audit(request, pk)
    if not _may_moderate(request.user, chosen, _moderation(chosen)):  # type: ignore[arg-type]
        raise Http404("This audit is not open to you for moderation")
    domains = services.domains_of(chosen.case)
    firsts = {g.domain: (domains.get(g.domain, g.domain), g.grade) for g in chosen.grades.all()}
    firsts["overall"] = ("Overall grade", chosen.overall)
    form = ModerationForm(posted(request), firsts=firsts)
    if form.is_valid():
        data = form.cleaned_data
        seconds = {k: services.Second(data[f"grade_{k}"], data[f"reason_{k}"])
                   for k in firsts if k != "overall"}  # fmt: skip
        overall = services.Second(data["overall"], data["reason_overall"])
        if save(form, lambda: services.moderate(chosen, request.user, seconds, overall, today())):  # type: ignore[arg-type]
            messages.success(request, "Moderation recorded")
            return redirect("web:audit", pk=chosen.pk)
    back = reverse("web:audit", kwargs={"pk": chosen.pk})
    return form_page(request, form, title="Moderate the audit", submit="Save moderation",
                     back=back, about="web/audits/audit_about.html", audit=chosen,
                     grades=GRADES)  # fmt: skip


# Results as evidence for the self-evaluation


@audit_planning_required
def link_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(AuditProgramme, pk=pk)
    if not edits_improvement(request.user):  # type: ignore[arg-type]
        raise Http404("Your role does not change the self-evaluation")
    form = EvidenceForm(posted(request))
    if form.is_valid():
        data = form.cleaned_data
        ref = reports.reference(programme, data["period_start"], data["period_end"])
        if save(form, lambda: plans.link_audit(data["area"], ref, request.user)):  # type: ignore[arg-type]
            messages.success(request, f"Linked to {data['area'].name}: {ref}")
            return redirect("web:self-evaluation", year=data["area"].evaluation.year)
    return form_page(request, form, title=f"Use as self-evaluation evidence: {programme.name}",
                     submit="Link results", back=reverse("web:audits"))  # fmt: skip
