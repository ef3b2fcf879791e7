"""A worker records a new legal status for a child in the same placement (a placement
order granted): the episode ends and a new one begins in a placement like the last, shown
in the chronology; the same status again is refused against the field."""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import CareEpisode, Child
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def aisha_in_care(aisha) -> Child:
    services.start_care_episode(aisha, started_on=date(2024, 1, 8), legal_status="C1",
                                placement_type="U4", provider="PR1")  # fmt: skip
    return aisha


def page(child: Child) -> str:
    return reverse("web:legal-status", args=[child.pk])


def test_a_placement_order_begins_a_new_episode_in_the_same_placement(
    signed_in, worker, aisha_in_care
):
    client = signed_in(worker)
    record = reverse("web:child", args=[aisha_in_care.pk])
    assert f'href="{page(aisha_in_care)}"' in client.get(record).content.decode()
    given = {"legal_status": "E1", **date_fields("changed_on", date(2024, 6, 3))}
    assert client.post(page(aisha_in_care), given).status_code == 302
    first, second = CareEpisode.objects.order_by("started_on")
    assert (first.ended_on, first.reason_ceased) == (date(2024, 6, 3), "X1")
    assert (second.legal_status, second.reason_new_episode) == ("E1", "L")
    assert [p.placement_type for p in second.placements.all()] == ["U4"]
    shown = text(client.get(record))
    # The chronology tells a new legal status in the same placement from coming into care.
    assert "Legal status changed Placement order granted" in shown
    assert shown.count("Became looked after") == 1 and shown.count("Placement started") == 1
    assert "Placement ended" not in shown and "Stopped being looked after" not in shown


def test_the_same_status_again_is_refused_against_it(signed_in, worker, aisha_in_care):
    given = {"legal_status": "C1", **date_fields("changed_on", date(2024, 6, 3))}
    [(field, message)] = error_summary(signed_in(worker).post(page(aisha_in_care), given))
    assert field == "#id_legal_status" and "already" in message
    assert CareEpisode.objects.count() == 1
