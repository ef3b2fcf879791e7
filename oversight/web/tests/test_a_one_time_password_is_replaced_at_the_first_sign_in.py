"""A user added with a one-time password signs in with it, sets up an authenticator, and
must then choose their own password before any other page opens. A weak password is
refused with the validators' reasons; once chosen, the one-time password no longer signs
in, their other sessions have ended, and the change is in the access log."""

import re

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.accounts.manage import NewAccount, add_user
from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role
from oversight.accounts.second_factor import current_code
from oversight.accounts.testing import sign_in
from oversight.web.tests.helpers import error_summary, text, title

CHOOSE = reverse("web:choose-password")
CHILDREN = reverse("web:children")
OWN = "a kettle of blue herons at dusk"


def added_jo(team, by: User):
    return add_user(NewAccount("jo", Role.PRACTITIONER, "Jo", "Example", team=team), by)


def first_sign_in(client: Client, password: str, wanted: str = CHILDREN):
    """The password, then the new authenticator set up: where the last answer sends them."""
    client.post(reverse("web:sign-in"), {"username": "jo", "password": password})
    setting_up = f"{reverse('web:set-up-authenticator')}?next={wanted}"
    client.get(setting_up)
    device = TOTPDevice.objects.get(user__username="jo", confirmed=False)
    return client.post(setting_up, {"code": current_code(device), "next": wanted})


def elsewhere(user: User) -> Client:
    """Another device, signed in as ``user`` (both steps) before they chose a password."""
    other = sign_in(Client(), user)
    TOTPDevice.objects.filter(user=user).delete()  # so the first sign-in still sets one up
    return other


def choose(client: Client, new: str, again: str | None = None, wanted: str = CHILDREN):
    answers = {"new_password1": new, "new_password2": new if again is None else again}
    return client.post(f"{CHOOSE}?next={wanted}", answers)


def test_a_user_added_by_an_administrator_must_choose_a_password(administrator, team):
    assert added_jo(team, administrator).user.must_change_password
    assert not administrator.must_change_password


def test_after_the_second_step_every_page_sends_them_to_choose_their_password(
    client, administrator, team
):
    added = added_jo(team, administrator)
    response = first_sign_in(client, added.password)
    assert response["Location"] == CHILDREN
    assert client.get(CHILDREN)["Location"] == f"{CHOOSE}?next=%2Fchildren%2F"
    for page in ("web:my-work", "web:account", "web:change-password"):
        assert client.get(reverse(page))["Location"].startswith(CHOOSE)
    assert client.post(reverse("web:sign-out-everywhere"))["Location"].startswith(CHOOSE)
    assert client.get("/api/inspection/national?as_at=2024-03-31").status_code == 401
    page = client.get(CHOOSE)
    assert title(page) == "Choose your password — Oversight"
    assert 'autocomplete="new-password"' in page.content.decode()
    assert 'href="/children/"' not in page.content.decode()  # no menu until it is chosen
    assert 'href="/account/"' not in page.content.decode()


def test_a_weak_password_is_refused_with_the_validators_reasons(client, administrator, team):
    added = added_jo(team, administrator)
    first_sign_in(client, added.password)
    response = choose(client, "password")
    assert title(response) == "Error: Choose your password — Oversight"
    assert error_summary(response) == [
        (
            "#id_new_password1",
            "This password is too short. It must contain at least 12 characters. "
            "This password is too common.",
        )
    ]
    assert error_summary(choose(client, "example12345")) == [
        ("#id_new_password1", "The password is too similar to the last name.")
    ]
    assert User.objects.get(username="jo").must_change_password
    assert client.get(CHILDREN)["Location"].startswith(CHOOSE)


def test_two_different_passwords_or_the_one_time_password_again_are_refused(
    client, administrator, team
):
    added = added_jo(team, administrator)
    first_sign_in(client, added.password)
    assert error_summary(choose(client, OWN, "a kettle of blue herons at dawn")) == [
        (
            "#id_new_password2",
            "The two passwords are not the same: enter your new password twice",
        )
    ]
    assert error_summary(choose(client, added.password)) == [
        ("#id_new_password1", "Choose a new password, not your one-time password")
    ]
    assert User.objects.get(username="jo").check_password(added.password)


def test_once_chosen_the_page_asked_for_opens_and_other_sessions_have_ended(
    client, administrator, team
):
    added = added_jo(team, administrator)
    laptop = elsewhere(added.user)
    first_sign_in(client, added.password)
    response = choose(client, OWN)
    assert response["Location"] == CHILDREN
    jo = User.objects.get(username="jo")
    assert not jo.must_change_password and jo.check_password(OWN)
    page = client.get(CHILDREN)
    assert page.status_code == 200
    saved = r"Your password is saved: sign in with it from now on, and you were signed out on 1 "
    assert re.search(rf"{saved}other device\b", text(page))
    assert laptop.get(CHILDREN)["Location"].startswith(reverse("web:sign-in"))
    sessions = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert sessions.count(str(jo.pk)) == 1
    event = AccessEvent.objects.get(action="change-password")
    assert (event.user, event.address) == (jo, "127.0.0.1")
    assert event.detail == f"jo (user {jo.pk}): one-time password replaced, 1 other sessions ended"
    assert client.get(CHOOSE)["Location"] == reverse("web:my-work")  # nothing left to choose


def test_the_one_time_password_no_longer_signs_in_and_their_own_does(client, administrator, team):
    added = added_jo(team, administrator)
    first_sign_in(client, added.password)
    choose(client, OWN)
    refused = Client().post(reverse("web:sign-in"), {"username": "jo", "password": added.password})
    assert "Enter a correct username and password" in text(refused)
    accepted = Client().post(reverse("web:sign-in"), {"username": "jo", "password": OWN})
    assert accepted["Location"].startswith(reverse("web:second-step"))


def test_a_user_signed_in_with_their_own_password_is_never_asked(signed_in, worker):
    client = signed_in(worker)
    assert client.get(CHILDREN).status_code == 200
    assert client.get(CHOOSE)["Location"] == reverse("web:my-work")
    assert not re.search(r"Choose your password", text(client.get(reverse("web:my-work"))))
