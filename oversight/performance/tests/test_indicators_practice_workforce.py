"""Practice and workforce indicators on small cases worked out by hand: visits,
management oversight and caseloads."""

from datetime import date

import pytest

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.performance.catalogue import indicator
from oversight.performance.engine import compute
from oversight.performance.tests.conftest import (
    YEAR_2025,
    child,
    counted,
    figure,
    groups,
    snapshot,
)

pytestmark = pytest.mark.django_db


def visit(child, kind: str, on: date, *, seen=True, alone=False, views=False):
    return services.record_visit(
        child,
        kind=kind,
        visited_on=on,
        seen=seen,
        seen_alone=alone,
        views_recorded=views,
        views="I want to stay at my school." if views else "",
    )


def test_seen_alone_counts_statutory_visits_in_the_year_at_which_the_child_was_seen():
    a, b, c = child("A"), child("B"), child("C")
    visit(a, "cin", date(2024, 6, 10), alone=True)  # counted
    visit(a, "cp", date(2024, 6, 11))  # seen, not alone
    visit(b, "cla", date(2024, 6, 12), alone=True)  # counted
    visit(b, "pa", date(2024, 6, 13), alone=True)  # a personal adviser's contact: left out
    visit(c, "cin", date(2024, 6, 14), seen=False)  # not seen: left out
    visit(c, "cin", date(2024, 3, 31), alone=True)  # the year before
    db = snapshot()
    assert counted(db, "seen-alone", YEAR_2025) == [("A", False), ("A", True), ("B", True)]
    value = figure(db, "seen-alone", YEAR_2025)
    assert (value.numerator, value.denominator) == (2, 3)


def test_views_recorded_counts_every_kind_of_visit_at_which_the_child_was_seen():
    a, b, c = child("A"), child("B"), child("C")
    visit(a, "cin", date(2024, 6, 10), views=True)  # counted
    visit(a, "cp", date(2024, 6, 11))  # no views recorded
    visit(b, "pa", date(2024, 6, 12), views=True)  # personal advisers' contacts count here
    visit(c, "cla", date(2024, 6, 13), seen=False)  # not seen: left out
    visit(c, "cla", date(2025, 4, 1), views=True)  # the year after
    db = snapshot()
    assert counted(db, "views-recorded", YEAR_2025) == [("A", False), ("A", True), ("B", True)]
    value = figure(db, "views-recorded", YEAR_2025)
    assert (value.numerator, value.denominator) == (2, 3)


def test_oversight_is_in_policy_until_its_due_date_has_passed(manager):
    # Oversight of a child in need is due 30 working days after the plan starts or the
    # last oversight; there are no bank holidays from 3 Jan to 17 Apr 2025.
    a = child("A")
    services.start_plan(a, kind="cin", start_on=date(2025, 1, 2))
    services.record_oversight(
        a, kind="supervision", recorded_on=date(2025, 3, 20), manager=manager, note="Plan on track"
    )  # next due in May: in policy
    # B: from Mon 10 Feb, due Mon 24 Mar (six weeks of 5 working days): overdue on 31 Mar.
    services.start_plan(child("B"), kind="cin", start_on=date(2025, 2, 10))
    # C: from Mon 17 Feb, due Mon 31 Mar itself: not yet overdue.
    services.start_plan(child("C"), kind="cin", start_on=date(2025, 2, 17))
    # D: the plan ended on 20 Mar, and with it the need for oversight.
    ended = services.start_plan(child("D"), kind="cin", start_on=date(2025, 2, 10))
    services.end_plan(ended, end_on=date(2025, 3, 20))
    # E's plan began on 31 Mar: oversight due in May. F's plan (from 10 Feb, oversight
    # overdue since 24 Mar) ended on 31 Mar: no longer needed that day.
    services.start_plan(child("E"), kind="cin", start_on=date(2025, 3, 31))
    ended = services.start_plan(child("F"), kind="cin", start_on=date(2025, 2, 10))
    services.end_plan(ended, end_on=date(2025, 3, 31))
    # H's oversight, due Thu 13 Feb (30 working days from Thu 2 Jan), was late but made
    # on 31 Mar: the next is due in May.
    h = child("H")
    services.start_plan(h, kind="cin", start_on=date(2025, 1, 2))
    services.record_oversight(
        h, kind="decision", recorded_on=date(2025, 3, 31), manager=manager, note="Step down"
    )
    db = snapshot()
    assert counted(db, "oversight-in-policy", YEAR_2025) == [
        ("A", True), ("B", False), ("C", True), ("E", True), ("H", True),
    ]  # fmt: skip
    value = figure(db, "oversight-in-policy", YEAR_2025)
    assert (value.numerator, value.denominator) == (4, 5)


def test_caseload_is_children_held_on_the_last_day_per_worker_holding_any(
    team, worker, other_team, other_worker
):
    lee = User.objects.create(username="lee", role=Role.PRACTITIONER, team=team)
    on = date(2025, 1, 6)
    for la_id in ("A", "B", "C"):
        services.allocate(child(la_id), team, worker, on=on)
    services.allocate(child("D"), team, lee, on=on)
    services.allocate(child("E"), other_team, other_worker, on=on)
    services.allocate(child("F"), team, None, on=on)  # with the team, no worker yet
    g = child("G")
    services.allocate(g, team, worker, on=on)
    services.end_allocation(g, on=date(2025, 3, 31))  # nobody holds G from 31 March
    h = child("H")
    services.allocate(h, other_team, other_worker, on=on)
    services.allocate(h, team, worker, on=date(2025, 3, 1))  # moved to Sam
    services.allocate(child("I"), team, lee, on=date(2025, 3, 31))  # Lee's from 31 March
    db = snapshot()
    # Sam holds A, B, C and H; Lee holds D and I; Olu holds E: 7 children, 3 workers.
    value = figure(db, "caseload", YEAR_2025)
    assert (value.numerator, value.denominator) == (7, 3)
    assert value.value == pytest.approx(7 / 3)
    # Team 1: 6 children, Sam and Lee. Team 2: 1 child, Olu.
    assert groups(db, "caseload", YEAR_2025, by="team") == {
        "Safeguarding 1": (6, 2, 3.0),
        "Safeguarding 2": (1, 1, 1.0),
    }
    # By worker, each worker's own caseload (workers have no label: their ids are the groups).
    by_worker = compute(db, indicator("caseload"), YEAR_2025, by="worker")
    assert {v.group: (v.numerator, v.value) for v in by_worker} == {
        str(worker.pk): (4, 4.0),
        str(lee.pk): (2, 2.0),
        str(other_worker.pk): (1, 1.0),
    }
