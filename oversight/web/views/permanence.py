"""Recording what is made in a child in care's period of care, under the child's open
care plan: the permanence plan, health assessments and dental checks.

As the other recording forms: only roles that record work may open them, the child is
fetched through ``casework.access``, and a refusal of the service shows on the form.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from oversight.casework import services
from oversight.casework.access import child_for
from oversight.casework.models import HealthCheckKind, Plan, PlanKind
from oversight.web.forms import save
from oversight.web.forms.base import GovukForm
from oversight.web.forms.health import HealthCheckForm
from oversight.web.forms.permanence import PermanencePlanForm
from oversight.web.permissions import records_work_required
from oversight.web.record import open_plan
from oversight.web.views.pages import form_page, posted, recorded
from oversight.web.views.recording import back_to


@records_work_required
def record_permanence_plan(request: HttpRequest, pk: int) -> HttpResponse:
    return _under_care_plan(
        request, pk, PermanencePlanForm(posted(request)), services.record_permanence_plan,
        title="Record the permanence plan", submit="Save the plan",
        saved=lambda _data: "Permanence plan recorded",
        refused="has no care plan open: a permanence plan is made under the care plan of a "
        "child in care",
    )  # fmt: skip


@records_work_required
def record_health_check(request: HttpRequest, pk: int) -> HttpResponse:
    return _under_care_plan(
        request, pk, HealthCheckForm(posted(request)), services.record_health_check,
        title="Record a health assessment or dental check", submit="Save",
        saved=lambda data: f"{HealthCheckKind(data['kind']).label} recorded",
        refused="is not in care: health assessments and dental checks are recorded here for "
        "a child in care",
    )  # fmt: skip


def _under_care_plan(
    request: HttpRequest,
    pk: int,
    form: GovukForm,
    service: Callable[..., object],
    *,
    title: str,
    submit: str,
    saved: Callable[[dict], str],
    refused: str,
) -> HttpResponse:
    child = child_for(request.user, pk)
    care_plan: Plan | None = open_plan(child, PlanKind.CARE)
    if form.is_valid() and care_plan is None:
        form.add_error(None, f"{child.full_name} {refused}")
    elif form.is_valid():

        def record() -> None:
            service(care_plan, by=request.user, **form.cleaned_data)

        if save(form, record):
            return recorded(request, child, saved(form.cleaned_data))
    return form_page(request, form, title=title, submit=submit, back=back_to(child),
                     child=child)  # fmt: skip
