"""The one write path: every way of recording an event on a child's record comes here.

Web forms, the API, importers and the synthetic generator call these functions. Each
validates the event, stamps its due dates through ``timescales``, opens and meets the
child's deadlines, and saves through the current writer (``batch()`` for bulk paths).
"""

from oversight.casework.services.adopters import (
    AdopterDetails,
    record_adopter_enquiry,
    record_adopter_steps,
    record_adopters_left,
)
from oversight.casework.services.adoption import (
    record_adoption_decision,
    record_adoption_match,
    reverse_adoption_decision,
)
from oversight.casework.services.assessment import complete_assessment, start_assessment
from oversight.casework.services.care import (
    change_legal_status,
    change_legal_status_and_placement,
    change_placement,
    end_care_episode,
    record_care_leaver_status,
    record_missing_episode,
    record_placement_location,
    record_return,
    record_return_interview,
    start_care_episode,
)
from oversight.casework.services.child_details import change_child_details, record_child_details
from oversight.casework.services.children import allocate, end_allocation, register_child
from oversight.casework.services.early_help import (
    complete_early_help_assessment,
    end_early_help,
    raise_risk_flag,
    remove_risk_flag,
    require_early_help_may_start,
    start_early_help,
    step_up,
)
from oversight.casework.services.errors import CaseworkError
from oversight.casework.services.follow_ups import close_follow_up, open_follow_up
from oversight.casework.services.front_door import (
    close_episode,
    decide_contact,
    decide_referral,
    record_contact,
    record_referral,
    step_down,
)
from oversight.casework.services.health import record_health_check
from oversight.casework.services.outcomes import record_year_outcomes
from oversight.casework.services.permanence import record_previous_permanence
from oversight.casework.services.permanence_plans import (
    current_permanence_plan,
    record_permanence_plan,
)
from oversight.casework.services.plans import (
    end_plan,
    record_oversight,
    record_review,
    record_visit,
    start_plan,
)
from oversight.casework.services.protection import (
    complete_s47,
    hold_initial_conference,
    hold_review_conference,
    record_strategy_discussion,
)
from oversight.casework.services.writer import batch, detached_batch

__all__ = [
    "AdopterDetails",
    "record_adopter_enquiry",
    "record_adopter_steps",
    "record_adopters_left",
    "record_adoption_decision",
    "record_adoption_match",
    "reverse_adoption_decision",
    "CaseworkError",
    "current_permanence_plan",
    "record_permanence_plan",
    "record_health_check",
    "allocate",
    "batch",
    "change_legal_status",
    "change_legal_status_and_placement",
    "change_placement",
    "record_child_details",
    "change_child_details",
    "record_previous_permanence",
    "close_episode",
    "close_follow_up",
    "complete_assessment",
    "complete_s47",
    "decide_contact",
    "decide_referral",
    "detached_batch",
    "end_allocation",
    "open_follow_up",
    "end_care_episode",
    "complete_early_help_assessment",
    "end_early_help",
    "end_plan",
    "hold_initial_conference",
    "hold_review_conference",
    "record_care_leaver_status",
    "record_contact",
    "record_missing_episode",
    "record_placement_location",
    "record_oversight",
    "record_referral",
    "record_return",
    "record_return_interview",
    "record_review",
    "record_strategy_discussion",
    "record_visit",
    "record_year_outcomes",
    "raise_risk_flag",
    "remove_risk_flag",
    "register_child",
    "start_assessment",
    "start_care_episode",
    "require_early_help_may_start",
    "start_early_help",
    "start_plan",
    "step_down",
    "step_up",
]
