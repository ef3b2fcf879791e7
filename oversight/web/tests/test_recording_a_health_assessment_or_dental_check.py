"""A child in care's health assessments and dental checks, recorded on the child's record:
the latest of each shows on the record and every one in the chronology, the initial
assessment's clock is met, and a check is refused for a child not in care, and against
the field at fault.

Today is 12 March 2025. Dara (D400) has been in care since Monday 3 February 2025 (V2,
foster care U1), allocated to the worker's team: her initial health assessment is due
20 working days on, on Monday 3 March 2025. Aisha (A100) is a child in need."""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework.models import Deadline, HealthCheck
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


def check(kind: str, on: date) -> dict[str, str]:
    return {"kind": kind, **date_fields("done_on", on)}


def test_checks_show_on_the_record_and_meet_the_initial_assessments_clock(signed_in, worker, dara):
    client = signed_in(worker)
    address = reverse("web:health-check", args=[dara.pk])
    record = text(client.get(reverse("web:child", args=[dara.pk])))
    assert "Last health assessment None in this period of care" in record
    assert client.post(address, check("health_assessment", date(2025, 3, 5))).status_code == 302
    assert client.post(address, check("dental_check", date(2025, 3, 10))).status_code == 302
    record = text(client.get(reverse("web:child", args=[dara.pk])))
    assert "Last health assessment 5 March 2025" in record
    assert "Last dental check 10 March 2025" in record
    assert "10 March 2025 Dental check" in record
    initial = Deadline.objects.get(child=dara, rule="health-assessment-initial")
    assert (initial.due_on, initial.met_on) == (date(2025, 3, 3), date(2025, 3, 5))
    review = Deadline.objects.get(child=dara, rule="health-assessment-review")
    assert review.due_on == date(2026, 3, 5)


def test_a_check_before_care_began_is_refused_against_its_field(signed_in, worker, dara):
    client = signed_in(worker)
    response = client.post(
        reverse("web:health-check", args=[dara.pk]), check("health_assessment", date(2025, 1, 6))
    )
    assert response.status_code == 200
    [(anchor, message)] = error_summary(response)
    assert anchor == "#id_done_on_day" and "looked after from 03/02/2025" in message
    assert not HealthCheck.objects.exists()


def test_a_child_not_in_care_has_no_check_to_record(signed_in, worker, aisha):
    client = signed_in(worker)
    assert "dental check" not in text(client.get(reverse("web:child", args=[aisha.pk])))
    response = client.post(
        reverse("web:health-check", args=[aisha.pk]), check("dental_check", date(2025, 2, 20))
    )
    assert "is not in care" in text(response)
    assert not HealthCheck.objects.exists()
