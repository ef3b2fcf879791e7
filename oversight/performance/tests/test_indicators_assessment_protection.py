"""Assessment and child protection indicators on small cases worked out by hand.

Working days skip weekends and England bank holidays; the n-th working day after a
date is day n, the date itself is day 0.
"""

from datetime import date

import pytest

from oversight.casework import services
from oversight.performance.tests.conftest import (
    YEAR_2026,
    child,
    counted,
    figure,
    groups,
    referral,
    s47,
    snapshot,
)

pytestmark = pytest.mark.django_db


def assessed(child, started_on: date, authorised_on: date, outcome: str = "cin_plan"):
    """A referral decided for assessment on ``started_on``, authorised on ``authorised_on``."""
    made = referral(child, started_on)
    assessment = services.decide_referral(made, decision="assessment", decided_on=started_on)
    services.complete_assessment(assessment, completed_on=authorised_on, outcome=outcome)
    return made


def test_an_assessment_started_before_easter_is_in_time_on_the_45th_working_day_not_the_46th():
    # Started Thu 17 Apr 2025. Good Friday (18 Apr), Easter Monday (21 Apr), the early May
    # (5 May) and spring (26 May) bank holidays do not count. Day 1 is Tue 22 Apr:
    # 22-25 Apr 1-4, 28 Apr-2 May 5-9, 6-9 May 10-13, 12-16 May 14-18, 19-23 May 19-23,
    # 27-30 May 24-27, 2-6 Jun 28-32, 9-13 Jun 33-37, 16-20 Jun 38-42, Mon 23 Jun 43,
    # Tue 24 Jun 44, Wed 25 Jun 45, Thu 26 Jun 46.
    assessed(child("A"), date(2025, 4, 17), date(2025, 6, 25))
    assessed(child("B"), date(2025, 4, 17), date(2025, 6, 26))
    db = snapshot()
    assert counted(db, "assessment-45wd", YEAR_2026) == [("A", True), ("B", False)]
    value = figure(db, "assessment-45wd", YEAR_2026)
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)


def test_assessments_are_counted_in_the_year_they_were_authorised():
    assessed(child("A"), date(2025, 3, 3), date(2025, 3, 31))  # authorised in 2024-25
    assessed(child("B"), date(2025, 3, 3), date(2025, 4, 1))  # authorised in 2025-26
    assert counted(snapshot(), "assessment-45wd", YEAR_2026) == [("B", True)]


def test_assessments_by_team_follow_the_childs_allocation_on_the_day_of_authorisation(
    team, worker, other_team, other_worker
):
    c, d, e = child("C"), child("D"), child("E")
    services.allocate(c, team, worker, on=date(2025, 4, 1))
    services.allocate(d, team, worker, on=date(2025, 4, 1))
    services.allocate(e, other_team, other_worker, on=date(2025, 4, 1))
    assessed(c, date(2025, 5, 1), date(2025, 5, 2))  # 1 working day
    # D moves to team 2 on 1 Jun and is authorised on 1 Sep: late (45 working days from
    # Thu 1 May 2025, skipping 5 and 26 May, end on Mon 7 Jul).
    d_referral = referral(d, date(2025, 5, 1))
    d_assessment = services.decide_referral(
        d_referral, decision="assessment", decided_on=date(2025, 5, 1)
    )
    services.allocate(d, other_team, other_worker, on=date(2025, 6, 1))
    services.complete_assessment(d_assessment, completed_on=date(2025, 9, 1), outcome="cin_plan")
    assessed(e, date(2025, 5, 1), date(2025, 5, 2))
    # Team 1: C in time (1 of 1). Team 2: D late, E in time (1 of 2).
    assert groups(snapshot(), "assessment-45wd", YEAR_2026, by="team") == {
        "Safeguarding 1": (1, 1, 100.0),
        "Safeguarding 2": (1, 2, 50.0),
    }


def test_only_referrals_closed_after_an_assessment_found_no_need_are_assessed_not_in_need():
    on = date(2025, 6, 2)
    a = assessed(child("A"), on, date(2025, 6, 20), outcome="nfa")
    services.close_episode(a, closed_on=date(2025, 6, 20), reason="RC8")
    b = assessed(child("B"), on, date(2025, 6, 20), outcome="early_help")
    services.close_episode(b, closed_on=date(2025, 6, 20), reason="RC9")
    assessed(child("C"), on, date(2025, 6, 20), outcome="cin_plan")  # in need: stays open
    # D: "no further action" at the front door, with no assessment. The service closes the
    # episode with RC8, but no assessment found anything: not counted.
    referral(child("D"), on, "nfa")
    db = snapshot()
    assert counted(db, "assessment-not-in-need", YEAR_2026) == [
        ("A", True), ("B", True), ("C", False), ("D", False),
    ]  # fmt: skip
    value = figure(db, "assessment-not-in-need", YEAR_2026)
    assert (value.numerator, value.denominator, value.value) == (2, 4, 50.0)


