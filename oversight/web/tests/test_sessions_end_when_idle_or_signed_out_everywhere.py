"""A sign-in ends after 30 idle minutes, 8 hours after it began, or when signed out everywhere."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.test import Client
from django.urls import reverse

from oversight.accounts.testing import sign_in
from oversight.web.tests.conftest import PASSWORD
from oversight.web.tests.helpers import text

TEN_O_CLOCK = datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Europe/London"))
MY_WORK = reverse("web:my-work")


def at(minutes: float):
    return time_machine.travel(TEN_O_CLOCK + timedelta(minutes=minutes), tick=False)


def test_thirty_idle_minutes_sign_the_user_out(signed_in, worker):
    client = signed_in(worker)
    with at(31):
        response = client.get(MY_WORK)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:sign-in"))


def test_the_middleware_says_why_when_the_cookie_outlives_the_idle_limit(
    signed_in, worker, settings
):
    settings.SESSION_COOKIE_AGE = 60 * 60  # the session itself would still be there
    client = signed_in(worker)
    with at(31):
        response = client.get(MY_WORK, follow=True)
    assert "You were signed out after 30 minutes without activity" in text(response)


def test_activity_keeps_the_user_signed_in(signed_in, worker):
    client = signed_in(worker)
    for minutes in (20, 40, 60):
        with at(minutes):
            assert client.get(MY_WORK).status_code == 200


def test_eight_hours_after_signing_in_the_user_is_signed_out_however_active(signed_in, worker):
    client = signed_in(worker)
    for minutes in range(25, 8 * 60, 25):
        with at(minutes):
            assert client.get(MY_WORK).status_code == 200
    with at(8 * 60 + 1):
        response = client.get(MY_WORK, follow=True)
    assert "signed in for 8 hours" in text(response)


def test_signing_out_everywhere_ends_another_session_of_the_same_user(signed_in, worker):
    laptop = signed_in(worker)
    phone = sign_in(Client(), worker)
    assert phone.get(MY_WORK).status_code == 200
    response = laptop.post(reverse("web:sign-out-everywhere"), follow=True)
    assert "You have signed out on every device" in text(response)
    assert phone.get(MY_WORK).status_code == 302
    assert laptop.get(MY_WORK).status_code == 302


def test_signing_out_everywhere_leaves_other_users_signed_in(signed_in, worker, manager):
    other = sign_in(Client(), manager)
    signed_in(worker).post(reverse("web:sign-out-everywhere"))
    assert other.get(MY_WORK).status_code == 200


def test_your_account_lists_your_last_sign_ins(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    client.post(reverse("web:sign-in"), {"username": "sam", "password": PASSWORD})
    signed = sign_in(client, worker)
    page = text(signed.get(reverse("web:account")))
    assert "Your last sign-ins" in page
    assert "12 March 2025 10:00" in page
    assert "127.0.0.1" in page
