"""The access policy: who may do what, in one place, as ``rules`` predicates.

Which children a user sees is ``casework.access`` (scoped querysets); everything else a
page or endpoint asks ("may this user read performance? record work? dip-sample?") is
answered here. ``web.permissions`` and the API delegate to these predicates, and the
authorisation matrix test (``web/tests/test_authorisation_matrix.py``) checks every page
and endpoint against ``web.page_rules``.

Rules are registered as permissions named ``oversight.<rule>``, so a template or view
could also ask ``user.has_perm("oversight.reads_performance")`` once the ``rules``
authentication backend is configured. It is not: every page asks the functions below
directly, and a test fails if code asks ``has_perm`` without the backend.
"""

from collections.abc import Collection

import rules
from django.conf import settings
from django.utils import timezone

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role
from oversight.casework.access import inside_inspection_window, may_break_glass, visible_children
from oversight.casework.models import Child

# Those who record work on children's records, and among them those who oversee it.
RECORDERS = {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.IRO}
OVERSEERS = {Role.TEAM_MANAGER, Role.SERVICE_MANAGER}
# Who reads the performance pages: those who manage, assure, analyse or inspect the work.
PERFORMANCE_READERS = {
    Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER, Role.QA_OFFICER,
    Role.PERFORMANCE_ANALYST, Role.IRO, Role.INSPECTOR,
}  # fmt: skip
# A figure for each named worker is staff performance data: for their managers and analysts.
WORKER_FIGURE_READERS = {
    Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER, Role.PERFORMANCE_ANALYST,
}  # fmt: skip
# Those who lead and assure the work record inspections and write the self-evaluation and
# the improvement plan, which team managers, IROs and (inside the window) inspectors read.
LEADS_AND_ASSURES = {
    Role.SENIOR_LEADER, Role.SERVICE_MANAGER, Role.QA_OFFICER, Role.PERFORMANCE_ANALYST,
}  # fmt: skip
IMPROVEMENT_READERS = LEADS_AND_ASSURES | {Role.TEAM_MANAGER, Role.IRO, Role.INSPECTOR}
# Front-door dip-sampling is done by those who audit decisions; escalations are read by
# the IROs who raise them and the managers they are raised to (and by QA officers).
DIP_SAMPLERS = {Role.QA_OFFICER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER, Role.TEAM_MANAGER}
ESCALATION_READERS = DIP_SAMPLERS | {Role.IRO}
# Case audits: auditors grade and read them; those who lead and assure set up programmes.
AUDITORS = {Role.QA_OFFICER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER, Role.TEAM_MANAGER, Role.IRO}
AUDIT_PLANNERS = {Role.QA_OFFICER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER}
# Break-glass use is reported to those who answer for the whole LA, who also read who has
# looked at a child's record.
ALERTED = {Role.SENIOR_LEADER}
ACCESS_LOG_READERS = {Role.SENIOR_LEADER}
# Administrators manage accounts (resetting a lost authenticator), and nothing about children.
ACCOUNT_MANAGERS = {Role.ADMINISTRATOR}
# Exports of children carry names except for these roles, who get pseudonyms: analysts
# need to count and link within one file, not to know who the children are.
PSEUDONYMISED = {Role.PERFORMANCE_ANALYST, Role.INSPECTOR}
# The DfE returns (CIN census, SSDA903) are prepared by those who answer for the LA's data.
# A validation run quotes children's data, so it is opened by whoever made it and by those
# of them who see every child; a service manager opens their own runs only.
RETURN_PREPARERS = {Role.PERFORMANCE_ANALYST, Role.SENIOR_LEADER, Role.SERVICE_MANAGER}
VALIDATION_RUN_READERS = {Role.PERFORMANCE_ANALYST, Role.SENIOR_LEADER}
# Importing a census writes children's records anywhere in the LA: for those of them who
# see every child.
RETURN_IMPORTERS = {Role.PERFORMANCE_ANALYST, Role.SENIOR_LEADER}
# Prospective adopters are adults known to the LA's adoption agency, not children, so no
# scope of children reaches them: they are need-to-know on their own terms. Those who see
# every record for the LA read them (an inspector only inside the inspection window), to
# lead, assure and report on the agency's work (Annex A list 11). The practitioners and
# managers of the service the agency's work sits in (``OVERSIGHT_ADOPTION_SERVICE``) read
# and record them, as a worker of a team sees its own children; workers of other services,
# IROs (who review children's plans, not adopters) and administrators do not.
ADOPTER_READERS = {
    Role.SENIOR_LEADER, Role.QA_OFFICER, Role.PERFORMANCE_ANALYST, Role.INSPECTOR,
}  # fmt: skip
ADOPTER_RECORDERS = {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER}


