"""An administrator gives someone who has forgotten their password a new one-time password:
it is shown once, the user is signed out everywhere and must choose their own at their
next sign-in, and it is logged with the reason. Nobody else opens the page, and no
administrator gives one to themselves."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from oversight.accounts.models import AccessEvent
from oversight.accounts.second_factor import current_code
from oversight.accounts.testing import authenticator, sign_in
from oversight.web.tests.conftest import PASSWORD
from oversight.web.tests.helpers import error_summary, text

REASON = "Forgot their password, asked in person at the front desk"
ONE_TIME = r"One-time password ([2-9a-z]{4}(?:-[2-9a-z]{4}){3})"


def new_password_page(user) -> str:
    return reverse("web:new-password", args=[user.pk])


def test_the_users_page_offers_a_new_password_for_everyone_but_yourself(
    signed_in, administrator, worker
):
    page = text(signed_in(administrator).get(reverse("web:users")))
    assert "New one-time password for Sam Example" in page
    assert "New one-time password for Alex Example" not in page


def test_the_password_is_shown_once_and_every_session_of_theirs_ends(
    signed_in, administrator, worker
):
    phone = sign_in(Client(), worker)
    response = signed_in(administrator).post(
        new_password_page(worker), {"reason": REASON}, REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    page = text(response)
    assert "New one-time password for Sam Example They are signed out on every device" in page
    password = re.search(ONE_TIME, page).group(1)
    worker.refresh_from_db()
    assert worker.check_password(password) and worker.must_change_password
    assert phone.get(reverse("web:children"))["Location"].startswith(reverse("web:sign-in"))
    event = AccessEvent.objects.get(action="new-one-time-password")
    assert (event.user, event.reason, event.address) == (administrator, REASON, "10.1.2.3")
    assert event.detail == f"new one-time password for sam (user {worker.pk}): 1 sessions ended"
    assert password not in text(signed_in(administrator).get(reverse("web:users")))


def test_at_their_next_sign_in_they_choose_their_own_password(signed_in, administrator, worker):
    device = authenticator(worker)
    response = signed_in(administrator).post(new_password_page(worker), {"reason": REASON})
    password = re.search(ONE_TIME, text(response)).group(1)
    client = Client()
    client.post(reverse("web:sign-in"), {"username": "sam", "password": password})
    client.post(reverse("web:second-step"), {"code": current_code(device), "next": "/children/"})
    assert client.get("/children/")["Location"] == (
        f"{reverse('web:choose-password')}?next=%2Fchildren%2F"
    )


def test_a_new_password_needs_a_reason_and_changes_nothing_without_one(
    signed_in, administrator, worker
):
    worker.set_password(PASSWORD)
    worker.save()
    response = signed_in(administrator).post(new_password_page(worker), {"reason": "forgot"})
    assert error_summary(response) == [("#id_reason", "Enter a reason of at least 10 characters")]
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD) and not worker.must_change_password
    assert not AccessEvent.objects.filter(action="new-one-time-password").exists()


def test_an_administrator_cannot_give_themselves_a_new_password(signed_in, administrator):
    response = signed_in(administrator).post(new_password_page(administrator), {"reason": REASON})
    assert error_summary(response) == [
        (
            "#id_reason",
            "You cannot give yourself a one-time password: change your password instead",
        )
    ]
    administrator.refresh_from_db()
    assert not administrator.must_change_password


@pytest.mark.parametrize(
    "who", ["worker", "manager", "service_manager", "senior_leader", "analyst", "inspector"]
)
def test_no_one_but_an_administrator_may_open_the_page_or_give_one(
    request, signed_in, who, other_worker
):
    other_worker.set_password(PASSWORD)
    other_worker.save()
    client = signed_in(request.getfixturevalue(who))
    assert client.get(new_password_page(other_worker)).status_code == 403
    assert client.post(new_password_page(other_worker), {"reason": REASON}).status_code == 403
    other_worker.refresh_from_db()
    assert other_worker.check_password(PASSWORD) and not other_worker.must_change_password


def test_an_ended_or_missing_account_is_not_found(signed_in, administrator, worker):
    worker.is_active = False
    worker.save()
    client = signed_in(administrator)
    assert client.get(new_password_page(worker)).status_code == 404
    assert client.get(reverse("web:new-password", args=[999])).status_code == 404
