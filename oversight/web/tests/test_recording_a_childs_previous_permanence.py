"""A worker records, for a child in care, what permanence the child had before this
period of care (the SSDA903 asks it of every child who starts to be looked after): the
option, and for an order the LA that arranged it and its date. It is kept on the episode
that began the period, shown on the record, and refused as the DfE's rules refuse it."""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import CareEpisode, Child
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def aisha_in_care(aisha) -> Child:
    """In care from 6 January 2024; her legal status changed on 1 March 2024 (one period)."""
    episode, placement, plan = services.start_care_episode(
        aisha, started_on=date(2024, 1, 6), legal_status="V2", placement_type="U6"
    )
    services.end_care_episode(episode, placement, plan, ended_on=date(2024, 3, 1),
                              reason_ceased="X1")  # fmt: skip
    services.start_care_episode(aisha, started_on=date(2024, 3, 1), legal_status="C2",
                                placement_type="U6", reason_new_episode="L")  # fmt: skip
    return aisha


def page(child: Child) -> str:
    return reverse("web:record-permanence", args=[child.pk])


def test_an_order_is_kept_on_the_episode_that_began_care_and_shown(signed_in, worker,
                                                                   aisha_in_care):  # fmt: skip
    client = signed_in(worker)
    record = reverse("web:child", args=[aisha_in_care.pk])
    assert f'href="{page(aisha_in_care)}"' in client.get(record).content.decode()
    given = {"option": "P2", "la_code": "352", **date_fields("made_on", date(2019, 5, 17))}
    assert client.post(page(aisha_in_care), given).status_code == 302
    first, second = CareEpisode.objects.order_by("started_on")
    assert (first.previous_permanence, first.previous_permanence_la,
            first.previous_permanence_on) == ("P2", "352", date(2019, 5, 17))  # fmt: skip
    assert second.previous_permanence == ""
    shown = text(client.get(record))
    assert ("Before this period of care Special guardianship order (SGO), arranged by local "
            "authority 352, 17 May 2019") in shown  # fmt: skip


def test_none_with_an_order_date_is_refused_against_the_date(signed_in, worker, aisha_in_care):
    given = {"option": "Z1", **date_fields("made_on", date(2019, 5, 17))}
    [(field, message)] = error_summary(signed_in(worker).post(page(aisha_in_care), given))
    assert field.startswith("#id_made_on") and "Z1" in message
    assert not CareEpisode.objects.exclude(previous_permanence="").exists()


def test_an_la_code_the_dfe_does_not_know_is_refused(signed_in, worker, aisha_in_care):
    response = signed_in(worker).post(page(aisha_in_care), {"option": "P1", "la_code": "123"})
    [(field, message)] = error_summary(response)
    assert field == "#id_la_code" and "123" in message


def test_a_child_not_in_care_has_no_period_to_record_it_for(signed_in, worker, aisha):
    response = signed_in(worker).post(page(aisha), {"option": "Z1"})
    assert response.status_code == 200 and "not looked after now" in text(response)


def test_others_may_not_record_it(signed_in, senior_leader, other_worker, aisha_in_care):
    assert signed_in(senior_leader).post(page(aisha_in_care), {"option": "Z1"}).status_code == 403
    assert signed_in(other_worker).post(page(aisha_in_care), {"option": "Z1"}).status_code == 404
    assert not CareEpisode.objects.exclude(previous_permanence="").exists()
