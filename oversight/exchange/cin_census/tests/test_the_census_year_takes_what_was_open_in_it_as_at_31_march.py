"""Who and what the 2025-26 census returns: what was open at some time between 1 April
2025 and 31 March 2026, as it stood on 31 March 2026."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import PlanKind
from oversight.exchange.cin_census.tests import records
from oversight.exchange.cin_census.tests.census_files import child_in, returned_ids, written_root

pytestmark = pytest.mark.django_db


def test_children_whose_episodes_closed_before_the_year_or_began_after_it_are_left_out():
    records.open_at_the_start_of_the_year()
    records.closed_before_the_year()
    records.referred_after_the_year()
    records.assessed_across_the_year_end()
    assert returned_ids(written_root()) == ["C3", "F6"]


def test_an_episode_open_on_1_april_keeps_its_plan_but_not_an_assessment_done_before():
    records.open_at_the_start_of_the_year()
    episode = child_in(written_root(), "C3").find("CINdetails")
    assert episode.findtext("CINreferralDate") == "2024-11-04"
    assert episode.findtext("CINclosureDate") == "2025-06-30"
    assert episode.findtext("ReasonForClosure") == "RC7"
    assert episode.find("Assessments") is None  # authorised 20 December 2024
    assert [p.findtext("CINPlanStartDate") for p in episode.iter("CINPlanDates")] == ["2024-12-23"]
    assert episode.findtext("CINPlanDates/CINPlanEndDate") == "2025-06-30"


def test_what_happened_after_31_march_is_returned_as_not_yet_happened():
    records.assessed_across_the_year_end()
    episode = child_in(written_root(), "F6").find("CINdetails")
    assert episode.find("CINclosureDate") is None  # closed 20 April 2026
    assert episode.find("ReasonForClosure") is None
    assessment = episode.find("Assessments")
    assert assessment.findtext("AssessmentActualStartDate") == "2026-03-23"
    assert assessment.find("AssessmentAuthorisationDate") is None  # authorised 20 April
    assert assessment.find("FactorsIdentifiedAtAssessment") is None


def test_a_plan_from_before_the_year_counts_earlier_plans_and_returns_only_this_years_reviews():
    k9 = records.child("K9", "2", date(2015, 1, 9))
    first = services.record_referral(k9, received_on=date(2023, 2, 1), source_code="6")
    services.decide_referral(first, decision="strategy", decided_on=date(2023, 2, 1))
    _, s47 = services.record_strategy_discussion(first, held_on=date(2023, 2, 1))
    _, old_plan = services.hold_initial_conference(
        s47, held_on=date(2023, 2, 20), plan_required=True, category_of_abuse="EMO"
    )
    services.hold_review_conference(old_plan, held_on=date(2023, 5, 15), plan_continues=False)
    services.close_episode(first, closed_on=date(2023, 5, 15), reason="RC7")
    second = services.record_referral(k9, received_on=date(2025, 1, 6), source_code="6")
    services.decide_referral(second, decision="strategy", decided_on=date(2025, 1, 6))
    _, s47 = services.record_strategy_discussion(second, held_on=date(2025, 1, 6))
    _, plan = services.hold_initial_conference(
        s47, held_on=date(2025, 1, 20), plan_required=True, category_of_abuse="PHY"
    )
    services.hold_review_conference(plan, held_on=date(2025, 3, 20), plan_continues=True)
    services.hold_review_conference(plan, held_on=date(2025, 6, 10), plan_continues=True)

    episodes = child_in(written_root(), "K9").findall("CINdetails")
    assert [e.findtext("CINreferralDate") for e in episodes] == ["2025-01-06"]
    # The enquiry ended at its conference in January 2025, before the year.
    assert episodes[0].find("Section47") is None
    plan_element = episodes[0].find("ChildProtectionPlans")
    assert plan_element.findtext("CPPstartDate") == "2025-01-20"
    assert plan_element.find("CPPendDate") is None
    assert plan_element.findtext("InitialCategoryOfAbuse") == "PHY"
    assert plan_element.findtext("NumberOfPreviousCPP") == "1"
    assert [r.text for r in plan_element.iter("CPPreviewDate")] == ["2025-06-10"]


def test_a_plan_is_returned_in_the_episode_during_which_it_started():
    l10 = records.child("L10", "1", date(2012, 10, 10))
    first = services.record_referral(l10, received_on=date(2025, 4, 7), source_code="2A")
    plan = services.start_plan(l10, kind=PlanKind.CIN, start_on=date(2025, 5, 1))
    services.end_plan(plan, end_on=date(2025, 8, 1))
    services.close_episode(first, closed_on=date(2025, 8, 1), reason="RC7")
    services.record_referral(l10, received_on=date(2025, 11, 3), source_code="2A")
    services.start_plan(l10, kind=PlanKind.CIN, start_on=date(2025, 12, 1))

    episodes = child_in(written_root(), "L10").findall("CINdetails")
    starts = [[p.text for p in e.iter("CINPlanStartDate")] for e in episodes]
    assert starts == [["2025-05-01"], ["2025-12-01"]]
