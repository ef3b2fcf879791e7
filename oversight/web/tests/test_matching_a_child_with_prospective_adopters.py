"""The match with adopters, on a child's record, offers the adoption service the LA's own
approved prospective adopters still in the process; the household chosen is kept with
the decision, or the match is refused against the field at fault. Others are offered
none, and the list offered is logged.

Bea Stone is in care, allocated to Nia in children in care, with a decision that she
should be placed for adoption; Jo and Alex Rivers (F100) were approved on 5 September 2024.
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.models import AccessEvent
from oversight.casework import services
from oversight.casework.models import AdoptionDecision, Child
from oversight.web.tests.conftest import approved_couple, register
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


def placed_for_adoption(child: Child) -> Child:
    episode, _, _ = services.start_care_episode(
        child, started_on=date(2024, 1, 8), legal_status="C2", placement_type="U4", provider="PR1"
    )
    services.record_adoption_decision(episode, decided_on=date(2024, 6, 3))
    return child


@pytest.fixture
def bea(in_care_team, adoption_worker) -> Child:
    child = register("S600", "Bea", "Stone", date(2023, 4, 2))
    services.allocate(child, in_care_team, adoption_worker, date(2024, 1, 8))
    return placed_for_adoption(child)


def match(household: object = "", **answers: str) -> dict[str, str]:
    return {"adopters_sex": "MF", "adopters_legal_status": "L11", "household": str(household),
            **date_fields("matched_on", date(2024, 11, 4)), **answers}  # fmt: skip


def test_the_adoption_service_is_offered_the_approved_households_still_in_the_process(
    signed_in, adoption_worker, bea, rivers
):
    left = approved_couple("F101", "P111", "P112")
    services.record_adopters_left(left, left_on=date(2024, 10, 1), reason="1")
    services.record_adopter_enquiry(family_id="F102", enquiry_on=date(2025, 1, 6), adopters=[
        services.AdopterDetails("P121", "Kim", "Ode", "2", "WBRI")
    ])  # fmt: skip
    shown = text(signed_in(adoption_worker).get(reverse("web:adoption-match", args=[bea.pk])))
    assert ("Not the LA's own prospective adopters F100: Jo Rivers and Alex Rivers "
            "(approved 5 September 2024)") in shown  # fmt: skip
    assert "F101" not in shown and "F102" not in shown
    offered = AccessEvent.objects.get(action="list-adopters")
    assert (offered.user, offered.detail) == (adoption_worker, "offered for a match: family F100")


def test_a_child_matched_with_a_household_is_shown_on_its_page(
    signed_in, adoption_worker, bea, rivers
):
    client = signed_in(adoption_worker)
    response = client.post(reverse("web:adoption-match", args=[bea.pk]), match(rivers.pk))
    assert response.status_code == 302
    decision = AdoptionDecision.objects.get()
    assert (decision.household, decision.matched_on) == (rivers, date(2024, 11, 4))
    shown = client.get(reverse("web:adopter-household", args=[rivers.pk]))
    assert "Bea Stone (S600) 4 November 2024 Stands" in text(shown)
    assert f'href="{reverse("web:child", args=[bea.pk])}"' in shown.content.decode()
    assert not AccessEvent.objects.filter(action="list-adopters").exists()  # none was listed
    record = text(client.get(reverse("web:child", args=[bea.pk])))
    assert "matched 4 November 2024 with adopters: male and female couple" in record
    assert "family F100" in record


def test_adopters_whose_sex_disagrees_with_the_household_are_refused_against_it(
    signed_in, adoption_worker, bea, rivers
):
    answers = match(rivers.pk, adopters_sex="FF", adopters_legal_status="L12")
    response = signed_in(adoption_worker).post(
        reverse("web:adoption-match", args=[bea.pk]), answers
    )
    assert error_summary(response) == [
        ("#id_adopters_sex", "Household F100's adopters are MF, not FF")
    ]
    assert AdoptionDecision.objects.get().matched_on is None


def test_a_match_before_the_household_was_approved_is_refused_against_the_household(
    signed_in, adoption_worker, bea, rivers
):
    answers = match(rivers.pk, **date_fields("matched_on", date(2024, 9, 2)))
    response = signed_in(adoption_worker).post(
        reverse("web:adoption-match", args=[bea.pk]), answers
    )
    [(field, message)] = error_summary(response)
    assert field == "#id_household" and "was not approved on 05/09/2024" in message
    assert AdoptionDecision.objects.get().household is None


def test_a_worker_outside_the_adoption_service_is_offered_no_household(
    signed_in, worker, aisha, rivers
):
    placed_for_adoption(aisha)
    client = signed_in(worker)
    url = reverse("web:adoption-match", args=[aisha.pk])
    assert "Rivers" not in text(client.get(url))
    assert client.post(url, match(rivers.pk)).status_code == 302
    assert AdoptionDecision.objects.get().household is None  # a household posted is ignored
    assert not AccessEvent.objects.filter(action="list-adopters").exists()
