"""Lists 1-7 into the records: the front door, assessments and child protection.

What each list becomes, matched first by child and date:

- 1 contacts: a contact (undecided: Annex A does not give its outcome);
- 2 early help: an early help episode, led by the organisation given (after the
  referrals, so that a step-down's episode is matched);
- 3 referrals and 6 children in need: a referral each (a CIN episode), with list 3's
  source and list 6's primary need; "NFA" decides the referral that day, which closes
  it; not NFA, with early help (list 2) starting within a week, is a step-down to early
  help that day; list 6's closure date and reason close it, once what followed is
  recorded; its case status "child in need plan" is a CIN plan open on the workbook's
  date (starting that day when none is open: Annex A does not give its start);
- 4 assessments: an assessment under the child's latest referral (which, when it has
  no decision yet, is decided "assessment" that day); an authorisation date completes
  it, its outcome a plan when the child needed support, else no further action;
- 5 section 47 enquiries: a strategy discussion agreeing the enquiry; the initial
  conference (its plan's category from list 7); without one, whether a conference was
  needed completes the enquiry the day it began (Annex A gives no completion date),
  with the outcome "conference" or "continue as child in need";
- 7 child protection plans: the plan (the one the conference started, or a new one),
  its last visit, latest review conference and end.

When a child has no open referral for an assessment or enquiry, one is recorded that
day with the DfE's "unknown" source, and counted as "referral (implied)".
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Q

from oversight.casework import services
from oversight.casework.models import (
    Assessment,
    AssessmentOutcome,
    Child,
    Conference,
    ConferenceKind,
    Contact,
    EarlyHelpEpisode,
    Plan,
    PlanKind,
    Referral,
    ReferralDecision,
    S47Enquiry,
    S47Outcome,
    Visit,
    VisitKind,
)
from oversight.exchange.annex_a.gather import by_child
from oversight.exchange.annex_a.load import Job, RowProblem, about
from oversight.exchange.annex_a.read import ListRow

UNKNOWN_SOURCE = "10"  # DfE referral source: unknown
STEP_DOWN_DAYS = timedelta(days=7)  # early help this soon after a referral followed from it


def load_journey(job: Job) -> None:
    good = [r for n in (2, 6) for r in job.reading.rows.get(n, []) if not job.reading.bad(r)]
    needs = {(r.get("child_id"), r.get("cin_start")): r.get("primary_need") for r in good}
    help_starts = by_child(
        (r.get("child_id"), r.get("eh_start")) for r in good if r.get("eh_start")
    )
    job.each(1, contact)
    job.each(3, lambda job, row: referral(job, row, needs, help_starts))
    job.each(6, cin_episode)
    job.each(2, early_help)
    job.each(4, assessment)
    job.each(5, section_47)
    job.each(7, child_protection_plan)
    for row in job.reading.rows.get(6, []):
        if not job.reading.bad(row) and row.get("cin_closed"):
            job.one(row, cin_closure)


def contact(job: Job, row: ListRow) -> None:
    child, day, source = job.child(row), row.get("contact_date"), row.get("contact_source")
    held = Contact.objects.filter(child=child, received_on=day, source=source).exists()
    if not held:
        with about("contact_date", day):
            services.record_contact(child, received_on=day, source_code=source,
                                    origin=job.origin(row))  # fmt: skip
    job.counted("contact", added=not held)


def early_help(job: Job, row: ListRow) -> None:
    child, day = job.child(row), row.get("eh_start")
    found = EarlyHelpEpisode.objects.filter(child=child, started_on=day).first()
    added = found is None
    if found is None:
        with about("eh_start", day):
            found = services.start_early_help(
                child, started_on=day, origin=job.origin(row),
                family_hub=row.get("eh_organisation") or "",
            )  # fmt: skip
    completed = row.get("eh_completed")
    if completed and found.assessment_completed_on is None:
        with about("eh_completed", completed):
            services.complete_early_help_assessment(found, completed_on=completed)
    job.differs(row, "eh_completed", completed, found.assessment_completed_on)
    job.counted("early help episode", added=added)


def referral(
    job: Job, row: ListRow, needs: dict[tuple[str, date], Any], help_starts: dict[str, list[date]]
) -> None:
    child, day = job.child(row), row.get("referral_date")
    found = Referral.objects.filter(child=child, received_on=day).first()
    added = found is None
    if found is None:
        need = needs.get((row.get("child_id"), day)) or ""
        with about("referral_date", day):
            found = services.record_referral(child, received_on=day, primary_need=need,
                                             source_code=row.get("referral_source"),
                                             origin=job.origin(row))  # fmt: skip
    if row.get("referral_nfa") == "Y" and found.decided_on is None:
        with about("referral_nfa", "Y"):
            services.decide_referral(found, decision=ReferralDecision.NFA, decided_on=day)
    stepped_down = _step_down(help_starts.get(row.get("child_id"), []), day)
    if row.get("referral_nfa") == "N" and found.decided_on is None and stepped_down:
        with about("referral_nfa", "N"):
            services.decide_referral(found, decision=ReferralDecision.EARLY_HELP,
                                     decided_on=stepped_down)  # fmt: skip
    job.counted("referral", added=added)


def _step_down(starts: list[date], referred: date) -> date | None:
    """Early help starting within days of a referral that was not NFA: a step-down."""
    return min((d for d in starts if referred <= d <= referred + STEP_DOWN_DAYS), default=None)


def cin_episode(job: Job, row: ListRow) -> None:
    child, day = job.child(row), row.get("cin_start")
    held = Referral.objects.filter(child=child, received_on=day).exists()
    if not held:
        with about("cin_start", day):
            services.record_referral(child, received_on=day, source_code=UNKNOWN_SOURCE,
                                     primary_need=row.get("primary_need") or "",
                                     origin=job.origin(row))  # fmt: skip
    if row.get("case_status") == "cin_plan":
        _cin_plan(job, row, child)
    job.counted("referral", added=not held)


def _cin_plan(job: Job, row: ListRow, child: Child) -> None:
    """A child in need plan open on the workbook's date (Annex A does not give its start)."""
    day = job.as_at
    if day is None:
        raise RowProblem("case_status", "cin_plan", "the workbook does not say the date it was "
                         "produced for (its About sheet): give it with --as-at")  # fmt: skip
    plans = Plan.objects.filter(child=child, kind=PlanKind.CIN, start_on__lte=day)
    if plans.filter(Q(end_on__isnull=True) | Q(end_on__gte=day)).exists():
        return
    with about("case_status", "cin_plan"):
        services.start_plan(child, kind=PlanKind.CIN, start_on=day, origin=job.origin(row))
    job.counted("child in need plan", added=True)


