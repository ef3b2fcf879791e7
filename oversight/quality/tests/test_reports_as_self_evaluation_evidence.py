"""An audit programme's results for a period are linked to a self-evaluation area by reference."""

from datetime import date

import pytest

from oversight.inspection import plans
from oversight.inspection.models import EvidenceKind
from oversight.quality.services import ProgrammeFacts, create_programme

pytestmark = pytest.mark.django_db


def test_results_are_linked_once_by_reference_and_survive_the_areas_answers(auditor):
    create_programme(ProgrammeFacts("CP plans", "cp-plans"), auditor)
    evaluation = plans.start_self_evaluation("2025-26", auditor, date(2025, 3, 12))
    part = evaluation.areas.get(area="help-and-protection")
    reference = "CP plans (2025-04-01 to 2025-06-30)"
    linked = plans.link_audit(part, reference, auditor)
    assert (linked.kind, linked.reference) == (EvidenceKind.AUDIT, reference)
    with pytest.raises(plans.PlanError, match="already has the results"):
        plans.link_audit(part, reference, auditor)
    plans.answer_area(part, plans.AreaAnswers(known="Plans are improving."), auditor)
    assert list(part.evidence.values_list("reference", flat=True)) == [reference]


@pytest.mark.parametrize(
    "reference",
    [
        "AUD-1",
        "Nobody's programme (2025-04-01 to 2025-06-30)",
        "CP plans (2025-13-01 to 2025-06-30)",
    ],
)
def test_a_reference_that_names_no_programme_and_period_is_refused(auditor, reference):
    create_programme(ProgrammeFacts("CP plans", "cp-plans"), auditor)
    evaluation = plans.start_self_evaluation("2025-26", auditor, date(2025, 3, 12))
    with pytest.raises(plans.PlanError) as refused:
        plans.link_audit(evaluation.areas.first(), reference, auditor)
    assert refused.value.field == "audit"
