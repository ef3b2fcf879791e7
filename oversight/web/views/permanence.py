"""Recording a child in care's permanence plan, under the child's open care plan.

As the other recording forms: only roles that record work may open it, the child is
fetched through ``casework.access``, and a refusal of the service shows on the form.
"""

from django.http import HttpRequest, HttpResponse

from oversight.casework import services
from oversight.casework.access import child_for
from oversight.casework.models import PlanKind
from oversight.web.forms import save
from oversight.web.forms.permanence import PermanencePlanForm
from oversight.web.permissions import records_work_required
from oversight.web.record import open_plan
from oversight.web.views.pages import form_page, posted, recorded
from oversight.web.views.recording import back_to


@records_work_required
def record_permanence_plan(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    care_plan = open_plan(child, PlanKind.CARE)
    form = PermanencePlanForm(posted(request))
    if form.is_valid() and care_plan is None:
        form.add_error(None, f"{child.full_name} has no care plan open: a permanence plan is "
                       "made under the care plan of a child in care")  # fmt: skip
    elif form.is_valid():

        def record() -> None:
            assert care_plan is not None
            services.record_permanence_plan(care_plan, by=request.user, **form.cleaned_data)

        if save(form, record):
            return recorded(request, child, "Permanence plan recorded")
    return form_page(request, form, title="Record the permanence plan", submit="Save the plan",
                     back=back_to(child), child=child)  # fmt: skip
