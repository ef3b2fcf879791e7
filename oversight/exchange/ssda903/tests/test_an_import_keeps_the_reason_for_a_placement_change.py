"""An imported move keeps the reason for the change that the row before it gives (the DfE
puts REASON_PLACE_CHANGE on the row that ends); a reason followed by no move in the same
episode is noted, not kept. The 2025/26 placement types go in like any other."""

import pytest

from oversight.casework.models import Placement
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.load_care import REASON_NOT_KEPT
from oversight.exchange.ssda903.tests.builders import child, episode, write

pytestmark = pytest.mark.django_db


def imported(tmp_path, *children):
    return load_903([write(tmp_path / "return", *children)])


def placements() -> list[tuple[str, str]]:
    found = Placement.objects.order_by("started_on")
    return list(found.values_list("placement_type", "change_reason"))


def test_the_reason_on_the_row_that_ends_goes_with_the_placement_moved_into(tmp_path):
    moved = child("M", episodes=[
        episode(PLACE="U6", DEC="01/08/2025", REC="X1", REASON_PLACE_CHANGE="CREQB"),
        episode(DECOM="01/08/2025", RNE="P", PLACE="U4"),
    ])  # fmt: skip
    summary = imported(tmp_path, moved)
    assert summary.held_back == {}
    assert placements() == [("U6", ""), ("U4", "CREQB")]
    assert ("REASON_PLACE_CHANGE", REASON_NOT_KEPT) not in summary.notes.counts


def test_a_reason_with_no_move_after_it_is_noted_not_kept(tmp_path):
    ended = child("E", episodes=[
        episode(PLACE="U6", DEC="01/08/2025", REC="E4A", REASON_PLACE_CHANGE="CHILD"),
    ])  # fmt: skip
    summary = imported(tmp_path, ended)
    assert placements() == [("U6", "")]
    assert summary.notes.counts[("REASON_PLACE_CHANGE", REASON_NOT_KEPT)] == 1


def test_supported_accommodation_of_2025_26_is_imported(tmp_path):
    summary = imported(tmp_path, child("K", episodes=[episode(PLACE="K3", PLACE_PROVIDER="PR4")]))
    assert summary.held_back == {}
    assert placements() == [("K3", "")]
