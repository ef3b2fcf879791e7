"""Nia, in the adoption service, records an enquiry from prospective adopters, their steps
to approval and their leaving the process. Each form shows a refusal of the service
against its field, and the steps are not saved over someone else's change."""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import Adopter, AdopterHousehold
from oversight.web.forms import RECORD_CHANGED
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


def enquiry(**answers: str) -> dict[str, str]:
    """An enquiry from a couple, with any answers replaced."""
    return {
        "family_id": "F200", **date_fields("enquiry_on", date(2025, 2, 3)),
        "adopter_id": "P201", "first_name": "Sam", "last_name": "Okafor", "sex": "1",
        "ethnicity": "BAFR", "disabled": "no", "couple": "yes",
        "second_adopter_id": "P202", "second_first_name": "Ruth", "second_last_name": "Okafor",
        "second_sex": "2", "second_ethnicity": "WBRI", "second_disabled": "yes",
        **answers,
    }  # fmt: skip


def steps_as_held(household: AdopterHousehold, **changed: date | None) -> dict[str, str]:
    """The steps form as it opens for the household, with some dates changed."""
    held = {name: getattr(household, name) for name in (
        "stage1_started_on", "stage1_ended_on", "stage2_started_on", "stage2_ended_on",
        "applied_on", "approved_on",
    )} | changed  # fmt: skip
    form = {"version": str(household.version), "fostering_for_adoption": "no"}
    for name, day in held.items():
        form |= date_fields(name, day) if day else date_fields(name, "")
    return form


def test_an_enquiry_from_a_couple_records_the_household_and_both_adopters(
    signed_in, adoption_worker
):
    client = signed_in(adoption_worker)
    response = client.post(reverse("web:record-adopter-enquiry"), enquiry(), follow=True)
    household = AdopterHousehold.objects.get()
    assert response.redirect_chain == [(reverse("web:adopter-household", args=[household.pk]), 302)]
    shown = text(response)
    assert "Enquiry recorded for household F200" in shown
    assert "Enquiry received on 3 February 2025" in shown
    assert "Sam Okafor P201 Male African No Ruth Okafor P202 Female White British Yes" in shown
    assert (household.recorded_by, household.origin) == (adoption_worker, "web")
    assert [a.adopter_id for a in household.adopters.all()] == ["P201", "P202"]


def test_one_adopter_alone_leaves_the_second_adopters_answers_aside(signed_in, adoption_worker):
    response = signed_in(adoption_worker).post(reverse("web:record-adopter-enquiry"),
                                               enquiry(couple="no"))  # fmt: skip
    assert response.status_code == 302
    assert list(Adopter.objects.values_list("adopter_id", flat=True)) == ["P201"]


def test_a_couple_without_the_second_adopters_details_is_asked_for_each(signed_in, adoption_worker):
    response = signed_in(adoption_worker).post(reverse("web:record-adopter-enquiry"), enquiry(
        second_adopter_id="", second_sex="", second_disabled=""
    ))  # fmt: skip
    assert error_summary(response) == [
        ("#id_second_adopter_id", "Enter the second adopter's identifier"),
        ("#id_second_sex_0", "Select the second adopter's sex"),
        ("#id_second_disabled_0", "Select yes if the second adopter has a disability"),
    ]
    assert not AdopterHousehold.objects.exists()


def test_a_refusal_of_the_service_is_shown_against_its_field(signed_in, adoption_worker, rivers):
    client = signed_in(adoption_worker)
    taken = client.post(reverse("web:record-adopter-enquiry"), enquiry(family_id="F100"))
    assert error_summary(taken) == [("#id_family_id", "A household F100 is already recorded")]
    twice = client.post(reverse("web:record-adopter-enquiry"), enquiry(second_adopter_id="P201"))
    [(field, message)] = error_summary(twice)
    assert (field, message) == ("#id_second_adopter_id", "P201 is given twice: each adopter has "
                                "an identifier of their own")  # fmt: skip
    assert AdopterHousehold.objects.count() == 1


@pytest.fixture
def enquired(db) -> AdopterHousehold:
    return services.record_adopter_enquiry(family_id="F300", enquiry_on=date(2024, 5, 7), adopters=[
        services.AdopterDetails("P301", "Lee", "Park", "2", "AOTH")
    ])  # fmt: skip


