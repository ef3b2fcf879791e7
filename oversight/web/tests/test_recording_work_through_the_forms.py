from datetime import date

from django.urls import reverse

from oversight.casework.access import visible_children
from oversight.casework.models import Contact, OversightEntry
from oversight.web.tests.helpers import date_fields, error_summary, text, visit_form


def test_a_contact_about_a_new_child_registers_the_child_in_the_recorders_team(signed_in, worker):
    form = {
        "first_name": "Dev",
        "last_name": "Patel",
        "sex": "1",
        "ethnicity": "ABAN",
        "source": "1A",
        "summary": "Teacher worried about bruising",
        **date_fields("date_of_birth", date(2018, 5, 4)),
        **date_fields("received_on", date(2025, 3, 12)),
    }
    response = signed_in(worker).post(reverse("web:new-child-contact"), form, follow=True)
    assert "Contact recorded for Dev Patel" in text(response)
    child = visible_children(worker).get(first_name="Dev")
    assert child.allocations.get().team == worker.team
    assert child.contacts.get().summary == "Teacher worried about bruising"


def test_a_new_child_needs_a_name_a_real_birth_date_and_a_sex(signed_in, worker):
    form = {
        "ethnicity": "WBRI",
        "source": "1A",
        **date_fields("date_of_birth", "30", "2", "2018"),
        **date_fields("received_on", date(2025, 3, 12)),
    }
    response = signed_in(worker).post(reverse("web:new-child-contact"), form)
    assert error_summary(response) == [
        ("#id_first_name", "Enter the child's first name"),
        ("#id_last_name", "Enter the child's last name"),
        ("#id_date_of_birth_day", "Date of birth must be a real date"),
        ("#id_sex_0", "Select the child's sex"),
    ]


def test_a_contact_decided_as_a_referral_opens_a_referral(signed_in, manager, ben):
    contact = ben.contacts.get()
    form = {
        "outcome": "referral",
        "primary_need": "N1",
        **date_fields("decided_on", date(2025, 3, 12)),
    }
    url = reverse("web:decide-contact", args=[ben.pk, contact.pk])
    response = signed_in(manager).post(url, form, follow=True)
    assert "Contact decision recorded for Ben Jones" in text(response)
    assert Contact.objects.get(pk=contact.pk).outcome == "referral"
    assert ben.referrals.filter(contact=contact, primary_need="N1").exists()


def test_a_team_manager_records_management_oversight(signed_in, manager, aisha):
    form = {
        "kind": "supervision",
        "note": "Visits are late. Visit this week.",
        **date_fields("recorded_on", date(2025, 3, 12)),
    }
    response = signed_in(manager).post(
        reverse("web:record-oversight", args=[aisha.pk]), form, follow=True
    )
    assert "Management oversight recorded for Aisha Khan" in text(response)
    entry = OversightEntry.objects.get(child=aisha)
    assert (entry.manager, entry.note) == (manager, "Visits are late. Visit this week.")
    # The overdue oversight is met; the next is due 30 working days later.
    assert "Management oversight (child in need) 25 April 2025 On time" in text(response)


def test_a_practitioner_may_not_record_management_oversight(signed_in, worker, aisha):
    client = signed_in(worker)
    assert client.get(reverse("web:record-oversight", args=[aisha.pk])).status_code == 403
    assert client.post(reverse("web:record-oversight", args=[aisha.pk]), {}).status_code == 403


def test_roles_that_do_not_record_work_get_forbidden_on_every_form(
    signed_in, senior_leader, aisha, ben
):
    client = signed_in(senior_leader)
    urls = [
        reverse("web:record-visit", args=[aisha.pk]),
        reverse("web:record-contact", args=[aisha.pk]),
        reverse("web:new-child-contact"),
        reverse("web:decide-referral", args=[ben.pk, ben.referrals.get().pk]),
        reverse("web:decide-contact", args=[ben.pk, ben.contacts.get().pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, visit_form(date(2025, 3, 11))).status_code == 403, url
    assert aisha.visits.count() == 1


def test_the_visit_is_recorded_with_the_person_who_made_it(signed_in, manager, aisha):
    signed_in(manager).post(
        reverse("web:record-visit", args=[aisha.pk]), visit_form(date(2025, 3, 12))
    )
    visit = aisha.visits.latest("visited_on")
    assert (visit.worker, visit.seen_alone, visit.views) == (
        manager,
        True,
        "I want to stay at my school",
    )
    assert visit.plan == aisha.plans.get()


def test_views_typed_then_answered_no_are_not_kept(signed_in, worker, aisha):
    form = visit_form(date(2025, 3, 12), views_recorded="no", views="typed by mistake")
    signed_in(worker).post(reverse("web:record-visit", args=[aisha.pk]), form)
    visit = aisha.visits.latest("visited_on")
    assert (visit.views_recorded, visit.views) == (False, "")


def test_a_contact_cannot_be_decided_twice(signed_in, manager, ben):
    contact = ben.contacts.get()
    form = {"outcome": "referral", **date_fields("decided_on", date(2025, 3, 12))}
    url = reverse("web:decide-contact", args=[ben.pk, contact.pk])
    client = signed_in(manager)
    client.post(url, form)
    response = client.post(url, {**form, "outcome": "nfa"})
    assert error_summary(response) == [("#id_outcome_0", "This contact already has a decision")]
    assert Contact.objects.get(pk=contact.pk).outcome == "referral"
