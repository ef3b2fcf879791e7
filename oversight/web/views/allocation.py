"""Allocating a child to a team and a social worker (``AllocationForm``), for managers.

A team manager allocates the children of their team, a service manager those of their
service's teams: to a worker of the team, to another team (a transfer), or to the team
alone while the child waits for a worker (when their worker has left, say). The previous
allocation ends the day before, and the child's open work moves with them
(``services.allocate``). A child the manager no longer sees afterwards (moved to a team
they do not manage) is not shown to them again: the manager goes back to the team page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from oversight.accounts.models import User
from oversight.casework import services
from oversight.casework.access import child_for, visible_children
from oversight.casework.models import Child
from oversight.web.forms import save
from oversight.web.forms.allocation import WAITING, AllocationForm
from oversight.web.permissions import allocates, records_oversight_required
from oversight.web.record import current_allocation
from oversight.web.views.pages import form_page, posted
from oversight.web.views.recording import back_to

CHANGED = (
    "The child's allocation changed since you opened this form: check who holds the child "
    "now, and choose again"
)


@records_oversight_required
def allocate(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    child = child_for(user, pk)
    current = current_allocation(child)
    if not allocates(user, current):
        raise PermissionDenied("You allocate the children of the teams you manage")
    form = AllocationForm(posted(request), current=current)
    if form.is_valid():
        data = form.cleaned_data
        team, worker = data["allocate_to"]

        def record() -> None:
            Child.objects.select_for_update().get(pk=child.pk)  # one allocation at a time
            if form.changed_since_opened(current_allocation(child)):
                raise services.CaseworkError("allocate_to", CHANGED)
            services.allocate(child, team, worker, data["start_on"], by=user,
                              change_reason=data["change_reason"])  # fmt: skip

        if save(form, record):
            held = worker.display_name if worker else WAITING
            messages.success(request, f"{child.full_name} is allocated to {team.name}: {held}")
            if visible_children(user).filter(pk=child.pk).exists():
                return redirect("web:child", pk=child.pk)
            return redirect("web:team", pk=current.team_id) if current else redirect("web:teams")
    return form_page(request, form, title="Allocate the child", submit="Save the allocation",
                     back=back_to(child), child=child)  # fmt: skip
