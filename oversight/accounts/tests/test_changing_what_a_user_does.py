"""Changing a user's role, team or service: what the role no longer needs is dropped, what
it still needs is kept, and each change is logged in words; an administrator cannot change
their own role, nor leave the installation with no administrator."""

from datetime import date

import pytest

from oversight.accounts.manage import AccountRefused, change_user
from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(team_1) -> User:
    return User.objects.create(
        username="sam", role=Role.PRACTITIONER, team=team_1, service=team_1.service
    )


def places(user: User) -> tuple[str, str | None, str | None]:
    user.refresh_from_db()
    return (
        user.role,
        user.team.name if user.team else None,
        user.service.name if user.service else None,
    )


def test_moving_to_another_team_takes_its_service_and_is_logged(sam, admin, care_team):
    changed = change_user(sam, admin, team=care_team, reason="Moved to care", address="10.0.0.7")
    assert changed == ["team Safeguarding 1 to Care 1", "service Safeguarding to Children in care"]
    assert places(sam) == ("practitioner", "Care 1", "Children in care")
    event = AccessEvent.objects.get(action="change-user")
    assert (event.user, event.reason, event.address) == (admin, "Moved to care", "10.0.0.7")
    assert event.detail == (
        f"changed sam (user {sam.pk}): team Safeguarding 1 to Care 1; "
        "service Safeguarding to Children in care"
    )


def test_a_promotion_in_the_same_team_keeps_the_team(sam, admin):
    assert change_user(sam, admin, role=Role.TEAM_MANAGER) == ["role Practitioner to Team manager"]
    assert places(sam) == ("team_manager", "Safeguarding 1", "Safeguarding")


def test_a_team_manager_made_service_manager_keeps_the_service_and_leaves_the_team(sam, admin):
    change_user(sam, admin, role=Role.SERVICE_MANAGER)
    assert places(sam) == ("service_manager", None, "Safeguarding")


def test_a_role_across_the_la_drops_the_team_and_the_service(sam, admin):
    changed = change_user(sam, None, role=Role.QA_OFFICER)
    assert changed == [
        "role Practitioner to QA officer",
        "team Safeguarding 1 to none",
        "service Safeguarding to none",
    ]
    assert places(sam) == ("qa_officer", None, None)
    assert AccessEvent.objects.get().detail.startswith("cli: changed sam")


def test_a_role_that_needs_a_team_the_user_lacks_is_refused(admin):
    dara = User.objects.create(username="dara", role=Role.SENIOR_LEADER)
    with pytest.raises(AccountRefused, match="works in a team: choose their team"):
        change_user(dara, admin, role=Role.PRACTITIONER)
    assert places(dara) == ("senior_leader", None, None)
    assert not AccessEvent.objects.exists()


def test_a_team_for_a_role_across_the_la_is_refused(admin, team_1):
    dara = User.objects.create(username="dara", role=Role.SENIOR_LEADER)
    with pytest.raises(AccountRefused, match="is in no team or service"):
        change_user(dara, admin, team=team_1)


def test_nothing_to_change_is_said(sam, admin, team_1):
    with pytest.raises(AccountRefused) as refused:
        change_user(sam, admin, role=Role.PRACTITIONER, team=team_1)
    assert refused.value.message == (
        "Nothing to change: sam already has the role Practitioner in Safeguarding 1"
    )


def test_an_inspector_gets_a_new_window_and_loses_it_on_leaving_the_role(admin):
    ines = User.objects.create(username="ines", role=Role.INSPECTOR)
    window = (date(2025, 3, 17), date(2025, 3, 28))
    assert change_user(ines, admin, inspection_window=window) == [
        "inspection window none to 2025-03-17 to 2025-03-28"
    ]
    change_user(ines, admin, role=Role.PERFORMANCE_ANALYST)
    ines.refresh_from_db()
    assert (ines.inspection_window_start, ines.inspection_window_end) == (None, None)


def test_an_administrator_cannot_change_their_own_role(admin):
    User.objects.create(username="adi", role=Role.ADMINISTRATOR)
    with pytest.raises(AccountRefused) as refused:
        change_user(admin, admin, role=Role.SENIOR_LEADER)
    assert refused.value.message == "You cannot change your own role: ask another administrator"


def test_the_only_administrator_keeps_the_role(admin):
    with pytest.raises(AccountRefused) as refused:
        change_user(admin, None, role=Role.SENIOR_LEADER)
    assert refused.value.message == (
        "alex is the only administrator, so you cannot change their role: "
        "add another administrator first"
    )
    User.objects.create(username="adi", role=Role.ADMINISTRATOR)
    change_user(admin, None, role=Role.SENIOR_LEADER)
    assert places(admin) == ("senior_leader", None, None)


def test_an_ended_account_cannot_be_changed(sam, admin):
    User.objects.filter(pk=sam.pk).update(is_active=False)
    sam.refresh_from_db()
    with pytest.raises(AccountRefused, match="sam's account has ended: add a new account"):
        change_user(sam, admin, role=Role.TEAM_MANAGER)
