"""A referral whose assessment finds the child in need (a child in need plan or a strategy
discussion follows) has a category of need, N1 to N8: not "case other than a child in
need" (N9), which the SSDA903's CIN field has no place for (rule 145)."""

import pytest

from oversight.casework.models import Assessment, CareEpisode
from oversight.exchange.ssda903.care import category_of_need

pytestmark = pytest.mark.django_db

CATEGORIES = {f"N{n}" for n in range(1, 9)}


def test_an_assessment_that_finds_a_child_in_need_leaves_a_category_of_need(small_la):
    found_in_need = Assessment.objects.filter(outcome__in=("cin_plan", "strategy"))
    needs = list(found_in_need.values_list("referral__primary_need", flat=True))
    assert len(needs) > 50
    assert set(needs) <= CATEGORIES


def test_every_period_of_care_has_a_category_of_need_to_return(small_la):
    episodes = CareEpisode.objects.select_related("child")
    assert episodes.count() > 30
    for episode in episodes:
        needs = sorted(episode.child.referrals.values_list("received_on", "primary_need"))
        assert category_of_need(needs, episode.started_on) is not None, episode.child.la_child_id
