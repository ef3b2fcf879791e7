"""Early help a referral stepped down to is assessed and ends, as the journey plans it: no
episode runs on for years, none overlaps another, none ends with the needs met unassessed."""

from datetime import timedelta

import pytest

from oversight.casework.models import EarlyHelpEpisode

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def episodes() -> list[EarlyHelpEpisode]:
    return list(EarlyHelpEpisode.objects.order_by("child_id", "started_on"))


def test_early_help_is_assessed_within_six_weeks_unless_it_ended_first(small_la):
    found = episodes()
    assessed = [e for e in found if e.assessment_completed_on is not None]
    # Families who decline, and children referred again within weeks, go unassessed.
    assert len(found) > 20 and len(assessed) > 0.5 * len(found)
    ended_with_help = [e for e in found if e.end_reason in ("needs_met", "moved")]
    assert ended_with_help and all(e in assessed for e in ended_with_help)
    for e in assessed:
        assert e.started_on < e.assessment_completed_on <= e.started_on + timedelta(weeks=7)
        assert e.ended_on is None or e.assessment_completed_on <= e.ended_on


def test_early_help_ends_within_nine_months_and_the_open_episodes_began_lately(small_la):
    found = episodes()
    ended = [e for e in found if e.ended_on is not None]
    assert len(ended) > 0.8 * len(found)
    assert all(e.ended_on <= e.started_on + timedelta(days=9 * 31 + 3) for e in ended)
    assert {e.end_reason for e in ended} >= {"needs_met", "declined"}
    assert all(e.started_on > TODAY - timedelta(days=9 * 31 + 3) for e in found if e.is_open)


def test_a_child_has_one_early_help_episode_at_a_time(small_la):
    found = episodes()
    for before, after in zip(found, found[1:], strict=False):
        if before.child_id == after.child_id:
            assert before.ended_on is not None and before.ended_on <= after.started_on


def test_early_help_stepped_up_is_linked_to_the_referral_that_ended_it(small_la):
    stepped_up = [e for e in episodes() if e.end_reason == "stepped_up"]
    assert stepped_up
    for e in stepped_up:
        referral = e.stepped_up_to
        assert referral is not None and referral.child_id == e.child_id
        # The referral came in while the help ran, and was decided the day the help ended.
        assert e.started_on <= referral.received_on <= e.ended_on == referral.decided_on
    assert not [e for e in episodes() if e.end_reason != "stepped_up" and e.stepped_up_to_id]
