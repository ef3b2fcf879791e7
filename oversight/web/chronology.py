"""A child's chronology: every event on the record, newest first, in plain words.

Each ``_…`` function turns one part of the journey into ``Event`` rows; ``chronology``
puts them together. Events on the same day keep the order the journey gives them (a
referral before its decision), reversed with the rest. The child's records are read once,
one query a kind (``load_journey``), and the record page reuses them for its other parts.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, prefetch_related_objects

from oversight.accounts.models import User
from oversight.casework.models import (
    Allocation,
    Child,
    ChildsVoice,
    Contact,
    OversightEntry,
    Referral,
    Visit,
)
from oversight.codes.groups import STILL_LOOKED_AFTER as CHANGE
from oversight.web.words import code_words, person, yes_no

# Everything on a child's record, with the people each record names.
JOURNEY = (
    Prefetch("contacts", Contact.objects.select_related("decided_by")),
    Prefetch("referrals", Referral.objects.select_related("decided_by")),
    "assessments", "strategy_discussions", "s47_enquiries", "conferences", "plans",
    Prefetch("visits", Visit.objects.select_related("worker")),
    "reviews", "care_episodes", "care_episodes__placements", "missing_episodes",
    "early_help_episodes", "risk_flags", "adoption_decisions", "permanence_plans",
    "health_checks",
    Prefetch("oversight_entries", OversightEntry.objects.select_related("manager")),
    Prefetch("allocations", Allocation.objects.select_related("team", "worker")),
)  # fmt: skip


def load_journey(child: Child) -> Child:
    """Read the child's records, one query a kind; kinds read before are not read again."""
    prefetch_related_objects([child], *JOURNEY)
    return child


@dataclass(frozen=True)
class Event:
    on: date
    title: str
    detail: str = ""
    step: int = 0  # order within a day: earlier steps of the journey first

    @property
    def sort_key(self) -> tuple[date, int]:
        return (self.on, self.step)


def chronology(child: Child) -> list[Event]:
    parts = (
        _contacts,
        _referrals,
        _assessments,
        _protection,
        _plans,
        _visits_and_reviews,
        _care,
        _adoption,
        _permanence,
        _health,
        _missing,
        _early_help,
        _risk_flags,
        _oversight,
        _allocations,
    )
    load_journey(child)
    events = [event for part in parts for event in part(child)]
    return sorted(events, key=lambda event: event.sort_key, reverse=True)


def _contacts(child: Child) -> Iterator[Event]:
    for contact in child.contacts.all():
        source = code_words("referral_source", contact.source)
        yield Event(contact.received_on, "Contact received", _join(source, contact.summary), 0)
        if contact.decided_on:
            outcome = _by(contact.get_outcome_display(), contact.decided_by)
            yield Event(contact.decided_on, "Contact decided", outcome, 1)


def _referrals(child: Child) -> Iterator[Event]:
    for referral in child.referrals.all():
        source = code_words("referral_source", referral.source)
        need = code_words("primary_need", referral.primary_need)
        yield Event(referral.received_on, "Referral received", _join(source, need), 2)
        if referral.decided_on:
            decision = _by(referral.get_decision_display(), referral.decided_by)
            yield Event(referral.decided_on, "Referral decision", decision, 3)
        if referral.closed_on:
            reason = code_words("reason_for_closure", referral.reason_for_closure)
            yield Event(referral.closed_on, "Episode closed", reason, 20)


def _assessments(child: Child) -> Iterator[Event]:
    for assessment in child.assessments.all():
        yield Event(assessment.started_on, "Assessment started", "", 4)
        if assessment.completed_on:
            outcome = assessment.get_outcome_display()
            yield Event(
                assessment.completed_on, "Assessment completed", _heard(outcome, assessment), 5
            )


def _protection(child: Child) -> Iterator[Event]:
    for discussion in child.strategy_discussions.all():
        agreed = "Section 47 enquiry agreed" if discussion.s47_agreed else "No section 47 enquiry"
        yield Event(discussion.held_on, "Strategy discussion", agreed, 6)
    for s47 in child.s47_enquiries.all():
        if s47.completed_on:
            yield Event(
                s47.completed_on, "Section 47 enquiry completed", s47.get_outcome_display(), 7
            )
    for conference in child.conferences.all():
        outcome = "Plan needed" if conference.plan_required else "No plan needed"
        yield Event(
            conference.held_on,
            conference.get_kind_display(),
            _heard(
                _join(outcome, code_words("category_of_abuse", conference.category_of_abuse)),
                conference,
            ),
            8,
        )


def _plans(child: Child) -> Iterator[Event]:
    for plan in child.plans.all():
        category = code_words("category_of_abuse", plan.category_of_abuse)
        yield Event(plan.start_on, f"{plan.get_kind_display()} started", category, 9)
        if plan.end_on:
            yield Event(plan.end_on, f"{plan.get_kind_display()} ended", plan.end_reason, 19)


def _visits_and_reviews(child: Child) -> Iterator[Event]:
    for visit in child.visits.all():
        yield Event(visit.visited_on, visit.get_kind_display(), visit_summary(visit), 10)
    for review in child.reviews.all():
        took_part = f"Child took part: {yes_no(review.child_participated)}"
        yield Event(review.held_on, review.get_kind_display(), _heard(took_part, review), 11)


