"""Need-to-know: the one way to fetch children for a user.

Every page, endpoint and export that shows children goes through ``visible_children``
or ``child_for`` (or, for rows about children such as a worklist's deadlines,
``visible_rows``); no view calls ``Child.objects`` directly.

A restricted record is seen only by the users named on it, and by a user in whose scope
it falls who has broken the glass (given a reason, for a limited time: ``BreakGlass``).
"""

from datetime import date
from typing import TypeVar

from django.db.models import Exists, Model, OuterRef, Q, QuerySet, Subquery
from django.db.models.lookups import Exact
from django.http import Http404
from django.utils import timezone

from oversight.accounts.models import User
from oversight.accounts.roles import Role, Scope
from oversight.casework.models import Allocation, BreakGlass, Child, Plan, PlanKind

M = TypeVar("M", bound=Model)


class RestrictedRecord(Http404):
    """The child is in the user's scope but restricted to others: they may break the glass."""

    def __init__(self, pk: int) -> None:
        super().__init__("This record is restricted")
        self.pk = pk


def visible_children(user: User, today: date | None = None) -> QuerySet[Child]:
    """The children this user may see, by role and scope; restricted records only if named
    or opened through an unexpired break-glass grant."""
    return visible_rows(Child.objects.all(), user, today, child="pk")


def visible_rows(
    rows: QuerySet[M], user: User, today: date | None = None, child: str = "child"
) -> QuerySet[M]:
    """The rows about children (deadlines, visits ...) whose child this user may see.

    The rules of ``visible_children``, asked of each row's own child (the field ``child``)
    with correlated subqueries, so a worklist costs what its own rows cost rather than a
    pass over every child in the LA (and stays so as the LA, or a region, grows).
    """
    if not user.is_authenticated or not user.is_active:
        return rows.none()
    in_scope = _scope_rule(user, today or timezone.localdate(), child)
    if in_scope is None:
        return rows.none()
    return rows.filter(in_scope, _unrestricted_rule(user, child))


def _scope_rule(user: User, today: date, child: str) -> Q | None:
    """Which children fall in the user's scope (None: none do; an empty Q: all do)."""
    scope = user.scope
    if scope == Scope.NONE:
        return None
    if scope == Scope.LA:
        if user.role == Role.INSPECTOR and not inside_inspection_window(user, today):
            return None
        return Q()
    if user.role == Role.IRO:
        return Q(Exists(_open_plans_chaired_by_iros(child)))
    if scope == Scope.SERVICE and user.service_id:
        last_service = Subquery(_latest_allocation(child).values("team__service_id"))
        return Q(Exact(last_service, user.service_id))
    if scope in (Scope.TEAM, Scope.CASELOAD) and user.team_id:
        # Practitioners see their own team's children (DESIGN.md §2), as team managers do.
        return Q(Exact(Subquery(_latest_allocation(child).values("team_id")), user.team_id))
    return None


def _unrestricted_rule(user: User, child: str) -> Q:
    """Not restricted, or restricted to this user, or opened by them through break-glass.

    Subqueries rather than a join on the named users, so that no row comes out twice and
    nothing needs DISTINCT.
    """
    restricted = "restricted" if child == "pk" else f"{child}__restricted"
    named = Child.restricted_to.through.objects.filter(child_id=OuterRef(child), user_id=user.pk)
    opened = BreakGlass.objects.filter(user=user, until__gt=timezone.now(), child=OuterRef(child))
    return Q(**{restricted: False}) | Q(Exists(named)) | Q(Exists(opened))


def may_break_glass(user: User, pk: int, today: date | None = None) -> bool:
    """A restricted record in the user's scope that does not name them.

    Administrators have no scope, so never break the glass; nor does an inspector outside
    the inspection window.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    in_scope = _scope_rule(user, today or timezone.localdate(), "pk")
    if in_scope is None:
        return False
    restricted = Child.objects.filter(in_scope, pk=pk, restricted=True)
    return restricted.exclude(restricted_to=user).exists()


def _latest_allocation(child: str) -> QuerySet[Allocation]:
    """The child's most recent allocation: open, or ended when the case closed.

    A team keeps sight of the children it last worked with, so a closed case can be
    found again when a new contact comes in; a transfer moves the child to the new team.
    """
    return Allocation.objects.filter(child=OuterRef(child)).order_by("-start_on", "-id")[:1]


def _open_plans_chaired_by_iros(child: str) -> QuerySet[Plan]:
    # Until IROs are named on each plan, an IRO sees children on CP and care plans.
    return Plan.objects.filter(
        child=OuterRef(child), end_on__isnull=True, kind__in=[PlanKind.CP, PlanKind.CARE]
    )


def inside_inspection_window(user: User, today: date) -> bool:
    start, end = user.inspection_window_start, user.inspection_window_end
    return start is not None and end is not None and start <= today <= end


# Up to this many children are looked up by id; more, and every child the user may see is
# read instead (on the demo LA of 11,000 children, a thousand ids take 5 ms, all 50 ms).
LOOKED_UP_BY_ID = 2000


def visible_among(user: User, ids: set[int], today: date | None = None) -> set[int]:
    """Which of these children the user may see (one query, whatever the user's scope)."""
    visible = visible_children(user, today)
    if len(ids) <= LOOKED_UP_BY_ID:
        return set(visible.filter(pk__in=ids).values_list("pk", flat=True))
    return ids & set(visible.values_list("pk", flat=True))


def child_for(user: User, pk: int) -> Child:
    """One child's record, or 404 when it does not exist or the user may not see it.

    A restricted record the user could break the glass on raises ``RestrictedRecord``
    (a 404 everywhere except the child's record page, which offers break-glass).
    """
    try:
        return visible_children(user).get(pk=pk)
    except Child.DoesNotExist:
        if may_break_glass(user, pk):
            raise RestrictedRecord(pk) from None
        raise Http404("No such child, or you do not have access to this child's record") from None
