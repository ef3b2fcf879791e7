"""The parts of a child's record page: who the child is, where the case stands, what is due.

The child comes from ``casework.access.child_for``; everything here reads that child's
own related records. The page reads them once (``chronology.load_journey``) and picks what
is open now from them in memory; the helpers the recording forms use ask the database.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from oversight.casework.models import (
    AdoptionDecision,
    Allocation,
    CareEpisode,
    Child,
    Contact,
    Deadline,
    EarlyHelpEpisode,
    HealthCheckKind,
    MissingEpisode,
    Placement,
    Plan,
    PlanKind,
    Referral,
    YearOutcomes,
)
from oversight.web.chronology import chronology, load_journey
from oversight.web.words import code_words, codes_words, long_date
from oversight.web.work import work_items


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
        Fact("Unique pupil number (UPN)", child.upn or "Not recorded"),
    ]
    if child.former_upn:
        facts.append(Fact("Former UPN", child.former_upn))
    if child.uasc:
        facts.append(Fact("Unaccompanied asylum-seeking child", "Yes"))
    if child.is_mother is not None:
        facts.append(Fact("Is a mother", _motherhood(child)))
    if child.died_on is not None:
        facts.append(Fact("Date of death", long_date(child.died_on)))
    return facts


def _motherhood(child: Child) -> str:
    if not child.is_mother:
        return "No"
    born = child.first_child_born_on
    return f"Yes (her first child was born {long_date(born)})" if born else "Yes"


def outcomes_facts(outcomes: YearOutcomes | None) -> list[Fact]:
    """The latest year's outcomes of a child looked after for the year (SSDA903 OC2)."""
    if outcomes is None:
        return []

    def known(value: bool | None) -> str:
        return "Not recorded" if value is None else ("Yes" if value else "No")

    if outcomes.sdq_score is not None:
        sdq = f"Score {outcomes.sdq_score} (of 40)"
    else:
        sdq = (
            code_words("sdq_reason", outcomes.sdq_reason) if outcomes.sdq_reason else "Not recorded"
        )
    facts = [
        Fact("Health assessment up to date", known(outcomes.health_assessment)),
        Fact("Immunisations up to date", known(outcomes.immunisations)),
        Fact("Teeth checked", known(outcomes.teeth_check)),
        Fact("Strengths and difficulties (SDQ)", sdq),
        Fact("Substance misuse identified", known(outcomes.substance_misuse)),
    ]
    if outcomes.health_check is not None:
        facts.insert(0, Fact("Development checks up to date", known(outcomes.health_check)))
    if outcomes.substance_misuse:
        facts.append(Fact("Intervention received", known(outcomes.intervention_received)))
        facts.append(Fact("Intervention offered", known(outcomes.intervention_offered)))
    if outcomes.convicted is not None:
        facts.append(Fact("Convicted in the year", known(outcomes.convicted)))
    return facts


def allocation_facts(allocation: Allocation | None) -> list[Fact]:
    if allocation is None:
        return [Fact("Allocated to", "Not allocated to a team")]
    worker = allocation.worker
    held = worker.display_name if worker else "Not allocated to a worker"
    if worker is not None and not worker.is_active:  # they left: the child waits for a worker
        held += f", who left on {long_date(worker.left_on)}" if worker.left_on else ", who has left"
    return [Fact("Team", allocation.team.name), Fact("Worker", held),
            Fact("Allocated since", long_date(allocation.start_on))]  # fmt: skip


def current_status(child: Child) -> list[str]:
    """Open episodes, assessments, enquiries and plans, and whether the child is in care.

    Read from the child's loaded journey (``load_journey``), newest first as each kind is
    ordered.
    """
    load_journey(child)
    status = [
        f"Open referral (received {long_date(r.received_on)})"
        for r in child.referrals.all()
        if r.closed_on is None
    ]
    status += [
        f"Assessment in progress (due {long_date(a.due_on)})"
        for a in child.assessments.all()
        if a.completed_on is None
    ]
    if any(s47.completed_on is None for s47 in child.s47_enquiries.all()):
        status.append("Section 47 enquiry in progress")
    status += [plan.get_kind_display() for plan in child.plans.all() if plan.end_on is None]
    placement = _placement_now(child)
    if placement is not None:
        status.append(f"In care: {code_words('placement_type', placement.placement_type)}")
    return status or ["No open episode"]


