"""Plans, the visits made under them, reviews, and management oversight entries."""

from datetime import date
from typing import Unpack

from oversight.accounts.models import User
from oversight.casework.models import (
    Child,
    OversightEntry,
    OversightKind,
    Placement,
    Plan,
    PlanKind,
    Review,
    Visit,
    VisitKind,
)
from oversight.casework.models.build import build
from oversight.casework.services.children import provenance
from oversight.casework.services.deadlines import (
    HEALTH_RULES,
    OVERSIGHT_RULES,
    PERMANENCE_RULES,
    REVIEW_RULES,
    VISIT_RULES,
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
from oversight.casework.services.voice import Voice, childs_voice
from oversight.casework.services.writer import recorded, writer
from oversight.timescales import add_months

# The clocks each kind of plan starts when it begins, and stops when it ends.
PLAN_CLOCKS = {
    PlanKind.CP: ("cp-visit", "oversight-cp"),
    PlanKind.CIN: ("cin-visit", "oversight-cin"),
    PlanKind.CARE: ("oversight-cla",),
    PlanKind.PATHWAY: ("pathway-plan-review", "pa-visit", "oversight-care-leaver"),
}
PLAN_STOPS = {
    PlanKind.CP: ("cp-visit", "oversight-cp", "rcpc-first", "rcpc-next"),
    PlanKind.CIN: ("cin-visit", "oversight-cin"),
    PlanKind.CARE: (
        *VISIT_RULES["cla"],
        *REVIEW_RULES["cla"],
        *PERMANENCE_RULES,
        *HEALTH_RULES,
        "oversight-cla",
    ),
    PlanKind.PATHWAY: (*VISIT_RULES["pa"], *REVIEW_RULES["pathway"], "oversight-care-leaver"),
}


@recorded
def start_plan(
    child: Child,
    *,
    kind: str,
    start_on: date,
    category_of_abuse: str = "",
    by: User | None = None,
    origin: str = "web",
) -> Plan:
    require_choice("kind", kind, PlanKind)
    if kind == PlanKind.CP:
        require_code("category_of_abuse", "category_of_abuse", category_of_abuse)
    plan = build(
        Plan, child=child, kind=kind, start_on=start_on, category_of_abuse=category_of_abuse
    )
    provenance(plan, by, origin)
    writer().add(plan)
    for rule in PLAN_CLOCKS[PlanKind(kind)]:
        open_deadline(child, rule, start_on, f"plan:{plan.id}")
    return plan


@recorded
def end_plan(plan: Plan, *, end_on: date, reason: str = "") -> None:
    if not plan.is_open:
        raise CaseworkError("end_on", "this plan has already ended")
    require_on_or_after("end_on", end_on, plan.start_on, "start of the plan")
    plan.end_on, plan.end_reason = end_on, reason
    writer().update(plan, "end_on", "end_reason")
    lapse_deadlines(plan.child, PLAN_STOPS[PlanKind(plan.kind)], end_on)


@recorded
def record_visit(
    child: Child,
    *,
    kind: str,
    visited_on: date,
    plan: Plan | None = None,
    placement: Placement | None = None,
    worker: User | None = None,
    by: User | None = None,
    origin: str = "web",
    **voice: Unpack[Voice],
) -> Visit:
    """A visit meets the visit that was due and, while the plan runs, starts the next clock.

    The child counts as seen unless ``seen=False`` is given (the other voice fields
    start as not recorded).
    """
    require_choice("kind", kind, VisitKind)
    heard = childs_voice(voice, origin=origin, seen=True)
    if plan is not None:
        require_on_or_after("visited_on", visited_on, plan.start_on, "start of the plan")
    met = meet_deadlines(child, VISIT_RULES[kind], visited_on)
    allocation = writer().current_allocation(child.id) if worker is None else None
    worker_id = worker.pk if worker else (allocation.worker_id if allocation else None)
    visit = build(
        Visit,
        child=child,
        plan=plan,
        kind=kind,
        visited_on=visited_on,
        due_on=met[0].due_on if met else None,
        worker_id=worker_id,
        **heard,
    )
    provenance(visit, by, origin)
    writer().add(visit)
    next_rule = _next_visit_rule(kind, visited_on, plan, placement)
    if next_rule:
        open_deadline(child, next_rule, visited_on, f"visit:{visit.id}")
    return visit


def _next_visit_rule(
    kind: str, visited_on: date, plan: Plan | None, placement: Placement | None
) -> str | None:
    if kind == VisitKind.CLA:
        if placement is None or placement.ended_on is not None:
            return None
        settled = visited_on >= add_months(placement.lived_in_since, 12)
        return "cla-visit-long-term" if placement.long_term and settled else "cla-visit-first-year"
    if plan is None or not plan.is_open:
        return None
    return {VisitKind.CP: "cp-visit", VisitKind.CIN: "cin-visit", VisitKind.PA: "pa-visit"}[
        VisitKind(kind)
    ]


# The review that follows the one just held.
NEXT_REVIEW = {
    "cla-first-review": "cla-second-review",
    "cla-second-review": "cla-next-review",
    "cla-next-review": "cla-next-review",
    "pathway-plan-review": "pathway-plan-review",
}


@recorded
def record_review(
    child: Child,
    *,
    kind: str,
    held_on: date,
    plan: Plan | None = None,
    child_participated: bool = False,
    by: User | None = None,
    origin: str = "web",
    **voice: Unpack[Voice],
) -> Review:
    """A review meets the review that was due and, while the plan runs, starts the next."""
    if kind not in REVIEW_RULES:
        raise CaseworkError("kind", f"choose one of: {', '.join(REVIEW_RULES)}")
    heard = childs_voice(voice, origin=origin)
    met = meet_deadlines(child, REVIEW_RULES[kind], held_on)
    review = build(
        Review,
        child=child,
        plan=plan,
        kind=kind,
        held_on=held_on,
        due_on=met[0].due_on if met else None,
        child_participated=child_participated,
        **heard,
    )
    provenance(review, by, origin)
    writer().add(review)
    if met and (plan is None or plan.is_open):
        open_deadline(child, NEXT_REVIEW[met[0].rule], held_on, f"review:{review.id}")
    if met and met[0].rule == "cla-first-review" and plan is not None and plan.is_open:
        _permanence_plan_due(child, plan, held_on)
    return review


def _permanence_plan_due(child: Child, care_plan: Plan, first_review: date) -> None:
    """The permanence plan is due by the second review, unless one is made already."""
    from oversight.casework.services.permanence_plans import current_permanence_plan

    if current_permanence_plan(care_plan) is None:
        open_deadline(child, "permanence-plan", first_review, f"plan:{care_plan.id}")


@recorded
def record_oversight(
    child: Child,
    *,
    kind: str,
    recorded_on: date,
    manager: User,
    note: str,
    by: User | None = None,
    origin: str = "web",
) -> OversightEntry:
    """Management oversight meets the oversight that was due and starts the next period."""
    require_choice("kind", kind, OversightKind)
    if not note.strip():
        raise CaseworkError("note", "write the oversight: what you reviewed and what you decided")
    met = meet_deadlines(child, OVERSIGHT_RULES, recorded_on)
    entry = build(
        OversightEntry,
        child=child,
        kind=kind,
        recorded_on=recorded_on,
        manager=manager,
        note=note,
        due_on=met[0].due_on if met else None,
    )
    provenance(entry, by or manager, origin)
    writer().add(entry)
    for rule in sorted({d.rule for d in met}):
        open_deadline(child, rule, recorded_on, f"oversight:{entry.id}")
    return entry
