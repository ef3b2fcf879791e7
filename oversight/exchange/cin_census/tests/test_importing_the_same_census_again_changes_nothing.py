"""Importing a census file the records already hold records nothing and changes nothing."""

import io
from datetime import date

import pytest
from django.apps import apps

from oversight.casework.models import Assessment
from oversight.exchange.cin_census.load import load_cin
from oversight.exchange.cin_census.tests import builders, records
from oversight.exchange.cin_census.tests.census_facts import census_facts
from oversight.exchange.cin_census.tests.census_files import written

pytestmark = pytest.mark.django_db


def every_casework_row() -> dict[str, list[tuple]]:
    """Every row of every casework table, every column: any change shows."""
    return {
        model._meta.model_name: sorted(model.objects.values_list(), key=repr)
        for model in apps.get_app_config("casework").get_models()
    }


def test_a_file_imported_twice_records_nothing_the_second_time():
    xml = builders.census_xml(
        builders.child("C1"),
        builders.child("C2", episodes=[builders.episode(
            CINclosureDate="2025-09-01", ReasonForClosure="RC7",
            cp_plans=[builders.cp_plan(CPPendDate="2025-08-30", reviews=["2025-08-19"])],
            section47s=[builders.section47()],
        )]),
    )  # fmt: skip
    first = load_cin(io.BytesIO(xml), name="census.xml")
    assert first.created["children"] == 2
    before = every_casework_row()
    again = load_cin(io.BytesIO(xml), name="census.xml")
    assert sum(again.created.values()) == 0
    assert again.held_back == {}
    assert every_casework_row() == before


def test_importing_the_census_written_from_the_records_changes_nothing_in_them():
    records.in_year_children()
    records.open_at_the_start_of_the_year()
    records.assessed_across_the_year_end()
    facts, rows = census_facts(), every_casework_row()
    xml, _ = written()
    summary = load_cin(io.BytesIO(xml), name="census.xml")
    assert sum(summary.created.values()) == 0
    assert census_facts() == facts
    assert every_casework_row() == rows


def test_a_later_file_adds_only_what_happened_since():
    records.unborn_child()  # H8: the assessment started on 13 January 2026 is still running
    later = builders.census_xml(builders.child(
        "H8", UPN=None, PersonBirthDate=None, ExpectedPersonBirthDate="2026-05-01", Sex="U",
        Ethnicity="NOBT", episodes=[builders.episode(
            CINreferralDate="2026-01-12", ReferralSource="5B", PrimaryNeedCode="N1",
            assessments=[builders.assessment(["3B"], AssessmentActualStartDate="2026-01-13",
                                             AssessmentAuthorisationDate="2026-03-02")],
            cin_plans=[builders.cin_plan(CINPlanStartDate="2026-03-03")],
        )]))  # fmt: skip
    summary = load_cin(io.BytesIO(later), name="later.xml")
    assert dict(summary.created) == {"cin_plans": 1}
    assessment = Assessment.objects.get(child__la_child_id="H8")
    assert (assessment.completed_on, assessment.factors) == (date(2026, 3, 2), "3B")
