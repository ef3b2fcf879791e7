"""A year's self-evaluation: one part per judgement area of today's framework, with evidence."""

from datetime import date

import pytest

from oversight.accounts.roles import Role
from oversight.inspection import plans
from oversight.inspection.models import EvidenceKind
from oversight.inspection.tests.plan_cases import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(db):
    return staff("pat", Role.PERFORMANCE_ANALYST)


def test_a_year_started_in_2025_has_every_ilacs_2023_area_in_order(analyst):
    evaluation = plans.start_self_evaluation("2025-26", analyst, date(2025, 3, 12))
    assert evaluation.framework_key == "ilacs-2023"
    assert [a.area for a in evaluation.areas.all()] == [
        "overall",
        "leaders",
        "help-and-protection",
        "in-care",
        "care-leavers",
    ]
    assert (evaluation.status, evaluation.changed_by) == ("draft", analyst)


def test_a_year_started_after_april_2026_has_no_overall_judgement(analyst):
    evaluation = plans.start_self_evaluation("2026-27", analyst, date(2026, 11, 26))
    assert "overall" not in [a.area for a in evaluation.areas.all()]
    assert evaluation.areas.count() == 4


@pytest.mark.parametrize("year", ["2026", "2026-28", "26-27", "2026/27"])
def test_a_year_not_written_like_2026_27_is_refused(analyst, year):
    with pytest.raises(plans.PlanError) as refused:
        plans.start_self_evaluation(year, analyst, date(2025, 3, 12))
    assert refused.value.field == "year"


def test_the_same_year_cannot_be_started_twice(analyst):
    plans.start_self_evaluation("2025-26", analyst, date(2025, 3, 12))
    with pytest.raises(plans.PlanError, match="already"):
        plans.start_self_evaluation("2025-26", analyst, date(2025, 3, 12))


def test_an_area_keeps_its_three_answers_its_indicators_and_its_evidence(analyst):
    leader = staff("dara", Role.SENIOR_LEADER)
    evaluation = plans.start_self_evaluation("2025-26", analyst, date(2025, 3, 12))
    part = evaluation.areas.get(area="help-and-protection")
    answers = plans.AreaAnswers(
        known="Visits to children on CP plans are not always on time.",
        how_known="Monthly performance reports and audits.",
        doing="A weekly visits tracker in every team.",
        indicators=["cp-visits-on-time", "seen-alone", "cp-visits-on-time"],
        evidence=["Audit of CP plans, May 2026: 60% good", "  "],
    )
    plans.answer_area(part, answers, leader)
    kept = [(e.kind, e.indicator, e.text) for e in part.evidence.order_by("kind", "position")]
    assert kept == [
        (EvidenceKind.INDICATOR, "cp-visits-on-time", ""),
        (EvidenceKind.INDICATOR, "seen-alone", ""),
        (EvidenceKind.TEXT, "", "Audit of CP plans, May 2026: 60% good"),
    ]
    part.refresh_from_db()
    assert part.doing == "A weekly visits tracker in every team."
    evaluation.refresh_from_db()
    assert evaluation.changed_by == leader


def test_answering_again_replaces_the_evidence(analyst):
    evaluation = plans.start_self_evaluation("2025-26", analyst, date(2025, 3, 12))
    part = evaluation.areas.get(area="leaders")
    plans.answer_area(part, plans.AreaAnswers(indicators=["seen-alone"]), analyst)
    plans.answer_area(part, plans.AreaAnswers(evidence=["Staff survey 2025"]), analyst)
    assert [(e.kind, e.text) for e in part.evidence.all()] == [("text", "Staff survey 2025")]


def test_an_unknown_indicator_is_refused_and_nothing_changes(analyst):
    evaluation = plans.start_self_evaluation("2025-26", analyst, date(2025, 3, 12))
    part = evaluation.areas.get(area="leaders")
    with pytest.raises(plans.PlanError) as refused:
        plans.answer_area(part, plans.AreaAnswers(known="x", indicators=["nope"]), analyst)
    assert refused.value.field == "indicators"
    part.refresh_from_db()
    assert part.known == ""


def test_an_audit_reference_that_names_no_programme_and_period_is_refused(analyst):
    evaluation = plans.start_self_evaluation("2025-26", analyst, date(2025, 3, 12))
    with pytest.raises(plans.PlanError) as refused:
        plans.link_audit(evaluation.areas.first(), "AUD-1", analyst)
    assert refused.value.field == "audit"


def test_a_self_evaluation_is_made_final_and_a_status_it_lacks_is_refused(analyst):
    evaluation = plans.start_self_evaluation("2025-26", analyst, date(2025, 3, 12))
    plans.set_evaluation_status(evaluation, "final", analyst)
    evaluation.refresh_from_db()
    assert evaluation.status == "final"
    with pytest.raises(plans.PlanError, match="status"):
        plans.set_evaluation_status(evaluation, "approved", analyst)
