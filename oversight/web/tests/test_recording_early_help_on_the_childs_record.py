"""Early help recorded on the child's record: started, assessed, and ended, stepped up to
children's social care among the ends; one at a time, and never while an episode of
children's social care is open; refused against the field at fault.

Evie (E100, team 1) was referred on 1 October 2024, no further action the next day; today
is Wednesday 12 March 2025. Stepped up on Monday 10 March, the referral from early help is
due a decision in one working day: Tuesday 11 March. Evie's CIN episode is open.
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.casework import services
from oversight.casework.models import Child, EarlyHelpEpisode, Referral
from oversight.web.tests.conftest import register
from oversight.web.tests.helpers import date_fields, error_summary, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def evie(team, worker) -> Child:
    child = register("E100", "Evie", "Stone", date(2016, 4, 9))
    services.allocate(child, team, worker, date(2024, 10, 1))
    referral = services.record_referral(child, received_on=date(2024, 10, 1), source_code="1A")
    services.decide_referral(referral, decision="nfa", decided_on=date(2024, 10, 2))
    return child


def started(on: date, hub: str = "North hub", lead: str = "") -> dict[str, str]:
    return {**date_fields("started_on", on), "family_hub": hub, "lead_professional": lead}


def ended(on: date, reason: str) -> dict[str, str]:
    return {**date_fields("ended_on", on), "reason": reason}


def start(client, child, on: date = date(2025, 1, 6)) -> EarlyHelpEpisode:
    response = client.post(reverse("web:start-early-help", args=[child.pk]),
                           started(on, lead="Jo Example, school nurse"))  # fmt: skip
    assert response.status_code == 302
    return EarlyHelpEpisode.objects.get(child=child, ended_on__isnull=True)


def test_early_help_is_started_assessed_and_ended_from_the_record(signed_in, worker, evie):
    client = signed_in(worker)
    record = reverse("web:child", args=[evie.pk])
    assert "Record early help" in text(client.get(record))
    episode = start(client, evie)
    page = text(client.get(record))
    assert ("Early help since 6 January 2025, North hub (lead professional: Jo Example, "
            "school nurse); not yet assessed: record the assessment") in page  # fmt: skip
    assert "Record early help" not in page, "one early help at a time"
    assessed = reverse("web:early-help-assessment", args=[evie.pk, episode.pk])
    assert client.post(assessed, date_fields("completed_on", date(2025, 2, 3))).status_code == 302
    assert "assessed 3 February 2025: record that it ended" in text(client.get(record))
    end = reverse("web:end-early-help", args=[evie.pk, episode.pk])
    assert client.post(end, ended(date(2025, 3, 3), "needs_met")).status_code == 302
    page = text(client.get(record))
    assert "Early help since" not in page and "Record early help" in page
    assert "3 March 2025 Early help ended Needs met" in page
    assert "6 January 2025 Early help started North hub" in page


def test_stepped_up_a_referral_from_early_help_waits_for_a_decision(signed_in, worker, evie):
    client = signed_in(worker)
    episode = start(client, evie)
    end = reverse("web:end-early-help", args=[evie.pk, episode.pk])
    assert client.post(end, ended(date(2025, 3, 10), "stepped_up")).status_code == 302
    referral = Referral.objects.get(child=evie, received_on=date(2025, 3, 10))
    episode.refresh_from_db()
    assert (episode.end_reason, episode.stepped_up_to, referral.source) == (
        "stepped_up", referral, "5D",
    )  # fmt: skip
    page = text(client.get(reverse("web:child", args=[evie.pk])))
    assert "Referral received 10 March 2025, decision due 11 March 2025" in page


def test_another_early_help_while_one_runs_is_refused(signed_in, worker, evie):
    client = signed_in(worker)
    start(client, evie)
    response = client.post(reverse("web:start-early-help", args=[evie.pk]),
                           started(date(2025, 2, 3)))  # fmt: skip
    assert error_summary(response) == [(
        "#id_started_on_day",
        "The child has early help already, since 06/01/2025: end it before another starts",
    )]  # fmt: skip
    assert EarlyHelpEpisode.objects.filter(child=evie).count() == 1


def test_dates_before_the_early_help_began_are_refused_against_their_field(signed_in, worker, evie):
    client = signed_in(worker)
    episode = start(client, evie)
    referrals = Referral.objects.filter(child=evie).count()  # her own, of October 2024
    assessed = reverse("web:early-help-assessment", args=[evie.pk, episode.pk])
    response = client.post(assessed, date_fields("completed_on", date(2025, 1, 3)))
    assert [link for link, _ in error_summary(response)] == ["#id_completed_on_day"]
    end = reverse("web:end-early-help", args=[evie.pk, episode.pk])
    for reason in ("declined", "stepped_up"):
        response = client.post(end, ended(date(2025, 1, 3), reason))
        assert [link for link, _ in error_summary(response)] == ["#id_ended_on_day"]
    episode.refresh_from_db()
    assert episode.is_open and Referral.objects.filter(child=evie).count() == referrals


def test_a_reader_sees_the_early_help_without_the_links(signed_in, worker, senior_leader, evie):
    start(signed_in(worker), evie)
    page = text(signed_in(senior_leader).get(reverse("web:child", args=[evie.pk])))
    assert "Early help since 6 January 2025" in page and "record the assessment" not in page


def test_early_help_is_refused_while_an_episode_of_social_care_is_open(signed_in, worker, aisha):
    client = signed_in(worker)
    assert "Record early help" not in text(client.get(reverse("web:child", args=[aisha.pk])))
    response = client.post(reverse("web:start-early-help", args=[aisha.pk]),
                           started(date(2025, 1, 6)))  # fmt: skip
    ((link, message),) = error_summary(response)
    assert link == "#id_started_on_day" and "the referral of 01/11/2024" in message
    assert not EarlyHelpEpisode.objects.filter(child=aisha).exists()