def holds(user: User, roles: Collection[Role]) -> bool:
    """Signed in, active, with one of ``roles``."""
    return bool(user.is_authenticated and user.is_active and user.role_enum in roles)


def reads(user: User, roles: Collection[Role]) -> bool:
    """As ``holds``; an inspector only inside the inspection window."""
    if not holds(user, roles):
        return False
    return user.role_enum != Role.INSPECTOR or inside_inspection_window(user, timezone.localdate())


def in_adoption_service(user: User) -> bool:
    """Works in the service that records prospective adopters: a team of it, or (a service
    manager, who has no team) the service itself."""
    named = settings.OVERSIGHT_ADOPTION_SERVICE
    if user.team_id:
        return Team.objects.filter(pk=user.team_id, service__name__iexact=named).exists()
    if user.service_id:
        return Service.objects.filter(pk=user.service_id, name__iexact=named).exists()
    return False


def _holding(name: str, roles: Collection[Role]) -> rules.Predicate:
    return rules.predicate(lambda user: holds(user, roles), name=name)


def _reading(name: str, roles: Collection[Role]) -> rules.Predicate:
    return rules.predicate(lambda user: reads(user, roles), name=name)


records_work = _holding("records_work", RECORDERS)
records_oversight = _holding("records_oversight", OVERSEERS)
reads_performance = _reading("reads_performance", PERFORMANCE_READERS)
reads_worker_figures = _holding("reads_worker_figures", WORKER_FIGURE_READERS)
reads_inspections = _reading("reads_inspections", set(Role))
records_inspections = _holding("records_inspections", LEADS_AND_ASSURES)
reads_improvement = _reading("reads_improvement", IMPROVEMENT_READERS)
edits_improvement = records_inspections
dip_samples = _holding("dip_samples", DIP_SAMPLERS)
reads_escalations = _holding("reads_escalations", ESCALATION_READERS)
reads_audits = _holding("reads_audits", AUDITORS)
plans_audits = _holding("plans_audits", AUDIT_PLANNERS)
receives_alerts = _holding("receives_alerts", ALERTED)
reads_access_log = _holding("reads_access_log", ACCESS_LOG_READERS)
manages_accounts = _holding("manages_accounts", ACCOUNT_MANAGERS)
prepares_returns = _holding("prepares_returns", RETURN_PREPARERS)
reads_every_validation_run = _holding("reads_every_validation_run", VALIDATION_RUN_READERS)
imports_returns = _holding("imports_returns", RETURN_IMPORTERS)
records_adopters = rules.predicate(
    lambda user: holds(user, ADOPTER_RECORDERS) and in_adoption_service(user),
    name="records_adopters",
)
reads_adopters = rules.predicate(
    lambda user: reads(user, ADOPTER_READERS) or records_adopters(user), name="reads_adopters"
)
exports_names = rules.predicate(
    lambda user: bool(user.is_authenticated) and user.role_enum not in PSEUDONYMISED,
    name="exports_names",
)


@rules.predicate
def views_child(user: User, child: Child) -> bool:
    """Need-to-know, restricted records and break-glass grants, as ``casework.access``."""
    return visible_children(user).filter(pk=child.pk).exists()


@rules.predicate
def reads_validation_run(user: User, run: object) -> bool:
    """A stored validation run (``exchange.validation_runs``): its maker, while they still
    prepare returns, and those who read every run."""
    if reads_every_validation_run(user):
        return True
    return prepares_returns(user) and getattr(run, "by_id", None) == user.pk


@rules.predicate
def breaks_glass(user: User, child: Child) -> bool:
    """A restricted record in the user's scope that does not name them."""
    return may_break_glass(user, child.pk)


POLICY = {
    "records_work": records_work,
    "records_oversight": records_oversight,
    "reads_performance": reads_performance,
    "reads_worker_figures": reads_worker_figures,
    "reads_inspections": reads_inspections,
    "records_inspections": records_inspections,
    "reads_improvement": reads_improvement,
    "edits_improvement": edits_improvement,
    "dip_samples": dip_samples,
    "reads_escalations": reads_escalations,
    "reads_audits": reads_audits,
    "plans_audits": plans_audits,
    "receives_alerts": receives_alerts,
    "reads_access_log": reads_access_log,
    "manages_accounts": manages_accounts,
    "exports_names": exports_names,
    "prepares_returns": prepares_returns,
    "reads_every_validation_run": reads_every_validation_run,
    "reads_validation_run": reads_validation_run,
    "imports_returns": imports_returns,
    "reads_adopters": reads_adopters,
    "records_adopters": records_adopters,
    "views_child": views_child,
    "breaks_glass": breaks_glass,
}
for _name, _predicate in POLICY.items():
    rules.set_perm(f"oversight.{_name}", _predicate)
