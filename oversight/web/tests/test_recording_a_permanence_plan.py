"""A child in care's permanence plan, recorded on the child's record: shown with the plan
it replaced and in the chronology; refused for a child with no care plan open, and
against the field at fault.

Today is 12 March 2025. Dara (D400) has been in care since 3 February 2025 (V2, foster
care U1), allocated to the worker's team; Aisha (A100) is a child in need, with no care
plan."""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework.models import PermanencePlan
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


def plan(option: str, on: date) -> dict[str, str]:
    return {"option": option, **date_fields("decided_on", on)}


def test_a_plan_and_the_one_it_replaces_show_on_the_record(signed_in, worker, dara):
    client = signed_in(worker)
    address = reverse("web:permanence-plan", args=[dara.pk])
    assert "None recorded" in text(client.get(reverse("web:child", args=[dara.pk])))
    assert client.post(address, plan("return_to_family", date(2025, 2, 20))).status_code == 302
    assert client.post(address, plan("long_term_fostering", date(2025, 3, 10))).status_code == 302
    record = text(client.get(reverse("web:child", args=[dara.pk])))
    assert ("Permanence plan Long-term fostering, since 10 March 2025 (before: return to "
            "family)") in record  # fmt: skip
    assert "10 March 2025 Permanence plan Long-term fostering" in record
    assert "Record the permanence plan" in record
    assert PermanencePlan.objects.filter(child=dara).count() == 2


def test_the_same_plan_again_is_refused_against_its_field(signed_in, worker, dara):
    client = signed_in(worker)
    address = reverse("web:permanence-plan", args=[dara.pk])
    client.post(address, plan("adoption", date(2025, 2, 20)))
    response = client.post(address, plan("adoption", date(2025, 3, 10)))
    assert response.status_code == 200
    assert error_summary(response) == [
        ("#id_option_0", "The permanence plan has been Adoption since 20/02/2025: nothing changed")
    ]


def test_a_child_with_no_care_plan_open_has_no_plan_to_record(signed_in, worker, aisha):
    client = signed_in(worker)
    assert "Record the permanence plan" not in text(
        client.get(reverse("web:child", args=[aisha.pk]))
    )
    response = client.post(
        reverse("web:permanence-plan", args=[aisha.pk]), plan("adoption", date(2025, 2, 20))
    )
    assert "has no care plan open" in text(response)
    assert not PermanencePlan.objects.exists()
