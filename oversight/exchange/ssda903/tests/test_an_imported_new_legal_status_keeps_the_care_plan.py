"""A row that begins a new legal status in the placement the child is in (L) is imported as
the records' change of legal status, and one that begins it with a move (B, U) as a change
of legal status and placement: the child is still looked after, the care plan runs on, and
no first review falls due again."""

from datetime import date

import pytest

from oversight.casework.models import CareEpisode, Deadline, Placement, Plan, PlanKind
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.load_care import KEPT_AS_NEW_STATUS
from oversight.exchange.ssda903.tests.builders import child, episode, write

pytestmark = pytest.mark.django_db


def test_a_placement_order_in_the_same_placement_keeps_the_care_plan(tmp_path):
    rows = [episode(DEC="01/09/2025", REC="X1"),
            episode(DECOM="01/09/2025", RNE="L", LS="E1")]  # fmt: skip
    return_ = write(tmp_path / "return", child("C1", episodes=rows))
    summary = load_903([return_])
    first, second = CareEpisode.objects.order_by("started_on")
    assert (first.reason_ceased, second.reason_new_episode, second.legal_status) == (
        "X1", "L", "E1",
    )  # fmt: skip
    plans = Plan.objects.filter(kind=PlanKind.CARE)
    assert [(p.start_on.isoformat(), p.end_on) for p in plans] == [("2025-05-10", None)]
    assert Deadline.objects.filter(rule="cla-first-review").count() == 1
    assert summary.created["care_episodes"] == 2 and summary.held_back == {}
    assert load_903([return_]).changed_nothing


def moved_with_a_new_status(tmp_path, **began):
    rows = [episode(DEC="01/09/2025", REC="X1", REASON_PLACE_CHANGE="CARPL"),
            episode(**{"DECOM": "01/09/2025", "LS": "E1", "PLACE": "A4"} | began)]  # fmt: skip
    return write(tmp_path / "return", child("C1", episodes=rows))


@pytest.mark.parametrize("reason", ["B", "U"])
def test_a_new_status_with_a_move_keeps_the_care_plan_and_the_reason_for_the_move(tmp_path, reason):
    return_ = moved_with_a_new_status(tmp_path, RNE=reason)
    summary = load_903([return_])
    first, second = CareEpisode.objects.order_by("started_on")
    assert (first.reason_ceased, second.reason_new_episode, second.legal_status) == (
        "X1", reason, "E1",
    )  # fmt: skip
    moved = Placement.objects.get(started_on=date(2025, 9, 1))
    assert (moved.placement_type, moved.change_reason) == ("A4", "CARPL")
    plans = Plan.objects.filter(kind=PlanKind.CARE)
    assert [(p.start_on.isoformat(), p.end_on) for p in plans] == [("2025-05-10", None)]
    assert Deadline.objects.filter(rule="cla-first-review").count() == 1
    # The new placement is visited within a week, as every new placement is.
    assert Deadline.objects.filter(rule="cla-visit-first", started_on=date(2025, 9, 1)).exists()
    noted = {name for name, _why in summary.notes.counts}
    assert not noted & {"RNE", "REASON_PLACE_CHANGE"} and summary.held_back == {}
    assert load_903([return_]).changed_nothing


def test_a_new_status_said_to_be_in_the_same_placement_but_in_another_is_kept_as_b(tmp_path):
    summary = load_903([moved_with_a_new_status(tmp_path, RNE="L")])
    assert CareEpisode.objects.order_by("started_on").last().reason_new_episode == "B"
    assert summary.notes.counts[("RNE", KEPT_AS_NEW_STATUS.format(code="B"))] == 1
    assert Plan.objects.filter(kind=PlanKind.CARE).get().end_on is None
