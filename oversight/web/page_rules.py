"""Who may open every page and API endpoint: the registry the authorisation matrix checks.

Every route in the URL configuration (web pages and the REST API) has an entry here,
keyed by its URL name (``web:child``, ``api:get_indicator``). A new page without an
entry fails the matrix test (``web/tests/test_authorisation_matrix.py``) with
"add a rule for X in page_rules.py".

An entry says which *personas* may open the page: each role of DESIGN.md §2, with the
inspector twice, inside and outside the inspection window. A page that shows one child's
record (``child=True``: the child's own page, an audit of their case) is opened by those
personas only for a child they may see: the matrix tries each such page for a child in the
user's own team, a child in another team (and service), and a restricted child that does
not name the user. A page about one child that opens whatever the reader's access to the
child (``about_child=True``: an escalation, a dip-sampled decision) is tried for the same
three, and must name the child only to those who see them. The URL arguments name objects
of the matrix's world (``web/tests/matrix_world.py``), which builds every one. The rules
themselves live in ``casework.policy_rules``; this registry is the independent statement
they are tested against.
"""

from dataclasses import dataclass, field

from oversight.accounts.roles import Role
from oversight.casework.policy_rules import (
    ACCESS_LOG_READERS,
    ACCOUNT_MANAGERS,
    ADOPTER_READERS,
    ADOPTER_RECORDERS,
    AUDIT_PLANNERS,
    AUDITORS,
    DIP_SAMPLERS,
    ESCALATION_READERS,
    IMPROVEMENT_READERS,
    LEADS_AND_ASSURES,
    OVERSEERS,
    PERFORMANCE_READERS,
    RECORDERS,
    RETURN_IMPORTERS,
    RETURN_PREPARERS,
    VALIDATION_RUN_READERS,
)

INSPECTOR_OUTSIDE = "inspector_outside_window"
PERSONAS = tuple(r.value for r in Role) + (INSPECTOR_OUTSIDE,)
EVERYONE = frozenset(PERSONAS)
NOBODY: frozenset[str] = frozenset()


def roles(*groups: set[Role] | Role) -> frozenset[str]:
    """The personas holding these roles (an inspector only inside the window)."""
    found: set[str] = set()
    for group in groups:
        found |= {group.value} if isinstance(group, Role) else {r.value for r in group}
    return frozenset(found)


ALL_BUT_OUTSIDE_INSPECTOR = EVERYONE - {INSPECTOR_OUTSIDE}

# Which children each persona sees, among the matrix's own team, another team in another
# service, and a restricted child not naming them (nobody sees that one without breaking
# the glass). IROs see children on CP or care plans: every matrix child is on a CP plan.
SEES: dict[str, frozenset[str]] = {
    Role.PRACTITIONER: frozenset({"own"}),
    Role.TEAM_MANAGER: frozenset({"own"}),
    Role.SERVICE_MANAGER: frozenset({"own"}),
    Role.SENIOR_LEADER: frozenset({"own", "other"}),
    Role.QA_OFFICER: frozenset({"own", "other"}),
    Role.PERFORMANCE_ANALYST: frozenset({"own", "other"}),
    Role.IRO: frozenset({"own", "other"}),
    Role.INSPECTOR: frozenset({"own", "other"}),
    Role.ADMINISTRATOR: frozenset(),
    INSPECTOR_OUTSIDE: frozenset(),
}
RELATIONS = ("own", "other", "restricted")


@dataclass(frozen=True)
class PageRule:
    """Who may open a route, and how the matrix reaches it.

    ``opens``: the personas for whom it opens (for a child page: for a child they see).
    ``child``: the page shows one child's record, so it opens only for a child the persona
    sees; ``about_child``: the page is about one child but opens whoever the child is. Both
    are tried with each relation's objects. ``args``: the matrix world's objects for the
    URL arguments. ``method``: POST for POST-only routes (GET answers 405). ``query``:
    query parameters the route needs.
    """

    opens: frozenset[str]
    child: bool = False
    about_child: bool = False
    args: dict[str, str] = field(default_factory=dict)
    method: str = "GET"
    query: dict[str, str] = field(default_factory=dict)
    post: bool = True  # also POST empty data (not for signing out)
    get_405: bool = False  # a POST-only route the matrix only GETs (signing out): 405

    @property
    def per_child(self) -> bool:
        """Tried for each relation's child: own team, other team, restricted."""
        return self.child or self.about_child


def page(opens: frozenset[str], **how: object) -> PageRule:
    return PageRule(opens, **how)  # type: ignore[arg-type]


