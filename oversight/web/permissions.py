"""Who may do what in the web interface, beyond which children they see.

Which children a user sees is decided by ``casework.access`` alone. Here: who records
work (``Role.records_work``), who records management oversight, and which teams'
pages a manager may open.
"""

from collections.abc import Callable, Collection
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from oversight.accounts.models import Team, User
from oversight.accounts.roles import Role
from oversight.casework.access import inside_inspection_window

View = Callable[..., HttpResponse]
OVERSEERS = {Role.TEAM_MANAGER, Role.SERVICE_MANAGER}


def records_work(user: User) -> bool:
    return user.is_authenticated and user.role_enum.records_work


def records_oversight(user: User) -> bool:
    """Team managers and above, among the roles that record work."""
    return records_work(user) and user.role_enum in OVERSEERS


def _requires(
    test: Callable[[User], bool], reason: str = "Your role does not record this work"
) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not test(request.user):  # type: ignore[arg-type]
                raise PermissionDenied(reason)
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


# Who reads the performance pages: those who manage, assure, analyse or inspect the work.
PERFORMANCE_READERS = {
    Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER, Role.QA_OFFICER,
    Role.PERFORMANCE_ANALYST, Role.IRO, Role.INSPECTOR,
}  # fmt: skip
# A figure for each named worker is staff performance data: for their managers and analysts.
WORKER_FIGURE_READERS = {
    Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER, Role.PERFORMANCE_ANALYST,
}  # fmt: skip


def _holds(user: User, roles: Collection[Role]) -> bool:
    """Signed in with one of ``roles``."""
    return user.is_authenticated and user.role_enum in roles


def _reads(user: User, roles: Collection[Role]) -> bool:
    """Signed in with one of ``roles``; an inspector only inside the inspection window."""
    if not _holds(user, roles):
        return False
    return user.role_enum != Role.INSPECTOR or inside_inspection_window(user, timezone.localdate())


def reads_performance(user: User) -> bool:
    return _reads(user, PERFORMANCE_READERS)


def reads_worker_figures(user: User) -> bool:
    return _holds(user, WORKER_FIGURE_READERS)


performance_required = _requires(
    reads_performance, "The performance pages are for managers, QA officers and analysts"
)


# Inspection outcomes are public: every signed-in user reads them, save an inspector
# outside the inspection window. Those who lead and assure the work record inspections
# and write the self-evaluation and the improvement plan, which team managers, IROs and
# (inside the window) inspectors read.
LEADS_AND_ASSURES = {
    Role.SENIOR_LEADER, Role.SERVICE_MANAGER, Role.QA_OFFICER, Role.PERFORMANCE_ANALYST,
}  # fmt: skip
IMPROVEMENT_READERS = LEADS_AND_ASSURES | {Role.TEAM_MANAGER, Role.IRO, Role.INSPECTOR}


def reads_inspections(user: User) -> bool:
    return _reads(user, set(Role))


def records_inspections(user: User) -> bool:
    return _holds(user, LEADS_AND_ASSURES)


def reads_improvement(user: User) -> bool:
    return _reads(user, IMPROVEMENT_READERS)


edits_improvement = records_inspections

inspections_required = _requires(
    reads_inspections, "An inspector reads the inspection pages only inside the inspection window"
)
inspection_recording_required = _requires(
    records_inspections,
    "Inspections are recorded by senior leaders, service managers, QA officers and analysts",
)
improvement_required = _requires(
    reads_improvement, "The improvement plan and self-evaluation are for leaders and managers"
)
improvement_editor_required = _requires(
    edits_improvement,
    "Your role reads the improvement plan and self-evaluation but does not change them",
)


# Front-door dip-sampling is done by those who audit decisions; escalations are read by
# the IROs who raise them and the managers they are raised to (and by QA officers).
DIP_SAMPLERS = {Role.QA_OFFICER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER, Role.TEAM_MANAGER}
ESCALATION_READERS = DIP_SAMPLERS | {Role.IRO}


def dip_samples(user: User) -> bool:
    return _holds(user, DIP_SAMPLERS)


def reads_escalations(user: User) -> bool:
    return _holds(user, ESCALATION_READERS)


dip_sampling_required = _requires(
    dip_samples, "Front-door dip-sampling is for QA officers and managers"
)
escalations_required = _requires(
    reads_escalations, "Escalations are for IROs, CP chairs, managers and QA officers"
)


# Case audits: those who may audit read them (quality's AUDITORS); those who lead and
# assure the work set up programmes and draw their samples.
AUDIT_PLANNERS = {Role.QA_OFFICER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER}


def reads_audits(user: User) -> bool:
    from oversight.quality.services.audits import AUDITORS

    return _holds(user, AUDITORS)


def plans_audits(user: User) -> bool:
    return _holds(user, AUDIT_PLANNERS)


audits_required = _requires(
    reads_audits, "Case audits are for QA officers, managers, senior leaders and IROs"
)
audit_planning_required = _requires(
    plans_audits, "Audit programmes are set up by QA officers, service managers and senior leaders"
)
