"""Anyone signed in changes their password from their account page: their current password
first, then a new one twice. Every other session of theirs ends, this one goes on, and
the change is in the access log."""

from django.test import Client
from django.urls import reverse

from oversight.accounts.models import AccessEvent
from oversight.accounts.testing import sign_in
from oversight.web.tests.conftest import PASSWORD
from oversight.web.tests.helpers import error_summary, text, title

CHANGE = reverse("web:change-password")
CHILDREN = reverse("web:children")
NEW = "a kettle of blue herons at dusk"


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def change(client: Client, current: str = PASSWORD, new: str = NEW, again: str = NEW):
    answers = {"old_password": current, "new_password1": new, "new_password2": again}
    return client.post(CHANGE, answers)


def test_the_account_page_offers_to_change_the_password(signed_in, worker):
    client = signed_in(worker)
    account = client.get(reverse("web:account")).content.decode()
    assert f'href="{CHANGE}"' in account
    page = client.get(CHANGE)
    assert title(page) == "Change your password — Oversight"
    html = page.content.decode()
    assert 'autocomplete="current-password"' in html and 'autocomplete="new-password"' in html


def test_a_wrong_current_password_is_refused_and_nothing_changes(signed_in, worker):
    client = signed_in(with_password(worker))
    response = change(client, current="not my password at all")
    assert error_summary(response) == [
        ("#id_old_password", "Your current password is not right: enter it again")
    ]
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD) and not worker.check_password(NEW)
    assert not AccessEvent.objects.filter(action="change-password").exists()


def test_a_weak_or_unchanged_new_password_is_refused(signed_in, worker):
    client = signed_in(with_password(worker))
    assert error_summary(change(client, new="kx7-river-q", again="kx7-river-q")) == [
        (
            "#id_new_password1",
            "This password is too short. It must contain at least 12 characters.",
        )
    ]
    assert error_summary(change(client, new=PASSWORD, again=PASSWORD)) == [
        ("#id_new_password1", "Choose a new password, not the one you have now")
    ]
    worker.refresh_from_db()
    assert worker.check_password(PASSWORD)


def test_a_new_password_ends_other_sessions_keeps_this_one_and_is_logged(signed_in, worker):
    client = signed_in(with_password(worker))
    phone = sign_in(Client(), worker)
    response = change(client)
    assert response["Location"] == reverse("web:account")
    page = client.get(reverse("web:account"))
    assert "Your password is changed, and you were signed out on 1 other device" in text(page)
    assert client.get(CHILDREN).status_code == 200
    assert phone.get(CHILDREN)["Location"].startswith(reverse("web:sign-in"))
    worker.refresh_from_db()
    assert worker.check_password(NEW) and not worker.must_change_password
    event = AccessEvent.objects.get(action="change-password")
    assert (event.user, event.reason) == (worker, "")
    assert event.detail == f"sam (user {worker.pk}): password changed, 1 other sessions ended"
    signed = Client().post(reverse("web:sign-in"), {"username": "sam", "password": NEW})
    assert signed["Location"].startswith(reverse("web:second-step"))
