"""An administrator resets the authenticator of a user who lost their phone: the user is
signed out everywhere, sets up a new one at the next sign-in, and the reset is logged."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.accounts.models import AccessEvent
from oversight.accounts.testing import authenticator, sign_in
from oversight.web.tests.conftest import PASSWORD
from oversight.web.tests.helpers import error_summary, text

REASON = "Phone lost, asked in person at the front desk"


def reset_page(user) -> str:
    return reverse("web:reset-authenticator", args=[user.pk])


def test_the_users_page_shows_each_authenticator_and_offers_a_reset(
    signed_in, administrator, worker, manager
):
    authenticator(worker)
    page = text(signed_in(administrator).get(reverse("web:users")))
    assert "Sam Example sam Practitioner Safeguarding 1 Set up" in page
    assert "Morgan Example morgan Team manager Safeguarding 1 Sets one up at next sign-in" in page
    assert "Reset authenticator of Sam Example" in page
    assert "Reset authenticator of Morgan Example" not in page  # nothing to reset
    assert "Reset authenticator of Alex Example" not in page  # not their own
    assert 'href="/users/"' in signed_in(administrator).get(reverse("web:my-work")).content.decode()


def test_a_reset_removes_the_authenticator_ends_every_session_and_is_logged(
    signed_in, administrator, worker
):
    elsewhere = sign_in(Client(), worker)
    assert elsewhere.get(reverse("web:children")).status_code == 200
    response = signed_in(administrator).post(
        reset_page(worker), {"reason": REASON}, REMOTE_ADDR="10.1.2.3"
    )
    assert response["Location"] == reverse("web:users")
    assert not TOTPDevice.objects.filter(user=worker).exists()
    assert elsewhere.get(reverse("web:children"))["Location"].startswith(reverse("web:sign-in"))
    event = AccessEvent.objects.get(action="reset-authenticator")
    assert (event.user, event.reason, event.address) == (administrator, REASON, "10.1.2.3")
    assert event.detail == f"authenticator of sam (user {worker.pk}) reset: 1 removed"


def test_the_user_sets_up_a_new_authenticator_when_they_next_sign_in(
    signed_in, administrator, worker
):
    worker.set_password(PASSWORD)
    worker.save()
    authenticator(worker)
    signed_in(administrator).post(reset_page(worker), {"reason": REASON})
    client = Client()
    client.post(reverse("web:sign-in"), {"username": "sam", "password": PASSWORD})
    response = client.get(reverse("web:second-step"))
    assert response["Location"].startswith(reverse("web:set-up-authenticator"))


def test_a_reset_needs_a_reason_and_changes_nothing_without_one(signed_in, administrator, worker):
    authenticator(worker)
    response = signed_in(administrator).post(reset_page(worker), {"reason": "lost"})
    assert error_summary(response) == [("#id_reason", "Enter a reason of at least 10 characters")]
    assert TOTPDevice.objects.filter(user=worker).exists()
    assert not AccessEvent.objects.filter(action="reset-authenticator").exists()


def test_an_administrator_cannot_reset_their_own_authenticator(signed_in, administrator):
    client = signed_in(administrator)
    response = client.post(reset_page(administrator), {"reason": REASON})
    assert error_summary(response) == [
        ("#id_reason", "You cannot reset your own authenticator: ask another administrator")
    ]
    assert TOTPDevice.objects.filter(user=administrator).exists()


@pytest.mark.parametrize(
    "who", ["worker", "manager", "service_manager", "senior_leader", "inspector"]
)
def test_no_one_but_an_administrator_may_open_the_pages_or_reset(request, signed_in, who, worker):
    authenticator(worker)
    client = signed_in(request.getfixturevalue(who))
    assert client.get(reverse("web:users")).status_code == 403
    assert client.get(reset_page(worker)).status_code == 403
    assert client.post(reset_page(worker), {"reason": REASON}).status_code == 403
    assert TOTPDevice.objects.filter(user=worker).exists()
    assert 'href="/users/"' not in client.get(reverse("web:account")).content.decode()


def test_a_user_that_does_not_exist_is_not_found(signed_in, administrator):
    response = signed_in(administrator).get(reverse("web:reset-authenticator", args=[999]))
    assert response.status_code == 404
