"""Adding a user: each role gets a team, a service or neither, as the role needs; a wrong
combination is refused saying what to do; the one-time password works and is logged."""

from datetime import date

import pytest

from oversight.accounts.manage import AccountRefused, NewAccount, add_user, role_named
from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role

pytestmark = pytest.mark.django_db


def add(username: str, role: Role, **fields):
    return add_user(NewAccount(username, role, **fields), None)


def where(user: User) -> tuple[str | None, str | None]:
    return (user.team.name if user.team else None, user.service.name if user.service else None)


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.TEAM_MANAGER, Role.IRO])
def test_a_role_that_works_in_a_team_gets_the_team_and_its_service(role, team_1):
    added = add("sam", role, team=team_1)
    assert where(User.objects.get(username="sam")) == ("Safeguarding 1", "Safeguarding")
    assert added.user.role == role


def test_a_service_manager_gets_their_service_and_no_team(in_care):
    add("sunita", Role.SERVICE_MANAGER, service=in_care)
    assert where(User.objects.get(username="sunita")) == (None, "Children in care")


@pytest.mark.parametrize(
    "role",
    [
        Role.SENIOR_LEADER,
        Role.QA_OFFICER,
        Role.PERFORMANCE_ANALYST,
        Role.INSPECTOR,
        Role.ADMINISTRATOR,
    ],
)
def test_a_role_that_sees_across_the_la_gets_neither(role, db):
    add("dara", role)
    assert where(User.objects.get(username="dara")) == (None, None)


def test_an_inspector_may_be_given_an_inspection_window(db):
    window = (date(2025, 3, 17), date(2025, 3, 28))
    user = add("ines", Role.INSPECTOR, inspection_window=window).user
    assert (user.inspection_window_start, user.inspection_window_end) == window


@pytest.mark.parametrize(
    ("role", "place", "field", "message"),
    [
        (
            Role.PRACTITIONER,
            {},
            "team",
            "A user with the role Practitioner works in a team: choose their team",
        ),
        (
            Role.IRO,
            {"service": "in_care"},
            "team",
            "A user with the role IRO / child protection chair works in a team: choose their team",
        ),
        (
            Role.SERVICE_MANAGER,
            {},
            "service",
            "A user with the role Service manager manages a service: choose their service",
        ),
        (
            Role.SERVICE_MANAGER,
            {"service": "in_care", "team": "team_1"},
            "team",
            "A user with the role Service manager manages a whole service, not one team: "
            "leave the team out",
        ),
        (
            Role.SENIOR_LEADER,
            {"team": "team_1"},
            "team",
            "A user with the role Senior leader is in no team or service: "
            "leave the team and service out",
        ),
        (
            Role.ADMINISTRATOR,
            {"service": "in_care"},
            "service",
            "A user with the role Administrator is in no team or service: "
            "leave the team and service out",
        ),
        (
            Role.TEAM_MANAGER,
            {"team": "team_1", "service": "in_care"},
            "service",
            "Safeguarding 1 is in Safeguarding, not Children in care: "
            "leave the service out, it is the team's",
        ),
    ],
)
def test_a_role_in_the_wrong_place_is_refused_saying_what_to_do(
    request, role, place, field, message
):
    objects = {name: request.getfixturevalue(fixture) for name, fixture in place.items()}
    with pytest.raises(AccountRefused) as refused:
        add("sam", role, **objects)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert not User.objects.filter(username="sam").exists()
    assert not AccessEvent.objects.exists()


def test_a_window_for_anyone_but_an_inspector_or_back_to_front_is_refused(db):
    with pytest.raises(AccountRefused, match="Only an inspector has an inspection window"):
        add("dara", Role.SENIOR_LEADER, inspection_window=(date(2025, 3, 1), date(2025, 3, 9)))
    with pytest.raises(AccountRefused, match="must end on or after the day it starts"):
        add("ines", Role.INSPECTOR, inspection_window=(date(2025, 3, 9), date(2025, 3, 1)))


def test_a_username_taken_in_any_case_or_with_a_space_is_refused(team_1):
    add("sam", Role.PRACTITIONER, team=team_1)
    with pytest.raises(AccountRefused, match="There is already a user called SAM: choose another"):
        add("SAM", Role.PRACTITIONER, team=team_1)
    with pytest.raises(AccountRefused, match="only letters, digits and @ . \\+ - _"):
        add("sam smith", Role.PRACTITIONER, team=team_1)


def test_a_bad_email_address_is_refused(db):
    with pytest.raises(AccountRefused, match="'sam-at-example' is not an email address"):
        add("sam", Role.QA_OFFICER, email="sam-at-example")


def test_the_one_time_password_is_theirs_and_is_not_stored_as_given(team_1):
    added = add("sam", Role.PRACTITIONER, team=team_1, first_name="Sam", last_name="Example")
    assert len(added.password) == 19 and added.password.count("-") == 3
    stored = User.objects.get(username="sam")
    assert stored.check_password(added.password) and stored.is_active
    assert added.password not in stored.password


def test_two_users_get_different_passwords(db):
    first, second = add("ann", Role.QA_OFFICER), add("bob", Role.QA_OFFICER)
    assert first.password != second.password


def test_adding_is_logged_by_whoever_added_them_with_the_reason(admin, team_1):
    added = add_user(
        NewAccount("sam", Role.PRACTITIONER, team=team_1),
        admin,
        reason="Starts on Monday, ticket 881",
        address="10.0.0.7",
    )
    event = AccessEvent.objects.get(action="add-user")
    assert (event.user, event.reason, event.address) == (
        admin,
        "Starts on Monday, ticket 881",
        "10.0.0.7",
    )
    assert event.detail == f"added sam (user {added.user.pk}): Practitioner in Safeguarding 1"


def test_from_the_command_line_the_entry_has_no_user_and_says_so(db):
    added = add("dara", Role.SENIOR_LEADER)
    event = AccessEvent.objects.get(action="add-user")
    assert (event.user, event.username) == (None, "")
    assert event.detail == f"cli: added dara (user {added.user.pk}): Senior leader"


def test_a_role_is_found_by_its_value_its_words_or_its_label():
    assert role_named("team_manager") == Role.TEAM_MANAGER
    assert role_named("Team manager") == Role.TEAM_MANAGER
    assert role_named(" IRO / child protection chair ") == Role.IRO


def test_an_unknown_role_lists_the_roles():
    with pytest.raises(AccountRefused) as refused:
        role_named("social worker")
    assert refused.value.message == (
        "There is no role called 'social worker': choose one of practitioner, team_manager, "
        "service_manager, senior_leader, qa_officer, performance_analyst, iro, inspector, "
        "administrator"
    )
