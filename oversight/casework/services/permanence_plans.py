"""Recording the permanence plan of a child in care: how the child's care plan means the
child to have a permanent home (a return to family, adoption, special guardianship,
long-term fostering...).

The plan is made under an open care plan, on a day in its course and not before a plan
already recorded for it; a later plan replaces an earlier one, and one that says what the
current plan says is refused (nothing changed). The statutory guidance asks for the plan
by the child's second review: the first review starts that clock ("permanence-plan",
due with the second review) unless a plan is made already, and the first plan meets it.
Ofsted's Annex A (list 8) asks for the plan.
"""

from datetime import date

from oversight.accounts.models import User
from oversight.casework.models import PermanenceOption, PermanencePlan, Plan, PlanKind
from oversight.casework.models.build import build
from oversight.casework.services.children import provenance
from oversight.casework.services.deadlines import PERMANENCE_RULES, meet_deadlines
from oversight.casework.services.errors import CaseworkError, require_choice
from oversight.casework.services.writer import held, recorded, writer


@recorded
def record_permanence_plan(
    care_plan: Plan,
    *,
    option: str,
    decided_on: date,
    by: User | None = None,
    origin: str = "web",
) -> PermanencePlan:
    """The child's permanence plan, made on ``decided_on`` under ``care_plan``."""
    if care_plan.kind != PlanKind.CARE:
        raise CaseworkError("plan", "a permanence plan is made under a child's care plan")
    require_choice("option", option, PermanenceOption)
    if decided_on < care_plan.start_on or (care_plan.end_on and decided_on > care_plan.end_on):
        ended = f" to {care_plan.end_on:%d/%m/%Y}" if care_plan.end_on else ""
        raise CaseworkError("decided_on", f"the care plan ran from {care_plan.start_on:%d/%m/%Y}"
                            f"{ended}: a permanence plan is made while it runs")  # fmt: skip
    latest = current_permanence_plan(care_plan)
    if latest is not None and decided_on <= latest.decided_on:
        raise CaseworkError("decided_on", f"a permanence plan of {latest.decided_on:%d/%m/%Y} "
                            "is recorded: a new one comes after it")  # fmt: skip
    if latest is not None and latest.option == option:
        raise CaseworkError("option", f"the permanence plan has been {latest.get_option_display()}"
                            f" since {latest.decided_on:%d/%m/%Y}: nothing changed")  # fmt: skip
    made = build(PermanencePlan, child_id=care_plan.child_id, plan=care_plan, option=option,
                 decided_on=decided_on)  # fmt: skip
    provenance(made, by, origin)
    writer().add(made)
    meet_deadlines(care_plan.child, PERMANENCE_RULES, decided_on)
    return made


def current_permanence_plan(care_plan: Plan) -> PermanencePlan | None:
    """The care plan's latest permanence plan, among those held (``writer.held``)."""
    made = held(PermanencePlan, lambda p: p.plan_id == care_plan.pk,
                PermanencePlan.objects.filter(plan=care_plan))  # fmt: skip
    return max(made, key=lambda p: p.decided_on, default=None)
