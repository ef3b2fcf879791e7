"""Front-door dip-sampling: a sample of decisions re-decided blind, and agreement with them.

The auditor sees what the decider saw (the contact or referral, the child's record up to
then) but not the outcome; the page never shows it until the re-decision is saved.
"""

from __future__ import annotations

import secrets
from datetime import date

from django.db import transaction

from oversight.accounts.models import User
from oversight.casework.models import Contact, ContactOutcome, Referral, ReferralDecision
from oversight.quality.models import DecisionSample, SampledDecision
from oversight.quality.sampling import Candidate, Method, draw
from oversight.quality.services.audits import AUDITORS
from oversight.quality.services.errors import QualityError

# Referral ids are offset so that contacts and referrals share one pool of candidates.
REFERRAL_OFFSET = 10**12


@transaction.atomic
def draw_decisions(
    start: date, end: date, size: int, by: User, seed: int | None = None
) -> DecisionSample:
    """A seeded sample of contact and referral decisions made in the period."""
    if end < start:
        raise QualityError("period_end", f"{end} is before the start of the period ({start})")
    seed = secrets.randbelow(2**31) if seed is None else seed
    decided = {"decided_on__gte": start, "decided_on__lte": end}
    contacts = Contact.objects.filter(**decided).values_list("pk", flat=True)
    referrals = Referral.objects.filter(**decided).values_list("pk", flat=True)
    pool = [Candidate(pk) for pk in contacts] + [
        Candidate(REFERRAL_OFFSET + pk) for pk in referrals
    ]
    drawn = draw(pool, size, Method.RANDOM, seed)
    if not drawn:
        raise QualityError("period_end", "no decisions were made in the period: nothing drawn")
    sample = DecisionSample.objects.create(
        period_start=start, period_end=end, seed=seed, population=len(pool), drawn_by=by
    )
    SampledDecision.objects.bulk_create(
        _sampled(sample, n, d.child_id) for n, d in enumerate(drawn, 1)
    )
    return sample


def _sampled(sample: DecisionSample, position: int, key: int) -> SampledDecision:
    if key >= REFERRAL_OFFSET:
        return SampledDecision(sample=sample, position=position, referral_id=key - REFERRAL_OFFSET)
    return SampledDecision(sample=sample, position=position, contact_id=key)


def choices_for(sampled: SampledDecision) -> list[tuple[str, str]]:
    """The decisions the original decider could have made."""
    kind = ContactOutcome if sampled.contact_id else ReferralDecision
    return list(kind.choices)


def redecide(
    sampled: SampledDecision, auditor: User, decision: str, reason: str, on: date
) -> SampledDecision:
    """Save the auditor's own decision, made without seeing the original."""
    if auditor.role_enum not in AUDITORS:
        raise QualityError("auditor", f"a {auditor.role_enum.label.lower()} does not dip-sample")
    if sampled.item.decided_by_id == auditor.pk:
        raise QualityError("auditor", "you made this decision: another auditor re-decides it")
    if sampled.redecision:
        raise QualityError("redecision", "this decision has already been re-decided")
    if decision not in dict(choices_for(sampled)):
        raise QualityError("redecision", "choose one of the decisions offered")
    if not reason.strip():
        raise QualityError("reason", "say why: what in the information led to your decision")
    sampled.auditor, sampled.redecision, sampled.reason = auditor, decision, reason.strip()
    sampled.redecided_on = on
    sampled.save(update_fields=["auditor", "redecision", "reason", "redecided_on"])
    return sampled
