"""Front door indicators on small cases worked out by hand: contacts, referrals, decisions."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.performance.periods import Period
from oversight.performance.tests.conftest import (
    YEAR_2025,
    YEAR_2026,
    child,
    counted,
    figure,
    groups,
    referral,
    snapshot,
)

pytestmark = pytest.mark.django_db


def contact(child, received_on: date, outcome: str = "", decided_on: date | None = None):
    made = services.record_contact(child, received_on=received_on, source_code="2A")
    if outcome:
        services.decide_contact(made, outcome=outcome, decided_on=decided_on or received_on)
    return made


def test_contacts_counts_every_contact_received_in_the_year_whatever_became_of_it():
    a, b = child("A"), child("B")
    contact(a, date(2024, 3, 31), "nfa")  # the year before
    contact(a, date(2024, 4, 1), "nfa")  # first day of the year
    contact(b, date(2024, 10, 15), "referral")
    contact(b, date(2025, 3, 31))  # last day of the year, not yet decided
    value = figure(snapshot(), "contacts", YEAR_2025)
    # 1 Apr 2024, 15 Oct 2024 and 31 Mar 2025: 3.
    assert (value.numerator, value.denominator, value.value) == (3, None, 3.0)


def test_contact_conversion_is_the_share_of_contacts_decided_in_the_year_that_became_referrals():
    contact(child("A"), date(2024, 3, 28), "referral", decided_on=date(2024, 4, 2))  # counted
    contact(child("B"), date(2024, 6, 10), "referral")  # counted
    contact(child("C"), date(2024, 6, 11), "advice")
    contact(child("D"), date(2024, 6, 12), "nfa")
    contact(child("E"), date(2025, 3, 25))  # not decided: left out
    # F: decided in March 2024, the year before.
    contact(child("F"), date(2024, 3, 20), "early_help", decided_on=date(2024, 3, 29))
    db = snapshot()
    # 2 referrals of the 4 contacts decided from 1 Apr 2024 to 31 Mar 2025.
    assert counted(db, "contact-conversion", YEAR_2025) == [
        ("A", True), ("B", True), ("C", False), ("D", False),
    ]  # fmt: skip
    value = figure(db, "contact-conversion", YEAR_2025)
    assert (value.numerator, value.denominator, value.value) == (2, 4, 50.0)


def test_a_contact_coming_back_within_28_days_of_no_further_action_counts_from_the_decision():
    a, b, c, d = child("A"), child("B"), child("C"), child("D")
    # A: decided 1 Mar 2025, back on 29 Mar: 28 days after the decision (30 after receipt).
    contact(a, date(2025, 2, 27), "nfa", decided_on=date(2025, 3, 1))
    contact(a, date(2025, 3, 29))
    # B: decided 3 Feb 2025, back on 4 Mar: 29 days after (February 2025 has 28 days).
    contact(b, date(2025, 2, 3), "nfa")
    contact(b, date(2025, 3, 4))
    # C: decided 10 Mar 2025; its 28 days run to 7 Apr, after the year ends: left out.
    contact(c, date(2025, 3, 10), "nfa")
    # D: decided 3 Mar 2025; its 28 days end on 31 Mar, the year's last day; not back.
    contact(d, date(2025, 3, 3), "nfa")
    # E: decided 4 Mar 2025; its 28 days end on 1 Apr, a day after the year: left out.
    contact(child("E"), date(2025, 3, 4), "nfa")
    db = snapshot()
    assert counted(db, "contacts-repeat-after-nfa", YEAR_2025) == [
        ("A", True), ("B", False), ("D", False),
    ]  # fmt: skip
    value = figure(db, "contacts-repeat-after-nfa", YEAR_2025)
    assert (value.numerator, value.denominator) == (1, 3)
    assert value.value == pytest.approx(100 / 3)


def test_referrals_rate_counts_each_referral_per_10000_children_of_the_population_given():
    a, b, c = child("A"), child("B"), child("C")
    referral(a, date(2024, 5, 1), "nfa")
    referral(a, date(2024, 11, 1), "nfa")  # referred twice: counts twice
    referral(b, date(2025, 3, 31))
    referral(c, date(2024, 3, 31), "nfa")  # the year before
    value = figure(snapshot(), "referrals-rate", YEAR_2025, population=12_000)
    # 3 referrals x 10,000 / 12,000 children = 2.5.
    assert (value.numerator, value.denominator, value.value) == (3, 12_000, 2.5)


def test_a_referral_on_31_march_2025_counts_in_2024_25_and_not_in_2025_26():
    referral(child("B"), date(2025, 3, 31))
    referral(child("C"), date(2025, 4, 1))
    db = snapshot()
    assert counted(db, "referrals-rate", YEAR_2025) == [("B", True)]
    assert counted(db, "referrals-rate", YEAR_2026) == [("C", True)]
    assert figure(db, "referrals-rate", YEAR_2025, population=10_000).value == 1.0
    assert figure(db, "referrals-rate", YEAR_2026, population=10_000).value == 1.0


def test_referral_decisions_count_by_the_end_of_the_next_working_day_after_easter():
    april = Period(date(2025, 4, 1), date(2025, 4, 30))
    # Received Thu 17 Apr 2025: Good Friday (18th) and Easter Monday (21st) are bank
    # holidays, so the decision is due on Tue 22 Apr.
    a, b, c = child("A"), child("B"), child("C")
    services.decide_referral(
        referral(a, date(2025, 4, 17)), decision="nfa", decided_on=date(2025, 4, 22)
    )
    services.decide_referral(
        referral(b, date(2025, 4, 17)), decision="nfa", decided_on=date(2025, 4, 23)
    )
    referral(c, date(2025, 4, 17))  # never decided: late once 22 Apr has passed
    # D: received Tue 29 Apr, due Wed 30 Apr, the period's last day: not yet late, left out.
    referral(child("D"), date(2025, 4, 29))
    # F: received Mon 31 Mar, due Tue 1 Apr, decided that day: due in April, on time.
    f = referral(child("F"), date(2025, 3, 31))
    services.decide_referral(f, decision="nfa", decided_on=date(2025, 4, 1))
    db = snapshot()
    assert counted(db, "referral-decision-timely", april) == [
        ("A", True), ("B", False), ("C", False), ("F", True),
    ]  # fmt: skip
    value = figure(db, "referral-decision-timely", april)
    assert (value.numerator, value.denominator, value.value) == (2, 4, 50.0)


def test_referral_nfa_is_the_share_of_referrals_received_that_were_decided_no_further_action():
    referral(child("A"), date(2024, 6, 3), "nfa")
    referral(child("B"), date(2024, 6, 3), "assessment")
    referral(child("C"), date(2024, 9, 2), "nfa")
    referral(child("D"), date(2025, 3, 31))  # not decided yet: in the denominator
    referral(child("E"), date(2024, 9, 2), "early_help")
    referral(child("F"), date(2025, 4, 1), "nfa")  # next year
    value = figure(snapshot(), "referral-nfa", YEAR_2025)
    # 2 (A, C) of the 5 referrals received in the year.
    assert (value.numerator, value.denominator, value.value) == (2, 5, 40.0)


def test_a_referral_exactly_12_months_after_the_last_one_is_a_re_referral_even_across_years():
    a, b = child("A"), child("B")
    referral(a, date(2024, 5, 15), "nfa")  # in 2024-25
    referral(a, date(2025, 5, 15))  # 12 months to the day later, in 2025-26: counts
    referral(b, date(2024, 5, 14), "nfa")
    referral(b, date(2025, 5, 15))  # 12 months and a day later: does not
    db = snapshot()
    assert counted(db, "rereferrals", YEAR_2026) == [("A", True), ("B", False)]
    # The earlier referrals are units of the year they were received in, not re-referrals.
    assert counted(db, "rereferrals", YEAR_2025) == [("A", False), ("B", False)]


def test_rereferrals_is_the_share_of_referrals_that_followed_one_within_12_months():
    a, c = child("A"), child("C")
    referral(a, date(2024, 5, 15), "nfa")
    referral(a, date(2025, 5, 15))  # re-referral
    referral(c, date(2025, 6, 2), "nfa")  # C's first
    referral(c, date(2025, 9, 1))  # re-referral
    referral(child("D"), date(2025, 7, 1))  # first
    # E was referred twice on 1 Jul 2025: the one recorded second is a re-referral.
    e = child("E")
    referral(e, date(2025, 7, 1))
    referral(e, date(2025, 7, 1))
    db = snapshot()
    assert counted(db, "rereferrals", YEAR_2026) == [
        ("A", True), ("C", False), ("C", True), ("D", False), ("E", False), ("E", True),
    ]  # fmt: skip
    value = figure(db, "rereferrals", YEAR_2026)
    # Of the 6 referrals received in 2025-26, 3 (A's, C's second, E's second) were re-referrals.
    assert (value.numerator, value.denominator, value.value) == (3, 6, 50.0)


def test_referral_consistency_by_team_counts_decisions_unlike_the_las_usual_one(
    team, other_team, manager
):
    def decided(la_id, decision, referral_team, source="2A", need="N4"):
        made = referral(
            child(la_id), date(2024, 7, 1), source=source, need=need, team=referral_team
        )
        services.decide_referral(made, decision=decision, decided_on=date(2024, 7, 2), by=manager)

    # Schools (2A), family in acute stress (N4): 5 referrals, 3 assessed, so assessment is
    # the usual decision; the 2 decided "no further action" in team 1 depart from it.
    decided("A", "nfa", team)
    decided("B", "nfa", team)
    decided("C", "assessment", team)
    decided("D", "assessment", other_team)
    decided("E", "assessment", other_team)
    # Police (6), abuse or neglect (N1): 4 referrals, too few to say what is usual.
    for la_id in ("G", "H", "I"):
        decided(la_id, "strategy", team, source="6", need="N1")
    decided("J", "nfa", team, source="6", need="N1")
    # L, like A to E but decided in March 2024: another year.
    earlier = referral(child("L"), date(2024, 3, 28), source="2A", need="N4", team=team)
    services.decide_referral(earlier, decision="nfa", decided_on=date(2024, 3, 28), by=manager)
    referral(child("K"), date(2024, 7, 1), source="2A", need="N4")  # not decided: left out
    db = snapshot()
    value = figure(db, "referral-consistency", YEAR_2025)
    assert (value.numerator, value.denominator, value.value) == (2, 5, 40.0)
    # Team 1: 2 of its 3 departed (66.67%); team 2: neither of its 2.
    assert groups(db, "referral-consistency", YEAR_2025, by="team") == {
        "Safeguarding 1": (2, 3, 66.67),
        "Safeguarding 2": (0, 2, 0.0),
    }