def test_the_steps_form_opens_with_what_is_held(signed_in, adoption_worker, rivers):
    html = signed_in(adoption_worker).get(reverse("web:adopter-steps", args=[rivers.pk]))
    page = html.content.decode()
    assert f'name="version" value="{rivers.version}"' in page
    assert 'name="approved_on_day" type="text" inputmode="numeric" value="5"' in page
    assert "Enquiry received 15 January 2024" in text(html)


def test_steps_recorded_to_approval_are_kept_and_shown(signed_in, adoption_worker, enquired):
    url = reverse("web:adopter-steps", args=[enquired.pk])
    answers = steps_as_held(
        enquired, stage1_started_on=date(2024, 6, 3), stage1_ended_on=date(2024, 8, 1),
        stage2_started_on=date(2024, 8, 2), applied_on=date(2024, 8, 2),
        stage2_ended_on=date(2025, 1, 10), approved_on=date(2025, 2, 14),
    ) | {"fostering_for_adoption": "yes"}  # fmt: skip
    shown = text(signed_in(adoption_worker).post(url, answers, follow=True))
    assert "Steps recorded for household F300" in shown
    assert "Application approved on 14 February 2025" in shown
    assert "Approved for fostering for adoption Yes" in shown
    enquired.refresh_from_db()
    assert (enquired.approved_on, enquired.fostering_for_adoption) == (date(2025, 2, 14), True)


def test_a_step_before_the_one_it_follows_is_refused_against_it(
    signed_in, adoption_worker, enquired
):
    url = reverse("web:adopter-steps", args=[enquired.pk])
    answers = steps_as_held(enquired, stage1_started_on=date(2024, 5, 1))
    [(field, message)] = error_summary(signed_in(adoption_worker).post(url, answers))
    assert field == "#id_stage1_started_on_day"
    assert message == ("The stage 1 started (01/05/2024) is before the enquiry received "
                       "(07/05/2024)")  # fmt: skip
    enquired.refresh_from_db()
    assert enquired.stage1_started_on is None


def test_an_emptied_date_clears_its_step(signed_in, adoption_worker, rivers):
    url = reverse("web:adopter-steps", args=[rivers.pk])
    response = signed_in(adoption_worker).post(url, steps_as_held(rivers, stage2_ended_on=None))
    assert response.status_code == 302
    rivers.refresh_from_db()
    assert (rivers.stage2_ended_on, rivers.approved_on) == (None, date(2024, 9, 5))


def test_steps_changed_since_the_form_opened_are_not_saved_over(
    signed_in, adoption_worker, enquired
):
    opened = steps_as_held(enquired, stage1_started_on=date(2024, 6, 3))
    services.record_adopter_steps(enquired, stage1_started_on=date(2024, 6, 10))  # someone else
    url = reverse("web:adopter-steps", args=[enquired.pk])
    response = signed_in(adoption_worker).post(url, opened)
    assert error_summary(response) == [("", RECORD_CHANGED)]
    enquired.refresh_from_db()
    assert enquired.stage1_started_on == date(2024, 6, 10)
    # The form now carries the latest version, so trying again after checking works.
    assert f'name="version" value="{enquired.version}"' in response.content.decode()


def test_leaving_the_process_is_recorded_with_its_reason(signed_in, adoption_worker, enquired):
    url = reverse("web:adopters-left", args=[enquired.pk])
    left = {"version": "1", "reason": "1", **date_fields("left_on", date(2024, 9, 30))}
    shown = text(signed_in(adoption_worker).post(url, left, follow=True))
    assert "Leaving the process recorded for household F300" in shown
    assert "Left the process 30 September 2024: Adopter withdrew from process" in shown
    enquired.refresh_from_db()
    assert (enquired.left_on, enquired.left_reason) == (date(2024, 9, 30), "1")


def test_leaving_before_the_last_step_is_refused_against_the_date(
    signed_in, adoption_worker, rivers
):
    url = reverse("web:adopters-left", args=[rivers.pk])
    left = {"version": str(rivers.version), "reason": "2",
            **date_fields("left_on", date(2024, 9, 1))}  # fmt: skip
    [(field, message)] = error_summary(signed_in(adoption_worker).post(url, left))
    assert field == "#id_left_on_day" and "is before the household's last step" in message
    rivers.refresh_from_db()
    assert rivers.left_on is None
