"""Recording a child's move to a new placement, with why the child moved (and the new
legal status, when it changed with the move); a new legal status in the same placement;
the year's outcomes of a child looked after for 12 months; and the child's previous
permanence.

As the other recording forms: only roles that record work may open it, the child is
fetched through ``casework.access``, and a refusal of the service shows on the form.
"""

from datetime import date, timedelta

from django.http import HttpRequest, HttpResponse

from oversight.casework import services
from oversight.casework.access import child_for
from oversight.casework.models import Child, HealthCheckKind
from oversight.timescales import add_months
from oversight.web.forms import save
from oversight.web.forms.care import (
    LegalStatusForm,
    MovePlacementForm,
    PreviousPermanenceForm,
    YearOutcomesForm,
    years_ending,
)
from oversight.web.permissions import records_work_required
from oversight.web.record import current_placement, period_start
from oversight.web.views.pages import form_page, posted, recorded
from oversight.web.views.recording import back_to
from oversight.web.words import long_date


@records_work_required
def move_placement(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    current = current_placement(child)
    form = MovePlacementForm(posted(request))
    if form.is_valid() and current is None:
        form.add_error(None, f"{child.full_name} is not in a placement now: nothing to move from")
    elif form.is_valid():
        data = form.cleaned_data

        def record() -> None:
            assert current is not None
            move = dict(on=data["moved_on"], placement_type=data["placement_type"],
                        change_reason=data["change_reason"], provider=data["provider"],
                        long_term=bool(data["long_term"]), postcode=data["postcode"],
                        urn=data["urn"], by=request.user)  # fmt: skip
            if data["legal_status"] and data["legal_status"] != current.episode.legal_status:
                services.change_legal_status_and_placement(
                    current.episode, current, legal_status=data["legal_status"], **move
                )
            else:
                services.change_placement(current.episode, current, **move)

        if save(form, record):
            return recorded(request, child, "Move to a new placement recorded")
    return form_page(request, form, title="Record a move to a new placement",
                     submit="Save the move", back=back_to(child), child=child)  # fmt: skip


@records_work_required
def change_legal_status(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    current = current_placement(child)
    form = LegalStatusForm(posted(request))
    if form.is_valid() and current is None:
        form.add_error(None, f"{child.full_name} is not in a placement now: the legal status "
                       "is recorded for a child looked after")  # fmt: skip
    elif form.is_valid():
        data = form.cleaned_data

        def record() -> None:
            assert current is not None
            services.change_legal_status(
                current.episode, current, on=data["changed_on"],
                legal_status=data["legal_status"], by=request.user,
            )  # fmt: skip

        if save(form, record):
            return recorded(request, child, "New legal status recorded")
    return form_page(request, form, title="Record a new legal status", submit="Save",
                     back=back_to(child), child=child)  # fmt: skip


@records_work_required
def record_outcomes(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    form = YearOutcomesForm(posted(request), initial=_held(child))
    _say_what_is_recorded(form, child)
    if form.is_valid():
        data = form.cleaned_data

        def record() -> None:
            services.record_year_outcomes(
                child, year_end=data["year_end"], sdq_score=data["sdq_score"],
                sdq_reason=data["sdq_reason"], convicted=data["convicted"],
                health_check=data["health_check"], immunisations=data["immunisations"],
                teeth_check=data["teeth_check"], health_assessment=data["health_assessment"],
                substance_misuse=data["substance_misuse"],
                intervention_received=data["intervention_received"],
                intervention_offered=data["intervention_offered"], by=request.user,
            )  # fmt: skip

        if save(form, record):
            return recorded(request, child, "The year's outcomes recorded")
    return form_page(request, form, title="Record the year's outcomes",
                     submit="Save the outcomes", back=back_to(child), child=child)  # fmt: skip


def _say_what_is_recorded(form: YearOutcomesForm, child: Child) -> None:
    """Beside the health assessment and teeth check questions, the checks the records hold
    in the years the form offers, to answer them from."""
    first = add_months(date.fromisoformat(years_ending()[-1][0]), -12) + timedelta(days=1)
    for field, kind in (("health_assessment", HealthCheckKind.HEALTH_ASSESSMENT),
                        ("teeth_check", HealthCheckKind.DENTAL_CHECK)):  # fmt: skip
        days = child.health_checks.filter(kind=kind, done_on__gte=first).order_by("done_on")
        listed = ", ".join(long_date(check.done_on) for check in days)
        # The form's bound field holds its own copy of the hint, made with the form.
        hint = f"{kind.label}s recorded since {long_date(first)}: {listed or 'none'}"
        form.fields[field].help_text = form[field].help_text = hint


def _held(child: Child) -> dict[str, object]:
    """What is held for the latest year, to start from: saving the form replaces it."""
    held = child.year_outcomes.first()
    if held is None:
        return {}
    return {name: getattr(held, name) for name in YearOutcomesForm.base_fields} | {
        "year_end": held.year_end.isoformat()
    }


@records_work_required
def record_permanence(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    began = period_start(child)
    held = {} if began is None else {
        "option": began.previous_permanence, "la_code": began.previous_permanence_la,
        "made_on": began.previous_permanence_on,
    }  # fmt: skip
    form = PreviousPermanenceForm(posted(request), initial=held)
    if form.is_valid() and began is None:
        form.add_error(None, f"{child.full_name} is not looked after now: there is no period "
                       "of care to record it for")  # fmt: skip
    elif form.is_valid():
        data = form.cleaned_data

        def record() -> None:
            assert began is not None
            services.record_previous_permanence(
                began, option=data["option"], la_code=data["la_code"], on=data["made_on"]
            )

        if save(form, record):
            return recorded(request, child, "Previous permanence recorded")
    return form_page(request, form, title="Record previous permanence",
                     submit="Save", back=back_to(child), child=child)  # fmt: skip