def _placement_now(child: Child) -> Placement | None:
    """``current_placement`` from the loaded journey."""
    now = [
        placement
        for episode in child.care_episodes.all()
        if episode.ended_on is None
        for placement in episode.placements.all()
        if placement.ended_on is None
    ]
    return max(now, key=lambda p: (p.started_on, p.pk), default=None)


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


def period_start(child: Child) -> CareEpisode | None:
    """The episode that began the child's current period of care (None if not in care)."""
    # All of the child's episodes, as the record page has read them (``load_journey``).
    episodes = sorted(child.care_episodes.all(), key=lambda e: (e.started_on, e.pk), reverse=True)
    if not episodes or episodes[0].ended_on is not None:
        return None
    began = episodes[0]
    for earlier in episodes[1:]:
        if earlier.ended_on != began.started_on:
            break
        began = earlier
    return began


def permanence_facts(began: CareEpisode | None) -> list[Fact]:
    """What permanence the child had before the current period of care, if recorded."""
    if began is None or not began.previous_permanence:
        return []
    words = [code_words("previous_permanence", began.previous_permanence)]
    if began.previous_permanence_la:
        words.append(f"arranged by local authority {began.previous_permanence_la}")
    on = began.previous_permanence_on
    if on is not None:
        shown = {"month": f"{on:%B %Y}", "year": f"{on:%Y}"}
        words.append(shown.get(began.previous_permanence_known, long_date(on)))
    return [Fact("Before this period of care", ", ".join(words))]


def open_care_plan(child: Child) -> Plan | None:
    """The child's open care plan, from the loaded journey."""
    care = [p for p in child.plans.all() if p.kind == PlanKind.CARE and p.end_on is None]
    return max(care, key=lambda p: (p.start_on, p.pk), default=None)


def permanence_plan_facts(child: Child, care: Plan | None) -> list[Fact]:
    """The open care plan's permanence plan, and the one it replaced, if any."""
    if care is None:
        return []
    made = sorted((p for p in child.permanence_plans.all() if p.plan_id == care.pk),
                  key=lambda p: p.decided_on, reverse=True)  # fmt: skip
    if not made:
        return [Fact("Permanence plan", "None recorded")]
    words = f"{made[0].get_option_display()}, since {long_date(made[0].decided_on)}"
    if len(made) > 1:
        words += f" (before: {made[1].get_option_display().lower()})"
    return [Fact("Permanence plan", words)]


def health_facts(child: Child, care: Plan | None) -> list[Fact]:
    """The latest health assessment and dental check in the open care plan's period."""
    if care is None:
        return []
    facts = []
    for kind in HealthCheckKind:
        days = [c.done_on for c in child.health_checks.all()
                if c.kind == kind and c.done_on >= care.start_on]  # fmt: skip
        facts.append(
            Fact(
                f"Last {kind.label.lower()}",
                long_date(max(days)) if days else "None in this period of care",
            )
        )
    return facts


def latest_decision(child: Child) -> AdoptionDecision | None:
    """The child's latest decision to place for adoption, from the loaded journey."""
    return max(child.adoption_decisions.all(), key=lambda d: d.decided_on, default=None)


def standing_decision(child: Child) -> AdoptionDecision | None:
    """The child's latest decision to place for adoption, unless it was reversed."""
    latest = latest_decision(child)
    return latest if latest is not None and latest.reversed_on is None else None