def visit_summary(visit: Visit) -> str:
    """ "Seen, seen alone, by Sam Okafor. The child's views: “…”", or "Views not recorded."."""
    seen = "Not seen" if not visit.seen else "Seen alone" if visit.seen_alone else "Seen, not alone"
    who = person(visit.worker, "an unknown worker")
    views = f"The child's views: “{visit.views}”" if visit.views_recorded else "Views not recorded."
    return f"{seen}, by {who}. {views}"


def _heard(summary: str, event: ChildsVoice) -> str:
    """An assessment's, conference's or review's summary, with the child's views if heard."""
    if not event.views_recorded:
        return summary
    return _join(summary, f"The child's views: “{event.views}”")


def _care(child: Child) -> Iterator[Event]:
    # An episode that follows another the day it ended (X1) continues the period of care:
    # a new legal status, and a new placement only when the child moved.
    episodes = sorted(child.care_episodes.all(), key=lambda e: (e.started_on, e.pk))
    ended_x1 = {e.ended_on for e in episodes if e.ended_on and e.reason_ceased == CHANGE}
    same_placement = {e.started_on for e in episodes if e.reason_new_episode == "L"}
    for episode in episodes:
        continues = episode.started_on in ended_x1 and episode.reason_new_episode != "S"
        title = "Legal status changed" if continues else "Became looked after"
        yield Event(episode.started_on, title, code_words("legal_status", episode.legal_status),
                    12)  # fmt: skip
        placements = sorted(episode.placements.all(), key=lambda p: (p.started_on, p.pk))
        for number, placement in enumerate(placements):
            moved = not (continues and number == 0 and episode.reason_new_episode == "L")
            if moved:
                yield Event(placement.started_on, "Placement started",
                            code_words("placement_type", placement.placement_type), 13)  # fmt: skip
            carried_on = (placement.ended_on == episode.ended_on and episode.reason_ceased == CHANGE
                          and placement.ended_on in same_placement)  # fmt: skip
            if placement.ended_on and not carried_on:
                yield Event(placement.ended_on, "Placement ended", "", 12)
        if episode.ended_on and episode.reason_ceased != CHANGE:
            yield Event(
                episode.ended_on,
                "Stopped being looked after",
                code_words("reason_episode_ceased", episode.reason_ceased),
                18,
            )


def _adoption(child: Child) -> Iterator[Event]:
    for decision in child.adoption_decisions.all():
        yield Event(decision.decided_on, "Decided that the child should be placed for adoption")
        if decision.matched_on:
            adopters = code_words("adopters_sex", decision.adopters_sex)
            yield Event(decision.matched_on, "Matched with adopters", adopters)
        if decision.reversed_on:
            why = code_words("reason_no_longer_placed_for_adoption", decision.reversed_reason)
            yield Event(decision.reversed_on, "No longer to be placed for adoption", why)


def _permanence(child: Child) -> Iterator[Event]:
    for made in child.permanence_plans.all():
        yield Event(made.decided_on, "Permanence plan", made.get_option_display(), 13)


def _health(child: Child) -> Iterator[Event]:
    for check in child.health_checks.all():
        yield Event(check.done_on, check.get_kind_display(), "", 13)


MISSING = ("Went missing", "Returned from missing")
AWAY = ("Away from placement without authorisation", "Back from being away without authorisation")


def _missing(child: Child) -> Iterator[Event]:
    for episode in child.missing_episodes.all():
        went, back = AWAY if episode.away else MISSING
        yield Event(episode.started_on, went, "", 14)
        if episode.returned_on:
            yield Event(episode.returned_on, back, "", 15)
        if episode.interview_on:
            yield Event(episode.interview_on, "Return home interview", "", 16)


def _early_help(child: Child) -> Iterator[Event]:
    for episode in child.early_help_episodes.all():
        where = _join(episode.family_hub, episode.lead_professional)
        yield Event(episode.started_on, "Early help started", where, 3)
        if episode.assessment_completed_on:
            yield Event(episode.assessment_completed_on, "Early help assessment completed", "", 3)
        if episode.ended_on:
            yield Event(episode.ended_on, "Early help ended", episode.get_end_reason_display(), 2)


def _risk_flags(child: Child) -> Iterator[Event]:
    for flag in child.risk_flags.all():
        yield Event(flag.raised_on, "Risk flag raised", flag.get_kind_display(), 0)
        if flag.removed_on:
            yield Event(flag.removed_on, "Risk flag removed", flag.get_kind_display(), 0)


def _oversight(child: Child) -> Iterator[Event]:
    for entry in child.oversight_entries.all():
        yield Event(
            entry.recorded_on,
            f"Management oversight: {entry.get_kind_display()}",
            f"{entry.note} ({person(entry.manager, '')})",
            17,
        )


def _allocations(child: Child) -> Iterator[Event]:
    for allocation in child.allocations.all():
        held = f"{allocation.team.name}, {person(allocation.worker, 'no worker yet')}"
        why = code_words("reason_for_social_worker_change", allocation.change_reason)
        yield Event(allocation.start_on, "Allocated", f"{held} ({why.lower()})" if why else held, 1)


def _by(what: str, user: User | None) -> str:
    return f"{what}, by {user.display_name}" if user else what


def _join(*parts: str) -> str:
    return ". ".join(part for part in parts if part)
