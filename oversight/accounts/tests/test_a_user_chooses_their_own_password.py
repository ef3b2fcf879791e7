"""A user added with a one-time password must choose their own; choosing or changing it
passes the password validators, clears the need, ends every other session of theirs and
is logged. Demo accounts, which sign in with the passwords the demo prints, are never
asked."""

from datetime import date

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError

from oversight.accounts.demo import create_demo_accounts
from oversight.accounts.manage import NewAccount, add_user
from oversight.accounts.models import AccessEvent, User
from oversight.accounts.passwords import set_own_password
from oversight.accounts.roles import Role

pytestmark = pytest.mark.django_db
OWN = "a kettle of blue herons at dusk"


def session_of(user: User) -> str:
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session.create()
    return session.session_key


@pytest.fixture
def jo(team_1, admin) -> User:
    return add_user(NewAccount("jo", Role.PRACTITIONER, "Jo", "Example", team=team_1), admin).user


def test_an_added_user_must_choose_their_own_password(jo):
    assert jo.must_change_password


def test_choosing_clears_the_need_and_ends_every_other_session(jo, admin):
    here, laptop, phone = session_of(jo), session_of(jo), session_of(jo)
    someone_else = session_of(admin)
    assert set_own_password(jo, OWN, keep=here, address="10.0.0.7") == 2
    jo.refresh_from_db()
    assert jo.check_password(OWN) and not jo.must_change_password
    left = set(Session.objects.values_list("session_key", flat=True))
    assert here in left and someone_else in left
    assert not {laptop, phone} & left
    event = AccessEvent.objects.get(action="change-password")
    assert (event.user, event.address) == (jo, "10.0.0.7")
    assert event.detail == f"jo (user {jo.pk}): one-time password replaced, 2 other sessions ended"


def test_a_password_the_validators_refuse_is_not_set(jo):
    with pytest.raises(ValidationError, match="too short"):
        set_own_password(jo, "herons", keep=None)
    jo.refresh_from_db()
    assert jo.must_change_password and not jo.check_password("herons")
    assert not AccessEvent.objects.filter(action="change-password").exists()


def test_changing_a_password_of_ones_own_is_logged_as_a_change(admin):
    set_own_password(admin, OWN, keep=None)
    event = AccessEvent.objects.get(action="change-password")
    assert event.detail == f"alex (user {admin.pk}): password changed, 0 other sessions ended"


def test_demo_accounts_are_never_asked_to_choose_a_password(team_1, admin):
    add_user(NewAccount("admin", Role.ADMINISTRATOR), admin)  # taken over by the demo
    create_demo_accounts(team_1, date(2025, 3, 12))
    assert User.objects.filter(username="admin").get().must_change_password is False
    assert not User.objects.filter(must_change_password=True).exists()