def cin_closure(job: Job, row: ListRow) -> None:
    child, day = job.child(row), row.get("cin_start")
    found = Referral.objects.filter(child=child, received_on=day).first()
    if found is None or found.closed_on is not None:
        return
    with about("cin_closed", row.get("cin_closed")):
        services.close_episode(found, closed_on=row.get("cin_closed"),
                               reason=row.get("closure_reason"))  # fmt: skip
    job.counted("CIN episode closed", added=True)


def open_referral(job: Job, row: ListRow, child: Child, day: date, key: str) -> Referral:
    """The child's latest referral up to ``day`` that was open then, or one recorded now."""
    found = (
        Referral.objects.filter(child=child, received_on__lte=day)
        .order_by("-received_on", "-id")
        .first()
    )
    if found is not None and (found.closed_on is None or found.closed_on >= day):
        return found
    with about(key, day):
        implied = services.record_referral(
            child, received_on=day, source_code=UNKNOWN_SOURCE, origin=job.origin(row)
        )
    job.counted("referral (implied)", added=True)
    return implied


def assessment(job: Job, row: ListRow) -> None:
    child, start = job.child(row), row.get("assessment_start")
    found = Assessment.objects.filter(child=child, started_on=start).first()
    added = found is None
    if found is None:
        under = open_referral(job, row, child, start, "assessment_start")
        with about("assessment_start", start):
            if under.decided_on is None:
                found = services.decide_referral(under, decision=ReferralDecision.ASSESSMENT,
                                                 decided_on=start)  # fmt: skip
            else:
                found = services.start_assessment(under, started_on=start, origin=job.origin(row))
    authorised = row.get("assessment_authorised")
    if authorised and found is not None and found.completed_on is None:
        _complete(row, found, authorised)
    job.counted("assessment", added=added)


def _complete(row: ListRow, found: Assessment, authorised: date) -> None:
    support = row.get("assessment_support")
    if support is None:
        raise RowProblem("assessment_support", None, "say whether the child was assessed as "
                         "requiring support: the assessment was authorised")  # fmt: skip
    outcome = AssessmentOutcome.CIN_PLAN if support == "Y" else AssessmentOutcome.NFA
    with about("assessment_authorised", authorised):
        services.complete_assessment(found, completed_on=authorised, outcome=outcome,
                                     seen=row.get("assessment_seen") == "Y")  # fmt: skip


