"""A new legal status and a new placement the same day (``change_legal_status_and_placement``,
B or U): the episode ends X1 and a new one begins with the move; the care plan runs on, no
first review falls due again, and the new placement is visited within a week."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import CareEpisode, Deadline, Placement, Plan

pytestmark = pytest.mark.django_db
MOVED = date(2024, 9, 2)  # a Monday


def in_care():
    child = services.register_child(
        la_child_id="L1", first_name="Test", last_name="Child", sex="1",
        date_of_birth=date(2012, 1, 4), ethnicity="WBRI",
    )  # fmt: skip
    return services.start_care_episode(
        child, started_on=date(2024, 3, 4), legal_status="V2", placement_type="U3",
        provider="PR1", home_postcode="NF1 2AB",
    )  # fmt: skip


def test_the_episode_ends_x1_and_one_begins_b_in_the_new_placement():
    episode, placement, plan = in_care()
    following, placed = services.change_legal_status_and_placement(
        episode, placement, on=MOVED, legal_status="C2", placement_type="K2",
        reason_new_episode="B", change_reason="CHILD", provider="PR3", postcode="XF4 5CD",
        urn="SC123456",
    )  # fmt: skip
    first, second = CareEpisode.objects.order_by("started_on")
    assert (first.ended_on, first.reason_ceased) == (MOVED, "X1")
    assert (second.started_on, second.legal_status, second.reason_new_episode,
            second.home_postcode) == (MOVED, "C2", "B", "NF1 2AB")  # fmt: skip
    before, after = Placement.objects.order_by("started_on")
    assert before.ended_on == MOVED and after.episode_id == second.pk
    assert (after.placement_type, after.provider, after.change_reason, after.postcode,
            after.urn) == ("K2", "PR3", "CHILD", "XF4 5CD", "SC123456")  # fmt: skip
    assert Plan.objects.get().end_on is None  # still looked after under the same plan


def test_no_first_review_falls_due_again_and_the_new_placement_is_visited_within_a_week():
    episode, placement, _plan = in_care()
    reviews = list(Deadline.objects.filter(rule="cla-first-review").values_list("pk", flat=True))
    services.change_legal_status_and_placement(
        episode, placement, on=MOVED, legal_status="C2", placement_type="U1",
        reason_new_episode="U", change_reason="CARPL",
    )  # fmt: skip
    assert list(Deadline.objects.filter(rule="cla-first-review").values_list("pk", flat=True)) == (
        reviews
    )
    visit = Deadline.objects.filter(rule="cla-visit-first").latest("started_on")
    assert (visit.started_on, visit.due_on) == (MOVED, date(2024, 9, 9))


def test_a_reason_other_than_b_or_u_or_the_same_status_is_refused_and_nothing_changes():
    episode, placement, _plan = in_care()
    refusals = [
        ({"legal_status": "C2", "reason_new_episode": "L"}, "reason_new_episode"),
        ({"legal_status": "V2", "reason_new_episode": "B"}, "legal_status"),
        ({"legal_status": "C2", "reason_new_episode": "B", "change_reason": ""}, "change_reason"),
    ]
    for given, field in refusals:
        given = {"change_reason": "CHILD"} | given
        with pytest.raises(services.CaseworkError) as refused:
            services.change_legal_status_and_placement(
                episode, placement, on=MOVED, placement_type="K2", **given
            )
        assert refused.value.field == field
    assert CareEpisode.objects.get().ended_on is None
    assert Placement.objects.get().ended_on is None
