"""Recording an inspection of this LA (Reading) through the form, today 12 March 2025.

An inspection starting now is under ILACS 2023: overall, leaders, help and protection,
children in care and care leavers.
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.roles import Role
from oversight.inspection.models import Inspection, LocalAuthority
from oversight.web.tests.conftest import person
from oversight.web.tests.helpers import date_fields, error_summary, text

URL = reverse("web:inspection-record")


@pytest.fixture
def reading(db, settings) -> LocalAuthority:
    settings.OVERSIGHT_LA_CODE = "E06000038"
    return LocalAuthority.objects.create(urn="80001", code="E06000038", name="Reading")


@pytest.fixture
def qa(db):
    return person("quinn", Role.QA_OFFICER)


def inspection_form(**answers: str) -> dict[str, str]:
    form = {
        "kind": "standard",
        **date_fields("started", date(2025, 2, 24)),
        **date_fields("ended", date(2025, 3, 7)),
        "report_url": "https://reports.ofsted.gov.uk/provider/44/80001",
        "grade_overall": "good",
        "grade_leaders": "good",
        "grade_help-and-protection": "good",
        "grade_in-care": "requires-improvement",
        "grade_care-leavers": "good",
        "findings_strength": "Leaders know their services well.\n\nChildren are seen promptly.",
        "findings_recommendation": "Improve the quality of pathway plans.",
    }
    form.update(answers)
    return form


def test_the_form_asks_for_a_grade_for_each_area_of_todays_framework(signed_in, qa, reading):
    body = text(signed_in(qa).get(URL))
    assert "The grades are those of the inspection of local authority children's services" in body
    assert "The experiences and progress of care leavers" in body


def test_a_recorded_inspection_is_saved_and_shown_on_the_las_page(signed_in, qa, reading):
    client = signed_in(qa)
    response = client.post(URL, inspection_form())
    assert response.status_code == 302
    assert response["Location"] == reverse("web:inspection-la", args=["80001"])
    inspection = Inspection.objects.get(la=reading)
    assert inspection.framework_key == "ilacs-2023"
    assert inspection.grades()["in-care"] == "requires-improvement"
    assert [f.text for f in inspection.findings.filter(kind="strength")] == [
        "Leaders know their services well.", "Children are seen promptly.",
    ]  # fmt: skip
    body = text(client.get(response["Location"]))
    assert "Inspection recorded for Reading" in body
    assert "Recommendations Improve the quality of pathway plans." in body


def test_an_overall_that_departs_from_the_default_needs_a_reason_against_its_field(
    signed_in, qa, reading
):
    form = inspection_form(
        **{"grade_in-care": "inadequate", "grade_overall": "requires-improvement"}
    )
    response = signed_in(qa).post(URL, form)
    assert error_summary(response) == [(
        "#id_overall_reason",
        "The experiences and progress of children in care is inadequate, so the overall would "
        "be inadequate; it was recorded as requires improvement to be good. Record why the "
        "overall differs from the default.",
    )]  # fmt: skip
    assert not Inspection.objects.exists()
    form["overall_reason"] = "The inspectors judged the overall on the wider picture."
    assert signed_in(qa).post(URL, form).status_code == 302


def test_a_graded_inspection_needs_every_grade(signed_in, qa, reading):
    response = signed_in(qa).post(URL, inspection_form(**{"grade_care-leavers": ""}))
    assert error_summary(response) == [
        (
            "#id_grade_care-leavers",
            "Select the grade for the experiences and progress of care leavers",
        )
    ]


def test_an_inspection_from_an_earlier_framework_is_recorded_under_it(signed_in, qa, reading):
    client = signed_in(qa)
    earlier = inspection_form(**date_fields("started", date(2022, 5, 9)),
                              **date_fields("ended", date(2022, 5, 20)))  # fmt: skip
    refused = client.post(URL, earlier)
    assert error_summary(refused)[0][0] == "#id_started_day"
    assert "was under the inspection of local authority children's services (ILACS)" in text(
        refused
    )
    del earlier["grade_care-leavers"]
    assert client.post(f"{URL}?framework=ilacs-2018", earlier).status_code == 302
    assert Inspection.objects.get().framework_key == "ilacs-2018"


def test_a_visit_is_recorded_with_findings_and_no_grade(signed_in, qa, reading):
    grades = {f"grade_{area}": "" for area in ("overall", "leaders", "help-and-protection",
                                               "in-care", "care-leavers")}  # fmt: skip
    form = inspection_form(kind="focused-visit", **grades)
    assert signed_in(qa).post(URL, form).status_code == 302
    assert Inspection.objects.get().kind == "focused-visit"
