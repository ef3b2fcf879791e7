"""An audit grades every domain with evidence; its actions go on the worklists; moderation."""

from datetime import date

import pytest

from oversight.casework.worklists import worklist
from oversight.quality.domains import DOMAINS
from oversight.quality.services import (
    AuditFacts,
    Graded,
    ProgrammeFacts,
    QualityError,
    Second,
    add_action,
    complete_action,
    complete_audit,
    create_programme,
    draw_sample,
    moderate,
    start_audit,
)
from oversight.quality.tests.conftest import END, START

pytestmark = pytest.mark.django_db
ALL_GOOD = {key: Graded("good", "Seen in the record.") for key in DOMAINS}


@pytest.fixture
def audit(cases, auditor):
    facts = ProgrammeFacts("CP plans", "cp-plans", sample_size=1, questions=("Is the plan SMART?",))
    sample = draw_sample(create_programme(facts, auditor), START, END, auditor, seed=1)
    return start_audit(sample.cases.get(), auditor)


def test_an_audit_is_complete_only_with_every_domain_and_the_programmes_own_question(audit):
    with pytest.raises(QualityError, match="missing: Is the plan SMART"):
        complete_audit(audit, AuditFacts(ALL_GOOD, "good"), date(2025, 7, 1))
    grades = ALL_GOOD | {"q1": Graded("requires-improvement", "No measurable outcomes.")}
    done = complete_audit(
        audit, AuditFacts(grades, "good", learning=("Plans ", "plans")), date(2025, 7, 1)
    )
    assert done.status == "complete" and done.grades.count() == 7
    assert done.learning == ["plans"] and done.team.name == "Safeguarding 1"


def test_a_grade_without_evidence_is_refused(audit):
    grades = ALL_GOOD | {"q1": Graded("good", "Fine."), "voice": Graded("good", "  ")}
    with pytest.raises(QualityError, match="give the evidence") as refused:
        complete_audit(audit, AuditFacts(grades, "good"), date(2025, 7, 1))
    assert refused.value.field == "voice"


def test_an_audit_action_is_on_the_workers_worklist_until_it_is_done(audit, auditor, worker):
    action = add_action(audit, "Update the plan with the child's views.", worker, date(2025, 7, 14),
                        date(2025, 7, 1))  # fmt: skip
    listed = list(worklist(date(2025, 7, 14), worker=worker).filter(rule="audit-action"))
    assert [(d.subject, d.due_on) for d in listed] == [
        (f"audit-action:{action.pk}", date(2025, 7, 14))
    ]
    assert action.is_overdue(date(2025, 7, 15))
    complete_action(action, date(2025, 7, 10))
    assert not worklist(date(2025, 7, 14), worker=worker).filter(rule="audit-action").exists()


def test_a_moderator_who_changes_a_grade_must_say_why(audit, auditor, second_auditor):
    grades = ALL_GOOD | {"q1": Graded("good", "Fine.")}
    complete_audit(audit, AuditFacts(grades, "good"), date(2025, 7, 1))
    seconds = {key: Second("good") for key in grades}
    with pytest.raises(QualityError, match="a second auditor"):
        moderate(audit, auditor, seconds, Second("good"), date(2025, 7, 2))
    with pytest.raises(QualityError) as refused:
        moderate(audit, second_auditor, seconds | {"voice": Second("inadequate")}, Second("good"),
                 date(2025, 7, 2))  # fmt: skip
    assert refused.value.field == "voice"
    changed = seconds | {"voice": Second("inadequate", "No views recorded for 6 months.")}
    moderation = moderate(audit, second_auditor, changed, Second("requires-improvement", "Voice."),
                          date(2025, 7, 2))  # fmt: skip
    assert not moderation.agrees and moderation.grades.get(domain="voice").grade == "inadequate"
