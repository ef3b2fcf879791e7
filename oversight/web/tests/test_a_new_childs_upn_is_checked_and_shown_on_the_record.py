"""The unique pupil number: given (optionally) with a new child, checked, and shown.

R870200120017 carries its check letter (worked out in ``codes.tests``); A870200120017
does not.
"""

from datetime import date

from django.urls import reverse

from oversight.casework.access import visible_children
from oversight.casework.services.child_details import record_child_details
from oversight.web.tests.helpers import date_fields, error_summary, text


def new_child(**fields: str) -> dict:
    return {
        "first_name": "Dev", "last_name": "Patel", "sex": "1", "ethnicity": "ABAN",
        "source": "1A", **date_fields("date_of_birth", date(2018, 5, 4)),
        **date_fields("received_on", date(2025, 3, 12)), **fields,
    }  # fmt: skip


def test_a_new_child_is_registered_with_the_upn_given(signed_in, worker):
    url = reverse("web:new-child-contact")
    response = signed_in(worker).post(url, new_child(upn=" r870200120017 "), follow=True)
    assert "Contact recorded for Dev Patel" in text(response)
    assert visible_children(worker).get(first_name="Dev").upn == "R870200120017"


def test_a_upn_with_the_wrong_check_letter_is_refused_saying_what_to_do(signed_in, worker):
    url = reverse("web:new-child-contact")
    response = signed_in(worker).post(url, new_child(upn="A870200120017"))
    assert error_summary(response) == [
        ("#id_upn", "The first letter of this UPN should be R: check it was typed right, "
                    "or leave the UPN empty"),
    ]  # fmt: skip
    assert not visible_children(worker).filter(first_name="Dev").exists()


def test_a_new_child_needs_no_upn(signed_in, worker):
    signed_in(worker).post(reverse("web:new-child-contact"), new_child(upn=""))
    assert visible_children(worker).get(first_name="Dev").upn == ""


def test_the_record_shows_the_upn_or_says_it_is_not_recorded(signed_in, worker, aisha):
    page = text(signed_in(worker).get(reverse("web:child", args=[aisha.pk])))
    assert "Unique pupil number (UPN) Not recorded" in page
    record_child_details(aisha, upn="R870200120017", is_mother=False)
    page = text(signed_in(worker).get(reverse("web:child", args=[aisha.pk])))
    assert "Unique pupil number (UPN) R870200120017" in page
    assert "Is a mother No" in page
