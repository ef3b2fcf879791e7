"""Care leaver indicators on small cases worked out by hand.

A care leaver counts in the year of their 17th to 21st birthday if their pathway plan
had started by it; what is known about them is the status recorded nearest the birthday
from 3 months before it to 1 month after it. All cases are in the year to 31 March 2025.
"""

from datetime import date

import pytest

from oversight.casework import services
from oversight.performance.tests.conftest import YEAR_2025, child, counted, figure, snapshot

pytestmark = pytest.mark.django_db


def leaver(la_id: str, born: date, pathway_from: date | None = date(2023, 1, 2)):
    young_person = child(la_id, born)
    if pathway_from:
        services.start_plan(young_person, kind="pathway", start_on=pathway_from)
    return young_person


def status(young_person, on: date, accommodation="", activity="", *, in_touch=True):
    """A status recorded on ``on``; an accommodation code ending in 1 is suitable, in 2 not."""
    suitable = accommodation.endswith("1") if accommodation else None
    services.record_care_leaver_status(
        young_person,
        recorded_on=on,
        in_touch=in_touch,
        accommodation=accommodation,
        accommodation_suitable=suitable,
        activity=activity,
    )


def test_in_touch_reads_the_status_nearest_the_birthday_within_3_months_before_1_month_after():
    # A, 17 on 10 Jun 2024: out of touch 70 days before, in touch 10 days after. Nearest wins.
    a = leaver("A", date(2007, 6, 10))
    status(a, date(2024, 4, 1), in_touch=False)
    status(a, date(2024, 6, 20), in_touch=True)
    # B, 18 on 15 Aug 2024: the window is 15 May to 15 Sep; both statuses fall a day outside.
    b = leaver("B", date(2006, 8, 15))
    status(b, date(2024, 5, 14))
    status(b, date(2024, 9, 16))
    # C, 17 on 5 Sep 2024: in touch exactly 3 months before. D, 18 on 1 Oct 2024: in touch
    # exactly 1 month after. E, 18 on 1 Dec 2024: nothing recorded, so not in touch.
    status(leaver("C", date(2007, 9, 5)), date(2024, 6, 5))
    status(leaver("D", date(2006, 10, 1)), date(2024, 11, 1))
    leaver("E", date(2006, 12, 1))
    db = snapshot()
    assert counted(db, "care-leavers-in-touch-17-18", YEAR_2025) == [
        ("A", True), ("B", False), ("C", True), ("D", True), ("E", False),
    ]  # fmt: skip
    value = figure(db, "care-leavers-in-touch-17-18", YEAR_2025)
    assert (value.numerator, value.denominator, value.value) == (3, 5, 60.0)


def test_care_leavers_are_counted_in_the_age_band_of_the_birthday_that_fell_in_the_year():
    status(leaver("G", date(2005, 5, 1)), date(2024, 5, 1))  # 19 on 1 May 2024
    status(leaver("H", date(2003, 7, 1)), date(2024, 7, 1))  # 21 on 1 Jul 2024
    status(leaver("M", date(2004, 3, 1)), date(2025, 3, 1), in_touch=False)  # 21 on 1 Mar 2025
    status(leaver("I", date(2002, 7, 1)), date(2024, 7, 1))  # 22: too old for either band
    status(leaver("L", date(2007, 2, 1)), date(2025, 2, 1))  # 18 on 1 Feb 2025
    # J's pathway plan began the day after the 17th birthday, and K has none: at that
    # birthday neither was a care leaver.
    status(leaver("J", date(2007, 7, 1), pathway_from=date(2024, 7, 2)), date(2024, 7, 1))
    status(leaver("K", date(2007, 7, 1), pathway_from=None), date(2024, 7, 1))
    # V's pathway plan began on the 17th birthday itself: by then, so a care leaver.
    status(leaver("V", date(2007, 7, 1), pathway_from=date(2024, 7, 1)), date(2024, 7, 1))
    db = snapshot()
    assert counted(db, "care-leavers-in-touch-17-18", YEAR_2025) == [("L", True), ("V", True)]
    assert counted(db, "care-leavers-in-touch-19-21", YEAR_2025) == [
        ("G", True), ("H", True), ("M", False),
    ]  # fmt: skip
    value = figure(db, "care-leavers-in-touch-19-21", YEAR_2025)
    assert (value.numerator, value.denominator) == (2, 3)


