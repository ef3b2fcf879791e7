"""Who has looked at this child: the access log's entries for one child, for senior leaders.

The entries about the child alone, and the lists and exports that showed the child among
others (``accounts.access_log.entries_about``). The child comes through
``casework.access.child_for``, so a senior leader sees the log only of a child whose record
they may open; opening the log is itself logged.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.accounts.access_log import entries_about
from oversight.accounts.models import AccessEvent, ListedChild, User
from oversight.accounts.roles import Role
from oversight.casework.access import child_for
from oversight.casework.policy_rules import reads_access_log
from oversight.web.access_log import (
    EXPORT,
    LIST_CHILDREN,
    VIEW_ACCESS_LOG,
    VIEW_ADOPTERS,
    VIEW_CHILD,
    log_access,
)

PER_PAGE = 50
ACTIONS = {
    VIEW_CHILD: "Viewed the record",
    LIST_CHILDREN: "Listed children",
    EXPORT: "Exported or downloaded",
    VIEW_ACCESS_LOG: "Viewed who has looked at this child",
    "break-glass": "Opened the restricted record (broke the glass)",
    VIEW_ADOPTERS: "Viewed the prospective adopters the child was matched with",
}


def who_looked(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not reads_access_log(user):
        raise PermissionDenied("Who has looked at a child's record is for senior leaders")
    record = child_for(user, pk)
    # Logged first, so the page shows this view too and counts what it lists.
    requested = request.GET.get("page", "1")[:10]
    log_access(request, VIEW_ACCESS_LOG, child_id=record.pk, detail=f"page {requested}")
    page = Paginator(entries_about(record.pk), PER_PAGE).get_page(requested)
    events = list(AccessEvent.objects.filter(sequence__in=list(page)).order_by("-sequence"))
    who = {e.user_id for e in events if e.user_id}
    people = {u.pk: u.display_name for u in User.objects.filter(pk__in=who)}
    context = {
        "title": f"Who has looked at {record.full_name}'s record",
        "child": record,
        "page": page,
        "rows": [_row(e, people, among) for e, among in _with_list_sizes(events)],
        "elided": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
    }
    return render(request, "web/child/access_log.html", context)


def _with_list_sizes(events: list[AccessEvent]) -> list[tuple[AccessEvent, int]]:
    """Each entry with the number of children it listed (0 for an entry about one child)."""
    sizes = dict(
        ListedChild.objects.filter(event_id__in=[e.sequence for e in events])
        .values_list("event_id")
        .annotate(n=Count("id"))
    )
    return [(e, sizes.get(e.sequence, 0)) for e in events]


def _row(event: AccessEvent, people: dict[int, str], among: int) -> dict[str, object]:
    shown_with = f"this child and {among - 1} other{'s' if among > 2 else ''}" if among > 1 else ""
    return {
        "at": event.at,
        "who": people.get(event.user_id or 0, event.username) or "Not signed in",
        "username": event.username,
        "role": _role_label(event.role),
        "what": ACTIONS.get(event.action, event.action),
        "detail": "; ".join(filter(None, [event.detail, shown_with])),
        "reason": event.reason,
        "address": event.address or "Not known",
    }


def _role_label(role: str) -> str:
    try:
        return Role(role).label
    except ValueError:  # a role since retired: shown as it was recorded
        return role
