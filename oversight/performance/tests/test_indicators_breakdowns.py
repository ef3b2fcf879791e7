"""Breakdowns and the children behind a figure, on small cases worked out by hand.

(Team breakdowns are also tested with the indicators they suit: assessments, referral
consistency and caseloads.)
"""

from datetime import date

import pytest

from oversight.casework import services
from oversight.performance.catalogue import indicator
from oversight.performance.engine import compute, units
from oversight.performance.tests.conftest import (
    YEAR_2025,
    child,
    groups,
    la_id,
    referral,
    snapshot,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def referrals_by_age():
    """Referrals in 2024-25 of children of each age band, on the day they came in."""
    referral(child("A", date(2024, 1, 1)), date(2024, 6, 3), "nfa")  # 0: under 1
    referral(child("B", date(2024, 3, 1)), date(2024, 7, 1), "assessment")  # 0: under 1
    referral(child("G", date(2024, 6, 3)), date(2024, 6, 3), "assessment")  # born that day
    referral(child("C", date(2019, 9, 2)), date(2024, 9, 2), "nfa")  # 5 that day: 5 to 9
    referral(child("D", date(2019, 9, 3)), date(2024, 9, 2), "assessment")  # 5 tomorrow: 1 to 4
    referral(child("E", date(2008, 9, 2)), date(2024, 9, 1), "nfa")  # 15, 16 tomorrow
    referral(child("F", date(2008, 9, 1)), date(2024, 9, 2), "nfa")  # 16 yesterday


def test_referral_nfa_by_age_takes_the_childs_age_on_the_day_of_the_referral(referrals_by_age):
    assert groups(snapshot(), "referral-nfa", YEAR_2025, by="age") == {
        "Under 1": (1, 3, 33.33),
        "1 to 4": (0, 1, 0.0),
        "5 to 9": (1, 1, 100.0),
        "10 to 15": (1, 1, 100.0),
        "16 and over": (1, 1, 100.0),
    }


def test_units_are_the_children_behind_the_numerator_and_denominator(referrals_by_age):
    db, nfa = snapshot(), indicator("referral-nfa")
    (whole,) = compute(db, nfa, YEAR_2025)
    rows = units(db, nfa, YEAR_2025)
    assert (whole.numerator, whole.denominator) == (4, 7)
    assert sorted(la_id(r.child_id) for r in rows) == ["A", "B", "C", "D", "E", "F", "G"]
    assert sorted(la_id(r.child_id) for r in rows if r.counted) == ["A", "C", "E", "F"]
    # And behind one group: the three children referred before their first birthday, by date.
    under_one = units(db, nfa, YEAR_2025, by="age", group="Under 1")
    assert [(la_id(r.child_id), r.counted) for r in under_one] == [
        ("A", True), ("G", False), ("B", False),
    ]  # fmt: skip


def test_units_are_placed_with_the_team_and_worker_holding_the_child_that_day(
    team, worker, other_team, other_worker
):
    a = child("A")
    services.allocate(a, team, worker, on=date(2024, 4, 1))
    services.start_plan(a, kind="cin", start_on=date(2024, 4, 1))
    services.allocate(a, other_team, other_worker, on=date(2024, 6, 3))
    db, rate = snapshot(), indicator("cin-plans-over-12-months")
    # On 31 Mar 2025 A is Olu's, in team 2; the breakdown and the list agree.
    (row,) = units(db, rate, YEAR_2025, by="team", group=str(other_team.pk))
    assert (la_id(row.child_id), row.team_id, row.worker_id) == (
        "A",
        other_team.pk,
        other_worker.pk,
    )
    assert [(v.label, v.denominator) for v in compute(db, rate, YEAR_2025, by="team")] == [
        ("Safeguarding 2", 1)
    ]
