"""The roles of DESIGN.md §2 and the scope of children each one sees (no Django)."""

from enum import StrEnum


class Scope(StrEnum):
    """How far a role's view of children's records reaches."""

    NONE = "none"
    CASELOAD = "caseload"  # children allocated to the user, plus their team's children
    TEAM = "team"
    SERVICE = "service"
    LA = "la"


class Role(StrEnum):
    PRACTITIONER = "practitioner"
    TEAM_MANAGER = "team_manager"
    SERVICE_MANAGER = "service_manager"
    SENIOR_LEADER = "senior_leader"
    QA_OFFICER = "qa_officer"
    PERFORMANCE_ANALYST = "performance_analyst"
    IRO = "iro"
    INSPECTOR = "inspector"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def scope(self) -> Scope:
        return ROLE_SCOPES[self]

    @property
    def records_work(self) -> bool:
        """Whether the role records events on children's records."""
        return self in {Role.PRACTITIONER, Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.IRO}

    @property
    def manages(self) -> bool:
        return self in {Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER}


ROLE_LABELS = {
    Role.PRACTITIONER: "Practitioner",
    Role.TEAM_MANAGER: "Team manager",
    Role.SERVICE_MANAGER: "Service manager",
    Role.SENIOR_LEADER: "Senior leader",
    Role.QA_OFFICER: "QA officer",
    Role.PERFORMANCE_ANALYST: "Performance analyst",
    Role.IRO: "IRO / child protection chair",
    Role.INSPECTOR: "Inspector",
    Role.ADMINISTRATOR: "Administrator",
}

# Need-to-know is the default. The QA officer sees the LA here until audit sampling
# (the quality issue) narrows it to sampled cases; the inspector only inside an
# inspection window (checked by the access helper); the administrator sees no records.
ROLE_SCOPES = {
    Role.PRACTITIONER: Scope.CASELOAD,
    Role.TEAM_MANAGER: Scope.TEAM,
    Role.SERVICE_MANAGER: Scope.SERVICE,
    Role.SENIOR_LEADER: Scope.LA,
    Role.QA_OFFICER: Scope.LA,
    Role.PERFORMANCE_ANALYST: Scope.LA,
    Role.IRO: Scope.CASELOAD,
    Role.INSPECTOR: Scope.LA,
    Role.ADMINISTRATOR: Scope.NONE,
}
