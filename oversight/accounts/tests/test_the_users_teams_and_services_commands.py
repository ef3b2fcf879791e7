"""``oversight users``, ``teams`` and ``services``: accounts managed from the command line,
logged with no user; a mistake exits with status 1 and says what is valid."""

import re

import pytest
from click.testing import CliRunner

from oversight.accounts.models import AccessEvent, Service, Team, User
from oversight.cli import main

pytestmark = pytest.mark.django_db


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_the_first_administrator_is_added_with_a_one_time_password_printed_once(db):
    result = run(
        "users",
        "add",
        "admin",
        "--role",
        "administrator",
        "--first-name",
        "Ada",
        "--last-name",
        "Min",
        "--email",
        "ada@example.gov.uk",
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Added admin: Administrator."
    password = lines[-1]
    assert re.fullmatch(r"[2-9a-z]{4}(-[2-9a-z]{4}){3}", password)
    admin = User.objects.get(username="admin")
    assert admin.check_password(password) and admin.email == "ada@example.gov.uk"
    assert result.output.count(password) == 1
    event = AccessEvent.objects.get()
    assert (event.user, event.action) == (None, "add-user")
    assert event.detail == f"cli: added admin (user {admin.pk}): Administrator"


def test_a_service_then_a_team_then_a_practitioner_in_it(db):
    assert run("services", "add", "Front door").output == "Added the service Front door.\n"
    added = run("teams", "add", "MASH 1", "--service", "front door")
    assert added.output == "Added the team MASH 1 in Front door.\n"
    result = run("users", "add", "sam", "--role", "practitioner", "--team", "mash 1")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Added sam: Practitioner in MASH 1.\n")
    sam = User.objects.get(username="sam")
    assert (sam.team.name, sam.service.name) == ("MASH 1", "Front door")
    assert [e.action for e in AccessEvent.objects.order_by("sequence")] == [
        "add-service",
        "add-team",
        "add-user",
    ]


def test_an_unknown_role_lists_the_valid_ones(db):
    result = run("users", "add", "sam", "--role", "wizard")
    assert result.exit_code == 1
    assert (
        "Error: There is no role called 'wizard': choose one of practitioner, team_manager,"
        in result.output
    )
    assert not User.objects.exists()


def test_an_unknown_team_lists_the_teams(db):
    service = Service.objects.create(name="Safeguarding")
    Team.objects.create(name="Safeguarding 1", service=service)
    Team.objects.create(name="Safeguarding 2", service=service)
    result = run("users", "add", "sam", "--role", "practitioner", "--team", "Safeguarding 3")
    assert result.exit_code == 1
    assert result.output == (
        "Error: There is no team called 'Safeguarding 3'. "
        "The teams: Safeguarding 1, Safeguarding 2\n"
    )


def test_a_practitioner_without_a_team_is_refused(db):
    result = run("users", "add", "sam", "--role", "practitioner")
    assert result.exit_code == 1
    assert result.output == (
        "Error: A user with the role Practitioner works in a team: choose their team\n"
    )


def test_an_unknown_service_says_how_to_add_one(db):
    result = run("teams", "add", "MASH 1", "--service", "Front door")
    assert result.exit_code == 1
    assert "There is no service called 'Front door'. The services: none yet" in result.output


def test_a_change_and_an_end_from_the_command_line(db):
    service = Service.objects.create(name="Safeguarding")
    team = Team.objects.create(name="Safeguarding 1", service=service)
    User.objects.create(username="admin", role="administrator")
    User.objects.create(username="sam", role="practitioner", team=team, service=service)
    changed = run("users", "change", "sam", "--role", "team manager", "--reason", "Promoted")
    assert changed.output == "Changed sam: role Practitioner to Team manager.\n"
    ended = run("users", "end", "sam", "--reason", "Left the council today")
    assert ended.output == "Ended the account of sam (0 sessions ended).\n"
    sam = User.objects.get(username="sam")
    assert (sam.role, sam.is_active) == ("team_manager", False)
    entries = AccessEvent.objects.order_by("sequence")
    assert [(e.action, e.user, e.reason) for e in entries] == [
        ("change-user", None, "Promoted"),
        ("end-account", None, "Left the council today"),
    ]


def test_ending_needs_a_reason_and_a_known_user(db):
    assert run("users", "end", "sam").exit_code == 2  # --reason is required
    result = run("users", "end", "sam", "--reason", "Left the council today")
    assert result.exit_code == 1
    assert "there is no user called 'sam'" in result.output


def test_the_lists(db):
    service = Service.objects.create(name="Safeguarding")
    team = Team.objects.create(name="Safeguarding 1", service=service)
    User.objects.create(
        username="sam", role="practitioner", team=team, first_name="Sam", last_name="Example"
    )
    User.objects.create(username="olu", role="practitioner", team=team, is_active=False)
    listed = run("users", "list").output
    assert re.search(r"^sam +Practitioner +Safeguarding 1 +Sam Example$", listed, re.M)
    assert "olu" not in listed
    assert re.search(
        r"^olu +Practitioner +Safeguarding 1 +olu +ended$",
        run("users", "list", "--all").output,
        re.M,
    )
    assert re.search(r"^Safeguarding 1 +Safeguarding +1 users$", run("teams", "list").output, re.M)
    assert run("services", "list").output == "Safeguarding             Safeguarding 1\n"
