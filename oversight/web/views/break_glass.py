"""Restricted records: the page shown instead of the record, break-glass, and its alerts.

A user in whose scope a restricted record falls, but who is not named on it, sees that
the record is restricted (never whose it is) and may open it for an hour by giving a
reason: the grant is written to the access log with the reason, and each senior leader
is alerted on their My work page.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from oversight.accounts.models import User
from oversight.casework.access import may_break_glass
from oversight.casework.services.break_glass import break_glass, mark_seen
from oversight.web.access_log import log_access
from oversight.web.forms import save
from oversight.web.forms.break_glass import BreakGlassForm
from oversight.web.permissions import alerts_required
from oversight.web.views.pages import posted

BREAK_GLASS = "break-glass"


def restricted(request: HttpRequest, pk: int, form: BreakGlassForm | None = None) -> HttpResponse:
    """The page shown in place of a restricted record (403: the record is not yet open)."""
    context = {"title": "This record is restricted", "pk": pk, "form": form or BreakGlassForm()}
    return render(request, "web/restricted.html", context, status=403)


def open_restricted(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not may_break_glass(user, pk):
        raise Http404("No such child, or you do not have access to this child's record")
    form = BreakGlassForm(posted(request))
    if not form.is_bound or not form.is_valid():
        return restricted(request, pk, form)
    reason = form.cleaned_data["reason"]
    if not save(form, lambda: break_glass(user, pk, reason)):
        return restricted(request, pk, form)
    log_access(request, BREAK_GLASS, child_id=pk, reason=reason)
    messages.success(request, "You have opened this restricted record for one hour")
    return redirect("web:child", pk=pk)


@require_POST
@alerts_required
def alert_seen(request: HttpRequest, pk: int) -> HttpResponse:
    mark_seen(request.user, pk)  # type: ignore[arg-type]
    return redirect("web:my-work")
