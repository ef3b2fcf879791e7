"""Team pages for managers: the teams they oversee, and one team's caseloads and work."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from oversight.accounts.models import Team, User
from oversight.casework.access import visible_rows
from oversight.casework.models import Allocation
from oversight.casework.worklists import summary_by_rule, worklist
from oversight.performance.refresh import latest_refresh
from oversight.web.access_log import LIST_CHILDREN, log_access
from oversight.web.indicators import team_figures
from oversight.web.permissions import teams_for
from oversight.web.views.my_work import teams_context
from oversight.web.views.pages import today
from oversight.web.words import rule_title
from oversight.web.work import children_in, work_items


def teams(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not teams_for(user).exists():
        raise PermissionDenied("Team pages are for managers")
    return render(request, "web/my_work/teams.html", teams_context(user, today(), "Teams"))


def team(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    team = get_object_or_404(teams_for(user), pk=pk)
    day = today()
    items = work_items(visible_rows(worklist(day, team=team), user, day), day)
    context = {
        "title": team.name,
        "team": team,
        "caseloads": caseloads(team),
        "items": items,
        "by_rule": by_rule(team, day),
        "day": day,
        "figures": team_figures(run, team.pk) if (run := latest_refresh()) else [],
        "run": run,
    }
    log_access(request, LIST_CHILDREN, detail=f"team page: {team.name}",
               child_ids=children_in(items))  # fmt: skip
    return render(request, "web/team.html", context)


def caseloads(team: Team) -> list[dict[str, object]]:
    """Children allocated now to each worker in the team (members with none show 0)."""
    counts = dict(
        Allocation.objects.filter(team=team, end_on__isnull=True)
        .values_list("worker")
        .annotate(children=Count("child", distinct=True))
    )
    workers = User.objects.filter(pk__in=[pk for pk in counts if pk]) | team.members.filter(
        is_active=True
    )
    rows = [
        {
            "name": w.display_name,
            "role": w.get_role_display(),
            "agency": w.is_agency,
            "children": counts.get(w.pk, 0),
        }
        for w in workers.distinct()
    ]
    rows.sort(key=lambda row: (-row["children"], row["name"]))
    if counts.get(None):
        rows.append(
            {
                "name": "Not allocated to a worker",
                "role": "",
                "agency": False,
                "children": counts[None],
            }
        )
    return rows


def by_rule(team: Team, day: date) -> list[dict[str, object]]:
    """Overdue and due-soon work in the team, by what is due."""
    rows = [
        {"what": rule_title(rule), "overdue": s.overdue, "due_soon": s.due_soon}
        for rule, s in summary_by_rule(day, team).items()
    ]
    return sorted(rows, key=lambda row: (-row["overdue"], row["what"]))