def test_suitable_accommodation_and_education_employment_or_training_aged_17_to_18():
    status(leaver("N", date(2007, 6, 10)), date(2024, 6, 10), "D1", "F2")
    status(leaver("O", date(2006, 7, 10)), date(2024, 7, 10), "S2", "G5")
    status(leaver("P", date(2006, 8, 10)), date(2024, 8, 10))  # in touch, nothing else known
    status(leaver("Q", date(2006, 9, 10)), date(2024, 9, 10), "U1", "G6")
    db = snapshot()
    # Suitable: N (semi-independent, suitable) and Q (own tenancy, suitable): 2 of 4.
    assert counted(db, "care-leavers-accommodation-17-18", YEAR_2025) == [
        ("N", True), ("O", False), ("P", False), ("Q", True),
    ]  # fmt: skip
    assert figure(db, "care-leavers-accommodation-17-18", YEAR_2025).value == 50.0
    # Education, employment or training: N only (full-time education); O and Q are not
    # (G5, G6) and P's activity is not known: 1 of 4.
    assert counted(db, "care-leavers-eet-17-18", YEAR_2025) == [
        ("N", True), ("O", False), ("P", False), ("Q", False),
    ]  # fmt: skip
    assert figure(db, "care-leavers-eet-17-18", YEAR_2025).value == 25.0


def test_suitable_accommodation_and_education_employment_or_training_aged_19_to_21():
    status(leaver("R", date(2004, 6, 1)), date(2024, 6, 1), "U1", "P5")  # 20
    leaver("S", date(2003, 7, 1))  # 21 on 1 Jul 2024, no status: neither
    status(leaver("T", date(2005, 8, 1)), date(2024, 8, 1), "B2", "F1")  # 19
    status(leaver("U", date(2003, 9, 1)), date(2024, 9, 1), "Z1", "F4")  # 21, apprentice
    db = snapshot()
    # Suitable: R (own tenancy) and U (with former foster carers); T's is not: 2 of 4.
    assert counted(db, "care-leavers-accommodation-19-21", YEAR_2025) == [
        ("R", True), ("S", False), ("T", False), ("U", True),
    ]  # fmt: skip
    # In education, employment or training: R (part-time work), T (university), U: 3 of 4.
    assert counted(db, "care-leavers-eet-19-21", YEAR_2025) == [
        ("R", True), ("S", False), ("T", True), ("U", True),
    ]  # fmt: skip
    value = figure(db, "care-leavers-eet-19-21", YEAR_2025)
    assert (value.numerator, value.denominator, value.value) == (3, 4, 75.0)


def test_pathway_reviews_count_on_the_due_date_not_a_day_late_and_leave_out_lapsed_ones():
    # Plans made on 10 Apr 2024: the review is due 6 months later, on 10 Oct 2024.
    born = date(2007, 1, 15)
    plans = {
        la_id: services.start_plan(child(la_id, born), kind="pathway", start_on=date(2024, 4, 10))
        for la_id in ("A", "B", "C")
    }
    services.record_review(plans["A"].child, kind="pathway", held_on=date(2024, 10, 10))
    services.record_review(plans["B"].child, kind="pathway", held_on=date(2024, 10, 11))
    services.end_plan(plans["C"], end_on=date(2024, 7, 1))  # C's review stopped applying
    # D's plan from 1 Nov 2023: review due 1 May 2024, never held.
    services.start_plan(child("D", born), kind="pathway", start_on=date(2023, 11, 1))
    db = snapshot()
    assert counted(db, "pathway-reviews-on-time", YEAR_2025) == [
        ("A", True), ("B", False), ("D", False),
    ]  # fmt: skip
    value = figure(db, "pathway-reviews-on-time", YEAR_2025)
    assert (value.numerator, value.denominator) == (1, 3)
