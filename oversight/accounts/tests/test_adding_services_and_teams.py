"""Adding a service, and a team in a service: names are unique whatever their case, and
each addition is logged."""

import pytest

from oversight.accounts.manage import AccountRefused, add_service, add_team, team_named
from oversight.accounts.models import AccessEvent

pytestmark = pytest.mark.django_db


def test_a_team_is_added_to_its_service_and_both_are_logged(admin):
    service = add_service("  Front door ", admin)
    team = add_team("MASH 1", service, admin)
    assert (service.name, team.service) == ("Front door", service)
    details = [e.detail for e in AccessEvent.objects.order_by("sequence")]
    assert details == [
        f"added service Front door ({service.pk})",
        f"added team MASH 1 ({team.pk}) in Front door",
    ]


def test_a_name_already_taken_in_any_case_is_refused(safeguarding, team_1):
    with pytest.raises(AccountRefused) as refused:
        add_service("SAFEGUARDING", None)
    assert refused.value.message == (
        "There is already a service called SAFEGUARDING: choose another name"
    )
    with pytest.raises(AccountRefused, match="There is already a team called safeguarding 1"):
        add_team("safeguarding 1", safeguarding, None)


def test_a_blank_or_overlong_name_is_refused(safeguarding):
    with pytest.raises(AccountRefused, match="Enter the team's name"):
        add_team("   ", safeguarding, None)
    with pytest.raises(AccountRefused, match="Enter a service name of 100 characters or fewer"):
        add_service("x" * 101, None)


def test_a_team_is_found_by_its_name_in_any_case(team_1, team_2):
    assert team_named("safeguarding 2") == team_2
