"""Who may do what in the web interface, beyond which children they see.

Which children a user sees is decided by ``casework.access`` alone. Here: who records
work (``Role.records_work``), who records management oversight, which teams' pages a
manager may open, and who reads and records prospective adopters.
"""

from collections.abc import Callable, Collection
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from oversight.accounts.models import Team, User
from oversight.accounts.roles import Role
from oversight.casework import policy_rules as policy
from oversight.casework.models import Allocation
from oversight.casework.policy_rules import (  # noqa: F401 (the role sets, named here too)
    AUDIT_PLANNERS,
    DIP_SAMPLERS,
    ESCALATION_READERS,
    IMPROVEMENT_READERS,
    LEADS_AND_ASSURES,
    OVERSEERS,
    PERFORMANCE_READERS,
    WORKER_FIGURE_READERS,
)

View = Callable[..., HttpResponse]

# Who may do what is decided in ``casework.policy_rules`` alone; these names are the web's.


def records_work(user: User) -> bool:
    return policy.records_work(user)


def records_oversight(user: User) -> bool:
    """Team managers and above, among the roles that record work."""
    return policy.records_oversight(user)


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


def allocates(user: User, allocation: Allocation | None) -> bool:
    """Whether ``user`` may allocate a child now allocated as ``allocation`` (None: to no
    team): a manager of its team (``records_oversight`` decides who manages)."""
    if not records_oversight(user):
        return False
    return allocation is None or teams_for(user).filter(pk=allocation.team_id).exists()


def _holds(user: User, roles: Collection[Role]) -> bool:
    """Signed in with one of ``roles``."""
    return policy.holds(user, roles)


def reads_performance(user: User) -> bool:
    return policy.reads_performance(user)


def reads_worker_figures(user: User) -> bool:
    return policy.reads_worker_figures(user)


performance_required = _requires(
    reads_performance, "The performance pages are for managers, QA officers and analysts"
)


# Inspection outcomes are public: every signed-in user reads them, save an inspector
# outside the inspection window.


def reads_inspections(user: User) -> bool:
    return policy.reads_inspections(user)


def records_inspections(user: User) -> bool:
    return policy.records_inspections(user)


def reads_improvement(user: User) -> bool:
    return policy.reads_improvement(user)


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


def dip_samples(user: User) -> bool:
    return policy.dip_samples(user)


def reads_escalations(user: User) -> bool:
    return policy.reads_escalations(user)


dip_sampling_required = _requires(
    dip_samples, "Front-door dip-sampling is for QA officers and managers"
)
escalations_required = _requires(
    reads_escalations, "Escalations are for IROs, CP chairs, managers and QA officers"
)


def reads_audits(user: User) -> bool:
    return policy.reads_audits(user)


def plans_audits(user: User) -> bool:
    return policy.plans_audits(user)


def receives_alerts(user: User) -> bool:
    """Senior leaders are alerted when someone breaks the glass on a restricted record."""
    return policy.receives_alerts(user)


audits_required = _requires(
    reads_audits, "Case audits are for QA officers, managers, senior leaders and IROs"
)
alerts_required = _requires(receives_alerts, "Break-glass alerts are for senior leaders")
audit_planning_required = _requires(
    plans_audits, "Audit programmes are set up by QA officers, service managers and senior leaders"
)


def manages_accounts(user: User) -> bool:
    """Administrators manage users' accounts (and see no children)."""
    return policy.manages_accounts(user)


accounts_required = _requires(manages_accounts, "Managing users' accounts is for administrators")


def prepares_returns(user: User) -> bool:
    """Analysts, senior leaders and service managers validate and write the DfE returns."""
    return policy.prepares_returns(user)


returns_required = _requires(
    prepares_returns, "DfE returns are prepared by analysts, senior leaders and service managers"
)


def imports_returns(user: User) -> bool:
    """Analysts and senior leaders import a CIN census into the records."""
    return policy.imports_returns(user)


returns_import_required = _requires(
    imports_returns, "A census is imported into the records by analysts and senior leaders"
)


def reads_adopters(user: User) -> bool:
    """Prospective adopters: those who see every record, and the adoption service's workers
    and managers (``casework.policy_rules``, where the reasons are written down)."""
    return policy.reads_adopters(user)


def records_adopters(user: User) -> bool:
    return policy.records_adopters(user)


adopters_required = _requires(
    reads_adopters,
    "Prospective adopters are for the adoption service and those who see every record",
)
adopter_recording_required = _requires(
    records_adopters, "Prospective adopters are recorded by the adoption service"
)
