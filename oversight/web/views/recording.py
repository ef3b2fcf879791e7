"""Forms that record work on a child's record, each through a casework service.

Only roles that record work may open or send them (403 otherwise); the child is fetched
through ``casework.access``, so a child out of reach is a 404. Success goes back to the
child's record with a banner; a refusal is shown on the form against its field.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from oversight.casework import services
from oversight.casework.access import child_for
from oversight.casework.models import Child, ContactOutcome, PlanKind, VisitKind
from oversight.web.forms import locked, save
from oversight.web.forms.front_door import ContactForm, DecideContactForm, DecideReferralForm
from oversight.web.forms.practice import OversightForm, VisitForm
from oversight.web.permissions import records_oversight_required, records_work_required
from oversight.web.record import current_allocation, current_placement, open_plan, open_plans
from oversight.web.views.pages import form_page, posted, recorded

PLAN_FOR_VISIT = {
    VisitKind.CP: PlanKind.CP,
    VisitKind.CIN: PlanKind.CIN,
    VisitKind.CLA: PlanKind.CARE,
    VisitKind.PA: PlanKind.PATHWAY,
}


def back_to(child: Child) -> str:
    return reverse("web:child", kwargs={"pk": child.pk})


@records_work_required
def record_contact(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    form = ContactForm(posted(request))
    if form.is_valid():
        data, allocation = form.cleaned_data, current_allocation(child)
        team = allocation.team if allocation else request.user.team

        def record() -> None:
            services.record_contact(
                child,
                received_on=data["received_on"],
                source_code=data["source"],
                summary=data["summary"],
                team=team,
                by=request.user,
            )

        if save(form, record):
            return recorded(request, child, "Contact recorded")
    return form_page(
        request,
        form,
        title="Record a contact",
        submit="Save contact",
        back=back_to(child),
        child=child,
    )


@records_work_required
def decide_contact(request: HttpRequest, pk: int, contact_pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    contact = get_object_or_404(child.contacts, pk=contact_pk)
    form = DecideContactForm(posted(request))
    if form.is_valid():
        data = form.cleaned_data
        need = data["primary_need"] if data["outcome"] == ContactOutcome.REFERRAL else ""

        def decide() -> None:
            services.decide_contact(
                contact,
                outcome=data["outcome"],
                decided_on=data["decided_on"],
                by=request.user,
                primary_need=need,
            )

        if save(form, decide):
            return recorded(request, child, "Contact decision recorded")
    return form_page(
        request,
        form,
        title="Decide what happens to the contact",
        submit="Save decision",
        back=back_to(child),
        child=child,
        about="web/about/contact.html",
        contact=contact,
    )


@records_work_required
def decide_referral(request: HttpRequest, pk: int, referral_pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    referral = get_object_or_404(child.referrals, pk=referral_pk)
    initial = {"primary_need": referral.primary_need}
    form = DecideReferralForm(posted(request), record=referral, initial=initial)
    if form.is_valid():
        data = form.cleaned_data

        def decide() -> None:
            current = locked(child.referrals.all(), referral.pk, form)
            services.decide_referral(
                current,
                decision=data["decision"],
                decided_on=data["decided_on"],
                by=request.user,
                primary_need=data["primary_need"],
            )

        if save(form, decide):
            return recorded(request, child, "Referral decision recorded")
        referral.refresh_from_db()  # show the latest details beside the form
    return form_page(
        request,
        form,
        title="Record the referral decision",
        submit="Save decision",
        back=back_to(child),
        child=child,
        about="web/about/referral.html",
        referral=referral,
    )


@records_work_required
def record_visit(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    form = VisitForm(posted(request), initial={"kind": _only_visit_kind(child)})
    if form.is_valid() and _save_visit(request, child, form):
        return recorded(request, child, "Visit recorded")
    return form_page(
        request,
        form,
        title="Record a visit",
        submit="Save visit",
        back=back_to(child),
        child=child,
    )


def _only_visit_kind(child: Child) -> str | None:
    """The kind of visit to choose first, when the child has exactly one kind of open plan."""
    open_kinds = set(open_plans(child).values_list("kind", flat=True))
    kinds = [visit for visit, plan in PLAN_FOR_VISIT.items() if plan in open_kinds]
    return kinds[0] if len(kinds) == 1 else None


def _save_visit(request: HttpRequest, child: Child, form: VisitForm) -> bool:
    """A visit is made under the child's open plan of its kind (and placement, in care)."""
    data = form.cleaned_data
    kind = VisitKind(data["kind"])
    plan = open_plan(child, PLAN_FOR_VISIT[kind])
    if plan is None:
        plan_words = PLAN_FOR_VISIT[kind].label.lower()
        form.add_error(
            "kind",
            f"{child.full_name} has no open {plan_words}: choose the kind of visit "
            "that matches the child's plan",
        )
        return False
    placement = current_placement(child) if kind == VisitKind.CLA else None

    def record() -> None:
        services.record_visit(
            child,
            kind=kind,
            visited_on=data["visited_on"],
            plan=plan,
            placement=placement,
            worker=request.user,
            by=request.user,
            **form.voice(),
        )

    return save(form, record)


@records_oversight_required
def record_oversight(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    form = OversightForm(posted(request))
    if form.is_valid():
        data = form.cleaned_data

        def record() -> None:
            services.record_oversight(
                child,
                kind=data["kind"],
                recorded_on=data["recorded_on"],
                manager=request.user,
                note=data["note"],
                by=request.user,
            )

        if save(form, record):
            return recorded(request, child, "Management oversight recorded")
    return form_page(
        request,
        form,
        title="Record management oversight",
        submit="Save oversight",
        back=back_to(child),
        child=child,
    )
