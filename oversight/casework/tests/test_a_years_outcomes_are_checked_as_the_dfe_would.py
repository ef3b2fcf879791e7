"""Recording a year's outcomes of a child looked after 12 months (``record_year_outcomes``)."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Child, YearOutcomes

pytestmark = pytest.mark.django_db
MARCH_2026 = date(2026, 3, 31)


def registered() -> Child:
    return services.register_child(
        la_child_id="Y1", first_name="Test", last_name="Child", sex="1",
        date_of_birth=date(2012, 6, 1), ethnicity="WBRI",
    )  # fmt: skip


def test_an_sdq_score_over_40_is_refused_and_nothing_saved():
    with pytest.raises(services.CaseworkError, match="0 to 40") as refused:
        services.record_year_outcomes(registered(), year_end=MARCH_2026, sdq_score=41)
    assert refused.value.field == "sdq_score"
    assert not YearOutcomes.objects.exists()


def test_a_reason_for_no_score_is_refused_with_a_score():
    with pytest.raises(services.CaseworkError) as refused:
        services.record_year_outcomes(
            registered(), year_end=MARCH_2026, sdq_score=12, sdq_reason="SDQ4"
        )
    assert refused.value.field == "sdq_reason"


def test_an_unknown_reason_and_a_day_other_than_31_march_are_refused():
    child = registered()
    with pytest.raises(services.CaseworkError, match="not a DfE sdq reason code"):
        services.record_year_outcomes(child, year_end=MARCH_2026, sdq_reason="SDQ9")
    with pytest.raises(services.CaseworkError) as refused:
        services.record_year_outcomes(child, year_end=date(2026, 4, 1), sdq_score=3)
    assert refused.value.field == "year_end"


def test_an_intervention_without_a_misuse_problem_is_refused():
    with pytest.raises(services.CaseworkError) as refused:
        services.record_year_outcomes(
            registered(), year_end=MARCH_2026, substance_misuse=False, intervention_received=True
        )
    assert refused.value.field == "substance_misuse"


def test_recording_the_year_again_replaces_what_was_held():
    child = registered()
    services.record_year_outcomes(child, year_end=MARCH_2026, sdq_score=0, immunisations=False)
    services.record_year_outcomes(
        child, year_end=MARCH_2026, sdq_reason="sdq5", immunisations=True, convicted=True
    )
    held = YearOutcomes.objects.get()
    assert (held.sdq_score, held.sdq_reason, held.immunisations, held.convicted) == (
        None, "SDQ5", True, True,
    )  # fmt: skip
    assert held.version == 2
