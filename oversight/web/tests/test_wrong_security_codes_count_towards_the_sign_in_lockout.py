"""Wrong security codes count with wrong passwords: five of either, in any mix, for a
username at an address lock both sign-in steps for 15 minutes (django-axes' records).

Codes are sent 20 seconds apart, beyond django-otp's short back-off; fewer than five
wrong codes never lock the device itself, so any lock here is the sign-in lockout.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from axes.models import AccessAttempt
from django.urls import reverse

from oversight.accounts.second_factor import current_code
from oversight.accounts.testing import authenticator
from oversight.web.tests.conftest import PASSWORD
from oversight.web.tests.helpers import error_summary
from oversight.web.tests.test_signing_in_needs_a_security_code import wrong_code

TEN_O_CLOCK = datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Europe/London"))
SECOND_STEP = reverse("web:second-step")
LOCKED = (
    "You entered a wrong password or security code too many times. Wait 15 minutes, then try again."
)


def password(client, words: str):
    return client.post(reverse("web:sign-in"), {"username": "sam", "password": words})


def codes(client, code: str, times: int, start: int = 0) -> None:
    for attempt in range(start, start + times):
        with time_machine.travel(TEN_O_CLOCK + timedelta(seconds=20 * attempt), tick=False):
            client.post(SECOND_STEP, {"code": code})


def failures() -> int:
    return sum(AccessAttempt.objects.filter(username="sam").values_list("failures_since_start",
                                                                       flat=True))  # fmt: skip


def test_a_wrong_code_is_recorded_as_a_failed_sign_in(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    device = authenticator(worker)
    password(client, PASSWORD)
    codes(client, wrong_code(device), 1)
    assert failures() == 1


def test_three_wrong_passwords_and_two_wrong_codes_lock_both_steps(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    device = authenticator(worker)
    for _ in range(3):
        password(client, "not my password")
    password(client, PASSWORD)
    codes(client, wrong_code(device), 2)
    with time_machine.travel(TEN_O_CLOCK + timedelta(minutes=2), tick=False):
        refused = client.post(SECOND_STEP, {"code": current_code(device)})
        assert refused.status_code == 403
        assert error_summary(refused) == [("#id_code", LOCKED)]
        assert client.get(reverse("web:children")).status_code == 302  # still not signed in
        client.post(reverse("web:sign-out"))
        assert error_summary(password(client, PASSWORD)) == [("#id_username", LOCKED)]


def test_the_right_password_alone_does_not_clear_the_count_of_wrong_codes(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    device = authenticator(worker)
    password(client, PASSWORD)
    codes(client, wrong_code(device), 4)
    client.post(reverse("web:sign-out"))
    with time_machine.travel(TEN_O_CLOCK + timedelta(minutes=2), tick=False):
        password(client, PASSWORD)
        assert failures() == 4
        client.post(reverse("web:sign-out"))
        assert error_summary(password(client, "not my password")) == [("#id_username", LOCKED)]


def test_passing_both_steps_clears_the_count(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    device = authenticator(worker)
    for _ in range(2):
        password(client, "not my password")
    password(client, PASSWORD)
    codes(client, wrong_code(device), 2)
    with time_machine.travel(TEN_O_CLOCK + timedelta(minutes=2), tick=False):
        response = client.post(SECOND_STEP, {"code": current_code(device)})
        assert response["Location"] == reverse("web:my-work")
        assert failures() == 0


def test_the_lock_ends_after_fifteen_minutes(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    device = authenticator(worker)
    for _ in range(4):
        password(client, "not my password")
    password(client, PASSWORD)
    codes(client, wrong_code(device), 1)
    with time_machine.travel(TEN_O_CLOCK + timedelta(minutes=16), tick=False):
        response = client.post(SECOND_STEP, {"code": current_code(device)})
        assert response["Location"] == reverse("web:my-work")


def test_a_wrong_code_when_setting_up_an_authenticator_counts_too(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    for _ in range(4):
        password(client, "not my password")
    password(client, PASSWORD)
    client.get(reverse("web:set-up-authenticator"))
    device = worker.totpdevice_set.get()
    response = client.post(reverse("web:set-up-authenticator"), {"code": wrong_code(device)})
    assert response.status_code == 403
    assert error_summary(response) == [("#id_code", LOCKED)]
