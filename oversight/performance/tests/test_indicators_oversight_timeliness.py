"""Management oversight recorded on time, worked out by hand.

Oversight of a child in need is due 30 working days after the plan starts or the last
oversight (the default local policy); there are no bank holidays from 3 Jan to 17 Apr 2025.
"""

from datetime import date

import pytest

from oversight.casework import services
from oversight.performance.tests.conftest import YEAR_2025, child, counted, figure, snapshot

pytestmark = pytest.mark.django_db


def oversee(who, on: date, manager) -> None:
    services.record_oversight(who, kind="supervision", recorded_on=on, manager=manager,
                              note="Reviewed the plan")  # fmt: skip


def test_oversight_due_in_the_year_counts_when_recorded_by_its_due_date(manager):
    # A: plan from Thu 2 Jan, oversight due Thu 13 Feb, recorded Mon 10 Feb (on time); the
    # next is due Mon 24 Mar (30 working days from 10 Feb) and is not recorded by 31 Mar.
    a = child("A")
    services.start_plan(a, kind="cin", start_on=date(2025, 1, 2))
    oversee(a, date(2025, 2, 10), manager)
    # B: plan from Mon 10 Feb, due Mon 24 Mar, recorded that day: on time.
    b = child("B")
    services.start_plan(b, kind="cin", start_on=date(2025, 2, 10))
    oversee(b, date(2025, 3, 24), manager)
    # C: plan from Mon 10 Feb ended on 20 Mar, before its oversight fell due: left out.
    ended = services.start_plan(child("C"), kind="cin", start_on=date(2025, 2, 10))
    services.end_plan(ended, end_on=date(2025, 3, 20))
    # D: plan from Mon 17 Feb, due Mon 31 Mar, recorded Tue 1 Apr: late.
    d = child("D")
    services.start_plan(d, kind="cin", start_on=date(2025, 2, 17))
    oversee(d, date(2025, 4, 1), manager)
    db = snapshot()
    assert sorted(counted(db, "oversight-on-time", YEAR_2025)) == [
        ("A", False), ("A", True), ("B", True), ("D", False),
    ]  # fmt: skip
    value = figure(db, "oversight-on-time", YEAR_2025)
    assert (value.numerator, value.denominator) == (2, 4)
