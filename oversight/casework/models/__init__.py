"""The child's journey as records. Write to them only through ``casework.services``."""

from oversight.casework.models.access import Alert, BreakGlass
from oversight.casework.models.adopters import Adopter, AdopterHousehold, LeavingReason
from oversight.casework.models.adoption import AdoptionDecision
from oversight.casework.models.assessment import Assessment, AssessmentOutcome
from oversight.casework.models.care import (
    CareEpisode,
    CareLeaverStatus,
    MissingEpisode,
    Placement,
    YearOutcomes,
)
from oversight.casework.models.child import Allocation, Child
from oversight.casework.models.deadline import Deadline
from oversight.casework.models.early_help import EarlyHelpEnd, EarlyHelpEpisode, RiskFlag, RiskKind
from oversight.casework.models.front_door import Contact, ContactOutcome, Referral, ReferralDecision
from oversight.casework.models.health import HealthCheck, HealthCheckKind
from oversight.casework.models.oversight import OversightEntry, OversightKind
from oversight.casework.models.plans import (
    PermanenceOption,
    PermanencePlan,
    Plan,
    PlanKind,
    Review,
    ReviewKind,
    Visit,
    VisitKind,
)
from oversight.casework.models.protection import (
    Conference,
    ConferenceKind,
    S47Enquiry,
    S47Outcome,
    StrategyDiscussion,
)
from oversight.casework.models.voice import ChildsVoice, HowExpressed

__all__ = [
    "Adopter",
    "AdopterHousehold",
    "LeavingReason",
    "HealthCheck",
    "HealthCheckKind",
    "PermanenceOption",
    "PermanencePlan",
    "AdoptionDecision",
    "Alert",
    "BreakGlass",
    "Allocation",
    "Assessment",
    "AssessmentOutcome",
    "CareEpisode",
    "CareLeaverStatus",
    "Child",
    "ChildsVoice",
    "Conference",
    "ConferenceKind",
    "Contact",
    "ContactOutcome",
    "Deadline",
    "EarlyHelpEnd",
    "EarlyHelpEpisode",
    "RiskFlag",
    "RiskKind",
    "HowExpressed",
    "MissingEpisode",
    "OversightEntry",
    "OversightKind",
    "Placement",
    "Plan",
    "PlanKind",
    "Referral",
    "ReferralDecision",
    "Review",
    "ReviewKind",
    "S47Enquiry",
    "S47Outcome",
    "StrategyDiscussion",
    "Visit",
    "VisitKind",
    "YearOutcomes",
]
