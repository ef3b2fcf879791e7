"""A social worker's Social Work England number: "SW" and digits, one person's only, set
when the user is added or changed (from the command line too), and logged as a change."""

import pytest
from click.testing import CliRunner

from oversight.accounts.manage import AccountRefused, NewAccount, add_user, change_user
from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role
from oversight.cli import main

pytestmark = pytest.mark.django_db


def practitioner(username: str, team, swe_number: str = "") -> User:
    account = NewAccount(username, Role.PRACTITIONER, team=team, swe_number=swe_number)
    return add_user(account, None).user


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_number_written_with_a_space_or_small_letters_is_kept_as_sw_and_digits(team_1):
    assert practitioner("sam", team_1, " sw 123456 ").swe_number == "SW123456"


@pytest.mark.parametrize("wrong", ["123456", "SW", "SW12A45", "XX123456", "SW12345678901"])
def test_a_number_that_is_not_sw_and_digits_is_refused(team_1, wrong):
    with pytest.raises(AccountRefused) as refused:
        practitioner("sam", team_1, wrong)
    assert refused.value.field == "swe_number"
    assert "enter SW and its digits" in refused.value.message
    assert not User.objects.filter(username="sam").exists()


def test_two_people_cannot_have_the_same_number(team_1):
    practitioner("sam", team_1, "SW123456")
    with pytest.raises(AccountRefused, match="sam already has the Social Work England number"):
        practitioner("kim", team_1, "SW123456")


def test_changing_the_number_is_logged_and_a_blank_one_removes_it(team_1, admin):
    sam = practitioner("sam", team_1)
    assert change_user(sam, admin, swe_number="SW98765") == ["SWE number none to SW98765"]
    sam.refresh_from_db()
    assert sam.swe_number == "SW98765"
    assert change_user(sam, admin, swe_number="") == ["SWE number SW98765 to none"]
    assert AccessEvent.objects.filter(action="change-user").count() == 2


def test_a_change_that_leaves_the_number_out_keeps_it(team_1, care_team, admin):
    sam = practitioner("sam", team_1, "SW123456")
    change_user(sam, admin, team=care_team)
    sam.refresh_from_db()
    assert (sam.team, sam.swe_number) == (care_team, "SW123456")


def test_the_users_command_adds_and_changes_the_number(team_1):
    added = run("users", "add", "sam", "--role", "practitioner", "--team", "Safeguarding 1",
                "--swe-number", "SW123456")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert User.objects.get(username="sam").swe_number == "SW123456"
    changed = run("users", "change", "sam", "--swe-number", "SW654321")
    assert changed.output == "Changed sam: SWE number SW123456 to SW654321.\n"
    assert User.objects.get(username="sam").swe_number == "SW654321"


def test_the_users_command_says_what_a_number_should_be(team_1):
    result = run("users", "add", "sam", "--role", "practitioner", "--team", "Safeguarding 1",
                 "--swe-number", "123456")  # fmt: skip
    assert result.exit_code == 1
    assert "'123456' is not a Social Work England number: enter SW and its digits" in result.output
