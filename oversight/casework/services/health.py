"""Recording the health assessments and dental checks of a child in care.

A check is recorded under the care plan of the period of care it falls in. Health
assessments run on clocks: becoming looked after starts the initial assessment's
("health-assessment-initial", due in 20 working days, in time for the first review);
each assessment meets the clock that ran and starts the next review's, due in 6 months
if the child was under 5 on the day, else in 12 ("health-assessment-review-under-5",
"health-assessment-review"). Leaving care lapses the clock. An assessment recorded after
a later one (a late entry) changes no clock. Dental checks run on none: the statutory
guidance asks for them in the child's health plan, not by a date.
"""

from datetime import date

from oversight.accounts.models import User
from oversight.casework.models import Child, HealthCheck, HealthCheckKind, Plan, PlanKind
from oversight.casework.models.build import build
from oversight.casework.services.children import provenance
from oversight.casework.services.deadlines import HEALTH_RULES, meet_deadlines, open_deadline
from oversight.casework.services.errors import CaseworkError, require_choice
from oversight.casework.services.writer import held, recorded, writer

# Before the fifth birthday an assessment is reviewed every 6 months, after it every 12.
REVIEW_EVERY_6_MONTHS_UNDER = 5


@recorded
def record_health_check(
    care_plan: Plan,
    *,
    kind: str,
    done_on: date,
    by: User | None = None,
    origin: str = "web",
) -> HealthCheck:
    """A health assessment or dental check done on ``done_on``, in the period of care of
    ``care_plan``."""
    if care_plan.kind != PlanKind.CARE:
        raise CaseworkError("plan", "a health check is recorded under a child's care plan")
    require_choice("kind", kind, HealthCheckKind)
    if done_on < care_plan.start_on or (care_plan.end_on and done_on > care_plan.end_on):
        ended = f" to {care_plan.end_on:%d/%m/%Y}" if care_plan.end_on else ""
        raise CaseworkError("done_on", f"the child was looked after from "
                            f"{care_plan.start_on:%d/%m/%Y}{ended}: a check recorded here is "
                            "one done while the child was in care")  # fmt: skip
    held = health_checks(care_plan, kind)
    if done_on in held:
        label = HealthCheckKind(kind).label.lower()
        raise CaseworkError("done_on", f"a {label} on {done_on:%d/%m/%Y} is already recorded")
    made = build(HealthCheck, child_id=care_plan.child_id, kind=kind, done_on=done_on)
    provenance(made, by, origin)
    writer().add(made)
    latest = not held or done_on > max(held)
    if kind == HealthCheckKind.HEALTH_ASSESSMENT and latest and care_plan.is_open:
        child = care_plan.child
        meet_deadlines(child, HEALTH_RULES, done_on)
        open_deadline(child, next_review_rule(child, done_on), done_on, f"health:{made.id}")
    return made


def next_review_rule(child: Child, assessed_on: date) -> str:
    """The clock of the review of an assessment done on ``assessed_on``."""
    age = child.age_on(assessed_on)
    if age is not None and age < REVIEW_EVERY_6_MONTHS_UNDER:
        return "health-assessment-review-under-5"
    return "health-assessment-review"


def health_checks(care_plan: Plan, kind: str) -> list[date]:
    """The days of the checks of ``kind`` held in the period of care of ``care_plan``."""
    start, end = care_plan.start_on, care_plan.end_on or date.max
    found = held(
        HealthCheck,
        lambda c: c.child_id == care_plan.child_id and c.kind == kind and start <= c.done_on <= end,
        HealthCheck.objects.filter(
            child_id=care_plan.child_id, kind=kind, done_on__gte=start, done_on__lte=end
        ),
    )
    return [check.done_on for check in found]
