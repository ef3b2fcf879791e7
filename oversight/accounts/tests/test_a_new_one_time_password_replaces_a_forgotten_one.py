"""A new one-time password for someone who has forgotten theirs, on a page or a command: it
replaces their password, they must choose their own at their next sign-in, every session
of theirs ends, and it is logged with the reason."""

import re

import pytest
from click.testing import CliRunner
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session

from oversight.accounts.manage import AccountRefused, end_account, new_one_time_password
from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role
from oversight.cli import main

pytestmark = pytest.mark.django_db
REASON = "Forgot their password, asked in person"
OLD = "a kettle of blue herons at dusk"
ONE_TIME = r"[2-9a-z]{4}(-[2-9a-z]{4}){3}"


@pytest.fixture
def sam(team_1) -> User:
    user = User(username="sam", role=Role.PRACTITIONER, team=team_1)
    user.set_password(OLD)
    user.save()
    return user


def session_of(user: User) -> str:
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session.create()
    return session.session_key


def test_it_replaces_the_password_and_must_be_replaced_in_turn(sam, admin):
    password = new_one_time_password(sam, admin, REASON)
    assert re.fullmatch(ONE_TIME, password)
    sam.refresh_from_db()
    assert sam.check_password(password) and not sam.check_password(OLD)
    assert sam.must_change_password


def test_every_session_of_theirs_ends_and_no_one_elses(sam, admin):
    theirs = [session_of(sam), session_of(sam)]
    others = session_of(admin)
    new_one_time_password(sam, admin, REASON, address="10.0.0.7")
    assert not Session.objects.filter(session_key__in=theirs).exists()
    assert Session.objects.filter(session_key=others).exists()
    event = AccessEvent.objects.get(action="new-one-time-password")
    assert (event.user, event.reason, event.address) == (admin, REASON, "10.0.0.7")
    assert event.detail == f"new one-time password for sam (user {sam.pk}): 2 sessions ended"


@pytest.mark.parametrize("reason", ["", "forgot", "  forgot    "])
def test_a_reason_of_fewer_than_ten_characters_is_refused(sam, admin, reason):
    with pytest.raises(AccountRefused, match="Enter a reason of at least 10 characters"):
        new_one_time_password(sam, admin, reason)
    sam.refresh_from_db()
    assert sam.check_password(OLD) and not sam.must_change_password


def test_an_administrator_changes_their_own_password_instead(admin):
    with pytest.raises(AccountRefused, match="You cannot give yourself a one-time password"):
        new_one_time_password(admin, admin, REASON)


def test_an_ended_account_gets_no_password(sam, admin, frozen_today):
    end_account(sam, admin, "Left the council on 11 March")
    with pytest.raises(AccountRefused, match="sam's account has ended"):
        new_one_time_password(sam, admin, REASON)


def test_the_command_prints_the_password_on_its_last_line_and_logs_it(sam):
    session_of(sam)
    result = CliRunner().invoke(main, ["users", "new-password", "sam", "--reason", REASON])
    assert result.exit_code == 0, result.output
    password = result.output.splitlines()[-1]
    assert re.fullmatch(ONE_TIME, password) and result.output.count(password) == 1
    sam.refresh_from_db()
    assert sam.check_password(password) and sam.must_change_password
    event = AccessEvent.objects.get()
    assert (event.user, event.action, event.reason) == (None, "new-one-time-password", REASON)
    assert event.detail == f"cli: new one-time password for sam (user {sam.pk}): 1 sessions ended"


def test_the_command_refuses_a_short_reason_or_an_unknown_user(sam):
    short = CliRunner().invoke(main, ["users", "new-password", "sam", "--reason", "forgot"])
    assert (short.exit_code, short.output) == (
        1,
        "Error: Enter a reason of at least 10 characters\n",
    )
    unknown = CliRunner().invoke(main, ["users", "new-password", "kim", "--reason", REASON])
    assert unknown.exit_code == 1 and "there is no user called 'kim'" in unknown.output
    sam.refresh_from_db()
    assert sam.check_password(OLD) and not AccessEvent.objects.exists()