def adoption_facts(child: Child) -> list[Fact]:
    """The child's latest decision to place for adoption, and what followed."""
    latest = latest_decision(child)
    if latest is None:
        return []
    words = [f"Decided {long_date(latest.decided_on)} to place for adoption"]
    if latest.matched_on:
        adopters = code_words("adopters_sex", latest.adopters_sex).lower()
        status = code_words("adopters_legal_status", latest.adopters_legal_status).lower()
        household = f", family {latest.household.family_id}" if latest.household else ""
        words.append(f"matched {long_date(latest.matched_on)} with adopters: {adopters} "
                     f"({status}){household}")  # fmt: skip
    if latest.reversed_on:
        why = code_words("reason_no_longer_placed_for_adoption", latest.reversed_reason)
        words.append(f"reversed {long_date(latest.reversed_on)}: {why.lower()}")
    return [Fact("Adoption", "; ".join(words))]


def open_deadlines(child: Child) -> list[Deadline]:
    deadlines = child.deadlines.filter(met_on__isnull=True, lapsed_on__isnull=True)
    return list(deadlines.select_related("worker").order_by("due_on", "rule"))


def contacts_to_decide(child: Child) -> list[Contact]:
    waiting = [contact for contact in child.contacts.all() if contact.outcome == ""]
    return sorted(waiting, key=lambda contact: contact.received_on)


def missing_to_follow_up(child: Child, deadlines: list[Deadline]) -> list[MissingEpisode]:
    """Times missing or away the child is not back from, and returns from being missing
    whose return interview clock is still running, from the loaded journey, earliest
    first. A return read from an SSDA903 return starts no clock, so a child's imported
    history does not fill the box (``services.record_return``)."""
    running = {d.subject for d in deadlines if d.rule == "return-interview"}
    waiting = [e for e in child.missing_episodes.all()
               if e.returned_on is None or f"missing:{e.pk}" in running]  # fmt: skip
    return sorted(waiting, key=lambda e: e.started_on)


def early_help_now(child: Child) -> EarlyHelpEpisode | None:
    """The child's early help under way, from the loaded journey (one at a time)."""
    return next((e for e in child.early_help_episodes.all() if e.ended_on is None), None)


def referrals_to_decide(child: Child) -> list[Referral]:
    waiting = [referral for referral in child.referrals.all() if referral.decided_on is None]
    return sorted(waiting, key=lambda referral: referral.received_on)


def _allocation_now(child: Child) -> Allocation | None:
    """``current_allocation`` from the loaded journey (the latest started first)."""
    return next((a for a in child.allocations.all() if a.end_on is None), None)


def record_context(child: Child, today: date) -> dict[str, object]:
    load_journey(child)
    care, deadlines = open_care_plan(child), open_deadlines(child)
    held = _allocation_now(child)
    early_help = early_help_now(child)
    return {
        "child": child,
        "held": held,
        "identity": identity(child, today)
        + permanence_facts(period_start(child))
        + permanence_plan_facts(child, care)
        + health_facts(child, care)
        + adoption_facts(child),
        "adoption_decision": standing_decision(child),
        "allocation": allocation_facts(held),
        "status": current_status(child),
        "work_due": work_items(deadlines, today),
        "chronology": chronology(child),
        "plans": child.plans.all(),
        "visits": child.visits.all(),
        "oversight_entries": child.oversight_entries.all(),
        "contacts_to_decide": contacts_to_decide(child),
        "referrals_to_decide": referrals_to_decide(child),
        "missing_to_follow_up": missing_to_follow_up(child, deadlines),
        "early_help": early_help,
        # As ``services.require_early_help_may_start`` asks of today: no early help under
        # way, and no episode of children's social care open.
        "early_help_may_start": early_help is None
        and all(r.closed_on is not None for r in child.referrals.all()),
        "in_placement": current_placement(child) is not None,
        "in_care_plan": care is not None,
        "outcomes": (latest := child.year_outcomes.first()),
        "outcomes_facts": outcomes_facts(latest),
    }
