"""Escalations by CP chairs and IROs: raised to a manager, answered, resolved."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework.models import Child
from oversight.casework.services import close_follow_up, open_follow_up
from oversight.quality.models import Escalation, EscalationAbout
from oversight.quality.services.errors import QualityError

RAISERS = {Role.IRO}
RECEIVERS = {Role.TEAM_MANAGER, Role.SERVICE_MANAGER, Role.SENIOR_LEADER}


@transaction.atomic
def raise_escalation(
    child: Child, by: User, to: User, about: str, concern: str, on: date
) -> Escalation:
    """A CP chair or IRO escalates a concern; the reply is due by the local timescale."""
    if by.role_enum not in RAISERS:
        raise QualityError(
            "raised_by", "escalations are raised by child protection chairs and IROs"
        )
    if to.role_enum not in RECEIVERS:
        raise QualityError(
            "raised_to", "escalate to a team manager, service manager or senior leader"
        )
    if about not in EscalationAbout.values:
        raise QualityError("about", f"choose what it is about: {', '.join(EscalationAbout.values)}")
    if not concern.strip():
        raise QualityError("concern", "describe the concern and what you want to happen")
    escalation = Escalation.objects.create(
        child=child, raised_by=by, raised_to=to, raised_on=on, about=about, concern=concern.strip()
    )
    escalation.deadline = open_follow_up(
        child, rule="escalation-response", start=on, subject=f"escalation:{escalation.pk}"
    )
    escalation.save(update_fields=["deadline"])
    return escalation


@transaction.atomic
def respond(escalation: Escalation, by: User, response: str, on: date) -> Escalation:
    if by.pk != escalation.raised_to_id and by.role_enum != Role.SENIOR_LEADER:
        raise QualityError("response", "the manager it was raised to responds")
    if not response.strip():
        raise QualityError("response", "write the response: what will happen, by when")
    if on < escalation.raised_on:
        raise QualityError("responded_on", "the response cannot come before the escalation")
    escalation.response, escalation.responded_on = response.strip(), on
    escalation.version += 1
    escalation.save(update_fields=["response", "responded_on", "version"])
    if escalation.deadline is not None:
        close_follow_up(escalation.deadline, on)
    return escalation


def resolve(escalation: Escalation, by: User, resolution: str, on: date) -> Escalation:
    """The chair or IRO who raised it says it is resolved, and how."""
    if by.pk != escalation.raised_by_id:
        raise QualityError("resolution", "the chair or IRO who raised it records the resolution")
    if not escalation.responded_on:
        raise QualityError("resolution", "the escalation has had no response yet")
    if not resolution.strip():
        raise QualityError("resolution", "say how it was resolved")
    escalation.resolution, escalation.resolved_on = resolution.strip(), on
    escalation.version += 1
    escalation.save(update_fields=["resolution", "resolved_on", "version"])
    return escalation
