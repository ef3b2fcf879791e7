"""A worker records, for a child in care, the decision that the child should be placed for
adoption, then the match with the adopters or the decision reversed. Each is shown on the
record and in the chronology, and refused as the DfE's rules refuse it."""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import AdoptionDecision, Child
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def aisha_in_care(aisha) -> Child:
    services.start_care_episode(aisha, started_on=date(2024, 1, 8), legal_status="C2",
                                placement_type="U4", provider="PR1")  # fmt: skip
    return aisha


def page(name: str, child: Child) -> str:
    return reverse(f"web:adoption-{name}", args=[child.pk])


def test_a_decision_then_a_match_are_kept_and_shown(signed_in, worker, aisha_in_care):
    client, child = signed_in(worker), aisha_in_care
    record = reverse("web:child", args=[child.pk])
    assert f'href="{page("decision", child)}"' in client.get(record).content.decode()
    decided = date_fields("decided_on", date(2024, 6, 3))
    assert client.post(page("decision", child), decided).status_code == 302
    shown = client.get(record).content.decode()
    assert (
        f'href="{page("match", child)}"' in shown
        and f'href="{page("decision", child)}"' not in shown
    )
    match = {"adopters_sex": "FF", "adopters_legal_status": "L2",
             **date_fields("matched_on", date(2024, 11, 4))}  # fmt: skip
    assert client.post(page("match", child), match).status_code == 302
    held = AdoptionDecision.objects.get()
    assert (held.decided_on, held.matched_on, held.adopters_sex, held.adopters_legal_status) == (
        date(2024, 6, 3), date(2024, 11, 4), "FF", "L2",
    )  # fmt: skip
    assert held.recorded_by == worker
    shown = text(client.get(record))
    assert ("Adoption Decided 3 June 2024 to place for adoption; matched 4 November 2024 with "
            "adopters: female couple (civil partnership couple)") in shown  # fmt: skip
    assert "Matched with adopters Female couple" in shown  # the chronology


def test_a_reversed_decision_is_shown_with_its_reason_and_a_new_one_may_follow(
    signed_in, worker, aisha_in_care
):
    client, child = signed_in(worker), aisha_in_care
    client.post(page("decision", child), date_fields("decided_on", date(2024, 6, 3)))
    reversal = {"reason": "RD2", **date_fields("reversed_on", date(2024, 9, 2))}
    assert client.post(page("reversal", child), reversal).status_code == 302
    shown = text(client.get(reverse("web:child", args=[child.pk])))
    assert "reversed 2 September 2024: the court did not make a placement order" in shown
    assert client.post(page("match", child), {}).status_code == 200  # none stands now
    again = date_fields("decided_on", date(2024, 9, 2))
    assert client.post(page("decision", child), again).status_code == 302
    assert AdoptionDecision.objects.count() == 2


def test_adopters_their_status_does_not_allow_are_refused_against_their_sex(
    signed_in, worker, aisha_in_care
):
    client, child = signed_in(worker), aisha_in_care
    client.post(page("decision", child), date_fields("decided_on", date(2024, 6, 3)))
    match = {"adopters_sex": "MM", "adopters_legal_status": "L11",
             **date_fields("matched_on", date(2024, 11, 4))}  # fmt: skip
    [(field, message)] = error_summary(client.post(page("match", child), match))
    assert field == "#id_adopters_sex" and "L11" in message
    assert AdoptionDecision.objects.get().matched_on is None


def test_a_decision_before_care_began_is_refused(signed_in, worker, aisha_in_care):
    response = signed_in(worker).post(page("decision", aisha_in_care),
                                      date_fields("decided_on", date(2024, 1, 5)))  # fmt: skip
    [(field, message)] = error_summary(response)
    assert field.startswith("#id_decided_on") and "not looked after" in message
    assert not AdoptionDecision.objects.exists()


def test_no_match_without_a_decision_and_no_decision_out_of_care(signed_in, worker, aisha):
    client = signed_in(worker)
    match = {"adopters_sex": "M1", "adopters_legal_status": "L0",
             **date_fields("matched_on", date(2024, 11, 4))}  # fmt: skip
    assert "record the decision first" in text(client.post(page("match", aisha), match))
    decided = date_fields("decided_on", date(2024, 6, 3))
    assert "not looked after now" in text(client.post(page("decision", aisha), decided))
    assert not AdoptionDecision.objects.exists()


def test_others_may_not_record_them(signed_in, senior_leader, other_worker, aisha_in_care):
    decided = date_fields("decided_on", date(2024, 6, 3))
    assert (
        signed_in(senior_leader).post(page("decision", aisha_in_care), decided).status_code == 403
    )
    assert signed_in(other_worker).post(page("decision", aisha_in_care), decided).status_code == 404
    assert not AdoptionDecision.objects.exists()
