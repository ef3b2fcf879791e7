"""The OC2 row of a child looked after 12 months gives the outcomes recorded for the year
ending that 31 March, and an import of the row records them again."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Child, YearOutcomes
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.spec import TABLES
from oversight.exchange.ssda903.tests.care_records import child
from oversight.exchange.ssda903.tests.return_files import lines, written

pytestmark = pytest.mark.django_db
OC2 = list(TABLES["oc2"])


def looked_after_since_2024() -> Child:
    # Born 1 June 2012: 13 on 1 April 2025, so SDQ, conviction and no health promotion.
    c7 = child("C7", "1", date(2012, 6, 1), "WBRI")
    services.start_care_episode(
        c7, started_on=date(2024, 2, 1), legal_status="C2", placement_type="U1", provider="PR1"
    )
    return c7


def oc2_row(folder) -> dict[str, str]:
    (line,) = lines(folder, "oc2")
    return dict(zip(OC2, line.split(","), strict=True))


def test_the_row_gives_the_items_recorded_for_the_year(tmp_path):
    c7 = looked_after_since_2024()
    services.record_year_outcomes(
        c7, year_end=date(2026, 3, 31), sdq_score=17, convicted=False, immunisations=True,
        teeth_check=False, health_assessment=True, substance_misuse=True,
        intervention_received=False, intervention_offered=True,
    )  # fmt: skip
    services.record_year_outcomes(c7, year_end=date(2025, 3, 31), sdq_score=30)  # last year's
    written(tmp_path)
    assert oc2_row(tmp_path) == {
        "CHILD": "C7", "DOB": "01/06/2012", "SDQ_SCORE": "17", "SDQ_REASON": "",
        "CONVICTED": "0", "HEALTH_CHECK": "", "IMMUNISATIONS": "1", "TEETH_CHECK": "0",
        "HEALTH_ASSESSMENT": "1", "SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "0",
        "INTERVENTION_OFFERED": "1",
    }  # fmt: skip


def test_with_nothing_recorded_the_items_are_blank(tmp_path):
    looked_after_since_2024()
    written(tmp_path)
    assert oc2_row(tmp_path) == dict.fromkeys(OC2, "") | {"CHILD": "C7", "DOB": "01/06/2012"}


def test_an_import_records_the_rows_outcomes(tmp_path):
    c7 = looked_after_since_2024()
    services.record_year_outcomes(
        c7, year_end=date(2026, 3, 31), sdq_reason="SDQ5", convicted=True, immunisations=False,
        teeth_check=True, health_assessment=True, substance_misuse=False,
    )  # fmt: skip
    written(tmp_path)
    Child.objects.all().delete()
    summary = load_903([tmp_path], year="2025-26")
    held = YearOutcomes.objects.get()
    assert summary.created["year_outcomes"] == 1
    assert (held.child.la_child_id, held.year_end, held.sdq_score, held.sdq_reason) == (
        "C7", date(2026, 3, 31), None, "SDQ5",
    )  # fmt: skip
    assert (held.convicted, held.immunisations, held.teeth_check, held.substance_misuse) == (
        True, False, True, False,
    )  # fmt: skip
    assert held.intervention_received is None and held.health_check is None
    assert (
        load_903([tmp_path], year="2025-26").created["year_outcomes"] == 0
    )  # nothing recorded twice
