from datetime import date

from django.urls import reverse

from oversight.casework import services
from oversight.web.tests.helpers import text


def test_the_record_shows_the_chronology_newest_first(signed_in, worker, aisha):
    page = text(signed_in(worker).get(reverse("web:child", args=[aisha.pk])))
    events = [
        "6 January 2025 Child in need visit",
        "2 December 2024 Child in need plan started",
        "28 November 2024 Assessment completed Child in need plan",
        "1 November 2024 Referral decision Assessment",
        "1 November 2024 Referral received",
    ]
    positions = [page.index(event) for event in events]
    assert positions == sorted(positions)


def test_the_record_shows_the_childs_views_from_the_visit(signed_in, worker, aisha):
    page = text(signed_in(worker).get(reverse("web:child", args=[aisha.pk])))
    assert "“I like my new school”" in page


def test_the_record_shows_codes_and_rules_as_words(signed_in, worker, aisha):
    page = text(signed_in(worker).get(reverse("web:child", args=[aisha.pk])))
    assert "Sex Female" in page
    assert "Ethnicity White British" in page
    assert "Disability No disability" in page
    assert "Team Safeguarding 1 Worker Sam Example" in page
    assert "Management oversight (child in need)" in page
    assert "cin-visit" not in page


def test_the_record_shows_what_is_open_now(signed_in, worker, aisha):
    page = text(signed_in(worker).get(reverse("web:child", args=[aisha.pk])))
    assert "Open referral (received 1 November 2024)" in page
    assert "Child in need plan" in page


def test_the_record_offers_the_decisions_that_are_waiting(signed_in, worker, ben, ben_referral):
    page = signed_in(worker).get(reverse("web:child", args=[ben.pk])).content.decode()
    assert reverse("web:decide-referral", args=[ben.pk, ben_referral.pk]) in page
    assert reverse("web:decide-contact", args=[ben.pk, ben.contacts.get().pk]) in page


def test_a_reader_sees_the_record_without_the_recording_buttons(signed_in, senior_leader, aisha):
    response = signed_in(senior_leader).get(reverse("web:child", args=[aisha.pk]))
    assert response.status_code == 200
    assert reverse("web:record-visit", args=[aisha.pk]) not in response.content.decode()


def test_the_record_shows_early_help_and_risk_flags(signed_in, worker, aisha):
    episode = services.start_early_help(aisha, started_on=date(2024, 6, 3), family_hub="North hub")
    services.complete_early_help_assessment(episode, completed_on=date(2024, 7, 1))
    services.end_early_help(episode, ended_on=date(2024, 9, 2), reason="needs_met")
    services.raise_risk_flag(aisha, kind="cce", raised_on=date(2024, 10, 1))
    page = text(signed_in(worker).get(reverse("web:child", args=[aisha.pk])))
    assert "1 October 2024 Risk flag raised Child criminal exploitation" in page
    assert "2 September 2024 Early help ended Needs met" in page
    assert "1 July 2024 Early help assessment completed" in page
    assert "3 June 2024 Early help started North hub" in page
