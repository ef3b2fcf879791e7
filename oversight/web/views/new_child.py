"""Recording a contact about a child the authority does not know yet.

The child is registered (``register_child``, then ``record_child_details`` for a UPN
given), allocated to the recorder's team so the
front door can pick the contact up, and the contact recorded, all in one transaction.
"""

import secrets

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from oversight.accounts.models import User
from oversight.casework import services
from oversight.casework.access import visible_children
from oversight.casework.models import Child
from oversight.casework.services import CaseworkError
from oversight.casework.services.child_details import record_child_details
from oversight.web.forms import save
from oversight.web.forms.front_door import NewChildContactForm
from oversight.web.permissions import records_work_required
from oversight.web.views.pages import form_page, posted, recorded

DUPLICATE_ID = (
    "a child with this LA child id is already recorded: search for the child, or leave the id empty"
)


@records_work_required
def new_child_contact(request: HttpRequest) -> HttpResponse:
    form = NewChildContactForm(posted(request))
    made: list[Child] = []
    if form.is_valid() and save(
        form, lambda: made.append(register_with_contact(request.user, form))
    ):
        child = made[0]
        if visible_children(request.user).filter(pk=child.pk).exists():
            return recorded(request, child, "Contact recorded")
        messages.success(request, f"Contact recorded for {child.full_name} ({child.la_child_id})")
        return redirect("web:my-work")
    return form_page(
        request,
        form,
        title="Record a contact about a new child",
        submit="Save contact",
        back=reverse("web:children"),
    )


def register_with_contact(user: User, form: NewChildContactForm) -> Child:
    data = form.cleaned_data
    child = _register(user, data)
    if data["upn"]:
        record_child_details(child, upn=data["upn"])
    if user.team_id:
        services.allocate(child, user.team, None, data["received_on"], by=user)
    services.record_contact(
        child,
        received_on=data["received_on"],
        source_code=data["source"],
        summary=data["summary"],
        team=user.team,
        by=user,
    )
    return child


def _register(user: User, data: dict) -> Child:
    try:
        with transaction.atomic():
            return services.register_child(
                la_child_id=data["la_child_id"] or new_la_child_id(),
                first_name=data["first_name"],
                last_name=data["last_name"],
                sex=data["sex"],
                date_of_birth=data["date_of_birth"],
                ethnicity=data["ethnicity"],
                by=user,
            )
    except IntegrityError:
        raise CaseworkError("la_child_id", DUPLICATE_ID) from None


def new_la_child_id() -> str:
    """A fresh id for a child first known through Oversight (the database keeps it unique)."""
    return f"OV{secrets.token_hex(4).upper()}"
