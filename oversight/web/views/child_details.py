"""Correcting what is held about a child beyond registration (``ChildDetailsForm``).

As the other recording forms: only roles that record work may open it, the child is
fetched through ``casework.access``, a refusal of the service shows on the form, and a
record changed by someone else since the form was opened is not overwritten.
"""

from django.http import HttpRequest, HttpResponse

from oversight.casework import services
from oversight.casework.access import child_for
from oversight.casework.models import Child
from oversight.web.forms import save
from oversight.web.forms.child_details import ChildDetailsForm
from oversight.web.forms.saving import locked
from oversight.web.permissions import records_work_required
from oversight.web.views.pages import form_page, posted, recorded
from oversight.web.views.recording import back_to


@records_work_required
def change_details(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    form = ChildDetailsForm(posted(request), child=child)
    if form.is_valid():
        data = form.cleaned_data

        def record() -> None:
            services.change_child_details(
                locked(Child.objects, child.pk, form), upn=data["upn"],
                former_upn=data["former_upn"], died_on=data["died_on"],
                is_mother=data.get("is_mother"),
                first_child_born_on=data.get("first_child_born_on"),
            )  # fmt: skip

        if save(form, record):
            return recorded(request, child, "The child's details saved")
    return form_page(request, form, title="Change the child's details",
                     submit="Save the details", back=back_to(child), child=child)  # fmt: skip
