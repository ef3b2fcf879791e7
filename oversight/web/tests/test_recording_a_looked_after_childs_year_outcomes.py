"""A worker records the year's outcomes of a child looked after for 12 months (the SSDA903
OC2 items) on a form reached from the record: questions left unanswered are not known;
what a DfE rule would refuse is refused against its question; recording the year again
starts from, and replaces, what was held."""

import re
from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import Child, YearOutcomes
from oversight.web.tests.helpers import error_summary, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def aisha_in_care(aisha) -> Child:
    services.start_care_episode(
        aisha, started_on=date(2024, 1, 6), legal_status="C2", placement_type="U6"
    )
    return aisha


def page(child: Child) -> str:
    return reverse("web:record-outcomes", args=[child.pk])


def test_the_record_links_to_the_form_and_the_years_are_the_last_two(
    signed_in, worker, aisha_in_care
):
    client = signed_in(worker)
    record = client.get(reverse("web:child", args=[aisha_in_care.pk])).content.decode()
    assert f'href="{page(aisha_in_care)}"' in record
    form = text(client.get(page(aisha_in_care)))  # today is 12 March 2025
    assert "The year to 31 March 2024" in form and "The year to 31 March 2023" in form


def test_the_answers_are_recorded_and_the_unanswered_left_unknown(signed_in, worker, aisha_in_care):
    answers = {"year_end": "2024-03-31", "health_assessment": "yes", "immunisations": "no",
               "sdq_score": "17"}  # fmt: skip
    response = signed_in(worker).post(page(aisha_in_care), answers)
    assert response.status_code == 302
    held = YearOutcomes.objects.get()
    assert (held.year_end, held.health_assessment, held.immunisations, held.sdq_score) == (
        date(2024, 3, 31), True, False, 17,
    )  # fmt: skip
    assert held.teeth_check is None and held.convicted is None and held.sdq_reason == ""


def test_a_score_over_40_is_refused_against_the_score(signed_in, worker, aisha_in_care):
    response = signed_in(worker).post(page(aisha_in_care), {"year_end": "2024-03-31",
                                                            "sdq_score": "41"})  # fmt: skip
    [(field, message)] = error_summary(response)
    assert field == "#id_sdq_score" and "40" in message
    assert not YearOutcomes.objects.exists()


def test_recording_the_year_again_starts_from_what_is_held(signed_in, worker, aisha_in_care):
    services.record_year_outcomes(aisha_in_care, year_end=date(2024, 3, 31), teeth_check=True)
    html = signed_in(worker).get(page(aisha_in_care)).content.decode()
    radios = re.findall(r'<input[^>]*name="teeth_check"[^>]*>', html)
    chosen = [radio for radio in radios if "checked" in radio]
    assert len(radios) == 2 and len(chosen) == 1 and 'value="yes"' in chosen[0]
    year = [r for r in re.findall(r'<input[^>]*name="year_end"[^>]*>', html) if "checked" in r]
    assert len(year) == 1 and 'value="2024-03-31"' in year[0]


def test_others_may_not_record_them(signed_in, senior_leader, other_worker, aisha_in_care):
    answers = {"year_end": "2024-03-31", "teeth_check": "yes"}
    assert signed_in(senior_leader).post(page(aisha_in_care), answers).status_code == 403
    assert signed_in(other_worker).post(page(aisha_in_care), answers).status_code == 404
    assert not YearOutcomes.objects.exists()


def test_the_health_questions_say_what_checks_the_records_hold(signed_in, worker, aisha_in_care):
    plan = aisha_in_care.plans.get(kind="care")
    services.record_health_check(plan, kind="health_assessment", done_on=date(2024, 1, 20))
    services.record_health_check(plan, kind="dental_check", done_on=date(2024, 2, 12))
    services.record_health_check(plan, kind="dental_check", done_on=date(2025, 2, 3))
    form = text(signed_in(worker).get(page(aisha_in_care)))  # the years to March 2023 and 2024
    assert "Health assessments recorded since 1 April 2022: 20 January 2024" in form
    assert "Dental checks recorded since 1 April 2022: 12 February 2024, 3 February 2025" in form
