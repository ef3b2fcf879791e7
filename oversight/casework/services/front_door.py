"""The front door: contacts, referrals, referral decisions and closing a CIN episode."""

from datetime import date

from oversight.accounts.models import Team, User
from oversight.casework.models import (
    Assessment,
    Child,
    Contact,
    ContactOutcome,
    EarlyHelpEpisode,
    Referral,
    ReferralDecision,
)
from oversight.casework.models.build import build
from oversight.casework.policy import current_policy
from oversight.casework.services.children import end_allocation, provenance
from oversight.casework.services.deadlines import (
    ALL_RULES,
    lapse_deadlines,
    meet_deadlines,
    open_deadline,
)
from oversight.casework.services.errors import (
    CaseworkError,
    require_choice,
    require_code,
    require_on_or_after,
)
from oversight.casework.services.writer import held, recorded, writer


@recorded
def record_contact(
    child: Child,
    *,
    received_on: date,
    source_code: str,
    summary: str = "",
    team: Team | None = None,
    by: User | None = None,
    origin: str = "web",
) -> Contact:
    require_code("source_code", "referral_source", source_code)
    contact = build(
        Contact,
        child=child,
        received_on=received_on,
        source=source_code,
        summary=summary,
        team=team,
    )
    provenance(contact, by, origin)
    writer().add(contact)
    return contact


@recorded
def decide_contact(
    contact: Contact,
    *,
    outcome: str,
    decided_on: date,
    by: User | None = None,
    primary_need: str = "",
) -> Referral | None:
    """Record what happens to a contact; a referral outcome opens a referral that day."""
    require_choice("outcome", outcome, ContactOutcome)
    if contact.decided_on is not None:
        raise CaseworkError("outcome", "this contact already has a decision")
    require_on_or_after("decided_on", decided_on, contact.received_on, "date the contact came in")
    contact.outcome, contact.decided_on, contact.decided_by = outcome, decided_on, by
    writer().update(contact, "outcome", "decided_on", "decided_by")
    if outcome != ContactOutcome.REFERRAL:
        return None
    return record_referral(
        contact.child,
        received_on=decided_on,
        source_code=contact.source,
        contact=contact,
        team=contact.team,
        primary_need=primary_need,
        by=by,
        origin=contact.origin,
    )


@recorded
def record_referral(
    child: Child,
    *,
    received_on: date,
    source_code: str,
    primary_need: str = "",
    contact: Contact | None = None,
    team: Team | None = None,
    by: User | None = None,
    origin: str = "web",
) -> Referral:
    """A referral opens a CIN episode and starts the one-working-day decision clock."""
    require_code("source_code", "referral_source", source_code)
    if primary_need:
        require_code("primary_need", "primary_need", primary_need)
    referral = build(
        Referral,
        child=child,
        contact=contact,
        received_on=received_on,
        source=source_code,
        primary_need=primary_need,
        team=team,
        decision_due=current_policy().due_date("referral-decision", received_on),
    )
    provenance(referral, by, origin)
    writer().add(referral)
    open_deadline(child, "referral-decision", received_on, f"referral:{referral.id}")
    return referral


@recorded
def decide_referral(
    referral: Referral,
    *,
    decision: str,
    decided_on: date,
    by: User | None = None,
    primary_need: str = "",
) -> Assessment | None:
    """Record the front-door decision; an assessment decision starts (and returns) it."""
    started = _decide(referral, decision, decided_on, by, primary_need)
    return started if isinstance(started, Assessment) else None


@recorded
def step_down(
    referral: Referral, *, decided_on: date, by: User | None = None, primary_need: str = ""
) -> EarlyHelpEpisode:
    """Decide the referral "early help": its episode closes (RC9) and the early help it
    steps down to starts that day, and is returned. A child whose early help was still
    running (the referral came from elsewhere) keeps that episode, which is returned."""
    started = _decide(referral, ReferralDecision.EARLY_HELP, decided_on, by, primary_need)
    assert isinstance(started, EarlyHelpEpisode)
    return started


def _decide(
    referral: Referral, decision: str, decided_on: date, by: User | None, primary_need: str
) -> Assessment | EarlyHelpEpisode | None:
    """The decision, and the assessment or early help it starts."""
    require_choice("decision", decision, ReferralDecision)
    if referral.decided_on is not None:
        raise CaseworkError("decision", "this referral already has a decision")
    require_on_or_after("decided_on", decided_on, referral.received_on, "referral date")
    if primary_need:
        require_code("primary_need", "primary_need", primary_need)
        referral.primary_need = primary_need
    referral.decision, referral.decided_on, referral.decided_by = decision, decided_on, by
    writer().update(referral, "decision", "decided_on", "decided_by", "primary_need")
    meet_deadlines(referral.child, ("referral-decision",), decided_on)
    if decision == ReferralDecision.ASSESSMENT:
        from oversight.casework.services.assessment import start_assessment

        return start_assessment(referral, started_on=decided_on, by=by, origin=referral.origin)
    if decision == ReferralDecision.NFA:
        close_episode(referral, closed_on=decided_on, reason="RC8")
    elif decision == ReferralDecision.EARLY_HELP:
        from oversight.casework.services.early_help import start_early_help

        close_episode(referral, closed_on=decided_on, reason="RC9")
        running = _early_help_running(referral.child_id, decided_on)
        if running is not None:
            return running  # the early help the child has goes on: no second one starts
        return start_early_help(
            referral.child, started_on=decided_on, stepped_down_from=referral, by=by,
            origin=referral.origin,
        )  # fmt: skip
    return None


def _early_help_running(child_id: int, on: date) -> EarlyHelpEpisode | None:
    """The child's early help open on the day, among those held (``writer.held``)."""
    running = held(
        EarlyHelpEpisode,
        lambda e: e.child_id == child_id and e.ended_on is None and e.started_on <= on,
        EarlyHelpEpisode.objects.filter(
            child_id=child_id, ended_on__isnull=True, started_on__lte=on
        ),
    )
    return min(running, key=lambda e: e.started_on, default=None)


@recorded
def close_episode(referral: Referral, *, closed_on: date, reason: str) -> None:
    """Close the CIN episode the referral opened; open work on it lapses."""
    require_code("reason", "reason_for_closure", reason)
    require_on_or_after("closed_on", closed_on, referral.received_on, "referral date")
    referral.closed_on, referral.reason_for_closure = closed_on, reason
    writer().update(referral, "closed_on", "reason_for_closure")
    lapse_deadlines(referral.child, ALL_RULES, closed_on)
    # Nobody holds a closed case, so caseloads count open work only.
    end_allocation(referral.child, closed_on, field="closed_on")
