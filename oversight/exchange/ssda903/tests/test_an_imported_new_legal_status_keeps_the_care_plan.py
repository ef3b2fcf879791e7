"""A row that begins a new legal status in the placement the child is in (L) is imported as
the records' change of legal status: the child is still looked after, the care plan runs
on, and no first review falls due again."""

import pytest

from oversight.casework.models import CareEpisode, Deadline, Plan, PlanKind
from oversight.exchange.ssda903.load import load_903
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
