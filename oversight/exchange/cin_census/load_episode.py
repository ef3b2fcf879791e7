"""Recording one census episode through the casework services.

The referral first (found by its date, or recorded), then its front-door decision, then
the episode's events in the order ``EpisodeEvents.steps`` gives, then the closure. Each
event already in the records (same child, same dates) is left as it is; where the file
and the records disagree about an event they both hold (an assessment authorised on
another day), the records are kept and the difference is noted.

Records a service makes on its own (the first assessment, started with the decision to
assess; a protection plan, started by its initial conference) name the line they came
from like every other, not the line of the event that made them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from oversight.casework import services
from oversight.casework.models import (
    Assessment,
    Child,
    Plan,
    PlanKind,
    Referral,
    ReferralDecision,
    S47Enquiry,
    S47Outcome,
)
from oversight.casework.services import CaseworkError
from oversight.exchange.cin_census.load_events import EpisodeEvents, Step
from oversight.exchange.cin_census.load_file import FiledEpisode
from oversight.exchange.importing import DIFFERENT, NOT_HELD

if TYPE_CHECKING:
    from oversight.exchange.cin_census.load_child import ChildImport

NFA_CLOSED = "the records close a referral with no further action {reason} on the day of "
NFA_CLOSED += "the decision"
TARGET_SET = "the records set the target themselves (15 working days from the start)"
ONE_CATEGORY = "the records keep one category per plan, set when it starts"
COUNTED = "the records count the child's earlier plans themselves, and hold another number"
NO_ENQUIRY = "an initial conference with no section 47 enquiry in the episode: the records "
NO_ENQUIRY += "hold conferences only after an enquiry, so it is not kept"


class EpisodeImport:
    """One ``<CINdetails>`` of a child being imported."""

    def __init__(self, of: ChildImport, child: Child, filed: FiledEpisode) -> None:
        self.of, self.child, self.filed, self.row = of, child, filed, filed.row
        self.events = EpisodeEvents(filed)
        self.plans = of.stored.plans_of(child.pk)
        self.referral: Referral | None = None
        self.assessments: dict[int, Assessment] = {}  # by position in the episode
        self.section47s: dict[int, S47Enquiry] = {}
        self.cp_plans: dict[int, Plan] = {}

    def record(self) -> None:
        row, line = self.row, self.row["line"]
        self._doing(self._refer, "CINreferralDate", row["CINreferralDate"], line)
        decision = self.events.decision_for()
        if decision is not None:
            decide = partial(self._decide, decision.kind, decision.day)
            self._doing(decide, decision.field, decision.day, decision.line)
        for step in self.events.steps(self.of.period):
            action = partial(getattr(self, f"_{step.kind}"), step)
            self._doing(action, step.field, step.day, step.line)
        self._doing(self._close, "CINclosureDate", row["CINclosureDate"], line)
        self._note_unkept()

    def _doing(
        self, action: Callable[[], None], name: str, value: object, line: int | None
    ) -> None:
        """Record one event; a refusal by the services holds the whole child back."""
        try:
            action()
        except CaseworkError as error:
            raise self.of.refused(error, name, value, line) from None

    def _note(self, name: str, why: str, line: int | None) -> None:
        self.of.note(name, why, line)

    def _differs(self, name: str, held: date | None, in_file: date, line: int | None) -> None:
        if held is not None and held != in_file:
            self._note(name, DIFFERENT, line)

    @property
    def _referral(self) -> Referral:
        assert self.referral is not None, "the referral is recorded first"
        return self.referral

    # The front door --------------------------------------------------------------------

    def _refer(self) -> None:
        row = self.row
        self.referral = self.of.stored.referral(self.child.pk, row["CINreferralDate"])
        if self.referral is not None:
            return
        self.referral = services.record_referral(
            self.child,
            received_on=row["CINreferralDate"],
            source_code=row["ReferralSource"],
            primary_need=row["PrimaryNeedCode"] or "",
            origin=self.of.origin(row["line"]),
        )
        self.of.stored.add_referral(self.referral)
        self.of.created["episodes"] += 1

    def _decide(self, kind: str, day: date) -> None:
        referral = self._referral
        if referral.decided_on is not None:
            return
        if kind in (ReferralDecision.NFA, ReferralDecision.EARLY_HELP):
            self._note_nfa_closure(kind, day)
        first = services.decide_referral(referral, decision=kind, decided_on=day)
        if first is not None:  # deciding to assess started the first assessment
            first.origin = self.of.origin(self.events.first_assessment_line())
            self.of.stored.add_assessment(first)
            self.of.created["assessments"] += 1

    def _note_nfa_closure(self, kind: str, day: date) -> None:
        reason = "RC9" if kind == ReferralDecision.EARLY_HELP else "RC8"
        if self.row["ReasonForClosure"] != reason or self.row["CINclosureDate"] != day:
            self._note("ReasonForClosure", NFA_CLOSED.format(reason=reason), self.row["line"])

    def _close(self) -> None:
        closed, referral = self.row["CINclosureDate"], self._referral
        if closed is None:
            return
        if referral.closed_on is not None:
            self._differs("CINclosureDate", referral.closed_on, closed, self.row["line"])
            return
        reason = self.row["ReasonForClosure"]
        services.close_episode(referral, closed_on=closed, reason=reason)

    # Assessments -----------------------------------------------------------------------

    def _assessment_start(self, step: Step) -> None:
        found = self.of.stored.assessment(self._referral.pk, step.day)
        if found is None:
            found = services.start_assessment(
                self._referral, started_on=step.day, origin=self.of.origin(step.line)
            )
            self.of.stored.add_assessment(found)
            self.of.created["assessments"] += 1
        self.assessments[step.position] = found
        if step.part.row["AssessmentInternalReviewDate"] is not None:
            self._note("AssessmentInternalReviewDate", NOT_HELD, step.line)

    def _assessment_authorised(self, step: Step) -> None:
        assessment = self.assessments[step.position]
        if assessment.completed_on is not None:
            held = assessment.authorised_on or assessment.completed_on
            self._differs(step.field, held, step.day, step.line)
            return
        services.complete_assessment(
            assessment,
            completed_on=step.day,
            outcome=self.events.assessment_outcome(step.day),
            factors=" ".join(step.part.factor_codes),
            origin=self.of.origin(step.line),
        )

    # Section 47 enquiries --------------------------------------------------------------

    def _s47_start(self, step: Step) -> None:
        s47 = self.of.stored.section47(self._referral.pk, step.day)
        if s47 is None:
            _, s47 = services.record_strategy_discussion(
                self._referral, held_on=step.day, origin=self.of.origin(step.line)
            )
            assert s47 is not None, "a discussion that agrees an enquiry starts it"
            self.of.stored.add_section47(s47, self._referral.pk)
            self.of.created["section47s"] += 1
        self.section47s[step.position] = s47
        target = step.part["InitialCPCtarget"]
        if target is not None and target != s47.icpc_due:
            self._note("InitialCPCtarget", TARGET_SET, step.line)

    def _icpc(self, step: Step) -> None:
        s47 = self.section47s[step.position]
        if self.of.stored.has_initial_conference(s47.pk):
            return
        if s47.completed_on is None:  # the enquiry ended, at the latest, at its conference
            services.complete_s47(s47, completed_on=step.day, outcome=S47Outcome.ICPC)
        starting = self.events.cp_plan_starting(step.day)
        _, plan = services.hold_initial_conference(
            s47,
            held_on=step.day,
            plan_required=starting is not None,
            category_of_abuse=starting.row["InitialCategoryOfAbuse"] if starting else "",
            origin=self.of.origin(step.line),
        )
        self.of.stored.add_initial_conference(s47.pk)
        self.of.created["initial_conferences"] += 1
        if plan is not None:
            self.plans.append(plan)

    def _s47_ended(self, step: Step) -> None:
        s47 = self.section47s[step.position]
        if s47.completed_on is None:
            outcome = self.events.s47_outcome(step.day)
            services.complete_s47(s47, completed_on=step.day, outcome=outcome)

    # Plans -----------------------------------------------------------------------------

    def _plan(self, kind: str, start: date) -> Plan | None:
        return next((p for p in self.plans if p.kind == kind and p.start_on == start), None)

    def _cin_plan_start(self, step: Step) -> None:
        if self._plan(PlanKind.CIN, step.day) is not None:
            return
        plan = services.start_plan(
            self.child, kind=PlanKind.CIN, start_on=step.day, origin=self.of.origin(step.line)
        )
        self.plans.append(plan)
        self.of.created["cin_plans"] += 1

    def _cin_plan_end(self, step: Step) -> None:
        plan = self._plan(PlanKind.CIN, step.part["CINPlanStartDate"])
        self._end(plan, step)

    def _end(self, plan: Plan | None, step: Step) -> None:
        if plan is None:
            return
        if plan.end_on is not None:
            self._differs(step.field, plan.end_on, step.day, step.line)
            return
        services.end_plan(plan, end_on=step.day)

    def _cp_plan_start(self, step: Step) -> None:
        row = step.part.row
        plan = self._plan(PlanKind.CP, step.day)
        if plan is None:
            plan = services.start_plan(
                self.child,
                kind=PlanKind.CP,
                start_on=step.day,
                category_of_abuse=row["LatestCategoryOfAbuse"],
                origin=self.of.origin(step.line),
            )
            self.plans.append(plan)
        if plan.pk not in self.of.stored.accounted_plans:
            plan.origin = self.of.origin(step.line)  # its conference named its own line
            self.of.stored.accounted_plans.add(plan.pk)
            self.of.created["cp_plans"] += 1
        self.cp_plans[step.position] = plan
        if row["LatestCategoryOfAbuse"] != plan.category_of_abuse:
            self._note("LatestCategoryOfAbuse", ONE_CATEGORY, step.line)

    def _cp_review(self, step: Step) -> None:
        plan = self.cp_plans[step.position]
        if self.of.stored.has_review(self.child.pk, step.day):
            return
        ends = step.part.row["CPPendDate"] == step.day
        services.hold_review_conference(
            plan, held_on=step.day, plan_continues=not ends, origin=self.of.origin(step.line)
        )
        self.of.stored.add_review(self.child.pk, step.day)
        self.of.created["reviews"] += 1

    def _cp_plan_end(self, step: Step) -> None:
        self._end(self.cp_plans[step.position], step)

    # What the records do not keep ------------------------------------------------------

    def _note_unkept(self) -> None:
        if self.row["DateOfInitialCPC"] is not None:
            self._note("DateOfInitialCPC", NO_ENQUIRY, self.row["line"])
        for row in self.filed.pre_proceedings:
            self._note("PreProceedingsandFGDM", NOT_HELD, row["line"])
        for position, plan in self.cp_plans.items():
            filed = self.filed.cp_plans[position].row
            earlier = [p for p in self.plans if p.kind == PlanKind.CP]
            held = sum(1 for p in earlier if p.start_on < plan.start_on)
            if filed["NumberOfPreviousCPP"] != held:
                self._note("NumberOfPreviousCPP", COUNTED, filed["line"])
