"""Who is on each list, at the edges of its window (six months to 31 March 2025 run from
1 October 2024), worked out by hand from Ofsted's rule for the list."""

from datetime import date, timedelta

import pytest

from oversight.casework import services
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.tests.journeys import (
    AFTER,
    AS_AT,
    BEFORE,
    FIRST,
    LONG_AGO,
    assessed,
    child,
    enquiry,
    in_care,
    listed,
    plan,
    referral,
)
from oversight.exchange.annex_a.windows import Rule, Window, chosen
from oversight.exchange.annex_a.write import BUILDERS

pytestmark = pytest.mark.django_db
SUMMER = date(2024, 8, 1)


def test_six_months_to_31_march_run_from_1_october():
    window = Window.months_to(AS_AT, 6)
    assert (window.first, window.last) == (FIRST, AS_AT)
    assert Window.months_to(date(2025, 8, 31), 6).first == date(2025, 3, 1)


def test_an_event_is_on_the_list_from_the_first_day_to_the_inspection_date():
    window = Window.months_to(AS_AT, 6)
    days = {BEFORE: False, FIRST: True, AS_AT: True, AFTER: False}
    assert {day: chosen(Rule.EVENT, window, day) for day in days} == days


def test_a_span_is_on_the_list_while_open_or_when_it_ended_in_the_window():
    window = Window.months_to(AS_AT, 6)
    assert not chosen(Rule.OPEN_OR_ENDED, window, SUMMER, BEFORE)
    assert chosen(Rule.OPEN_OR_ENDED, window, SUMMER, FIRST)
    assert chosen(Rule.OPEN_OR_ENDED, window, LONG_AGO, None)
    assert not chosen(Rule.OPEN_OR_ENDED, window, AFTER, None)


def test_list_1_takes_contacts_received_in_the_window():
    for name, day in (("before", BEFORE), ("first", FIRST), ("last", AS_AT), ("after", AFTER)):
        services.record_contact(child(name), received_on=day, source_code="6")
    assert listed(1) == ["first", "last"]


def test_list_2_takes_early_help_started_in_the_window_or_open_on_the_date():
    ended_before = services.start_early_help(child("ended-before"), started_on=SUMMER)
    services.end_early_help(ended_before, ended_on=BEFORE, reason="needs_met")
    services.start_early_help(child("started-first"), started_on=FIRST)
    services.start_early_help(child("open"), started_on=LONG_AGO)
    ended_on_date = services.start_early_help(child("ended-on-date"), started_on=LONG_AGO)
    services.end_early_help(ended_on_date, ended_on=AS_AT, reason="needs_met")
    ended_day_before = services.start_early_help(child("ended-day-before"), started_on=LONG_AGO)
    services.end_early_help(ended_day_before, ended_on=AS_AT - timedelta(1), reason="needs_met")
    services.start_early_help(child("after"), started_on=AFTER)
    assert listed(2) == ["ended-on-date", "open", "started-first"]


def test_list_2_gives_the_assessment_completed_by_the_date_and_not_after():
    done = services.start_early_help(child("assessed"), started_on=FIRST)
    services.complete_early_help_assessment(done, completed_on=AS_AT)
    later = services.start_early_help(child("assessed-after"), started_on=FIRST)
    services.complete_early_help_assessment(later, completed_on=AFTER)
    services.start_early_help(child("not-assessed"), started_on=FIRST)
    rows = BUILDERS[2](Context(AS_AT))
    completed = {row["child_id"]: row["eh_completed"] for row in rows}
    assert completed == {"assessed": AS_AT, "assessed-after": None, "not-assessed": None}


def test_list_3_takes_referrals_received_in_the_window():
    for name, day in (("before", BEFORE), ("first", FIRST), ("last", AS_AT), ("after", AFTER)):
        referral(child(name), day)
    assert listed(3) == ["first", "last"]


def test_list_4_takes_assessments_open_on_the_date_or_completed_in_the_window():
    assessed(child("done-before"), SUMMER, done=BEFORE)
    assessed(child("done-first"), SUMMER, done=FIRST)
    assessed(child("open"), LONG_AGO)
    assessed(child("after"), AFTER)
    assert listed(4) == ["done-first", "open"]


