"""Every census field of the records, read straight from the models, for comparing records.

The facts leave out what the census does not carry (names, decisions' dates, outcomes,
the day an enquiry ended, teams, deadlines), so records made by an import can be
compared with the records the census was written from.
"""

from __future__ import annotations

from typing import Any

from oversight.casework.models import (
    Assessment,
    Child,
    Conference,
    Plan,
    PlanKind,
    Referral,
    ReferralDecision,
    S47Enquiry,
)

NO_FURTHER_ACTION = (ReferralDecision.NFA, ReferralDecision.EARLY_HELP)


def census_facts() -> dict[str, dict[str, Any]]:
    return {child.la_child_id: _child_facts(child) for child in Child.objects.all()}


def _child_facts(child: Child) -> dict[str, Any]:
    return {
        "child": (child.date_of_birth, child.expected_date_of_birth, child.sex,
                  child.ethnicity, sorted(child.disabilities.split()), child.upn, child.former_upn,
                  child.died_on),
        "episodes": [_episode(r) for r in Referral.objects.filter(child=child)
                     .order_by("received_on")],
        "assessments": sorted(_assessment(a) for a in Assessment.objects.filter(child=child)),
        "section47s": sorted(_section47(s) for s in S47Enquiry.objects.filter(child=child)),
        "plans": sorted(_plan(p) for p in Plan.objects.filter(
            child=child, kind__in=(PlanKind.CIN, PlanKind.CP))),
        "conferences": sorted(_conference(c) for c in Conference.objects.filter(child=child)),
    }  # fmt: skip


def _episode(referral: Referral) -> tuple[Any, ...]:
    return (
        referral.received_on, referral.source, referral.primary_need, referral.closed_on,
        referral.reason_for_closure, referral.decision in NO_FURTHER_ACTION,
    )  # fmt: skip


def _assessment(assessment: Assessment) -> tuple[Any, ...]:
    return (
        assessment.referral.received_on, assessment.started_on, assessment.authorised_on,
        sorted(assessment.factors.split()),
    )  # fmt: skip


def _section47(s47: S47Enquiry) -> tuple[Any, ...]:
    ended_without_conference = s47.completed_on is not None and s47.outcome in ("cin", "nfa")
    referral = s47.strategy_discussion.referral
    return referral.received_on, s47.started_on, s47.icpc_due, ended_without_conference


def _plan(plan: Plan) -> tuple[Any, ...]:
    return plan.kind, plan.start_on, plan.end_on, plan.category_of_abuse


def _conference(conference: Conference) -> tuple[Any, ...]:
    enquiry = conference.s47.started_on if conference.s47 else None
    return (
        conference.kind, conference.held_on, conference.plan_required,
        conference.category_of_abuse, enquiry,
    )  # fmt: skip
