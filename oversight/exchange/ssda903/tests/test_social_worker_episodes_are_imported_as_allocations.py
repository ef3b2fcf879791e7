"""A return's social worker episodes are imported as the child's allocations to the
worker whose Social Work England number is SW_ID, in that worker's team: from SW_DECOM,
ended on SW_DEC, with SW_REASON as the reason for the change. What cannot be recorded is
noted, and importing the same return again changes nothing."""

from datetime import date

import pytest

from oversight.casework.models import Allocation, Child
from oversight.exchange.ssda903.load import ReturnNotImported, load_903
from oversight.exchange.ssda903.load_social_workers import LATER_HELD, NO_SUCH_WORKER
from oversight.exchange.ssda903.tests.builders import child, social_worker, write
from oversight.exchange.ssda903.tests.care_records import caseworker

pytestmark = pytest.mark.django_db


def imported(tmp_path, *children):
    return load_903([write(tmp_path / "return", *children)])


def about_social_workers(summary) -> dict[tuple[str, str], int]:
    """The notes on the social worker episodes (the builders' rows have others too)."""
    return {key: n for key, n in summary.notes.counts.items() if key[0].startswith("SW_")}


def held() -> list[tuple]:
    return list(
        Allocation.objects.order_by("start_on").values_list(
            "worker__swe_number", "team__name", "start_on", "end_on", "change_reason"
        )
    )


def test_an_episode_of_a_known_worker_is_an_allocation_in_their_team(tmp_path):
    team, worker = caseworker()
    episodes = [social_worker(SW_ID="sw123456", SW_DECOM="10/05/2025", SW_DEC="01/09/2025")]
    summary = imported(tmp_path, child("C1", social_workers=episodes))
    assert held() == [("SW123456", team.name, date(2025, 5, 10), date(2025, 9, 1), "FCONTA")]
    assert summary.created["allocations"] == 1 and about_social_workers(summary) == {}
    assert Allocation.objects.get().origin.startswith("SSDA903 social_worker_episodes.csv line 2")


def test_episodes_follow_one_another_and_a_gap_ends_the_first_on_its_end_date(tmp_path):
    _team, first = caseworker()
    first.team.members.create(username="sw2", swe_number="SW654321")
    episodes = [
        social_worker(SW_ID="SW123456", SW_DECOM="10/05/2025", SW_DEC="01/07/2025"),
        social_worker(SW_ID="SW654321", SW_DECOM="15/07/2025", SW_REASON="CHCHAN"),
        social_worker(SW_ID="SW123456", SW_DECOM="01/11/2025", SW_REASON="CHCHAN"),
    ]
    imported(tmp_path, child("C1", social_workers=episodes))
    assert [(sw, start, end, why) for sw, _team, start, end, why in held()] == [
        ("SW123456", date(2025, 5, 10), date(2025, 7, 1), "FCONTA"),
        ("SW654321", date(2025, 7, 15), date(2025, 11, 1), "CHCHAN"),
        ("SW123456", date(2025, 11, 1), None, "CHCHAN"),
    ]


def test_importing_the_same_return_again_changes_nothing(tmp_path):
    caseworker()
    episodes = [social_worker(SW_ID="SW123456", SW_DEC="01/09/2025")]
    imported(tmp_path, child("C1", social_workers=episodes))
    before = held()
    again = imported(tmp_path, child("C1", social_workers=episodes))
    assert held() == before and again.changed_nothing and about_social_workers(again) == {}


def test_a_number_that_is_no_workers_here_is_noted_and_the_child_imported(tmp_path):
    caseworker()
    summary = imported(tmp_path, child("C1", social_workers=[social_worker(SW_ID="SW999999")]))
    assert Child.objects.filter(la_child_id="C1").exists() and not Allocation.objects.exists()
    assert about_social_workers(summary) == {("SW_ID", NO_SUCH_WORKER): 1}


def test_an_episode_before_an_allocation_held_is_noted_not_recorded(tmp_path):
    caseworker()
    later = [social_worker(SW_ID="SW123456", SW_DECOM="01/11/2025")]
    imported(tmp_path / "this", child("C1", social_workers=later))
    earlier = [social_worker(SW_ID="SW123456", SW_DECOM="10/05/2025")]
    summary = imported(tmp_path / "before", child("C1", social_workers=earlier))
    assert [start for _sw, _team, start, _end, _why in held()] == [date(2025, 11, 1)]
    assert about_social_workers(summary) == {("SW_DECOM", LATER_HELD): 1}


def test_a_reason_the_dfe_does_not_list_holds_the_child_back(tmp_path):
    caseworker()
    unknown_reason = [social_worker(SW_ID="SW123456", SW_REASON="BORED")]
    with pytest.raises(ReturnNotImported) as refused:
        imported(tmp_path, child("C1", social_workers=unknown_reason))
    [(child_id, problems)] = refused.value.held_back.items()
    assert child_id == "C1" and [p.field for p in problems] == ["SW_REASON"]
    assert not Allocation.objects.exists()
