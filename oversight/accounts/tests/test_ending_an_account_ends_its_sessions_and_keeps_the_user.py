"""Ending an account: the user is kept, inactive, with today as the day they left; every
session of theirs ends, and nobody else's; the end is logged with the reason."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session

from oversight.accounts.manage import AccountRefused, end_account
from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role

pytestmark = pytest.mark.django_db
REASON = "Left the council on 11 March"


@pytest.fixture
def sam(team_1) -> User:
    return User.objects.create(username="sam", role=Role.PRACTITIONER, team=team_1)


def session_of(user: User) -> str:
    """A signed-in session of ``user`` on some device, stored as Django stores them."""
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session.create()
    return session.session_key


def test_ending_keeps_the_user_inactive_with_the_day_they_left(sam, admin, frozen_today):
    end_account(sam, admin, REASON)
    sam.refresh_from_db()
    assert (sam.is_active, sam.left_on, sam.team.name) == (False, frozen_today, "Safeguarding 1")


def test_every_session_of_theirs_ends_and_no_one_elses(sam, admin, frozen_today):
    theirs = [session_of(sam), session_of(sam)]
    others = session_of(admin)
    assert end_account(sam, admin, REASON) == 2
    assert not Session.objects.filter(session_key__in=theirs).exists()
    assert Session.objects.filter(session_key=others).exists()


def test_the_end_is_logged_with_the_reason(sam, admin, frozen_today):
    session_of(sam)
    end_account(sam, admin, REASON, address="10.0.0.7")
    event = AccessEvent.objects.get(action="end-account")
    assert (event.user, event.reason, event.address) == (admin, REASON, "10.0.0.7")
    assert event.detail == f"ended sam (user {sam.pk}): 1 sessions ended"


@pytest.mark.parametrize("reason", ["", "left", "  left    "])
def test_a_reason_of_fewer_than_ten_characters_is_refused(sam, admin, reason):
    with pytest.raises(AccountRefused, match="Enter a reason of at least 10 characters"):
        end_account(sam, admin, reason)
    sam.refresh_from_db()
    assert sam.is_active


def test_an_account_ends_once(sam, admin, frozen_today):
    end_account(sam, admin, REASON)
    with pytest.raises(AccountRefused) as refused:
        end_account(sam, admin, REASON)
    assert refused.value.message == "sam's account has already ended on 12 March 2025"
    assert AccessEvent.objects.filter(action="end-account").count() == 1


def test_an_administrator_cannot_end_their_own_account(admin):
    User.objects.create(username="adi", role=Role.ADMINISTRATOR)
    with pytest.raises(AccountRefused, match="You cannot end your own account"):
        end_account(admin, admin, REASON)


def test_the_only_administrator_cannot_be_ended_even_from_the_command_line(admin):
    with pytest.raises(AccountRefused, match="alex is the only administrator"):
        end_account(admin, None, REASON)
    adi = User.objects.create(username="adi", role=Role.ADMINISTRATOR, is_active=False)
    with pytest.raises(AccountRefused, match="alex is the only administrator"):
        end_account(admin, None, REASON)  # an ended administrator is no administrator
    adi.is_active = True
    adi.save()
    end_account(admin, None, REASON)
