"""django-axes locks a username at an address out after 5 wrong passwords, for 15 minutes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from oversight.web.tests.conftest import PASSWORD
from oversight.web.tests.helpers import error_summary

LOCKED = (
    "You entered a wrong password or security code too many times. Wait 15 minutes, then try again."
)


def sign_in(client, password: str):
    return client.post(reverse("web:sign-in"), {"username": "sam", "password": password})


def test_four_wrong_passwords_still_let_the_right_one_in(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    for _ in range(4):
        sign_in(client, "not my password")
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_fifth_wrong_password_locks_the_account_and_says_for_how_long(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    for _ in range(4):
        sign_in(client, "not my password")
    response = sign_in(client, "not my password")
    assert response.status_code == 403
    assert error_summary(response) == [("#id_username", LOCKED)]
    refused = sign_in(client, PASSWORD)
    assert error_summary(refused) == [("#id_username", LOCKED)]


def test_the_lock_ends_after_fifteen_minutes(client, worker):
    worker.set_password(PASSWORD)
    worker.save()
    for _ in range(5):
        sign_in(client, "not my password")
    later = datetime(2025, 3, 12, 10, 16, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(later, tick=False):
        assert sign_in(client, PASSWORD).status_code == 302


def test_another_username_from_the_same_address_is_not_locked(client, worker, manager):
    manager.set_password(PASSWORD)
    manager.save()
    for _ in range(5):
        sign_in(client, "not my password")
    response = client.post(reverse("web:sign-in"), {"username": "morgan", "password": PASSWORD})
    assert response.status_code == 302
