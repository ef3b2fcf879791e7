"""A worker records a child's move to a new placement, choosing why the child moved from
the DfE's reasons; a move without a reason is refused against it, and only roles that
record work, about children in their reach, may open the form."""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import CareEpisode, Child, Deadline, Placement, Plan, PlanKind
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def aisha_in_care(aisha) -> Child:
    services.start_care_episode(
        aisha, started_on=date(2025, 1, 6), legal_status="C2", placement_type="U6"
    )
    return aisha


def page(child: Child) -> str:
    return reverse("web:move-placement", args=[child.pk])


def move(**answers: str) -> dict[str, str]:
    form = {**date_fields("moved_on", date(2025, 3, 10)), "placement_type": "U4",
            "provider": "PR1", "change_reason": "CREQB", "long_term": "no"}  # fmt: skip
    return {**form, **answers}


def test_the_form_offers_the_dfe_reasons_in_words_and_no_retired_placement_type(
    signed_in, worker, aisha_in_care
):
    html = signed_in(worker).get(page(aisha_in_care)).content.decode()
    assert "Carer(s) requests placement end due to child’s behaviour" in html
    assert 'value="CUSTOD"' in html and 'value="K3"' in html
    assert 'value="H5"' not in html


def test_a_move_is_recorded_with_why_the_child_moved(signed_in, worker, aisha_in_care):
    response = signed_in(worker).post(page(aisha_in_care), move())
    assert response.status_code == 302
    placements = Placement.objects.order_by("started_on")
    assert list(placements.values_list("placement_type", "ended_on", "change_reason")) == [
        ("U6", date(2025, 3, 10), ""), ("U4", None, "CREQB"),
    ]  # fmt: skip


def test_the_new_placements_postcode_and_urn_are_kept_and_a_bad_one_refused(
    signed_in, worker, aisha_in_care
):
    client = signed_in(worker)
    bad = client.post(page(aisha_in_care), move(postcode="AB1", urn="SC900001"))
    [(field, message)] = error_summary(bad)
    assert field == "#id_postcode" and "is not a postcode" in message
    assert (
        client.post(page(aisha_in_care), move(postcode="nf2 7cd", urn="sc900001")).status_code
        == 302
    )
    held = Placement.objects.get(ended_on__isnull=True)
    assert (held.postcode, held.urn) == ("NF2 7CD", "SC900001")


def test_a_move_without_a_reason_is_refused_against_the_reason(signed_in, worker, aisha_in_care):
    response = signed_in(worker).post(page(aisha_in_care), move(change_reason=""))
    assert error_summary(response) == [
        ("#id_change_reason_0", "Give the reason for the change of placement")
    ]
    assert Placement.objects.count() == 1


def test_a_child_not_in_a_placement_has_nothing_to_move_from(signed_in, worker, aisha):
    response = signed_in(worker).post(page(aisha), move())
    assert "is not in a placement now" in text(response)
    assert not Placement.objects.exists()


def test_others_may_not_record_a_move(signed_in, senior_leader, other_worker, aisha_in_care):
    assert signed_in(senior_leader).post(page(aisha_in_care), move()).status_code == 403
    assert signed_in(other_worker).post(page(aisha_in_care), move()).status_code == 404
    assert Placement.objects.count() == 1


def test_the_record_of_a_child_in_a_placement_links_to_the_form(signed_in, worker, aisha):
    record = reverse("web:child", args=[aisha.pk])
    assert "Record a move to a new placement" not in text(signed_in(worker).get(record))
    services.start_care_episode(
        aisha, started_on=date(2025, 1, 6), legal_status="C2", placement_type="U6"
    )
    html = signed_in(worker).get(record).content.decode()
    assert f'href="{page(aisha)}"' in html and "Record a move to a new placement" in html


def test_a_move_with_a_new_legal_status_begins_an_episode_and_keeps_the_care_plan(
    signed_in, worker, aisha_in_care
):
    reviews = Deadline.objects.filter(rule="cla-first-review").count()
    response = signed_in(worker).post(page(aisha_in_care), move(legal_status="E1"))
    assert response.status_code == 302
    episodes = CareEpisode.objects.order_by("started_on")
    assert list(episodes.values_list("legal_status", "reason_new_episode", "reason_ceased")) == [
        ("C2", "S", "X1"), ("E1", "B", ""),
    ]  # fmt: skip
    assert Placement.objects.get(ended_on__isnull=True).episode == episodes.last()
    assert Plan.objects.get(kind=PlanKind.CARE).end_on is None
    assert Deadline.objects.filter(rule="cla-first-review").count() == reviews


def test_the_same_legal_status_given_again_is_a_move_only(signed_in, worker, aisha_in_care):
    assert signed_in(worker).post(page(aisha_in_care), move(legal_status="C2")).status_code == 302
    assert CareEpisode.objects.count() == 1 and Placement.objects.count() == 2