def test_s47_rate_counts_each_enquiry_started_in_the_year_per_10000_children():
    a = child("A")
    s47(a, date(2025, 5, 22))
    s47(a, date(2026, 2, 2))  # A's second enquiry counts too
    s47(child("B"), date(2025, 12, 22))
    s47(child("C"), date(2025, 3, 31))  # the year before
    # D: the strategy discussion agreed no enquiry.
    d_referral = referral(child("D"), date(2025, 6, 2), "strategy")
    services.record_strategy_discussion(d_referral, held_on=date(2025, 6, 2), s47_agreed=False)
    value = figure(snapshot(), "s47-rate", YEAR_2026, population=30_000)
    # 3 enquiries x 10,000 / 30,000 children = 1.0.
    assert (value.numerator, value.denominator, value.value) == (3, 30_000, 1.0)


def conference(child, started_on: date, held_on: date):
    return services.hold_initial_conference(
        s47(child, started_on), held_on=held_on, plan_required=True, category_of_abuse="NEG"
    )


def test_an_icpc_after_the_spring_bank_holiday_is_in_time_on_the_15th_working_day_only():
    # Enquiry started Thu 22 May 2025; Mon 26 May is the spring bank holiday. Fri 23 May 1,
    # 27-30 May 2-5, 2-6 Jun 6-10, 9-13 Jun 11-15, Mon 16 Jun 16.
    conference(child("A"), date(2025, 5, 22), date(2025, 6, 13))
    conference(child("B"), date(2025, 5, 22), date(2025, 6, 16))
    conference(child("E"), date(2025, 3, 10), date(2025, 3, 31))  # held in the year before
    db = snapshot()
    assert counted(db, "icpc-15wd", YEAR_2026) == [("A", True), ("B", False)]
    value = figure(db, "icpc-15wd", YEAR_2026)
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)


def test_an_icpc_after_christmas_is_in_time_on_the_15th_working_day_only():
    # Enquiry started Mon 22 Dec 2025; 25 and 26 Dec and 1 Jan 2026 are bank holidays.
    # 23 Dec 1, 24 Dec 2, 29-31 Dec 3-5, Fri 2 Jan 6, 5-9 Jan 7-11, 12-15 Jan 12-15,
    # Fri 16 Jan 16.
    conference(child("C"), date(2025, 12, 22), date(2026, 1, 15))
    conference(child("D"), date(2025, 12, 22), date(2026, 1, 16))
    assert counted(snapshot(), "icpc-15wd", YEAR_2026) == [("C", True), ("D", False)]


def cp_plan(child, start_on: date, end_on: date | None = None):
    plan = services.start_plan(child, kind="cp", start_on=start_on, category_of_abuse="NEG")
    if end_on:
        services.end_plan(plan, end_on=end_on)
    return plan


def test_cp_rate_counts_each_child_on_a_plan_on_31_march_once_per_10000_children():
    a = child("A")
    cp_plan(a, date(2024, 6, 1), date(2024, 12, 1))
    cp_plan(a, date(2025, 6, 1))  # A's second plan: A counts once
    b = child("B")
    cp_plan(b, date(2026, 1, 5))
    cp_plan(b, date(2026, 1, 5))  # the same plan recorded twice: B still counts once
    cp_plan(child("C"), date(2025, 5, 1), date(2026, 3, 31))  # ended on the day
    cp_plan(child("D"), date(2026, 4, 1))  # not yet started
    cp_plan(child("E"), date(2026, 3, 31))  # started on the day
    db = snapshot()
    assert counted(db, "cp-rate", YEAR_2026) == [("A", True), ("B", True), ("E", True)]
    value = figure(db, "cp-rate", YEAR_2026, population=40_000)
    # 3 children x 10,000 / 40,000 = 0.75.
    assert (value.numerator, value.denominator, value.value) == (3, 40_000, 0.75)


def test_a_childs_second_cp_plan_counts_as_a_second_plan_and_the_first_does_not():
    a, b = child("A"), child("B")
    cp_plan(a, date(2022, 6, 1), date(2022, 12, 1))  # long before the year
    cp_plan(a, date(2025, 6, 1))  # second
    cp_plan(b, date(2025, 7, 1), date(2025, 10, 1))  # B's first, in the year
    cp_plan(b, date(2026, 2, 1))  # second
    cp_plan(child("C"), date(2025, 8, 1))  # first
    db = snapshot()
    assert counted(db, "cp-second-time", YEAR_2026) == [
        ("A", True), ("B", False), ("B", True), ("C", False),
    ]  # fmt: skip
    value = figure(db, "cp-second-time", YEAR_2026)
    assert (value.numerator, value.denominator, value.value) == (2, 4, 50.0)