def test_list_5_takes_enquiries_started_in_the_window_or_open_on_the_date():
    enquiry(child("done-before"), SUMMER, done=BEFORE)
    enquiry(child("open"), BEFORE)
    enquiry(child("first"), FIRST, done=FIRST + timedelta(10))
    enquiry(child("last"), AS_AT)
    enquiry(child("after"), AFTER)
    assert listed(5) == ["first", "last", "open"]


def test_list_6_takes_cin_episodes_open_on_the_date_or_closed_in_the_window():
    for name, closed in (("closed-before", BEFORE), ("closed-first", FIRST)):
        episode = assessed(child(name), SUMMER, done=SUMMER + timedelta(20)).referral
        services.close_episode(episode, closed_on=closed, reason="RC8")
    assessed(child("open"), LONG_AGO)
    only_referred = referral(child("only-referred"), FIRST)
    services.decide_referral(only_referred, decision="nfa", decided_on=FIRST)
    assessed(child("after"), AFTER)
    assert listed(6) == ["closed-first", "open"]


def test_list_7_takes_protection_plans_open_on_the_date_or_ended_in_the_window():
    plan(child("ended-before"), "cp", SUMMER, end=BEFORE)
    plan(child("ended-first"), "cp", SUMMER, end=FIRST)
    plan(child("open"), "cp", LONG_AGO)
    plan(child("after"), "cp", AFTER)
    assert listed(7) == ["ended-first", "open"]


def test_list_8_takes_children_in_care_on_the_date_or_who_left_in_the_window():
    in_care(child("left-before"), SUMMER, end=BEFORE)
    in_care(child("left-first"), SUMMER, end=FIRST)
    in_care(child("in-care"), LONG_AGO)
    in_care(child("after"), AFTER)
    assert listed(8) == ["in-care", "left-first"]


def test_list_9_takes_care_leavers_with_a_pathway_plan_open_on_the_date():
    born = date(2006, 1, 1)
    plan(child("open", born=born), "pathway", LONG_AGO)
    plan(child("ended-day-before", born=born), "pathway", LONG_AGO, end=AS_AT - timedelta(1))
    plan(child("ended-on-date", born=born), "pathway", LONG_AGO, end=AS_AT)
    plan(child("after", born=born), "pathway", AFTER)
    assert listed(9) == ["ended-on-date", "open"]


def test_list_10_takes_adoptions_decisions_and_reversals_of_the_12_months():
    # Twelve months to 31 March 2025 run from 1 April 2024.
    in_care(child("adopted-first-day"), LONG_AGO, end=date(2024, 4, 1), reason="E11")
    in_care(child("adopted-before"), LONG_AGO, end=date(2024, 3, 31), reason="E12")
    for name, decided, reversed_on in (
        ("decided-in", date(2024, 4, 1), None), ("decided-before", date(2024, 3, 29), None),
        ("reversed-in", date(2023, 6, 1), AS_AT), ("decided-after", AFTER, None),
    ):  # fmt: skip
        episode, _, _ = services.start_care_episode(
            child(name), started_on=LONG_AGO, legal_status="C2", placement_type="U6"
        )
        decision = services.record_adoption_decision(episode, decided_on=decided)
        if reversed_on:
            services.reverse_adoption_decision(decision, reversed_on=reversed_on, reason="RD3")
    assert listed(10) == ["adopted-first-day", "decided-in", "reversed-in"]


def test_list_11_is_empty_for_the_records_hold_no_adopters():
    in_care(child("adopted"), LONG_AGO, end=FIRST, reason="E11")
    assert listed(11) == []


def test_what_happens_after_the_date_is_not_known_on_it():
    waiting = referral(child("waiting"), AS_AT)
    services.decide_referral(waiting, decision="assessment", decided_on=AFTER)
    assessed(child("assessed-later"), FIRST, done=AFTER)
    assert listed(6) == ["assessed-later"]  # "waiting" was only a referral on the date
    referrals = {row["child_id"]: row for row in BUILDERS[3](Context(AS_AT))}
    assert referrals["waiting"]["referral_nfa"] == "U"  # undecided on the date
    (assessment,) = [row for row in BUILDERS[4](Context(AS_AT))]
    assert assessment["assessment_authorised"] is None and assessment["assessment_support"] is None
