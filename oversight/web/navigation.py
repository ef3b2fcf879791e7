"""The service navigation: My work, Children, Prospective adopters, Teams and the rest, each
shown to the roles that use it."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from oversight.accounts.roles import Scope
from oversight.casework.services.break_glass import unseen_alerts
from oversight.web.permissions import (
    dip_samples,
    manages_accounts,
    prepares_returns,
    reads_adopters,
    reads_audits,
    reads_escalations,
    reads_improvement,
    reads_inspections,
    reads_performance,
    receives_alerts,
    teams_for,
)


@dataclass(frozen=True)
class NavItem:
    text: str
    href: str
    active: bool


QUALITY = {
    "dip-sampling", "dip-sampling-csv", "dip-sample", "redecide", "escalations", "escalation",
    "escalation-respond", "escalation-resolve", "raise-escalation",
}  # fmt: skip
SECTIONS = {
    "my-work": {"my-work"},
    "dip-sampling": QUALITY,  # "Quality" starts at dip-sampling, or at escalations for an IRO
    "escalations": QUALITY,
    "audits": {
        "audits",
        "new-audit-programme",
        "draw-audit-sample",
        "audit-evidence",
        "audit-sample",
        "start-audit",
        "audit-reports",
        "audit-report-data",
        "audit",
        "moderate-audit",
        "add-audit-action",
        "audit-action-done",
    },
    "children": {
        "children",
        "child",
        "new-child-contact",
        "record-contact",
        "decide-contact",
        "decide-referral",
        "record-visit",
        "record-oversight",
    },
    "adopters": {
        "adopters",
        "record-adopter-enquiry",
        "adopter-household",
        "adopter-steps",
        "adopters-left",
    },
    "teams": {"teams", "team"},
    "users": {"users", "reset-authenticator"},
    "improvement": {
        "improvement",
        "add-action",
        "record-update",
        "self-evaluations",
        "self-evaluation",
        "self-evaluation-status",
        "edit-evaluation-area",
        "readiness-pack",
    },
    "performance": {
        "performance",
        "front-door",
        "indicator",
        "indicator-equality",
        "indicator-children",
        "indicator-data",
        "indicator-report",
    },
    "returns": {
        "returns",
        "return-run",
        "return-run-findings",
        "delete-return-run",
        "census-from-records",
        "validate-census-from-records",
        "import-census",
        "import-ssda903",
        "import-annex-a",
        "return-import",
    },
    "inspection": {
        "inspection",
        "inspection-data",
        "inspection-la",
        "inspection-record",
        "for-children",
    },
}


def navigation(request: HttpRequest) -> list[NavItem]:
    user = request.user
    if not user.is_authenticated:
        return []
    match = request.resolver_match
    current = match.url_name if match and match.app_name == "web" else None
    wanted = [(_my_work(user), "my-work")]
    if user.scope != Scope.NONE:
        wanted.append(("Children", "children"))
    if reads_adopters(user):
        wanted.append(("Prospective adopters", "adopters"))
    if teams_for(user).exists():
        wanted.append(("Teams", "teams"))
    if reads_performance(user):
        wanted.append(("Performance", "performance"))
    if reads_inspections(user):
        wanted.append(("Inspection", "inspection"))
    if reads_improvement(user):
        wanted.append(("Improvement", "improvement"))
    if reads_audits(user):
        wanted.append(("Audits", "audits"))
    if dip_samples(user) or reads_escalations(user):
        wanted.append(("Quality", "dip-sampling" if dip_samples(user) else "escalations"))
    if prepares_returns(user):
        wanted.append(("Returns", "returns"))
    if manages_accounts(user):
        wanted.append(("Users", "users"))
    return [
        NavItem(text, reverse(f"web:{name}"), current in SECTIONS[name]) for text, name in wanted
    ]


def _my_work(user) -> str:  # noqa: ANN001 (a signed-in user)
    """ "My work", with the count of unseen break-glass alerts for a senior leader."""
    if not receives_alerts(user):
        return "My work"
    count = unseen_alerts(user).count()
    return f"My work ({count} alert{'s' if count != 1 else ''})" if count else "My work"
