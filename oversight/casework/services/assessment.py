"""Assessments: the 45 working-day clock runs from the referral, not from the start."""

from datetime import date
from typing import Unpack

from oversight.accounts.models import User
from oversight.casework.models import Assessment, AssessmentOutcome, Referral
from oversight.casework.models.build import build
from oversight.casework.policy import current_policy
from oversight.casework.services.children import provenance
from oversight.casework.services.deadlines import meet_deadlines, open_deadline
from oversight.casework.services.errors import (
    CaseworkError,
    require_choice,
    require_code,
    require_on_or_after,
)
from oversight.casework.services.voice import Voice, childs_voice
from oversight.casework.services.writer import recorded, writer


@recorded
def start_assessment(
    referral: Referral, *, started_on: date, by: User | None = None, origin: str = "web"
) -> Assessment:
    require_on_or_after("started_on", started_on, referral.received_on, "referral date")
    assessment = build(
        Assessment,
        child=referral.child,
        referral=referral,
        started_on=started_on,
        due_on=current_policy().due_date("assessment", referral.received_on),
    )
    provenance(assessment, by, origin)
    writer().add(assessment)
    open_deadline(referral.child, "assessment", referral.received_on, f"assessment:{assessment.id}")
    return assessment


@recorded
def complete_assessment(
    assessment: Assessment,
    *,
    completed_on: date,
    outcome: str,
    factors: str = "",
    by: User | None = None,
    origin: str = "web",
    **voice: Unpack[Voice],
) -> None:
    """Completion records the outcome and the child's voice in the assessment."""
    if assessment.completed_on is not None:
        raise CaseworkError("completed_on", "this assessment is already complete")
    require_choice("outcome", outcome, AssessmentOutcome)
    require_on_or_after("completed_on", completed_on, assessment.started_on, "assessment start")
    for code in factors.split():
        require_code("factors", "assessment_factors", code)
    heard = childs_voice(voice, origin=origin)
    assessment.completed_on, assessment.outcome, assessment.factors = completed_on, outcome, factors
    assessment.authorised_on, assessment.authorised_by = completed_on, by
    for name, value in heard.items():
        setattr(assessment, name, value)
    writer().update(
        assessment, "completed_on", "outcome", "factors", "authorised_on", "authorised_by", *heard
    )
    meet_deadlines(assessment.child, ("assessment",), completed_on)
