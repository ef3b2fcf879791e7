"""The workers behind a figure of the workforce (agency rate, turnover), where the children
behind other figures are listed.

Who left and who is an agency worker is staff data: the list is for those who read
figures by worker (their managers and analysts), and a manager sees their own teams'
workers only. No child is named, so no child is logged; the list's reading is.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.accounts.models import Team, User
from oversight.accounts.roles import Role
from oversight.performance.catalogue import Base, Indicator
from oversight.performance.engine import UnitRow
from oversight.web.access_log import EXPORT, LIST_WORKERS, log_access
from oversight.web.downloads import Table
from oversight.web.permissions import reads_worker_figures, teams_for

WORKERS_PER_PAGE = 100
REFUSED = "The workers behind a figure are for their managers and performance analysts"


# Who sees every worker listed, in a team or in none; a manager sees their own teams'.
WHOLE_LA = (Role.PERFORMANCE_ANALYST, Role.SENIOR_LEADER)


def shown_to(user: User, units: list[UnitRow]) -> list[UnitRow]:
    """The units ``user`` may see listed (PermissionDenied for who reads no worker's)."""
    if not reads_worker_figures(user):
        raise PermissionDenied(REFUSED)
    if user.role_enum in WHOLE_LA:
        return list(units)
    teams = set(teams_for(user).values_list("pk", flat=True))
    return [u for u in units if u.team_id in teams]


def workers_page(
    request: HttpRequest, indicator: Indicator, units: list[UnitRow], context: dict[str, object]
) -> HttpResponse:
    """The page of the workers behind the figure (``context``: the page's filters)."""
    user: User = request.user  # type: ignore[assignment]
    seen = shown_to(user, units)
    shown = seen
    counted_only = context["counted_only"]
    if counted_only is not None:
        shown = [u for u in shown if u.counted is counted_only]
    page = Paginator(shown, WORKERS_PER_PAGE).get_page(request.GET.get("page"))
    log_access(request, LIST_WORKERS, detail=f"workers behind {indicator.id}: {len(shown)}")
    total, counted = len(units), sum(u.counted for u in units)
    context |= {
        "title": f"Workers behind: {indicator.title}",
        "units_word": "workers",
        "counted": counted,
        "base": total - counted if indicator.base is Base.UNCOUNTED else total,
        "page": page,
        "hidden": len(units) - len(seen),
        "workers": _named(page.object_list),
    }
    return render(request, "web/performance/workers.html", context)


def workers_table(request: HttpRequest, indicator: Indicator, units: list[UnitRow]) -> Table:
    """The workers behind the figure, as a download, with the same rules as the page."""
    user: User = request.user  # type: ignore[assignment]
    shown = shown_to(user, units)
    rows = [[worker.display_name if worker else "", team, unit.event, unit.at,
             "yes" if unit.counted else "no", "agency" if worker and worker.is_agency
             else "employed"] for unit, worker, team in _named(shown)]  # fmt: skip
    log_access(request, EXPORT, detail=f"workers behind {indicator.id}: {len(rows)} rows")
    columns = ["Worker", "Team", "What was counted", "Date", "In the numerator", "Employed by"]
    return Table(f"Workers behind: {indicator.title}", columns, rows, [])


def _named(units: Iterable[UnitRow]) -> list[tuple[UnitRow, User | None, str]]:
    rows = list(units)
    workers = User.objects.in_bulk({u.worker_id for u in rows if u.worker_id is not None})
    teams = dict(Team.objects.values_list("pk", "name"))
    return [(u, workers.get(u.worker_id or 0), teams.get(u.team_id or 0, "")) for u in rows]
