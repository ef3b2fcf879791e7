"""The improvement plan and self-evaluation pages: what they show, who may read and write.

Today is frozen at 12 March 2025 (``conftest``). Reading's inspection of January 2025
made one recommendation and one area for priority action (``plan_cases``).
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.roles import Role
from oversight.inspection import plans
from oversight.inspection.models import ActionStatus, FindingKind, ImprovementAction
from oversight.inspection.tests.plan_cases import (
    PRIORITY,
    RECOMMENDATION,
    own_inspection,
    staff,
    stored_value,
)
from oversight.performance.catalogue import indicator
from oversight.performance.models import IndicatorValue
from oversight.web.forms.saving import RECORD_CHANGED
from oversight.web.tests.conftest import TODAY
from oversight.web.tests.helpers import date_fields, error_summary, text
from oversight.web.views.improvement import direction

EVERY_PAGE = [
    ("improvement", {}),
    ("add-action", {"finding_pk": 0}),
    ("record-update", {"action_pk": 0}),
    ("self-evaluations", {}),
    ("self-evaluation", {"year": "2025-26"}),
    ("self-evaluation-status", {"year": "2025-26"}),
    ("edit-evaluation-area", {"year": "2025-26", "area": "leaders"}),
]


@pytest.fixture
def inspection(settings, db):
    return own_inspection(settings)


@pytest.fixture
def recommendation(inspection):
    return inspection.findings.get(kind=FindingKind.RECOMMENDATION)


@pytest.fixture
def action(recommendation, senior_leader):
    """Due on 28 February 2025 and not done: overdue on 12 March."""
    stored_value("cp-visits-on-time", 60.0, date(2025, 2, 28))
    facts = plans.ActionFacts(
        "Weekly CP visits tracker", senior_leader, date(2025, 2, 28), "cp-visits-on-time", 80.0
    )
    made = plans.add_action(recommendation, facts, senior_leader)
    stored_value("cp-visits-on-time", 75.0, TODAY)
    return made


@pytest.fixture
def evaluation(senior_leader, db):
    return plans.start_self_evaluation("2024-25", senior_leader, TODAY)


def test_the_plan_lists_the_priority_action_needing_an_action_first(
    signed_in, senior_leader, inspection, action
):
    body = text(signed_in(senior_leader).get(reverse("web:improvement")))
    assert "1 area for priority action needs an action" in body
    assert body.index("Needs an action") < body.index(PRIORITY) < body.index(RECOMMENDATION)


def test_the_plan_flags_an_overdue_action_and_shows_its_progress(signed_in, manager, action):
    body = text(signed_in(manager).get(reverse("web:improvement")))
    assert "1 overdue action" in body
    assert "Weekly CP visits tracker" in body and "Not started Overdue" in body
    # From a baseline of 60% to a target of 80%, 75% now is three quarters of the way.
    assert "now 75.0%, baseline 60.0%, target 80.0% (75% of the way" in body


def test_an_action_is_added_to_a_finding_through_the_form(
    signed_in, service_manager, senior_leader, recommendation
):
    form = {
        "title": "Audit visits monthly",
        "owner": senior_leader.pk,
        **date_fields("due", date(2025, 5, 30)),
        "indicator": "",
        "target": "",
    }
    url = reverse("web:add-action", args=[recommendation.pk])
    response = signed_in(service_manager).post(url, form, follow=True)
    assert "Action added: Audit visits monthly" in text(response)
    made = ImprovementAction.objects.get()
    assert (made.owner, made.due, made.finding) == (
        senior_leader,
        date(2025, 5, 30),
        recommendation,
    )


def test_a_target_without_an_indicator_is_refused_on_the_form(
    signed_in, senior_leader, recommendation
):
    form = {
        "title": "Audit",
        "owner": senior_leader.pk,
        **date_fields("due", TODAY),
        "indicator": "",
        "target": "80",
    }
    url = reverse("web:add-action", args=[recommendation.pk])
    response = signed_in(senior_leader).post(url, form)
    assert error_summary(response) == [("#id_indicator", "Choose the indicator the target is for")]
    assert not ImprovementAction.objects.exists()


def test_an_update_is_recorded_and_shown_in_the_history(signed_in, senior_leader, action):
    client = signed_in(senior_leader)
    url = reverse("web:record-update", args=[action.pk])
    client.post(url, {"status": ActionStatus.AT_RISK, "note": "Two teams short of staff"})
    body = text(client.get(reverse("web:improvement")))
    assert "History (2 updates)" in body
    assert "12 March 2025 Dara Example At risk Two teams short of staff 75.0%" in body


def test_the_self_evaluation_shows_each_area_with_the_live_value_and_englands(
    signed_in, senior_leader, figures, evaluation
):
    part = evaluation.areas.get(area="help-and-protection")
    answers = plans.AreaAnswers(
        known="Children are not always seen alone.",
        indicators=["seen-alone", "cp-second-time"],
        evidence=["Audit of CP plans, May 2026: 60% good"],
    )
    plans.answer_area(part, answers, senior_leader)
    url = reverse("web:self-evaluation", args=["2024-25"])
    body = text(signed_in(senior_leader).get(url))
    headings = [
        "Overall effectiveness",
        "The impact of leaders",
        "who need help and protection",
        "progress of children in care",
        "progress of care leavers",
    ]
    places = [body.index(heading) for heading in headings]
    assert places == sorted(places)
    # Seen alone: Aisha was, Cara was not, so 1 of 2. England's second CP plans: 24.5% (2025).
    assert "Children seen alone at visits 50.0% No published figure Higher is better" in body
    assert "second or subsequent time — 24.5% (2025) Lower is better" in body
    assert "Audit of CP plans, May 2026: 60% good" in body


def test_an_area_is_answered_through_its_form(signed_in, service_manager, evaluation):
    url = reverse("web:edit-evaluation-area", args=["2024-25", "leaders"])
    form = {
        "known": "Leaders know their service well.",
        "how_known": "",
        "doing": "",
        "indicators": ["caseload"],
        "evidence": "Staff survey 2024",
        "version": "1",
    }
    response = signed_in(service_manager).post(url, form, follow=True)
    assert "The impact of leaders on social work practice with children and families saved" in text(
        response
    )
    assert "Leaders know their service well." in text(response)


def test_an_area_changed_since_it_was_opened_is_not_overwritten(
    signed_in, service_manager, senior_leader, evaluation
):
    url = reverse("web:edit-evaluation-area", args=["2024-25", "leaders"])
    first = {"known": "First words.", "version": "1"}
    signed_in(senior_leader).post(url, first)
    stale = signed_in(service_manager).post(url, {"known": "Second words.", "version": "1"})
    assert error_summary(stale) == [("", RECORD_CHANGED)]
    assert evaluation.areas.get(area="leaders").known == "First words."


def test_a_year_is_started_from_the_list_and_a_bad_one_is_refused(signed_in, senior_leader):
    client = signed_in(senior_leader)
    bad = client.post(reverse("web:self-evaluations"), {"year": "2025"})
    assert error_summary(bad) == [
        ("#id_year", "Give the year as its first year and the next, like 2026-27")
    ]
    good = client.post(reverse("web:self-evaluations"), {"year": "2025-26"}, follow=True)
    assert "Self-evaluation 2025-26 started" in text(good)


def test_team_managers_and_iros_read_but_cannot_change(
    signed_in, manager, recommendation, evaluation
):
    iro = staff("ivy", Role.IRO)
    for reader in (manager, iro):
        client = signed_in(reader)
        assert client.get(reverse("web:improvement")).status_code == 200
        assert client.get(reverse("web:self-evaluation", args=["2024-25"])).status_code == 200
        add = reverse("web:add-action", args=[recommendation.pk])
        assert client.post(add, {}).status_code == 403
        assert client.post(reverse("web:self-evaluations"), {"year": "2030-31"}).status_code == 200
    assert not plans.SelfEvaluation.objects.filter(year="2030-31").exists()


def test_practitioners_administrators_and_inspectors_out_of_window_are_refused(
    signed_in, worker, administrator, inspector, evaluation
):
    for outsider in (worker, administrator, inspector):
        client = signed_in(outsider)
        for name, kwargs in EVERY_PAGE:
            url = reverse(f"web:{name}", kwargs=kwargs)
            assert client.get(url).status_code == 403, (outsider.role, url)
            assert client.post(url, {}).status_code == 403, (outsider.role, url)
        assert "Improvement" not in text(client.get(reverse("web:my-work")))


def test_an_inspector_inside_the_window_reads_the_plan(signed_in, inspector, action):
    inspector.inspection_window_start, inspector.inspection_window_end = TODAY, TODAY
    inspector.save()
    client = signed_in(inspector)
    assert "Weekly CP visits tracker" in text(client.get(reverse("web:improvement")))
    assert client.post(reverse("web:record-update", args=[action.pk]), {}).status_code == 403


def month_end(day: date, value: float | None) -> IndicatorValue:
    return IndicatorValue(period_start=day, period_end=day, value=value, numerator=0)


def test_the_direction_says_which_way_is_better_and_how_the_figure_moved():
    seen_alone, second_plans = indicator("seen-alone"), indicator("cp-second-time")
    trend = [
        month_end(date(2025, 1, 31), 40.0),
        month_end(date(2025, 2, 28), 45.0),
        month_end(TODAY, 50.0),
    ]
    assert direction(seen_alone, trend) == (
        "Higher is better. Up from 45.0% at 28 February 2025 (better)"
    )
    assert direction(second_plans, trend) == (
        "Lower is better. Up from 45.0% at 28 February 2025 (worse)"
    )
    assert direction(seen_alone, trend[:2] + [month_end(TODAY, 45.0)]) == (
        "Higher is better. No change since 28 February 2025"
    )
    assert direction(seen_alone, [month_end(TODAY, 50.0)]) == "Higher is better"
