"""Who may open every page and API endpoint: the registry the authorisation matrix checks.

Every route in the URL configuration (web pages and the REST API) has an entry here,
keyed by its URL name (``web:child``, ``api:get_indicator``). A new page without an
entry fails the matrix test (``web/tests/test_authorisation_matrix.py``) with
"add a rule for X in page_rules.py".

An entry says which *personas* may open the page: each role of DESIGN.md §2, with the
inspector twice, inside and outside the inspection window. A page that concerns one child
(``child=True``) is opened by those personas only for a child they may see: the matrix
tries each such page for a child in the user's own team, a child in another team (and
service), and a restricted child that does not name the user. The rules themselves live
in ``casework.policy_rules``; this registry is the independent statement they are
tested against.
"""

from dataclasses import dataclass, field

from oversight.accounts.roles import Role
from oversight.casework.policy_rules import (
    ACCESS_LOG_READERS,
    AUDIT_PLANNERS,
    AUDITORS,
    DIP_SAMPLERS,
    ESCALATION_READERS,
    IMPROVEMENT_READERS,
    LEADS_AND_ASSURES,
    OVERSEERS,
    PERFORMANCE_READERS,
    RECORDERS,
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
    ``child``: the route's ``pk`` is a child's. ``args``: the matrix world's objects for
    the other URL arguments. ``method``: POST for POST-only routes (GET answers 405).
    ``missing_ok``: the matrix world does not build the object the route reads, so those
    allowed may get a 404; those refused must still be refused before the lookup.
    ``query``: query parameters the route needs.
    """

    opens: frozenset[str]
    child: bool = False
    args: dict[str, str] = field(default_factory=dict)
    method: str = "GET"
    missing_ok: bool = False
    query: dict[str, str] = field(default_factory=dict)
    post: bool = True  # also POST empty data (not for signing out)
    get_405: bool = False  # a POST-only route the matrix only GETs (signing out): 405


def page(opens: frozenset[str], **how: object) -> PageRule:
    return PageRule(opens, **how)  # type: ignore[arg-type]


CHILD = {"pk": "child"}
INDICATOR = {"id": "indicator"}
PAGE_RULES: dict[str, PageRule] = {
    # Everyone: the start page, signing in and out, and the (scoped) list of children.
    "web:my-work": page(EVERYONE),
    "web:sign-in": page(EVERYONE, post=False),
    "web:sign-out": page(EVERYONE, post=False, get_405=True),
    "web:sign-out-everywhere": page(EVERYONE, post=False, get_405=True),
    "web:second-step": page(EVERYONE),  # a user who has given a code is sent on: 302
    "web:set-up-authenticator": page(EVERYONE),
    "web:account": page(EVERYONE),
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
    "web:record-oversight": page(roles(OVERSEERS), child=True, args=CHILD),
    "web:raise-escalation": page(roles(Role.IRO), child=True, args=CHILD),
    "web:new-child-contact": page(roles(RECORDERS)),
    # Teams, for those who manage them; alerts, for senior leaders.
    "web:teams": page(roles(OVERSEERS, Role.SENIOR_LEADER)),
    "web:team": page(roles(OVERSEERS, Role.SENIOR_LEADER), args={"pk": "team"}),
    "web:alert-seen": page(roles(Role.SENIOR_LEADER), method="POST", args={"pk": "alert"}),
    # Quality: dip-sampling, escalations.
    "web:dip-sampling": page(roles(DIP_SAMPLERS)),
    "web:dip-sampling-csv": page(roles(DIP_SAMPLERS)),
    "web:dip-sample": page(roles(DIP_SAMPLERS), args={"sample": "missing"}, missing_ok=True),
    "web:redecide": page(
        roles(DIP_SAMPLERS), args={"sample": "missing", "n": "one"}, missing_ok=True
    ),
    "web:escalations": page(roles(ESCALATION_READERS)),
    "web:escalation": page(
        roles(ESCALATION_READERS), args={"escalation": "missing"}, missing_ok=True
    ),
    "web:escalation-respond": page(
        roles(ESCALATION_READERS), args={"escalation": "missing"}, missing_ok=True
    ),
    "web:escalation-resolve": page(
        roles(ESCALATION_READERS), args={"escalation": "missing"}, missing_ok=True
    ),
    # Performance.
    "web:performance": page(roles(PERFORMANCE_READERS)),
    "web:front-door": page(roles(PERFORMANCE_READERS)),
    "web:indicator": page(roles(PERFORMANCE_READERS), args=INDICATOR, missing_ok=True),
    "web:indicator-equality": page(roles(PERFORMANCE_READERS), args=INDICATOR, missing_ok=True),
    "web:indicator-children": page(roles(PERFORMANCE_READERS), args=INDICATOR, missing_ok=True),
    "web:indicator-children-data": page(
        roles(PERFORMANCE_READERS), args=INDICATOR | {"fmt": "csv"}, missing_ok=True
    ),
    "web:indicator-report": page(roles(PERFORMANCE_READERS), args=INDICATOR, missing_ok=True),
    "web:indicator-data": page(
        roles(PERFORMANCE_READERS),
        args=INDICATOR | {"table": "trend", "fmt": "csv"},
        missing_ok=True,
    ),
    # Improvement and self-evaluation.
    "web:improvement": page(roles(IMPROVEMENT_READERS)),
    "web:add-action": page(roles(LEADS_AND_ASSURES), args={"finding_pk": "missing"},
                           missing_ok=True),
    "web:record-update": page(roles(LEADS_AND_ASSURES), args={"action_pk": "missing"},
                              missing_ok=True),
    "web:self-evaluations": page(roles(IMPROVEMENT_READERS)),
    "web:self-evaluation": page(roles(IMPROVEMENT_READERS), args={"year": "year"},
                                missing_ok=True),
    "web:self-evaluation-status": page(roles(LEADS_AND_ASSURES), args={"year": "year"},
                                       missing_ok=True),
    "web:edit-evaluation-area": page(roles(LEADS_AND_ASSURES),
                                     args={"year": "year", "area": "area"}, missing_ok=True),
    "web:readiness-pack": page(roles(IMPROVEMENT_READERS)),
    # Inspection outcomes are public, save to an inspector outside the window.
    "web:inspection": page(ALL_BUT_OUTSIDE_INSPECTOR),
    "web:inspection-data": page(ALL_BUT_OUTSIDE_INSPECTOR, args={"fmt": "csv"}, missing_ok=True),
    "web:inspection-la": page(ALL_BUT_OUTSIDE_INSPECTOR, args={"urn": "urn"}, missing_ok=True),
    "web:inspection-record": page(roles(LEADS_AND_ASSURES)),
    "web:for-children": page(ALL_BUT_OUTSIDE_INSPECTOR),
    # Case audits.
    "web:audits": page(roles(AUDITORS)),
    "web:new-audit-programme": page(roles(AUDIT_PLANNERS)),
    "web:draw-audit-sample": page(roles(AUDIT_PLANNERS), args={"pk": "missing"}, missing_ok=True),
    "web:audit-evidence": page(roles(AUDIT_PLANNERS), args={"pk": "missing"}, missing_ok=True),
    "web:audit-sample": page(roles(AUDITORS), args={"pk": "missing"}, missing_ok=True),
    "web:start-audit": page(roles(AUDITORS), method="POST", args={"case_pk": "missing"},
                            missing_ok=True),
    "web:audit-reports": page(roles(AUDITORS)),
    "web:audit-report-data": page(roles(AUDITORS), args={"table": "domains"}, missing_ok=True),
    "web:audit": page(roles(AUDITORS), args={"pk": "missing"}, missing_ok=True),
    "web:moderate-audit": page(roles(AUDITORS), args={"pk": "missing"}, missing_ok=True),
    "web:add-audit-action": page(roles(AUDITORS), args={"pk": "missing"}, missing_ok=True),
    "web:audit-action-done": page(roles(AUDITORS), method="POST",
                                  args={"action_pk": "missing"}, missing_ok=True),
    # The REST API (GET only; django-ninja answers other methods with 405).
    "api:api-root": page(EVERYONE, missing_ok=True, post=False),
    "api:openapi-json": page(EVERYONE, post=False),
    "api:list_indicators": page(roles(PERFORMANCE_READERS), post=False),
    "api:get_indicator": page(roles(PERFORMANCE_READERS), args=INDICATOR, missing_ok=True,
                              post=False),
    "api:get_breakdown": page(roles(PERFORMANCE_READERS), args=INDICATOR, missing_ok=True,
                              query={"by": "team"}, post=False),
    "api:get_children": page(roles(PERFORMANCE_READERS), args=INDICATOR, missing_ok=True,
                             post=False),
    "api:get_national": page(ALL_BUT_OUTSIDE_INSPECTOR, post=False),
    "api:get_authority": page(ALL_BUT_OUTSIDE_INSPECTOR, args={"urn": "urn"}, missing_ok=True,
                              post=False),
    "api:get_plan": page(roles(IMPROVEMENT_READERS), post=False),
    "api:get_years": page(roles(IMPROVEMENT_READERS), post=False),
    "api:get_evaluation": page(roles(IMPROVEMENT_READERS), args={"year": "year"},
                               missing_ok=True, post=False),
    "api:get_programmes": page(roles(AUDITORS), post=False),
    "api:get_sample": page(roles(AUDITORS), args={"sample_id": "missing"}, missing_ok=True,
                           post=False),
    "api:get_audit": page(roles(AUDITORS), args={"audit_id": "missing"}, missing_ok=True,
                          post=False),
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
