"""The parts of a child's record page: who the child is, where the case stands, what is due.

The child comes from ``casework.access.child_for``; everything here reads that child's
own related records.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from oversight.casework.models import Allocation, Child, Contact, Placement, Plan, Referral
from oversight.web.chronology import chronology
from oversight.web.words import code_words, codes_words, long_date
from oversight.web.work import WorkItem, work_items


@dataclass(frozen=True)
class Fact:
    """One row of a GOV.UK summary list."""

    key: str
    value: str


def current_allocation(child: Child) -> Allocation | None:
    return child.allocations.filter(end_on__isnull=True).select_related("team", "worker").first()


def age_words(child: Child, today: date) -> str:
    age = child.age_on(today)
    if age is None:
        expected = child.expected_date_of_birth
        return f"Unborn (expected {long_date(expected)})" if expected else "Not known"
    return f"{age} (born {long_date(child.date_of_birth)})"


def identity(child: Child, today: date) -> list[Fact]:
    facts = [
        Fact("LA child id", child.la_child_id),
        Fact("Age", age_words(child, today)),
        Fact("Sex", code_words("sex", child.sex)),
        Fact("Ethnicity", code_words("ethnicity", child.ethnicity)),
        Fact("Disability", codes_words("disability", child.disabilities) or "Not recorded"),
    ]
    if child.uasc:
        facts.append(Fact("Unaccompanied asylum-seeking child", "Yes"))
    return facts


def allocation_facts(allocation: Allocation | None) -> list[Fact]:
    if allocation is None:
        return [Fact("Allocated to", "Not allocated to a team")]
    worker = allocation.worker.display_name if allocation.worker else "Not allocated to a worker"
    return [Fact("Team", allocation.team.name), Fact("Worker", worker)]


def current_status(child: Child) -> list[str]:
    """Open episodes, assessments, enquiries and plans, and whether the child is in care."""
    status = [f"Open referral (received {long_date(r.received_on)})" for r in open_referrals(child)]
    status += [
        f"Assessment in progress (due {long_date(a.due_on)})"
        for a in child.assessments.filter(completed_on__isnull=True)
    ]
    if child.s47_enquiries.filter(completed_on__isnull=True).exists():
        status.append("Section 47 enquiry in progress")
    status += [plan.get_kind_display() for plan in open_plans(child)]
    placement = current_placement(child)
    if placement is not None:
        status.append(f"In care: {code_words('placement_type', placement.placement_type)}")
    return status or ["No open episode"]


def open_referrals(child: Child) -> QuerySet[Referral]:
    return child.referrals.filter(closed_on__isnull=True)


def open_plans(child: Child) -> QuerySet[Plan]:
    return child.plans.filter(end_on__isnull=True)


def open_plan(child: Child, kind: str) -> Plan | None:
    return open_plans(child).filter(kind=kind).order_by("-start_on", "-pk").first()


def current_placement(child: Child) -> Placement | None:
    """The placement the child lives in now, in the child's open care episode."""
    return (
        Placement.objects.filter(
            episode__child=child, episode__ended_on__isnull=True, ended_on__isnull=True
        )
        .order_by("-started_on", "-pk")
        .first()
    )


def work_due(child: Child, today: date) -> list[WorkItem]:
    deadlines = child.deadlines.filter(met_on__isnull=True, lapsed_on__isnull=True)
    return work_items(deadlines.select_related("worker").order_by("due_on", "rule"), today)


def contacts_to_decide(child: Child) -> QuerySet[Contact]:
    return child.contacts.filter(outcome="").order_by("received_on")


def referrals_to_decide(child: Child) -> QuerySet[Referral]:
    return child.referrals.filter(decided_on__isnull=True).order_by("received_on")


def record_context(child: Child, today: date) -> dict[str, object]:
    allocation = current_allocation(child)
    return {
        "child": child,
        "identity": identity(child, today),
        "allocation": allocation_facts(allocation),
        "status": current_status(child),
        "work_due": work_due(child, today),
        "chronology": chronology(child),
        "plans": child.plans.all(),
        "visits": child.visits.select_related("worker"),
        "oversight_entries": child.oversight_entries.select_related("manager"),
        "contacts_to_decide": contacts_to_decide(child),
        "referrals_to_decide": referrals_to_decide(child),
    }
