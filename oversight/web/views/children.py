"""Children: search within the children a user may see, and one child's record.

Children come only from ``casework.access``; every list and every record viewed is
written to the access log.
"""

from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.accounts.models import User
from oversight.accounts.roles import Scope
from oversight.casework.access import RestrictedRecord, child_for, visible_children
from oversight.casework.models import Allocation, Child
from oversight.web.access_log import LIST_CHILDREN, VIEW_CHILD, log_access
from oversight.web.permissions import allocates, records_oversight, records_work
from oversight.web.record import record_context
from oversight.web.views import break_glass
from oversight.web.views.pages import today

PER_PAGE = 25


def children(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    query = request.GET.get("q", "").strip()[:100]
    page = _page(search(visible_children(user, today()), query), request.GET.get("page"))
    for shown in page:  # the list needs an age to tell children apart, not a date of birth
        shown.age_now = shown.age_on(today())
    log_access(request, LIST_CHILDREN, detail=f"search {query!r}, page {page.number}",
               child_ids=[shown.pk for shown in page])  # fmt: skip
    context = {
        "title": "Children",
        "query": query,
        "page_query": urlencode({"q": query}) + "&" if query else "",
        "page": page,
        "no_access": user.scope == Scope.NONE,
        "elided": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "can_record": records_work(user),
    }
    return render(request, "web/children.html", context)


def search(children: QuerySet[Child], query: str) -> QuerySet[Child]:
    """Every word must match part of a first name, last name or LA child id."""
    for word in query.split():
        children = children.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(la_child_id__icontains=word)
        )
    return children


def _page(children: QuerySet[Child], number: str | None) -> Page:
    current = Allocation.objects.filter(end_on__isnull=True).select_related("team", "worker")
    ordered = children.order_by("last_name", "first_name", "pk").prefetch_related(
        Prefetch("allocations", queryset=current, to_attr="current_allocations")
    )
    return Paginator(ordered, PER_PAGE).get_page(number)


def child(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    try:
        record = child_for(user, pk)
    except RestrictedRecord:
        return break_glass.restricted(request, pk)
    log_access(request, VIEW_CHILD, child_id=record.pk)
    context = record_context(record, today())
    can_oversee = records_oversight(user)
    context.update(
        title=record.full_name, can_record=records_work(user), can_oversee=can_oversee,
        can_allocate=allocates(user, context["held"]),  # type: ignore[arg-type]
    )  # fmt: skip
    return render(request, "web/child.html", context)
