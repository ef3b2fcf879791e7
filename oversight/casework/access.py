"""Need-to-know: the one way to fetch children for a user.

Every page, endpoint and export that shows children goes through ``visible_children``
or ``child_for``; no view calls ``Child.objects`` directly.
"""

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from oversight.accounts.models import User
from oversight.accounts.roles import Role, Scope
from oversight.casework.models import Allocation, Child, Plan, PlanKind


def visible_children(user: User, today: date | None = None) -> QuerySet[Child]:
    """The children this user may see, by role and scope; restricted records only if named."""
    if not user.is_authenticated or not user.is_active:
        return Child.objects.none()
    children = _in_scope(user, today or timezone.localdate())
    return children.filter(Q(restricted=False) | Q(restricted_to=user)).distinct()


def _in_scope(user: User, today: date) -> QuerySet[Child]:
    scope = user.scope
    if scope == Scope.NONE:
        return Child.objects.none()
    if scope == Scope.LA:
        if user.role == Role.INSPECTOR and not inside_inspection_window(user, today):
            return Child.objects.none()
        return Child.objects.all()
    if user.role == Role.IRO:
        return Child.objects.filter(Exists(_open_plans_chaired_by_iros()))
    if scope == Scope.SERVICE and user.service_id:
        last_service = Subquery(_latest_allocation().values("team__service_id"))
        return Child.objects.annotate(last_service=last_service).filter(
            last_service=user.service_id
        )
    if scope in (Scope.TEAM, Scope.CASELOAD) and user.team_id:
        # Practitioners see their own team's children (DESIGN.md §2), as team managers do.
        last_team = Subquery(_latest_allocation().values("team_id"))
        return Child.objects.annotate(last_team=last_team).filter(last_team=user.team_id)
    return Child.objects.none()


def _latest_allocation() -> QuerySet[Allocation]:
    """The child's most recent allocation: open, or ended when the case closed.

    A team keeps sight of the children it last worked with, so a closed case can be
    found again when a new contact comes in; a transfer moves the child to the new team.
    """
    return Allocation.objects.filter(child=OuterRef("pk")).order_by("-start_on", "-id")[:1]


def _open_plans_chaired_by_iros() -> QuerySet[Plan]:
    # Until IROs are named on each plan, an IRO sees children on CP and care plans.
    return Plan.objects.filter(
        child=OuterRef("pk"), end_on__isnull=True, kind__in=[PlanKind.CP, PlanKind.CARE]
    )


def inside_inspection_window(user: User, today: date) -> bool:
    start, end = user.inspection_window_start, user.inspection_window_end
    return start is not None and end is not None and start <= today <= end


def visible_among(user: User, ids: set[int], today: date | None = None) -> set[int]:
    """Which of these children the user may see (one query, whatever the user's scope)."""
    return ids & set(visible_children(user, today).values_list("pk", flat=True))


def child_for(user: User, pk: int) -> Child:
    """One child's record, or 404 when it does not exist or the user may not see it."""
    try:
        return visible_children(user).get(pk=pk)
    except Child.DoesNotExist:
        raise Http404("No such child, or you do not have access to this child's record") from None
