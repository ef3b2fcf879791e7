"""Who has looked at this child: the access log's entries for one child, for senior leaders.

The child comes through ``casework.access.child_for``, so a senior leader sees the log only
of a child whose record they may open; opening the log is itself logged.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role
from oversight.casework.access import child_for
from oversight.casework.policy_rules import reads_access_log
from oversight.web.access_log import EXPORT, LIST_CHILDREN, VIEW_ACCESS_LOG, VIEW_CHILD, log_access

PER_PAGE = 50
ACTIONS = {
    VIEW_CHILD: "Viewed the record",
    LIST_CHILDREN: "Listed children",
    EXPORT: "Exported or downloaded",
    VIEW_ACCESS_LOG: "Viewed who has looked at this child",
    "break-glass": "Opened the restricted record (broke the glass)",
}


def who_looked(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not reads_access_log(user):
        raise PermissionDenied("Who has looked at a child's record is for senior leaders")
    record = child_for(user, pk)
    # Logged first, so the page shows this view too and counts what it lists.
    requested = request.GET.get("page", "1")[:10]
    log_access(request, VIEW_ACCESS_LOG, child_id=record.pk, detail=f"page {requested}")
    events = AccessEvent.objects.filter(child_id=record.pk).order_by("-sequence")
    page = Paginator(events, PER_PAGE).get_page(requested)
    who = {e.user_id for e in page if e.user_id}
    people = {u.pk: u.display_name for u in User.objects.filter(pk__in=who)}
    context = {
        "title": f"Who has looked at {record.full_name}'s record",
        "child": record,
        "page": page,
        "rows": [_row(e, people) for e in page],
        "elided": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
    }
    return render(request, "web/child/access_log.html", context)


def _row(event: AccessEvent, people: dict[int, str]) -> dict[str, object]:
    return {
        "at": event.at,
        "who": people.get(event.user_id or 0, event.username) or "Not signed in",
        "username": event.username,
        "role": _role_label(event.role),
        "what": ACTIONS.get(event.action, event.action),
        "detail": event.detail,
        "reason": event.reason,
        "address": event.address or "Not known",
    }


def _role_label(role: str) -> str:
    try:
        return Role(role).label
    except ValueError:  # a role since retired: shown as it was recorded
        return role
