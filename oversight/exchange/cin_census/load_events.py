"""The events of one census episode, in the order the casework services must record them.

A census episode lists its parts by kind (assessments, CIN plans, enquiries, child
protection plans); the services record events one at a time, each in a state the one
before left (a review conference needs its plan open, a plan that starts at a conference
needs the CIN plan before it ended). ``EpisodeEvents.steps`` puts the dated events of an
episode in date order and, within a day, in the order a day's work happens.

The census does not hold everything the services ask for. What the importer takes from
the file instead, and says so in its summary:

- the front-door decision: no further action when ``ReferralNFA`` says so (early help
  when the reason for closure is RC9), otherwise a strategy discussion or an assessment,
  whichever the episode shows first, on that event's day;
- an assessment's outcome: what follows it in the episode (an enquiry, a plan), or the
  episode's closure reason;
- when an enquiry with no initial conference ended (``ICPCnotRequired``): the later of its
  start and the first day of the census year, and whether the child stayed in need.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from oversight.casework.models import AssessmentOutcome, ReferralDecision, S47Outcome
from oversight.exchange.cin_census.load_file import FiledAssessment, FiledCpPlan, FiledEpisode
from oversight.exchange.cin_census.spec import CensusPeriod

# Within a day: assessments and enquiries start, assessments are authorised, enquiries
# end; plans end (a CIN plan at the conference that starts a protection plan, a protection
# plan at its last review) before plans start.
ORDER = {
    "assessment_start": 2, "s47_start": 3, "assessment_authorised": 4, "s47_ended": 5,
    "cin_plan_end": 6, "cp_review": 7, "cp_plan_end": 8, "icpc": 9, "cp_plan_start": 10,
    "cin_plan_start": 11,
}  # fmt: skip
# The census field each kind of event comes from, to say where a refused event is.
FIELD = {
    "assessment_start": "AssessmentActualStartDate",
    "assessment_authorised": "AssessmentAuthorisationDate",
    "s47_start": "S47ActualStartDate", "icpc": "DateOfInitialCPC",
    "s47_ended": "ICPCnotRequired", "cin_plan_start": "CINPlanStartDate",
    "cin_plan_end": "CINPlanEndDate", "cp_plan_start": "CPPstartDate",
    "cp_review": "CPPreviewDate", "cp_plan_end": "CPPendDate",
}  # fmt: skip


class Decision(NamedTuple):
    """A front-door decision the episode shows, and the field (and line) it is read from."""

    kind: str
    day: date
    field: str
    line: int | None


# What ends (or reviews) the part each kind of event started.
STARTED_BY = {
    "assessment_authorised": "assessment_start", "icpc": "s47_start", "s47_ended": "s47_start",
    "cin_plan_end": "cin_plan_start", "cp_review": "cp_plan_start", "cp_plan_end": "cp_plan_start",
}  # fmt: skip


@dataclass(frozen=True)
class Step:
    """One event: its day, its kind, which part of the episode (``position`` in its list)."""

    day: date
    kind: str
    position: int
    line: int | None
    part: Any  # the filed part: a row, a ``FiledAssessment`` or a ``FiledCpPlan``
    started: date | None = None  # for an event that ends or reviews a part: its start

    @property
    def field(self) -> str:
        return FIELD[self.kind]

    def sort_key(self) -> tuple[date, float, int]:
        order: float = ORDER[self.kind]
        if self.started == self.day:  # a part that ends the day it starts: start it first
            order = max(order, ORDER[STARTED_BY[self.kind]] + 0.5)
        return self.day, order, self.position


class EpisodeEvents:
    def __init__(self, filed: FiledEpisode) -> None:
        self.filed = filed
        self.row = filed.row

    def steps(self, period: CensusPeriod) -> list[Step]:
        found: list[Step] = []
        for i, assessment in enumerate(self.filed.assessments):
            found += self._assessment_steps(i, assessment)
        for i, row in enumerate(self.filed.section47s):
            found += self._section47_steps(i, row, period)
        for i, row in enumerate(self.filed.cin_plans):
            found += self._cin_plan_steps(i, row)
        for i, plan in enumerate(self.filed.cp_plans):
            found += self._cp_plan_steps(i, plan)
        return sorted(found, key=Step.sort_key)

    def _assessment_steps(self, i: int, assessment: FiledAssessment) -> list[Step]:
        row = assessment.row
        start, line = row["AssessmentActualStartDate"], row["line"]
        steps = [Step(start, "assessment_start", i, line, assessment)]
        authorised = row["AssessmentAuthorisationDate"]
        if authorised is not None:
            steps.append(Step(authorised, "assessment_authorised", i, line, assessment, start))
        return steps

    def _cin_plan_steps(self, i: int, row: dict[str, Any]) -> list[Step]:
        start, line = row["CINPlanStartDate"], row["line"]
        steps = [Step(start, "cin_plan_start", i, line, row)]
        if row["CINPlanEndDate"] is not None:
            steps.append(Step(row["CINPlanEndDate"], "cin_plan_end", i, line, row, start))
        return steps

    def _section47_steps(self, i: int, row: dict[str, Any], period: CensusPeriod) -> list[Step]:
        start, line = row["S47ActualStartDate"], row["line"]
        steps = [Step(start, "s47_start", i, line, row)]
        if row["DateOfInitialCPC"] is not None:
            steps.append(Step(row["DateOfInitialCPC"], "icpc", i, line, row, start))
        elif row["ICPCnotRequired"]:
            steps.append(Step(max(start, period.start), "s47_ended", i, line, row, start))
        return steps

    def _cp_plan_steps(self, i: int, plan: FiledCpPlan) -> list[Step]:
        row, start = plan.row, plan.row["CPPstartDate"]
        steps = [Step(start, "cp_plan_start", i, row["line"], plan)]
        steps += [
            Step(review["CPPreviewDate"], "cp_review", i, review["line"], plan, start)
            for review in plan.reviews
        ]
        if row["CPPendDate"] is not None:
            steps.append(Step(row["CPPendDate"], "cp_plan_end", i, row["line"], plan, start))
        return steps

    # What the census leaves for the importer to work out --------------------------------

    def decision_for(self) -> Decision | None:
        """The front-door decision the episode shows: what, when, and from which field."""
        row = self.row
        if row["ReferralNFA"]:
            kind = ReferralDecision.NFA
            if row["ReasonForClosure"] == "RC9":
                kind = ReferralDecision.EARLY_HELP
            if row["CINclosureDate"] is None:
                return Decision(kind, row["CINreferralDate"], "CINreferralDate", row["line"])
            return Decision(kind, row["CINclosureDate"], "CINclosureDate", row["line"])
        # Every start is present: a child missing one is held back before recording.
        first = min(self.filed.assessments, default=None,
                    key=lambda a: a.row["AssessmentActualStartDate"])  # fmt: skip
        enquiry = min(self.filed.section47s, default=None, key=lambda r: r["S47ActualStartDate"])
        assessed = first.row["AssessmentActualStartDate"] if first else None
        if enquiry is not None and (assessed is None or enquiry["S47ActualStartDate"] <= assessed):
            day = enquiry["S47ActualStartDate"]
            return Decision(ReferralDecision.STRATEGY, day, "S47ActualStartDate", enquiry["line"])
        if first is not None:
            line = first.row["line"]
            return Decision(
                ReferralDecision.ASSESSMENT, assessed, "AssessmentActualStartDate", line
            )
        return None

    def first_assessment_line(self) -> int | None:
        first = min(self.filed.assessments, key=lambda a: a.row["AssessmentActualStartDate"])
        line: int | None = first.row["line"]
        return line

    def assessment_outcome(self, completed: date) -> str:
        """What the assessment led to, by what the episode shows after it."""
        if any(row["S47ActualStartDate"] >= completed for row in self.filed.section47s):
            return AssessmentOutcome.STRATEGY
        if self._plan_from(completed) or self.row["CINclosureDate"] is None:
            return AssessmentOutcome.CIN_PLAN
        if self.row["ReasonForClosure"] == "RC9":
            return AssessmentOutcome.EARLY_HELP
        return AssessmentOutcome.NFA

    def s47_outcome(self, ended: date) -> str:
        """An enquiry that needed no conference: did the child stay in need?"""
        if self._plan_from(ended) or self.row["CINclosureDate"] is None:
            return S47Outcome.CIN
        return S47Outcome.NFA

    def _plan_from(self, day: date) -> bool:
        starts = [row["CINPlanStartDate"] for row in self.filed.cin_plans]
        starts += [plan.row["CPPstartDate"] for plan in self.filed.cp_plans]
        return any(start >= day for start in starts)

    def cp_plan_starting(self, day: date) -> FiledCpPlan | None:
        """The protection plan the initial conference of ``day`` started, if any."""
        return next((p for p in self.filed.cp_plans if p.row["CPPstartDate"] == day), None)
