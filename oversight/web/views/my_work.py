"""My work: the start page, showing each role the work it answers for.

Practitioners see their own overdue and due-soon work, then their team's; team managers
their team's, worker by worker; service managers and senior leaders each team's counts;
IROs the conferences and reviews due for the children they chair; administrators see
that they have no access to case records.
"""

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.accounts.models import User
from oversight.accounts.roles import Role, Scope
from oversight.casework.access import visible_children, visible_rows
from oversight.casework.services.break_glass import unseen_alerts
from oversight.casework.worklists import summary_by_team, worklist
from oversight.web.access_log import LIST_CHILDREN, log_access
from oversight.web.permissions import teams_for
from oversight.web.views.pages import today
from oversight.web.work import by_worker, children_in, work_items

IRO_RULES = (
    "icpc",
    "rcpc-first",
    "rcpc-next",
    "cla-first-review",
    "cla-second-review",
    "cla-next-review",
    "permanence-plan",  # the IRO sees that the plan is made by the second review
)


def my_work(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    role, day = user.role_enum, today()
    if user.scope == Scope.NONE:
        return render(request, "web/my_work/no_access.html", {"title": "My work"})
    if role in (Role.SERVICE_MANAGER, Role.SENIOR_LEADER):
        context = teams_context(user, day, "My work") | {"alerts": unseen_alerts(user)}
        return render(request, "web/my_work/teams.html", context)
    pages = {Role.PRACTITIONER: _practitioner, Role.TEAM_MANAGER: _team_manager, Role.IRO: _iro}
    if role in pages:
        return pages[role](request, user, day)
    return render(
        request,
        "web/my_work/reader.html",
        {"title": "My work", "day": day, "has_children": visible_children(user, day).exists()},
    )


def _practitioner(request: HttpRequest, user: User, day: date) -> HttpResponse:
    own = work_items(visible_rows(worklist(day, worker=user), user, day), day)
    team: list = []
    if user.team_id:
        others = worklist(day, team=user.team).exclude(worker=user)
        team = work_items(visible_rows(others, user, day), day)
    context = {"title": "My work", "own": own, "team_items": team, "team": user.team, "day": day}
    log_access(request, LIST_CHILDREN, detail="my work: own and team worklist",
               child_ids=children_in(own + team))  # fmt: skip
    return render(request, "web/my_work/practitioner.html", context)


def _team_manager(request: HttpRequest, user: User, day: date) -> HttpResponse:
    items = []
    if user.team_id:
        items = work_items(visible_rows(worklist(day, team=user.team), user, day), day)
    overdue = sum(item.is_overdue for item in items)
    context = {
        "title": "My work",
        "team": user.team,
        "groups": by_worker(items),
        "day": day,
        "overdue": overdue,
        "due_soon": len(items) - overdue,
    }
    log_access(request, LIST_CHILDREN, detail="my work: team worklist",
               child_ids=children_in(items))  # fmt: skip
    return render(request, "web/my_work/team_manager.html", context)


def _iro(request: HttpRequest, user: User, day: date) -> HttpResponse:
    deadlines = visible_rows(worklist(day).filter(rule__in=IRO_RULES), user, day)
    items = work_items(deadlines, day)
    context = {"title": "My work", "items": items, "day": day}
    log_access(request, LIST_CHILDREN, detail="my work: conferences and reviews due",
               child_ids=children_in(items))  # fmt: skip
    return render(request, "web/my_work/iro.html", context)


def teams_context(user: User, day: date, title: str) -> dict[str, object]:
    """Each team this manager oversees, with its overdue and due-soon counts."""
    summary = summary_by_team(day)
    rows = [
        {
            "team": team,
            "overdue": getattr(summary.get(team.pk), "overdue", 0),
            "due_soon": getattr(summary.get(team.pk), "due_soon", 0),
        }
        for team in teams_for(user).select_related("service")
    ]
    rows.sort(key=lambda row: (-row["overdue"], row["team"].name))
    return {"title": title, "rows": rows, "day": day}
