"""The synthetic LA records why each child moved placement and why each social worker
took over, gives its social workers and their managers Social Work England numbers, and
places children only in the placement types of 2025/26 from April 2025."""

from datetime import date

import pytest
from django.db.models import F, Q

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework.models import Allocation, Placement

pytestmark = pytest.mark.django_db
YEAR_2025_26 = date(2025, 4, 1)
RECODED_ON = date(2025, 3, 31)  # the last day of 2024/25


def test_every_move_says_why_and_no_first_placement_does(small_la):
    first_day = F("episode__started_on")
    later = Placement.objects.exclude(started_on=first_day)
    assert later.exists() and not later.filter(change_reason="").exists()
    assert not Placement.objects.filter(started_on=first_day).exclude(change_reason="").exists()


def test_a_childs_first_social_worker_came_at_first_contact(small_la):
    first: dict[int, str] = {}
    for child_id, reason in Allocation.objects.order_by("start_on", "pk").values_list(
        "child_id", "change_reason"
    ):
        first.setdefault(child_id, reason)
    assert first and set(first.values()) == {"FCONTA"}
    assert not Allocation.objects.filter(change_reason="").exists()


def test_social_workers_and_their_managers_have_numbers_of_their_own(small_la):
    # The care leavers' personal advisers are not social workers, nor their manager.
    social_work = User.objects.filter(role__in=(Role.PRACTITIONER, Role.TEAM_MANAGER))
    workers = social_work.exclude(team__name__icontains="leav")
    numbers = list(workers.values_list("swe_number", flat=True))
    assert numbers and all(n.startswith("SW") and n[2:].isdigit() for n in numbers)
    assert len(set(numbers)) == len(numbers)
    assert workers.filter(role=Role.TEAM_MANAGER).count() > 1
    advisers = social_work.filter(team__name__icontains="leav")
    assert advisers.exists() and set(advisers.values_list("swe_number", flat=True)) == {""}


def test_no_placement_open_in_2025_26_is_of_a_type_the_dfe_retired(small_la):
    open_then = Placement.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=YEAR_2025_26))
    assert not open_then.filter(placement_type__in=("H5", "P2", "Z1")).exists()
    recoded = Placement.objects.filter(started_on=RECODED_ON, change_reason="PLACE")
    assert set(recoded.values_list("placement_type", flat=True)) <= {"K3"}


def test_nobody_under_16_lives_in_supported_accommodation(small_la):
    for placement in Placement.objects.filter(placement_type__in=("H5", "K3")).select_related(
        "episode__child"
    ):
        assert placement.episode.child.age_on(placement.started_on) >= 16
