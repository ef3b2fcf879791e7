"""Who may do what in the web interface, beyond which children they see.

Which children a user sees is decided by ``casework.access`` alone. Here: who records
work (``Role.records_work``), who records management oversight, and which teams'
pages a manager may open.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from oversight.accounts.models import Team, User
from oversight.accounts.roles import Role

View = Callable[..., HttpResponse]
OVERSEERS = {Role.TEAM_MANAGER, Role.SERVICE_MANAGER}


def records_work(user: User) -> bool:
    return user.is_authenticated and user.role_enum.records_work


def records_oversight(user: User) -> bool:
    """Team managers and above, among the roles that record work."""
    return records_work(user) and user.role_enum in OVERSEERS


def _requires(test: Callable[[User], bool]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not test(request.user):  # type: ignore[arg-type]
                raise PermissionDenied("Your role does not record this work")
            return view(request, *args, **kwargs)

        return checked

    return decorator


records_work_required = _requires(records_work)
records_oversight_required = _requires(records_oversight)


def teams_for(user: User) -> QuerySet[Team]:
    """The teams whose pages a manager may open: own team, own service, or the whole LA."""
    role = user.role_enum
    if role == Role.SENIOR_LEADER:
        return Team.objects.all()
    if role == Role.SERVICE_MANAGER:
        return Team.objects.filter(service_id=user.service_id)
    if role == Role.TEAM_MANAGER:
        return Team.objects.filter(pk=user.team_id)
    return Team.objects.none()