def test_a_cp_plan_ended_on_its_second_anniversary_lasted_two_years_and_the_day_before_did_not():
    cp_plan(child("A"), date(2023, 6, 10), date(2025, 6, 10))  # exactly 2 years
    cp_plan(child("B"), date(2023, 6, 10), date(2025, 6, 9))  # a day short
    cp_plan(child("C"), date(2025, 1, 1), date(2025, 7, 1))
    cp_plan(child("D"), date(2023, 1, 1))  # still open: not ended in the year
    db = snapshot()
    assert counted(db, "cp-two-years-ended", YEAR_2026) == [
        ("A", True), ("B", False), ("C", False),
    ]  # fmt: skip
    value = figure(db, "cp-two-years-ended", YEAR_2026)
    assert (value.numerator, value.denominator) == (1, 3)
    assert value.value == pytest.approx(100 / 3)


def test_cp_visits_count_on_the_due_date_not_a_day_late_and_leave_out_lapsed_and_not_yet_late():
    # Plans from Mon 2 Jun 2025: the first visit is due 10 working days later, Mon 16 Jun.
    a, b, c, e = child("A"), child("B"), child("C"), child("E")
    plans = {x: cp_plan(x, date(2025, 6, 2)) for x in (a, b, c, e)}
    services.record_visit(a, kind="cp", visited_on=date(2025, 6, 16), plan=plans[a])
    services.record_visit(b, kind="cp", visited_on=date(2025, 6, 17), plan=plans[b])
    # A's and B's next visits (due 30 Jun, 1 Jul) lapse when their plans end on 20 Jun.
    services.end_plan(plans[a], end_on=date(2025, 6, 20))
    services.end_plan(plans[b], end_on=date(2025, 6, 20))
    services.end_plan(plans[c], end_on=date(2025, 6, 10))  # C's visit lapsed before it was due
    # E is never visited: late.
    # D's plan from Tue 17 Mar 2026 makes its first visit due on Tue 31 Mar, the year's
    # last day (18-20 Mar 1-3, 23-27 Mar 4-8, 30 Mar 9, 31 Mar 10): not yet late.
    cp_plan(child("D"), date(2026, 3, 17))
    db = snapshot()
    assert counted(db, "cp-visits-on-time", YEAR_2026) == [
        ("A", True), ("B", False), ("E", False),
    ]  # fmt: skip
    value = figure(db, "cp-visits-on-time", YEAR_2026)
    assert (value.numerator, value.denominator) == (1, 3)


def test_cp_reviews_count_children_whose_every_review_due_so_far_was_held_on_time():
    def on_plan(la_id, icpc_on):
        return conference(child(la_id), icpc_on, icpc_on)[1]

    # ICPCs on Mon 2 Jun 2025: first review due 2 Sep 2025, then 6 months after each.
    a = on_plan("A", date(2025, 6, 2))
    services.hold_review_conference(a, held_on=date(2025, 9, 2), plan_continues=True)
    services.hold_review_conference(a, held_on=date(2026, 3, 2), plan_continues=True)
    b = on_plan("B", date(2025, 6, 2))
    services.hold_review_conference(b, held_on=date(2025, 9, 3), plan_continues=True)  # late
    services.hold_review_conference(b, held_on=date(2026, 3, 3), plan_continues=True)
    c = on_plan("C", date(2025, 6, 2))
    services.hold_review_conference(c, held_on=date(2025, 9, 2), plan_continues=True)
    # C's next review fell due on 2 Mar 2026 and was not held by 31 Mar: late.
    on_plan("D", date(2026, 1, 5))  # on a plan for less than 3 months on 31 Mar
    e = on_plan("E", date(2025, 6, 2))
    services.hold_review_conference(e, held_on=date(2025, 9, 2), plan_continues=False)  # ended
    # F: on a plan from 31 Dec 2025, exactly 3 months on 31 Mar; its first review, due
    # 31 Mar, was held early on 20 Mar.
    f = on_plan("F", date(2025, 12, 31))
    services.hold_review_conference(f, held_on=date(2026, 3, 20), plan_continues=True)
    # G: reviews on time, but the plan ended on 31 Mar: not on a plan that day.
    g = on_plan("G", date(2025, 6, 2))
    services.hold_review_conference(g, held_on=date(2025, 9, 2), plan_continues=True)
    services.hold_review_conference(g, held_on=date(2026, 3, 2), plan_continues=True)
    services.end_plan(g, end_on=date(2026, 3, 31))
    db = snapshot()
    assert counted(db, "cp-reviews-on-time", YEAR_2026) == [
        ("A", True), ("B", False), ("C", False), ("F", True),
    ]  # fmt: skip
    value = figure(db, "cp-reviews-on-time", YEAR_2026)
    assert (value.numerator, value.denominator, value.value) == (2, 4, 50.0)
