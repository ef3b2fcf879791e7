from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Deadline


def _open_rules(child) -> dict[str, date]:
    open_ = Deadline.objects.filter(child=child, met_on__isnull=True, lapsed_on__isnull=True)
    return {d.rule: d.due_on for d in open_}


def test_becoming_looked_after_before_christmas_sets_the_first_review_in_late_january(child):
    # From Fri 20 Dec 2024: 25, 26 Dec and 1 Jan are not working days.
    services.start_care_episode(
        child, started_on=date(2024, 12, 20), legal_status="C2", placement_type="U1"
    )
    assert _open_rules(child) == {
        "cla-first-review": date(2025, 1, 22),
        "health-assessment-initial": date(2025, 1, 22),  # 20 working days, as the review
        "cla-visit-first": date(2024, 12, 27),
        "oversight-cla": date(2025, 2, 5),
    }


def test_reviews_follow_at_three_months_then_every_six(child):
    _, _, plan = services.start_care_episode(
        child, started_on=date(2024, 12, 20), legal_status="C2", placement_type="U1"
    )
    first = services.record_review(child, kind="cla", held_on=date(2025, 1, 20), plan=plan)
    assert first.due_on == date(2025, 1, 22)
    assert _open_rules(child)["cla-second-review"] == date(2025, 4, 20)
    services.record_review(child, kind="cla", held_on=date(2025, 4, 17), plan=plan)
    assert _open_rules(child)["cla-next-review"] == date(2025, 10, 17)


def test_visits_in_care_are_due_within_six_weeks_in_the_first_year(child):
    episode, placement, plan = services.start_care_episode(
        child, started_on=date(2024, 12, 20), legal_status="C2", placement_type="U1"
    )
    services.record_visit(
        child, kind="cla", visited_on=date(2024, 12, 23), plan=plan, placement=placement
    )
    assert _open_rules(child)["cla-visit-first-year"] == date(2025, 2, 3)


def test_a_settled_long_term_placement_is_visited_every_three_months(child):
    episode, placement, plan = services.start_care_episode(
        child, started_on=date(2023, 3, 1), legal_status="C2", placement_type="U1", long_term=True
    )
    services.record_visit(
        child, kind="cla", visited_on=date(2024, 3, 4), plan=plan, placement=placement
    )
    assert _open_rules(child)["cla-visit-long-term"] == date(2024, 6, 4)


def test_a_new_placement_must_be_visited_within_a_week(child):
    episode, placement, plan = services.start_care_episode(
        child, started_on=date(2024, 1, 8), legal_status="V2", placement_type="U1"
    )
    services.record_visit(child, kind="cla", visited_on=date(2024, 1, 10), placement=placement)
    services.change_placement(
        episode, placement, on=date(2024, 2, 2), placement_type="K2", change_reason="CARPL"
    )
    rules = _open_rules(child)
    assert rules["cla-visit-first"] == date(2024, 2, 9)
    assert "cla-visit-first-year" not in rules


def test_leaving_care_stops_the_care_clocks(child):
    episode, placement, plan = services.start_care_episode(
        child, started_on=date(2024, 1, 8), legal_status="V2", placement_type="U1"
    )
    services.end_care_episode(
        episode, placement, plan, ended_on=date(2024, 3, 1), reason_ceased="E11"
    )
    assert _open_rules(child) == {}
    placement.refresh_from_db()
    assert placement.ended_on == date(2024, 3, 1)


def test_a_return_home_interview_is_due_within_72_hours(child):
    missing = services.record_missing_episode(
        child, started_on=date(2025, 1, 9), returned_on=date(2025, 1, 10)
    )
    assert missing.interview_due == date(2025, 1, 13)
    services.record_return_interview(missing, held_on=date(2025, 1, 14))
    deadline = Deadline.objects.get(rule="return-interview")
    assert (deadline.due_on, deadline.met_on) == (date(2025, 1, 13), date(2025, 1, 14))


def test_a_return_from_being_away_without_authorisation_needs_no_interview(child):
    away = services.record_missing_episode(
        child, started_on=date(2025, 1, 9), returned_on=date(2025, 1, 10), away=True
    )
    assert (away.returned_on, away.interview_due) == (date(2025, 1, 10), None)
    assert not Deadline.objects.filter(rule="return-interview").exists()
    with pytest.raises(services.CaseworkError, match="away without authorisation, not missing"):
        services.record_return_interview(away, held_on=date(2025, 1, 11))
