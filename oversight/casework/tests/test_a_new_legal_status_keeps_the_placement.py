"""A new legal status in the same placement (``change_legal_status``): the episode ends X1
and a new one begins L in a placement like the one before; the care plan runs on."""

import importlib
from datetime import date

import pytest
from django.apps import apps as django_apps

from oversight.casework import services
from oversight.casework.models import CareEpisode, Deadline, Placement, Plan

pytestmark = pytest.mark.django_db


def in_care():
    child = services.register_child(
        la_child_id="L1", first_name="Test", last_name="Child", sex="1",
        date_of_birth=date(2022, 1, 4), ethnicity="WBRI",
    )  # fmt: skip
    return services.start_care_episode(
        child, started_on=date(2024, 3, 4), legal_status="C1", placement_type="U4",
        provider="PR1", long_term=True,
    )  # fmt: skip


def test_the_episode_ends_x1_and_one_begins_l_in_a_placement_like_the_last():
    episode, placement, plan = in_care()
    deadlines = Deadline.objects.count()
    following, placed = services.change_legal_status(
        episode, placement, on=date(2024, 9, 2), legal_status="E1"
    )
    first, second = CareEpisode.objects.order_by("started_on")
    assert (first.ended_on, first.reason_ceased) == (date(2024, 9, 2), "X1")
    assert (second.started_on, second.legal_status, second.reason_new_episode,
            second.ended_on) == (date(2024, 9, 2), "E1", "L", None)  # fmt: skip
    before, after = Placement.objects.order_by("started_on")
    assert before.ended_on == date(2024, 9, 2) and after.episode_id == second.pk
    assert (after.placement_type, after.provider, after.long_term, after.change_reason) == (
        "U4", "PR1", True, "",
    )  # fmt: skip
    assert Plan.objects.get().end_on is None  # still looked after under the same plan
    assert Deadline.objects.count() == deadlines  # no first visit or first review again


def test_the_same_status_or_a_day_before_the_placement_is_refused():
    episode, placement, _plan = in_care()
    with pytest.raises(services.CaseworkError) as refused:
        services.change_legal_status(episode, placement, on=date(2024, 9, 2), legal_status="C1")
    assert refused.value.field == "legal_status"
    with pytest.raises(services.CaseworkError) as refused:
        services.change_legal_status(episode, placement, on=date(2024, 3, 1), legal_status="C2")
    assert refused.value.field == "on"
    assert CareEpisode.objects.get().ended_on is None


def test_a_long_term_placements_first_year_runs_on_through_a_new_legal_status():
    # Placed long-term on 4 March 2024; a placement order on 2 September 2024. A visit on
    # 1 April 2025 is more than a year after the child moved in: the next is due within
    # 3 months, not 6 weeks as in a placement's first year.
    episode, placement, plan = in_care()
    following, placed = services.change_legal_status(
        episode, placement, on=date(2024, 9, 2), legal_status="E1"
    )
    assert placed.lived_in_since == date(2024, 3, 4)
    services.record_visit(following.child, kind="cla", visited_on=date(2025, 4, 1), plan=plan,
                          placement=placed)  # fmt: skip
    assert Deadline.objects.filter(rule="cla-visit-long-term").count() == 1
    assert not Deadline.objects.filter(rule="cla-visit-first-year").exists()


def test_placements_held_before_moved_in_on_was_kept_are_given_it():
    episode, placement, _plan = in_care()
    following, placed = services.change_legal_status(
        episode, placement, on=date(2024, 9, 2), legal_status="C2"
    )
    services.change_legal_status(following, placed, on=date(2024, 12, 2), legal_status="E1")
    Placement.objects.update(moved_in_on=None)
    migration = importlib.import_module("oversight.casework.migrations.0010_placement_moved_in_on")
    migration.moved_in(django_apps, None)
    held = Placement.objects.order_by("started_on").values_list("moved_in_on", flat=True)
    assert list(held) == [None, date(2024, 3, 4), date(2024, 3, 4)]