# An escalation is read by the IRO who raised it, the manager it was raised to, and by
# senior leaders and QA officers. The matrix's escalations are raised by its IRO to its
# team manager, so its service manager, who reads the escalations raised to them, does not
# open these.
ESCALATION_PARTIES = roles(Role.IRO, Role.TEAM_MANAGER, Role.SENIOR_LEADER, Role.QA_OFFICER)


CHILD = {"pk": "child"}
INDICATOR = {"id": "indicator"}
ESCALATION = {"escalation": "escalation"}
AUDIT = {"pk": "audit"}
HOUSEHOLD = {"pk": "household"}
PAGE_RULES: dict[str, PageRule] = {
    # Everyone: the start page, signing in and out, and the (scoped) list of children.
    "web:my-work": page(EVERYONE),
    "web:sign-in": page(EVERYONE, post=False),
    "web:sign-out": page(EVERYONE, post=False, get_405=True),
    "web:sign-out-everywhere": page(EVERYONE, post=False, get_405=True),
    "web:second-step": page(EVERYONE),  # a user who has given a code is sent on: 302
    "web:set-up-authenticator": page(EVERYONE),
    "web:choose-password": page(EVERYONE),  # a user with a password of their own: 302
    "web:account": page(EVERYONE),
    "web:change-password": page(EVERYONE),
    # Users' accounts, for administrators: adding, changing, ending, resetting a lost
    # authenticator, a new one-time password for a forgotten one.
    "web:users": page(roles(ACCOUNT_MANAGERS)),
    "web:add-user": page(roles(ACCOUNT_MANAGERS)),
    "web:change-user": page(roles(ACCOUNT_MANAGERS), args={"pk": "user"}),
    "web:end-account": page(roles(ACCOUNT_MANAGERS), args={"pk": "user"}),
    "web:reset-authenticator": page(roles(ACCOUNT_MANAGERS), args={"pk": "user"}),
    "web:new-password": page(roles(ACCOUNT_MANAGERS), args={"pk": "user"}),
    "web:children": page(EVERYONE),
    # One child: opened only for a child the user may see.
    "web:child": page(EVERYONE, child=True, args=CHILD),
    "web:break-glass": page(NOBODY, child=True, args=CHILD),  # the restricted notice: 403
    "web:child-access-log": page(roles(ACCESS_LOG_READERS), child=True, args=CHILD),
    "web:record-contact": page(roles(RECORDERS), child=True, args=CHILD),
    "web:decide-contact": page(
        roles(RECORDERS), child=True, args=CHILD | {"contact_pk": "contact"}
    ),
    "web:decide-referral": page(
        roles(RECORDERS), child=True, args=CHILD | {"referral_pk": "referral"}
    ),
    "web:record-visit": page(roles(RECORDERS), child=True, args=CHILD),
    "web:move-placement": page(roles(RECORDERS), child=True, args=CHILD),
    "web:record-outcomes": page(roles(RECORDERS), child=True, args=CHILD),
    "web:child-details": page(roles(RECORDERS), child=True, args=CHILD),
    "web:record-permanence": page(roles(RECORDERS), child=True, args=CHILD),
    "web:legal-status": page(roles(RECORDERS), child=True, args=CHILD),
    "web:adoption-decision": page(roles(RECORDERS), child=True, args=CHILD),
    "web:adoption-match": page(roles(RECORDERS), child=True, args=CHILD),
    "web:adoption-reversal": page(roles(RECORDERS), child=True, args=CHILD),
    "web:permanence-plan": page(roles(RECORDERS), child=True, args=CHILD),
    "web:health-check": page(roles(RECORDERS), child=True, args=CHILD),
    "web:record-missing": page(roles(RECORDERS), child=True, args=CHILD),
    "web:start-early-help": page(roles(RECORDERS), child=True, args=CHILD),
    "web:early-help-assessment": page(
        roles(RECORDERS), child=True, args=CHILD | {"episode_pk": "early_help"}
    ),
    "web:end-early-help": page(
        roles(RECORDERS), child=True, args=CHILD | {"episode_pk": "early_help"}
    ),
    "web:missing-return": page(
        roles(RECORDERS), child=True, args=CHILD | {"episode_pk": "missing"}
    ),
    "web:return-interview": page(
        roles(RECORDERS), child=True, args=CHILD | {"episode_pk": "returned"}
    ),
    "web:record-oversight": page(roles(OVERSEERS), child=True, args=CHILD),
    "web:allocate": page(roles(OVERSEERS), child=True, args=CHILD),
    "web:raise-escalation": page(roles(Role.IRO), child=True, args=CHILD),
    "web:new-child-contact": page(roles(RECORDERS)),
    # Teams, for those who manage them; alerts, for senior leaders.
    "web:teams": page(roles(OVERSEERS, Role.SENIOR_LEADER)),
    "web:team": page(roles(OVERSEERS, Role.SENIOR_LEADER), args={"pk": "team"}),
    "web:alert-seen": page(roles(Role.SENIOR_LEADER), method="POST", args={"pk": "alert"}),
    # Prospective adopters: read by those who see every record and by the adoption service,
    # which records them. The matrix's own service is the adoption service, so its
    # practitioner, team manager and service manager open them (a worker of another
    # service is refused: test_prospective_adopters_are_need_to_know.py).
    "web:adopters": page(roles(ADOPTER_READERS, ADOPTER_RECORDERS)),
    "web:adopter-household": page(roles(ADOPTER_READERS, ADOPTER_RECORDERS), args=HOUSEHOLD),
    "web:record-adopter-enquiry": page(roles(ADOPTER_RECORDERS)),
    "web:adopter-steps": page(roles(ADOPTER_RECORDERS), args=HOUSEHOLD),
    "web:adopters-left": page(roles(ADOPTER_RECORDERS), args=HOUSEHOLD),
    # Quality: dip-sampling, escalations.
    "web:dip-sampling": page(roles(DIP_SAMPLERS)),
    "web:dip-sampling-csv": page(roles(DIP_SAMPLERS)),
    "web:dip-sample": page(roles(DIP_SAMPLERS), args={"sample": "dip_sample"}),
    "web:redecide": page(roles(DIP_SAMPLERS), about_child=True,
                         args={"sample": "dip_sample", "n": "decision"}),
    "web:escalations": page(roles(ESCALATION_READERS)),
    "web:escalation": page(ESCALATION_PARTIES, about_child=True, args=ESCALATION),
    "web:escalation-respond": page(ESCALATION_PARTIES, about_child=True, args=ESCALATION),
    "web:escalation-resolve": page(ESCALATION_PARTIES, about_child=True, args=ESCALATION),
    # Performance.
    "web:performance": page(roles(PERFORMANCE_READERS)),
    "web:front-door": page(roles(PERFORMANCE_READERS)),
    "web:indicator": page(roles(PERFORMANCE_READERS), args=INDICATOR),
    "web:indicator-equality": page(roles(PERFORMANCE_READERS), args=INDICATOR),
    "web:indicator-children": page(roles(PERFORMANCE_READERS), args=INDICATOR),
    "web:indicator-children-data": page(roles(PERFORMANCE_READERS),
                                        args=INDICATOR | {"fmt": "csv"}),
    "web:indicator-report": page(roles(PERFORMANCE_READERS), args=INDICATOR),
    "web:indicator-data": page(roles(PERFORMANCE_READERS),
                               args=INDICATOR | {"table": "trend", "fmt": "csv"}),
    # Improvement and self-evaluation.
    "web:improvement": page(roles(IMPROVEMENT_READERS)),
    "web:add-action": page(roles(LEADS_AND_ASSURES), args={"finding_pk": "finding"}),
    "web:record-update": page(roles(LEADS_AND_ASSURES),
                              args={"action_pk": "improvement_action"}),
    "web:self-evaluations": page(roles(IMPROVEMENT_READERS)),
    "web:self-evaluation": page(roles(IMPROVEMENT_READERS), args={"year": "year"}),
    "web:self-evaluation-status": page(roles(LEADS_AND_ASSURES), args={"year": "year"}),
    "web:edit-evaluation-area": page(roles(LEADS_AND_ASSURES),
                                     args={"year": "year", "area": "area"}),
    "web:readiness-pack": page(roles(IMPROVEMENT_READERS)),
    # Inspection outcomes are public, save to an inspector outside the window.
    "web:inspection": page(ALL_BUT_OUTSIDE_INSPECTOR),
    "web:inspection-data": page(ALL_BUT_OUTSIDE_INSPECTOR, args={"fmt": "csv"}),
    "web:inspection-la": page(ALL_BUT_OUTSIDE_INSPECTOR, args={"urn": "urn"}),
    "web:inspection-record": page(roles(LEADS_AND_ASSURES)),
    "web:for-children": page(ALL_BUT_OUTSIDE_INSPECTOR),
    # Case audits. An audit shows the child's case: only to those who see the child. Its
    # actions are recorded by its auditor and those who plan audits (the matrix's auditor
    # is none of the personas, so any other auditor may moderate its audits).
    "web:audits": page(roles(AUDITORS)),
    "web:new-audit-programme": page(roles(AUDIT_PLANNERS)),
    "web:draw-audit-sample": page(roles(AUDIT_PLANNERS), args={"pk": "programme"}),
    "web:audit-evidence": page(roles(AUDIT_PLANNERS), args={"pk": "programme"}),
    "web:audit-sample": page(roles(AUDITORS), args={"pk": "audit_sample"}),
    "web:start-audit": page(roles(AUDITORS), child=True, method="POST",
                            args={"case_pk": "case"}),
    "web:audit-reports": page(roles(AUDITORS)),
    "web:audit-report-data": page(roles(AUDITORS), args={"table": "domains"}),
    "web:audit": page(roles(AUDITORS), child=True, args=AUDIT),
    "web:moderate-audit": page(roles(AUDITORS), child=True, args=AUDIT),
    "web:add-audit-action": page(roles(AUDIT_PLANNERS), child=True, args=AUDIT),
    "web:audit-action-done": page(roles(AUDIT_PLANNERS), child=True, method="POST",
                                  args={"action_pk": "audit_action"}),
    # The DfE returns, for those who prepare them. A validation run is opened by its maker
    # and by those who read every run: the matrix's runs are made by an analyst who is no
    # persona, so the service manager, who prepares returns, does not open them.
    "web:returns": page(roles(RETURN_PREPARERS)),
    "web:return-run": page(roles(VALIDATION_RUN_READERS), args={"pk": "return_run"}),
    "web:return-run-findings": page(roles(VALIDATION_RUN_READERS),
                                    args={"pk": "return_run", "fmt": "csv"}),
    "web:delete-return-run": page(roles(VALIDATION_RUN_READERS), method="POST",
                                  args={"pk": "doomed_run"}),
    "web:census-from-records": page(roles(RETURN_PREPARERS), args={"year": "year"},
                                    post=False),
    "web:validate-census-from-records": page(roles(RETURN_PREPARERS), method="POST",
                                             args={"year": "year"}),
    "web:ssda903-from-records": page(roles(RETURN_PREPARERS), args={"year": "year"},
                                     post=False),
    "web:validate-ssda903-from-records": page(roles(RETURN_PREPARERS), method="POST",
                                              args={"year": "year"}),
    "web:annex-a-from-records": page(roles(RETURN_PREPARERS), post=False),
    # Importing a census runs as a job, whose page only the person who started it opens:
    # the matrix's import was started by its senior leader.
    "web:import-census": page(roles(RETURN_IMPORTERS)),
    "web:import-ssda903": page(roles(RETURN_IMPORTERS)),
    "web:import-annex-a": page(roles(RETURN_IMPORTERS)),
    "web:return-import": page(roles(Role.SENIOR_LEADER), args={"pk": "census_import_job"}),
    # A background job, for the person who started it alone: the matrix's job is a
    # readiness pack its senior leader asked for.
    "web:job-status": page(roles(Role.SENIOR_LEADER), args={"pk": "job"}, post=False),
    "web:job-output": page(roles(Role.SENIOR_LEADER), args={"pk": "job"}, post=False),
    # The REST API (GET only; django-ninja answers other methods with 405). Its root is no
    # page (the interactive docs are off): django-ninja answers 404 to everyone.
    "api:api-root": page(NOBODY, post=False),
    "api:openapi-json": page(EVERYONE, post=False),
    "api:list_indicators": page(roles(PERFORMANCE_READERS), post=False),
    "api:get_indicator": page(roles(PERFORMANCE_READERS), args=INDICATOR, post=False),
    "api:get_breakdown": page(roles(PERFORMANCE_READERS), args=INDICATOR,
                              query={"by": "team"}, post=False),
    "api:get_children": page(roles(PERFORMANCE_READERS), args=INDICATOR, post=False),
    "api:get_national": page(ALL_BUT_OUTSIDE_INSPECTOR, post=False),
    "api:get_authority": page(ALL_BUT_OUTSIDE_INSPECTOR, args={"urn": "urn"}, post=False),
    "api:get_plan": page(roles(IMPROVEMENT_READERS), post=False),
    "api:get_years": page(roles(IMPROVEMENT_READERS), post=False),
    "api:get_evaluation": page(roles(IMPROVEMENT_READERS), args={"year": "year"}, post=False),
    "api:get_programmes": page(roles(AUDITORS), post=False),
    "api:get_sample": page(roles(AUDITORS), args={"sample_id": "audit_sample"}, post=False),
    "api:get_audit": page(roles(AUDITORS), child=True, args={"audit_id": "audit"}, post=False),
    "api:get_moderation": page(roles(AUDITORS), post=False),
    "api:get_front_door": page(roles(AUDITORS), post=False),
    "api:get_escalations": page(roles(AUDITORS), post=False),
}  # fmt: skip


def unregistered(route_names: list[str]) -> list[str]:
    """The routes with no rule, each as the message that says what to do."""
    return [f"add a rule for {name} in page_rules.py" for name in route_names
            if name not in PAGE_RULES]  # fmt: skip


def stale(route_names: list[str]) -> list[str]:
    """Rules for routes that no longer exist."""
    return sorted(set(PAGE_RULES) - set(route_names))
