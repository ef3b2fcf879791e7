"""Every page and the API need the second step: a code from the user's authenticator app."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.accounts.second_factor import current_code
from oversight.accounts.testing import authenticator
from oversight.web.tests.conftest import PASSWORD
from oversight.web.tests.helpers import error_summary, text, title

TEN_O_CLOCK = datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Europe/London"))
SECOND_STEP = reverse("web:second-step")


def password_only(client, user):
    """Signed in with the password, the second step not yet passed."""
    user.set_password(PASSWORD)
    user.save()
    client.post(reverse("web:sign-in"), {"username": user.username, "password": PASSWORD})
    return client


def wrong_code(device: TOTPDevice) -> str:
    """A code the device will not take: off by one from now, with no tolerance for drift."""
    device.tolerance = 0
    device.save()
    return f"{(int(current_code(device)) + 1) % 1_000_000:06d}"


def test_a_page_sends_a_user_who_gave_only_the_password_to_the_second_step(client, worker):
    authenticator(worker)
    response = password_only(client, worker).get(reverse("web:children"))
    assert response.status_code == 302
    assert response["Location"] == f"{SECOND_STEP}?next=%2Fchildren%2F"


def test_the_second_step_asks_for_the_code_in_a_numeric_one_time_code_field(client, worker):
    authenticator(worker)
    response = password_only(client, worker).get(SECOND_STEP)
    html = response.content.decode()
    assert title(response) == "Enter your security code — Oversight"
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    assert 'href="/children/"' not in html  # no navigation before the second step


def test_the_api_refuses_a_session_without_the_second_step(client, worker):
    authenticator(worker)
    response = password_only(client, worker).get("/api/inspection/national?as_at=2024-03-31")
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_the_right_code_opens_the_page_asked_for(client, worker):
    device = authenticator(worker)
    password_only(client, worker)
    response = client.post(
        SECOND_STEP, {"code": current_code(device), "next": reverse("web:children")}
    )
    assert response["Location"] == reverse("web:children")
    assert client.get(reverse("web:children")).status_code == 200


def test_a_wrong_code_is_refused_in_the_error_summary(client, worker):
    device = authenticator(worker)
    response = password_only(client, worker).post(SECOND_STEP, {"code": wrong_code(device)})
    assert title(response) == "Error: Enter your security code — Oversight"
    assert error_summary(response) == [
        ("#id_code", "The security code is not right. Enter the code your app shows now")
    ]
    assert client.get(reverse("web:children")).status_code == 302


def test_a_code_that_is_not_six_digits_says_how_to_write_it(client, worker):
    authenticator(worker)
    response = password_only(client, worker).post(SECOND_STEP, {"code": "12ab"})
    assert error_summary(response) == [
        ("#id_code", "Enter the security code as 6 digits, like 123456")
    ]


def test_five_wrong_codes_lock_the_second_step_for_fifteen_minutes(client, worker):
    device = authenticator(worker)
    password_only(client, worker)
    wrong = wrong_code(device)
    for attempt in range(5):  # far enough apart for django-otp's short back-off
        with time_machine.travel(TEN_O_CLOCK + timedelta(seconds=20 * attempt), tick=False):
            client.post(SECOND_STEP, {"code": wrong})
    with time_machine.travel(TEN_O_CLOCK + timedelta(minutes=5), tick=False):
        response = client.post(SECOND_STEP, {"code": current_code(device)})
    assert "wrong password or security code too many times. Wait 15 minutes" in text(response)
    with time_machine.travel(TEN_O_CLOCK + timedelta(minutes=17), tick=False):
        response = client.post(SECOND_STEP, {"code": current_code(device)})
        assert response["Location"] == reverse("web:my-work")


def test_a_user_with_no_authenticator_is_sent_to_set_one_up(client, worker):
    response = password_only(client, worker).get(SECOND_STEP)
    assert response["Location"].startswith(reverse("web:set-up-authenticator"))


def test_setting_up_shows_the_key_as_a_qr_code_and_as_text(client, worker):
    response = password_only(client, worker).get(reverse("web:set-up-authenticator"))
    device = TOTPDevice.objects.get(user=worker)
    html = response.content.decode()
    assert not device.confirmed
    assert '<svg role="img" aria-label="QR code of your new key"' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]
    key = text(response).split("Key: ", 1)[1].split(" Security code")[0].replace(" ", "")
    assert device.config_url.split("secret=")[1].startswith(key)


def test_setting_up_confirms_the_device_with_a_code_from_it(client, worker):
    password_only(client, worker).get(reverse("web:set-up-authenticator"))
    device = TOTPDevice.objects.get(user=worker)
    response = client.post(reverse("web:set-up-authenticator"), {"code": current_code(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert response["Location"] == reverse("web:my-work")
    assert "Your authenticator app is set up" in text(client.get(reverse("web:my-work")))


def test_setting_up_refuses_a_wrong_code_and_confirms_nothing(client, worker):
    password_only(client, worker).get(reverse("web:set-up-authenticator"))
    device = TOTPDevice.objects.get(user=worker)
    response = client.post(reverse("web:set-up-authenticator"), {"code": wrong_code(device)})
    device.refresh_from_db()
    assert not device.confirmed
    assert error_summary(response)[0][0] == "#id_code"