def section_47(job: Job, row: ListRow) -> None:
    child, start = job.child(row), row.get("s47_start")
    found = S47Enquiry.objects.filter(child=child, started_on=start).first()
    added = found is None
    if found is None:
        under = open_referral(job, row, child, start, "s47_start")
        with about("s47_start", start):
            if under.decided_on is None:
                services.decide_referral(under, decision=ReferralDecision.STRATEGY,
                                         decided_on=start)  # fmt: skip
            _, found = services.record_strategy_discussion(under, held_on=start,
                                                           origin=job.origin(row))  # fmt: skip
    assert found is not None  # an agreed strategy discussion starts an enquiry
    if row.get("icpc_date"):
        _initial_conference(job, row, found)
    elif row.get("icpc_unnecessary") and found.completed_on is None:
        # Annex A gives no completion date: the enquiry is recorded complete the day it began.
        outcome = S47Outcome.CIN if row.get("icpc_unnecessary") == "Y" else S47Outcome.ICPC
        with about("icpc_unnecessary", row.get("icpc_unnecessary")):
            services.complete_s47(found, completed_on=start, outcome=outcome)
    job.counted("section 47 enquiry", added=added)


def _initial_conference(job: Job, row: ListRow, s47: S47Enquiry) -> None:
    held_on = row.get("icpc_date")
    if Conference.objects.filter(s47=s47, kind=ConferenceKind.INITIAL).exists():
        return
    plan = row.get("icpc_plan") == "Y"
    category = _initial_category(job, row.get("child_id"), held_on) if plan else ""
    if plan and not category:
        raise RowProblem("icpc_plan", "Y", f"List 7 has no plan for this child starting "
                         f"{held_on:%d/%m/%Y}: add it, with its category of abuse")  # fmt: skip
    with about("icpc_date", held_on):
        if s47.completed_on is None:
            services.complete_s47(s47, completed_on=held_on, outcome=S47Outcome.ICPC)
        services.hold_initial_conference(
            s47,
            held_on=held_on,
            plan_required=plan,
            category_of_abuse=category,
            origin=job.origin(row),
        )
    job.counted("initial conference", added=True)


def _initial_category(job: Job, child_id: str, start: date) -> str:
    for row in job.reading.rows.get(7, []):
        if row.get("child_id") == child_id and row.get("cp_start") == start:
            return row.get("initial_category") or ""
    return ""


def child_protection_plan(job: Job, row: ListRow) -> None:
    child, start = job.child(row), row.get("cp_start")
    plan = Plan.objects.filter(child=child, kind=PlanKind.CP, start_on=start).first()
    added = plan is None
    if plan is None:
        with about("cp_start", start):
            plan = services.start_plan(child, kind=PlanKind.CP, start_on=start,
                                       category_of_abuse=row.get("initial_category"),
                                       origin=job.origin(row))  # fmt: skip
    _last_visit(job, row, plan)
    _latest_review(job, row, plan)
    end = row.get("cp_end")
    if end and plan.is_open:
        with about("cp_end", end):
            services.end_plan(plan, end_on=end)
    job.counted("child protection plan", added=added)


def _last_visit(job: Job, row: ListRow, plan: Plan) -> None:
    day = row.get("cp_last_visit")
    visits = Visit.objects.filter(child=plan.child, kind=VisitKind.CP)
    if not day or visits.filter(visited_on=day).exists():
        return
    with about("cp_last_visit", day):
        services.record_visit(plan.child, kind=VisitKind.CP, visited_on=day, plan=plan,
                              seen_alone=row.get("cp_seen_alone") == "Y",
                              origin=job.origin(row))  # fmt: skip
    job.counted("visit", added=True)


def _latest_review(job: Job, row: ListRow, plan: Plan) -> None:
    day = row.get("cp_latest_review")
    reviews = Conference.objects.filter(child=plan.child, kind=ConferenceKind.REVIEW)
    if not day or reviews.filter(held_on=day).exists():
        return
    if not plan.is_open:
        raise RowProblem("cp_latest_review", day, "the plan had already ended: check the dates")
    with about("cp_latest_review", day):
        services.hold_review_conference(plan, held_on=day,
                                        plan_continues=row.get("cp_end") != day,
                                        origin=job.origin(row))  # fmt: skip
    job.counted("review conference", added=True)
