"""Child protection: strategy discussions, section 47 enquiries and conferences."""

from datetime import date
from typing import Unpack

from oversight.accounts.models import User
from oversight.casework.models import (
    Conference,
    ConferenceKind,
    Plan,
    PlanKind,
    Referral,
    S47Enquiry,
    S47Outcome,
    StrategyDiscussion,
)
from oversight.casework.models.build import build
from oversight.casework.policy import current_policy
from oversight.casework.services.children import provenance
from oversight.casework.services.deadlines import lapse_deadlines, meet_deadlines, open_deadline
from oversight.casework.services.errors import (
    CaseworkError,
    require_choice,
    require_code,
    require_on_or_after,
)
from oversight.casework.services.plans import end_plan, start_plan
from oversight.casework.services.voice import Voice, childs_voice
from oversight.casework.services.writer import recorded, writer


@recorded
def record_strategy_discussion(
    referral: Referral,
    *,
    held_on: date,
    s47_agreed: bool = True,
    by: User | None = None,
    origin: str = "web",
) -> tuple[StrategyDiscussion, S47Enquiry | None]:
    """A strategy discussion; when it agrees a section 47 enquiry, the ICPC clock starts."""
    require_on_or_after("held_on", held_on, referral.received_on, "referral date")
    discussion = build(
        StrategyDiscussion,
        child=referral.child,
        referral=referral,
        held_on=held_on,
        s47_agreed=s47_agreed,
    )
    provenance(discussion, by, origin)
    writer().add(discussion)
    if not s47_agreed:
        return discussion, None
    s47 = build(
        S47Enquiry,
        child=referral.child,
        strategy_discussion=discussion,
        started_on=held_on,
        icpc_due=current_policy().due_date("icpc", held_on),
    )
    provenance(s47, by, origin)
    writer().add(s47)
    open_deadline(referral.child, "icpc", held_on, f"s47:{s47.id}")
    return discussion, s47


@recorded
def complete_s47(s47: S47Enquiry, *, completed_on: date, outcome: str) -> None:
    require_choice("outcome", outcome, S47Outcome)
    require_on_or_after("completed_on", completed_on, s47.started_on, "start of the enquiry")
    s47.completed_on, s47.outcome = completed_on, outcome
    writer().update(s47, "completed_on", "outcome")
    if outcome != S47Outcome.ICPC:
        lapse_deadlines(s47.child, ("icpc",), completed_on)


@recorded
def hold_initial_conference(
    s47: S47Enquiry,
    *,
    held_on: date,
    plan_required: bool,
    category_of_abuse: str = "",
    by: User | None = None,
    origin: str = "web",
    **voice: Unpack[Voice],
) -> tuple[Conference, Plan | None]:
    """The ICPC meets the 15 working-day deadline; a plan starts the CP visit and review clocks."""
    require_on_or_after("held_on", held_on, s47.started_on, "start of the section 47 enquiry")
    if plan_required:
        require_code("category_of_abuse", "category_of_abuse", category_of_abuse)
    heard = childs_voice(voice, origin=origin)
    conference = build(
        Conference,
        child=s47.child,
        kind=ConferenceKind.INITIAL,
        s47=s47,
        due_on=s47.icpc_due,
        held_on=held_on,
        plan_required=plan_required,
        category_of_abuse=category_of_abuse,
        **heard,
    )
    provenance(conference, by, origin)
    writer().add(conference)
    meet_deadlines(s47.child, ("icpc",), held_on)
    if not plan_required:
        return conference, None
    plan = start_plan(
        s47.child,
        kind=PlanKind.CP,
        start_on=held_on,
        category_of_abuse=category_of_abuse,
        by=by,
        origin=origin,
    )
    open_deadline(s47.child, "rcpc-first", held_on, f"plan:{plan.id}")
    return conference, plan


@recorded
def hold_review_conference(
    plan: Plan,
    *,
    held_on: date,
    plan_continues: bool,
    by: User | None = None,
    origin: str = "web",
    **voice: Unpack[Voice],
) -> Conference:
    """A review conference; the plan continues (next review in 6 months) or ends that day."""
    if plan.kind != PlanKind.CP or not plan.is_open:
        raise CaseworkError("plan", "review conferences are held for open child protection plans")
    require_on_or_after("held_on", held_on, plan.start_on, "start of the plan")
    heard = childs_voice(voice, origin=origin)
    met = meet_deadlines(plan.child, ("rcpc-first", "rcpc-next"), held_on)
    conference = build(
        Conference,
        child=plan.child,
        kind=ConferenceKind.REVIEW,
        due_on=met[0].due_on if met else held_on,
        held_on=held_on,
        plan_required=plan_continues,
        category_of_abuse=plan.category_of_abuse,
        **heard,
    )
    provenance(conference, by, origin)
    writer().add(conference)
    if plan_continues:
        open_deadline(plan.child, "rcpc-next", held_on, f"plan:{plan.id}")
    else:
        end_plan(plan, end_on=held_on, reason="Review conference ended the plan")
    return conference
