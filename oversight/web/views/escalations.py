"""Escalations by CP chairs and IROs: raised from a child's record, answered, resolved.

An IRO raises one from the record of a child they may see (``child_for``); the manager it
is raised to responds; the IRO who raised it records the resolution. Each user lists the
escalations that are theirs: a manager those raised to them, an IRO those they raised,
senior leaders and QA officers all of them. A child's name is shown only to those who may
see the child. Every change goes through ``quality.services`` with optimistic locking.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework.access import child_for, visible_among
from oversight.quality.models import Escalation
from oversight.quality.services import raise_escalation, resolve, respond
from oversight.quality.summaries import escalation_summary
from oversight.web.access_log import LIST_CHILDREN, VIEW_CHILD, log_access
from oversight.web.forms import locked, save
from oversight.web.forms.quality import EscalationForm, ResolveForm, RespondForm
from oversight.web.permissions import escalations_required
from oversight.web.views.pages import form_page, posted, today
from oversight.web.views.recording import back_to

SEES_ALL = {Role.SENIOR_LEADER, Role.QA_OFFICER}


def escalations_for(user: User) -> QuerySet[Escalation]:
    """The escalations that are this user's to read."""
    found = Escalation.objects.select_related("child", "raised_by", "raised_to", "deadline__team")
    if user.role_enum in SEES_ALL:
        return found
    if user.role_enum == Role.IRO:
        return found.filter(raised_by=user)
    return found.filter(raised_to=user)


@dataclass(frozen=True)
class Shown:
    """One escalation as a list shows it: the child named only if the reader may see them."""

    escalation: Escalation
    child_visible: bool
    today: date

    @property
    def days_open(self) -> int:
        return self.escalation.days_open(self.today)

    @property
    def days_to_response(self) -> int | None:
        return self.escalation.days_to_respond()


def _shown(user: User, escalations: list[Escalation]) -> list[Shown]:
    visible = visible_among(user, {e.child_id for e in escalations})
    day = today()
    return [Shown(e, e.child_id in visible, day) for e in escalations]


@escalations_required
def escalations(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    mine = escalations_for(user)
    found = sorted(mine, key=lambda e: (not e.is_open, e.raised_on if e.is_open else -e.pk))
    shown = _shown(user, found)
    named = [s.escalation.child_id for s in shown if s.child_visible]
    log_access(request, LIST_CHILDREN, detail="escalations", child_ids=named)
    context = {
        "title": "Escalations",
        "shown": shown,
        "summary": escalation_summary(mine),
    }
    return render(request, "web/escalations/list.html", context)


def _raises(user: User) -> None:
    if user.role_enum != Role.IRO:
        raise PermissionDenied("Escalations are raised by child protection chairs and IROs")


@escalations_required
def raise_for_child(request: HttpRequest, pk: int) -> HttpResponse:
    _raises(request.user)  # type: ignore[arg-type]
    child = child_for(request.user, pk)  # type: ignore[arg-type]
    form = EscalationForm(posted(request))
    if form.is_valid():
        data, raised = form.cleaned_data, []

        def escalate() -> None:
            raised.append(raise_escalation(child, request.user, data["raised_to"], data["about"],
                                           data["concern"], today()))  # type: ignore[arg-type]  # fmt: skip

        if save(form, escalate):
            messages.success(request, f"Escalation raised to {data['raised_to'].display_name}")
            return redirect("web:escalation", escalation=raised[0].pk)
    return form_page(request, form, title="Raise an escalation", submit="Raise the escalation",
                     back=back_to(child), child=child)  # fmt: skip


def _escalation(request: HttpRequest, pk: int) -> Escalation:
    return get_object_or_404(escalations_for(request.user), pk=pk)  # type: ignore[arg-type]


def _forms(user: User, escalation: Escalation, posted_form: object = None) -> dict[str, object]:
    """The form this user may use now: respond if it was raised to them, resolve if theirs."""
    responds = not escalation.responded_on and (
        user.pk == escalation.raised_to_id or user.role_enum == Role.SENIOR_LEADER
    )
    resolves = bool(escalation.responded_on) and escalation.is_open
    resolves = resolves and user.pk == escalation.raised_by_id
    return {
        "respond_form": (posted_form or RespondForm(record=escalation)) if responds else None,
        "resolve_form": (posted_form or ResolveForm(record=escalation)) if resolves else None,
    }


@escalations_required
def escalation(request: HttpRequest, escalation: int) -> HttpResponse:
    return _detail(request, _escalation(request, escalation))


def _detail(request: HttpRequest, found: Escalation, form: object = None) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    item = _shown(user, [found])[0]
    if item.child_visible:  # the page names the child: a view of their record
        log_access(request, VIEW_CHILD, child_id=found.child_id, detail=f"escalation {found.pk}")
    context = {
        "title": f"Escalation: {found.get_about_display()}",
        "item": item,
        "form": form,
        **_forms(user, found, form),
    }
    return render(request, "web/escalations/escalation.html", context)


@escalations_required
def respond_to(request: HttpRequest, escalation: int) -> HttpResponse:
    found = _escalation(request, escalation)
    form = RespondForm(posted(request), record=found)
    if form.is_valid():

        def answer() -> None:
            respond(locked(Escalation.objects, found.pk, form), request.user,  # type: ignore[arg-type]
                    form.cleaned_data["response"], today())  # fmt: skip

        if save(form, answer):
            messages.success(request, "Response recorded")
            return redirect("web:escalation", escalation=found.pk)
    return _detail(request, found, form)


@escalations_required
def resolve_it(request: HttpRequest, escalation: int) -> HttpResponse:
    found = _escalation(request, escalation)
    form = ResolveForm(posted(request), record=found)
    if form.is_valid():

        def close() -> None:
            resolve(locked(Escalation.objects, found.pk, form), request.user,  # type: ignore[arg-type]
                    form.cleaned_data["resolution"], today())  # fmt: skip

        if save(form, close):
            messages.success(request, "Escalation resolved")
            return redirect("web:escalation", escalation=found.pk)
    return _detail(request, found, form)


def escalation_link(pk: int) -> str:
    return reverse("web:escalation", kwargs={"escalation": pk})
