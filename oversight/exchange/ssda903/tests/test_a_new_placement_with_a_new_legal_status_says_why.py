"""A new legal status and a new placement together (a new episode beginning B or U) keep
why the child moved, as a move within an episode does: the return gives it on the row
that ends (rule 225), the import keeps it with the new episode's first placement, and
the return written again from the records gives it back."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Placement
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.load_care import REASON_NOT_KEPT
from oversight.exchange.ssda903.tests.builders import child, episode, write
from oversight.exchange.ssda903.tests.return_files import lines, written

pytestmark = pytest.mark.django_db

ENDS = episode(DEC="01/09/2025", REC="X1", REASON_PLACE_CHANGE="CARPL")


def rows_with(new_episode: dict) -> list[dict]:
    return [ENDS, episode(**{"DECOM": "01/09/2025", "LS": "E1", "PLACE": "A4"} | new_episode)]


def test_the_reason_is_kept_with_the_new_episodes_placement_and_written_back(tmp_path):
    summary = load_903([write(tmp_path / "return", child("C1", episodes=rows_with({"RNE": "B"})))])
    placement = Placement.objects.get(started_on=date(2025, 9, 1))
    assert placement.change_reason == "CARPL" and placement.episode.reason_new_episode == "B"
    assert not any(name == "REASON_PLACE_CHANGE" for name, _why in summary.notes.counts)
    written(tmp_path / "again")
    assert [row.split(",")[9] for row in lines(tmp_path / "again", "episodes")] == ["CARPL", ""]


def test_a_new_legal_status_alone_keeps_no_reason_and_says_so(tmp_path):
    same_place = {"RNE": "L", "PLACE": "U1"}
    summary = load_903([write(tmp_path / "return", child("C1", episodes=rows_with(same_place)))])
    assert Placement.objects.get(started_on=date(2025, 9, 1)).change_reason == ""
    assert summary.notes.counts[("REASON_PLACE_CHANGE", REASON_NOT_KEPT)] == 1


def test_only_an_episode_begun_b_or_u_takes_a_reason(tmp_path):
    c1 = services.register_child(la_child_id="C1", first_name="A", last_name="B", sex="1",
                                 date_of_birth=date(2012, 6, 15), ethnicity="WBRI")  # fmt: skip
    with pytest.raises(services.CaseworkError) as refused:
        services.start_care_episode(c1, started_on=date(2025, 5, 10), legal_status="C2",
                                    placement_type="U1", change_reason="CARPL")  # fmt: skip
    assert refused.value.field == "change_reason"
