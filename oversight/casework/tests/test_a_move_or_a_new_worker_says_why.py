"""Why a child moved placement, or has a new social worker, as the DfE codes it: required
for a move recorded on the web, a known code when given, and no reason around a temporary
placement (DfE rule 226: that is no change of placement)."""

from datetime import date

import pytest

from oversight.accounts.models import User
from oversight.casework import services
from oversight.casework.models import Allocation, Placement
from oversight.casework.services import CaseworkError

pytestmark = pytest.mark.django_db
MOVED_ON = date(2024, 3, 4)


@pytest.fixture
def in_care(child):
    episode, placement, _ = services.start_care_episode(
        child, started_on=date(2024, 1, 8), legal_status="C2", placement_type="U6"
    )
    return episode, placement


def moved(in_care, placement_type: str = "U4", **given) -> Placement:
    episode, current = in_care
    return services.change_placement(
        episode, current, on=MOVED_ON, placement_type=placement_type, **given
    )


def test_the_first_placement_has_no_reason_and_a_move_keeps_its_own(in_care):
    episode, first = in_care
    assert first.change_reason == ""
    moved(in_care, change_reason="CREQB")
    assert list(episode.placements.order_by("started_on").values_list(
        "placement_type", "change_reason")) == [("U6", ""), ("U4", "CREQB")]  # fmt: skip


def test_a_move_on_the_web_without_a_reason_is_refused_and_nothing_changes(in_care):
    with pytest.raises(CaseworkError) as refused:
        moved(in_care)
    assert refused.value.field == "change_reason"
    assert "give the reason for the change of placement" in str(refused.value)
    assert Placement.objects.get().ended_on is None


def test_a_reason_that_is_no_dfe_code_is_refused(in_care):
    with pytest.raises(CaseworkError, match="'MOVED' is not a DfE reason for placement change"):
        moved(in_care, change_reason="MOVED")


def test_an_import_that_does_not_know_the_reason_may_leave_it_blank(in_care):
    assert moved(in_care, origin="Annex A list 8").change_reason == ""


def test_a_move_into_or_out_of_a_temporary_placement_takes_no_reason(in_care):
    holiday = moved(in_care, "T2")  # no reason asked
    assert holiday.change_reason == ""
    with pytest.raises(CaseworkError, match="not a change of placement: give no reason"):
        services.change_placement(in_care[0], holiday, on=date(2024, 3, 11),
                                  placement_type="U6", change_reason="CARPL")  # fmt: skip


def test_a_new_social_worker_keeps_why_they_took_over(child, team):
    kim = User.objects.create(username="kim", team=team)
    services.allocate(child, team, kim, date(2024, 2, 1), change_reason="LEFTRL")
    latest = Allocation.objects.filter(child=child).order_by("-start_on").first()
    assert (latest.worker, latest.change_reason) == (kim, "LEFTRL")


def test_a_reason_for_a_new_worker_must_be_a_dfe_code_and_needs_a_worker(child, team):
    kim = User.objects.create(username="kim", team=team)
    with pytest.raises(CaseworkError, match="'NEWSW' is not a DfE reason for social worker"):
        services.allocate(child, team, kim, date(2024, 2, 1), change_reason="NEWSW")
    with pytest.raises(CaseworkError, match="needs a social worker"):
        services.allocate(child, team, None, date(2024, 2, 1), change_reason="MANAGE")
