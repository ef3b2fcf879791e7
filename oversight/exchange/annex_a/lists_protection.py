"""Assessment and protection lists: assessments (4), section 47 enquiries (5), CP plans (7)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import DateField, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Least

from oversight.casework.models import Assessment as AssessmentRecord
from oversight.casework.models import (
    AssessmentOutcome,
    CareEpisode,
    Conference,
    ConferenceKind,
    Plan,
    PlanKind,
    S47Enquiry,
    S47Outcome,
    Visit,
    VisitKind,
)
from oversight.exchange.annex_a.gather import (
    Context,
    Row,
    by_child,
    child_fields,
    child_row,
    in_year_to,
    yes_no,
)

NEEDS_SUPPORT = (AssessmentOutcome.CIN_PLAN, AssessmentOutcome.STRATEGY)
NO_CONFERENCE = (S47Outcome.CIN, S47Outcome.NFA)
POLICE_OR_EPO = ("L1", "L2")


def spanning(context: Context, start: str, end: str) -> Q:
    """Open on the inspection date, or ended in the six months before it."""
    window = context.window()
    return Q(**{f"{start}__lte": window.last}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": window.first})
    )


def assessments(context: Context) -> list[Row]:
    found = context.scoped(
        AssessmentRecord.objects.filter(spanning(context, "started_on", "completed_on"))
    )
    rows = []
    for a in found.values(*child_fields(), "started_on", "completed_on", "authorised_on",
                          "outcome", "seen"):  # fmt: skip
        done = context.known(a["completed_on"]) is not None
        rows.append(child_row(a, context) | {
            "assessment_start": a["started_on"],
            "assessment_seen": yes_no(a["seen"]) if done else None,
            "assessment_authorised": context.known(a["authorised_on"]),
            "assessment_support": yes_no(a["outcome"] in NEEDS_SUPPORT) if done else None,
        })  # fmt: skip
    return rows


def section_47(context: Context) -> list[Row]:
    window, day = context.window(), context.as_at
    started = Q(started_on__range=(window.first, window.last))
    still_open = Q(started_on__lte=day) & (Q(completed_on__isnull=True) | Q(completed_on__gte=day))
    found = context.scoped(S47Enquiry.objects.filter(started | still_open))
    initial = Conference.objects.filter(
        s47=OuterRef("pk"), kind=ConferenceKind.INITIAL, held_on__lte=day
    ).order_by("held_on")
    found = found.annotate(
        icpc_on=Subquery(initial.values("held_on")[:1]),
        icpc_plan=Subquery(initial.values("plan_required")[:1]),
    )
    s47_days, icpc_days = _history(found)
    rows = []
    for s in found.values(*child_fields(), "started_on", "completed_on", "outcome", "icpc_on",
                          "icpc_plan"):  # fmt: skip
        start = s["started_on"]
        rows.append(child_row(s, context) | {
            "s47_start": start,
            "icpc_unnecessary": _no_conference(s, context),
            "icpc_date": s["icpc_on"],
            "icpc_plan": yes_no(s["icpc_plan"]) if s["icpc_on"] else None,
            "s47s_12_months": in_year_to(s47_days.get(s["child_id"], []), start) - 1,
            "icpcs_12_months": in_year_to(icpc_days.get(s["child_id"], []), start),
        })  # fmt: skip
    return rows


def _no_conference(s47: dict[str, Any], context: Context) -> str | None:
    if s47["icpc_on"] is not None:
        return "N"
    if context.known(s47["completed_on"]) is None:
        return None  # still open: not yet decided
    return "Y" if s47["outcome"] in NO_CONFERENCE else "N"


def _history(listed: QuerySet[S47Enquiry]) -> tuple[dict[int, list[date]], dict[int, list[date]]]:
    """Every enquiry start and initial conference of the listed children, sorted by day."""
    children = listed.values("child_id")
    starts = S47Enquiry.objects.filter(child_id__in=children).values_list("child_id", "started_on")
    icpcs = Conference.objects.filter(
        child_id__in=children, kind=ConferenceKind.INITIAL
    ).values_list("child_id", "held_on")
    return (
        {child: sorted(days) for child, days in by_child(starts).items()},
        {child: sorted(days) for child, days in by_child(icpcs).items()},
    )


def child_protection(context: Context) -> list[Row]:
    window, day = context.window(), context.as_at
    plans = Plan.objects.filter(spanning(context, "start_on", "end_on"), kind=PlanKind.CP)
    until = Least(Coalesce(OuterRef("end_on"), Value(day)), Value(day), output_field=DateField())
    visits = Visit.objects.filter(
        plan=OuterRef("pk"), kind=VisitKind.CP, visited_on__lte=until
    ).order_by("-visited_on", "-id")
    reviews = Conference.objects.filter(
        child=OuterRef("child_id"), kind=ConferenceKind.REVIEW,
        held_on__gte=OuterRef("start_on"), held_on__lte=until,
    ).order_by("-held_on")  # fmt: skip
    protected = CareEpisode.objects.filter(
        child=OuterRef("child_id"), legal_status__in=POLICE_OR_EPO, started_on__lte=day
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=window.first))
    found = context.scoped(plans).annotate(
        last_visit=Subquery(visits.values("visited_on")[:1]),
        seen_alone=Subquery(visits.values("seen_alone")[:1]),
        latest_review=Subquery(reviews.values("held_on")[:1]),
        protected=Exists(protected),
    )
    earlier = _plan_starts(found)
    return [
        child_row(p, context) | {
            "cp_start": p["start_on"],
            "initial_category": p["category_of_abuse"],
            "latest_category": p["category_of_abuse"],
            "cp_last_visit": p["last_visit"],
            "cp_seen_alone": yes_no(p["seen_alone"]) if p["last_visit"] else None,
            "cp_latest_review": p["latest_review"],
            "cp_end": context.known(p["end_on"]),
            "epo": yes_no(p["protected"]),
            "previous_plans": sum(d < p["start_on"] for d in earlier.get(p["child_id"], [])),
        }
        for p in found.values(*child_fields(), "start_on", "end_on", "category_of_abuse",
                              "last_visit", "seen_alone", "latest_review", "protected")
    ]  # fmt: skip


def _plan_starts(listed: QuerySet[Plan]) -> dict[int, list[date]]:
    pairs = Plan.objects.filter(
        child_id__in=listed.values("child_id"), kind=PlanKind.CP
    ).values_list("child_id", "start_on")
    return by_child(pairs)
