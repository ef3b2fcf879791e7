"""A worker corrects what is held about a child beyond registration (the UPN, the date of
death, and for a girl whether she is a mother) on a form reached from the record: it opens
with what is held, an item left empty is cleared, what the service refuses is refused
against its question, and a record changed meanwhile by someone else is not overwritten."""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import Child
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db

UPN = "R870200120017"  # its check letter worked out in codes/upn.py's tests


def page(child: Child) -> str:
    return reverse("web:child-details", args=[child.pk])


def answers(child: Child, **given: str) -> dict[str, str]:
    return {"version": str(Child.objects.get(pk=child.pk).version), "upn": "", **given}


def test_the_record_links_to_the_form_which_opens_with_what_is_held(signed_in, worker, aisha):
    services.record_child_details(aisha, upn=UPN)
    client = signed_in(worker)
    record = client.get(reverse("web:child", args=[aisha.pk])).content.decode()
    assert f'href="{page(aisha)}"' in record
    assert "or whether she is a mother" in text(client.get(reverse("web:child", args=[aisha.pk])))
    form = client.get(page(aisha)).content.decode()
    assert f'value="{UPN}"' in form and 'name="is_mother"' in form


def test_the_details_are_saved_and_shown_on_the_record(signed_in, worker, aisha):
    given = answers(aisha, upn=UPN.lower(), is_mother="yes",
                    **date_fields("first_child_born_on", date(2024, 12, 1)))  # fmt: skip
    client = signed_in(worker)
    assert client.post(page(aisha), given).status_code == 302
    aisha.refresh_from_db()
    assert (aisha.upn, aisha.is_mother, aisha.first_child_born_on, aisha.died_on) == (
        UPN, True, date(2024, 12, 1), None,
    )  # fmt: skip
    record = text(client.get(reverse("web:child", args=[aisha.pk])))
    assert UPN in record and "Yes (her first child was born 1 December 2024)" in record


def test_an_item_left_empty_is_cleared(signed_in, worker, aisha):
    services.record_child_details(aisha, upn=UPN, is_mother=False)
    assert signed_in(worker).post(page(aisha), answers(aisha)).status_code == 302
    aisha.refresh_from_db()
    assert (aisha.upn, aisha.is_mother) == ("", None)


def test_a_upn_with_the_wrong_check_letter_is_refused_and_nothing_saved(signed_in, worker, aisha):
    response = signed_in(worker).post(page(aisha), answers(aisha, upn="A870200120017"))
    [(field, message)] = error_summary(response)
    assert field == "#id_upn" and "should be R" in message
    assert Child.objects.get(pk=aisha.pk).upn == ""


def test_a_first_child_without_being_a_mother_is_refused_against_its_date(signed_in, worker, aisha):
    given = answers(aisha, is_mother="no", **date_fields("first_child_born_on", date(2024, 12, 1)))
    [(field, message)] = error_summary(signed_in(worker).post(page(aisha), given))
    assert field.startswith("#id_first_child_born_on") and "mother" in message
    assert Child.objects.get(pk=aisha.pk).first_child_born_on is None


def test_a_boy_is_not_asked_whether_he_is_a_mother(signed_in, worker, ben):
    client = signed_in(worker)
    assert 'name="is_mother"' not in client.get(page(ben)).content.decode()
    given = answers(ben, is_mother="yes", **date_fields("died_on", date(2025, 3, 1)))
    assert client.post(page(ben), given).status_code == 302
    ben.refresh_from_db()
    assert (ben.is_mother, ben.died_on) == (None, date(2025, 3, 1))


def test_a_record_changed_since_the_form_was_opened_is_not_overwritten(signed_in, worker, aisha):
    opened = answers(aisha, upn=UPN)
    services.record_child_details(aisha, upn="W201000000017")  # someone else, meanwhile
    response = signed_in(worker).post(page(aisha), opened)
    assert response.status_code == 200 and "changed since you opened it" in text(response)
    assert Child.objects.get(pk=aisha.pk).upn == "W201000000017"


def test_others_may_not_change_them(signed_in, senior_leader, other_worker, aisha):
    assert signed_in(senior_leader).post(page(aisha), answers(aisha, upn=UPN)).status_code == 403
    assert signed_in(other_worker).post(page(aisha), answers(aisha, upn=UPN)).status_code == 404
    assert Child.objects.get(pk=aisha.pk).upn == ""


FORMER = "W201000000017"  # the CIN census builders' UPN, its check letter worked out there


def test_a_former_upn_is_saved_shown_and_refused_when_it_is_the_upn_now(signed_in, worker, aisha):
    client = signed_in(worker)
    same = client.post(page(aisha), answers(aisha, upn=UPN, former_upn=UPN))
    [(field, message)] = error_summary(same)
    assert field == "#id_former_upn" and "the child's UPN now" in message
    assert Child.objects.get(pk=aisha.pk).upn == ""
    assert (
        client.post(page(aisha), answers(aisha, upn=UPN, former_upn=FORMER.lower())).status_code
        == 302
    )
    aisha.refresh_from_db()
    assert (aisha.upn, aisha.former_upn) == (UPN, FORMER)
    assert "Former UPN" in text(client.get(reverse("web:child", args=[aisha.pk])))
    wrong = client.post(page(aisha), answers(aisha, upn=UPN, former_upn="A201000000017"))
    [(field, message)] = error_summary(wrong)
    assert field == "#id_former_upn" and message.endswith("or leave the former UPN empty")
