"""Team pages for managers: the teams they oversee, and one team's caseloads and work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from oversight.accounts.models import Team, User
from oversight.accounts.roles import Role
from oversight.casework.access import visible_rows
from oversight.casework.models import Allocation, Child
from oversight.casework.worklists import summary_by_rule, worklist
from oversight.performance.refresh import latest_refresh
from oversight.timescales import add_months
from oversight.web.access_log import LIST_CHILDREN, log_access
from oversight.web.indicators import team_figures
from oversight.web.permissions import allocates, teams_for
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
    waiting = waiting_for_a_worker(visible_rows(held_by(team), user, day), day)
    context = {
        "title": team.name,
        "team": team,
        "caseloads": caseloads(team),
        "workforce": TeamWorkforce.of(team, day),
        "waiting": waiting,
        "can_allocate": allocates(user, None),
        "items": items,
        "by_rule": by_rule(team, day),
        "day": day,
        "figures": team_figures(run, team.pk) if (run := latest_refresh()) else [],
        "run": run,
    }
    log_access(request, LIST_CHILDREN, detail=f"team page: {team.name}",
               child_ids=children_in(items) | {row.child.pk for row in waiting})  # fmt: skip
    return render(request, "web/team.html", context)


def held_by(team: Team) -> QuerySet[Allocation]:
    """The team's children whose social worker is not in post: none is allocated, or the
    one allocated has left."""
    current = Allocation.objects.filter(team=team, end_on__isnull=True)
    return current.filter(Q(worker__isnull=True) | Q(worker__is_active=False))


@dataclass(frozen=True)
class Waiting:
    """A child of the team waiting for a worker, since when, and why."""

    child: Child
    since: date
    days: int
    why: str


def waiting_for_a_worker(held: QuerySet[Allocation], day: date) -> list[Waiting]:
    """Longest waiting first: since the allocation to the team alone, or since their
    worker left (the day the account ended)."""
    rows = []
    for allocation in held.select_related("child", "worker"):
        worker = allocation.worker
        if worker is None:
            since, why = allocation.start_on, "Not allocated to a worker"
        else:
            since = max(worker.left_on or allocation.start_on, allocation.start_on)
            why = f"{worker.display_name} has left"
        rows.append(Waiting(allocation.child, since, (day - since).days, why))
    return sorted(rows, key=lambda row: (row.since, row.child.last_name, row.child.pk))


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
            "left_on": None if w.is_active else w.left_on,
            "left": not w.is_active,
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


@dataclass(frozen=True)
class TeamWorkforce:
    """The team's practitioners in post on ``day``, and those who left in the 12 months to
    it: the DfE's workforce measures (agency rate, turnover) for one team, in people."""

    in_post: int
    agency: int
    permanent_leavers: int
    agency_leavers: int

    @classmethod
    def of(cls, team: Team, day: date) -> TeamWorkforce:
        in_post = Q(is_active=True)
        left = Q(is_active=False, left_on__gt=add_months(day, -12), left_on__lte=day)
        counts = User.objects.filter(team=team, role=Role.PRACTITIONER).aggregate(
            in_post=Count("pk", filter=in_post),
            agency=Count("pk", filter=in_post & Q(is_agency=True)),
            permanent_leavers=Count("pk", filter=left & Q(is_agency=False)),
            agency_leavers=Count("pk", filter=left & Q(is_agency=True)),
        )
        return cls(**counts)

    @property
    def permanent(self) -> int:
        return self.in_post - self.agency

    @property
    def agency_rate(self) -> int | None:
        """Agency workers, a percentage of the practitioners in post."""
        return round(100 * self.agency / self.in_post) if self.in_post else None

    @property
    def turnover(self) -> int | None:
        """Permanent leavers in the year, a percentage of the permanent workers in post."""
        return round(100 * self.permanent_leavers / self.permanent) if self.permanent else None


def by_rule(team: Team, day: date) -> list[dict[str, object]]:
    """Overdue and due-soon work in the team, by what is due."""
    rows = [
        {"what": rule_title(rule), "overdue": s.overdue, "due_soon": s.due_soon}
        for rule, s in summary_by_rule(day, team).items()
    ]
    return sorted(rows, key=lambda row: (-row["overdue"], row["what"]))
