"""The child's voice across every event that should hear it, on small cases worked out by
hand: which events count, and the coverage by team and by community (ethnic group)."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Assessment
from oversight.performance.catalogue import indicator
from oversight.performance.engine import units
from oversight.performance.tests.conftest import (
    YEAR_2025,
    child,
    counted,
    figure,
    groups,
    referral,
    s47,
    snapshot,
)

pytestmark = pytest.mark.django_db

ID = "views-recorded-all-events"
HEARD = {"views_recorded": True, "views": "I want to stay at my school.", "how_expressed": "spoke"}


def heard(views: bool) -> dict:
    return {"seen": True, **(HEARD if views else {})}


def visit(child, on: date, *, views: bool, seen: bool = True) -> None:
    voice = heard(views) if seen else {"seen": False}
    services.record_visit(child, kind="cin", visited_on=on, **voice)


def assessment(child, received_on: date, completed_on: date, *, views: bool) -> None:
    referral(child, received_on, "assessment")
    started = Assessment.objects.filter(child=child).latest("id")
    services.complete_assessment(
        started, completed_on=completed_on, outcome="cin_plan", **heard(views)
    )


def icpc(child, started_on: date, held_on: date, *, views: bool):
    _, plan = services.hold_initial_conference(
        s47(child, started_on),
        held_on=held_on,
        plan_required=True,
        category_of_abuse="NEG",
        **heard(views),
    )
    return plan


def review(child, kind: str, on: date, *, views: bool) -> None:
    services.record_review(child, kind=kind, held_on=on, **heard(views))


def registered(la_child_id: str, ethnicity: str, born: date = date(2015, 6, 1)):
    return services.register_child(
        la_child_id=la_child_id,
        first_name="Test",
        last_name=la_child_id,
        sex="1",
        date_of_birth=born,
        ethnicity=ethnicity,
    )


def test_views_are_counted_at_visits_assessments_conferences_and_reviews_in_the_year():
    a, b, c, d = child("A"), child("B"), child("C"), child("D")
    visit(a, date(2024, 6, 10), views=True)  # counted
    visit(a, date(2024, 6, 11), views=False, seen=False)  # not seen: left out
    visit(a, date(2024, 6, 12), views=False)  # seen, views not recorded
    assessment(b, date(2024, 5, 1), date(2024, 6, 20), views=True)  # counted
    referral(b, date(2025, 3, 3), "assessment")  # started, not completed: left out
    plan = icpc(c, date(2024, 5, 1), date(2024, 5, 20), views=False)
    services.hold_review_conference(
        plan, held_on=date(2024, 8, 20), plan_continues=True, **heard(True)
    )  # counted
    services.start_care_episode(
        d, started_on=date(2024, 5, 1), legal_status="C2", placement_type="U1"
    )
    review(d, "cla", date(2024, 5, 28), views=True)  # counted
    review(d, "cin", date(2024, 9, 2), views=False)
    review(d, "pathway", date(2025, 4, 2), views=True)  # the year after: left out
    db = snapshot()
    assert counted(db, ID, YEAR_2025) == [
        ("A", False), ("A", True), ("B", True), ("C", False), ("C", True), ("D", False),
        ("D", True),
    ]  # fmt: skip
    value = figure(db, ID, YEAR_2025)
    # 4 events of 7 heard the child: 57.14%.
    assert (value.numerator, value.denominator, round(value.value, 2)) == (4, 7, 57.14)


def test_events_before_the_child_was_born_are_left_out():
    # E is born on 10 Jan 2025: the pre-birth conference in October cannot hear E.
    e = child("E", born=date(2025, 1, 10))
    icpc(e, date(2024, 10, 1), date(2024, 10, 15), views=False)
    services.record_visit(
        e, kind="cp", visited_on=date(2025, 2, 3), views_recorded=True,
        views="Settled in mum's arms.", how_expressed="observed",
    )  # fmt: skip
    assert counted(snapshot(), ID, YEAR_2025) == [("E", True)]


def test_by_team_each_event_goes_to_the_team_holding_the_child_that_day(
    team, worker, other_team, other_worker
):
    a, b, c, f = child("A"), child("B"), child("C"), child("F")
    services.allocate(a, team, worker, on=date(2024, 4, 1))
    services.allocate(b, team, worker, on=date(2024, 4, 1))
    services.allocate(b, other_team, other_worker, on=date(2024, 7, 1))
    services.allocate(c, other_team, other_worker, on=date(2024, 4, 1))
    # Team 1: A's visit (heard), A's review (not), B's assessment before the move (heard).
    visit(a, date(2024, 6, 10), views=True)
    review(a, "cin", date(2024, 9, 2), views=False)
    assessment(b, date(2024, 5, 1), date(2024, 6, 20), views=True)
    # Team 2: B's visit after the move (not), C's initial conference (heard) and review (not).
    visit(b, date(2024, 8, 1), views=False)
    plan = icpc(c, date(2024, 5, 1), date(2024, 5, 20), views=True)
    services.hold_review_conference(
        plan, held_on=date(2024, 8, 20), plan_continues=True, **heard(False)
    )
    # F is held by nobody: F's pathway review heard F.
    review(f, "pathway", date(2024, 10, 1), views=True)
    db = snapshot()
    assert groups(db, ID, YEAR_2025, by="team") == {
        "Safeguarding 1": (2, 3, 66.67),
        "Safeguarding 2": (1, 3, 33.33),
        "No team": (1, 1, 100.0),
    }
    # The children behind team 2's figure, by date, say which event and whether heard.
    behind = units(db, indicator(ID), YEAR_2025, by="team", group=str(other_team.pk))
    assert [(row.event, row.counted) for row in behind] == [
        ("initial conference 2024-05-20, views recorded", True),
        ("cin visit 2024-08-01, no views", False),
        ("review conference 2024-08-20, no views", False),
    ]


def test_by_community_the_childs_ethnic_group_shows_whose_voices_are_heard_less():
    white_british, white_irish = registered("A", "WBRI"), registered("B", "WIRI")
    black_african, mixed = registered("C", "BAFR"), registered("D", "MWBC")
    refused = registered("E", "REFU")
    visit(white_british, date(2024, 6, 10), views=True)
    review(white_irish, "cin", date(2024, 7, 1), views=False)
    visit(black_african, date(2024, 6, 10), views=True)
    visit(black_african, date(2024, 7, 10), views=False)
    assessment(black_african, date(2024, 8, 1), date(2024, 9, 2), views=False)
    icpc(mixed, date(2024, 5, 1), date(2024, 5, 20), views=True)
    review(refused, "pathway", date(2024, 10, 1), views=True)
    assert groups(snapshot(), ID, YEAR_2025, by="ethnicity") == {
        "White": (1, 2, 50.0),
        "Black, African, Caribbean or Black British": (1, 3, 33.33),
        "Mixed or multiple ethnic groups": (1, 1, 100.0),
        "Refused or not obtained": (1, 1, 100.0),
    }
