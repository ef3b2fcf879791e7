"""Front-door decisions re-decided blind; escalations raised, answered and resolved."""

from datetime import date

import pytest

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.worklists import worklist
from oversight.quality.services import (
    QualityError,
    draw_decisions,
    raise_escalation,
    redecide,
    resolve,
    respond,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def decisions(cases, team, manager):
    """Four contacts decided in May 2025: two referred, two no further action."""
    for n, outcome in enumerate(["referral", "referral", "nfa", "nfa"]):
        contact = services.record_contact(
            cases[n], received_on=date(2025, 5, 5), source_code="1A", team=team
        )
        services.decide_contact(contact, outcome=outcome, decided_on=date(2025, 5, 6), by=manager)


def test_a_decision_sample_is_seeded_and_each_is_re_decided_once_by_someone_else(
    decisions, auditor, manager
):
    sample = draw_decisions(date(2025, 5, 1), date(2025, 5, 31), 10, auditor, seed=4)
    assert sample.population == 4 and sample.decisions.count() == 4
    first = sample.decisions.first()
    qa_manager = User.objects.create(username="qm", role=Role.TEAM_MANAGER)
    with pytest.raises(QualityError, match="another auditor"):
        redecide(first, manager, "nfa", "x", date(2025, 6, 2))
    with pytest.raises(QualityError, match="say why"):
        redecide(first, qa_manager, "nfa", " ", date(2025, 6, 2))
    done = redecide(first, auditor, first.original, "Threshold met.", date(2025, 6, 2))
    assert done.agrees is True
    with pytest.raises(QualityError, match="already"):
        redecide(done, qa_manager, "nfa", "x", date(2025, 6, 3))


def test_an_escalation_is_on_the_teams_worklist_until_the_manager_responds(cases, iro, manager):
    child = cases[0]
    escalation = raise_escalation(
        child, iro, manager, "drift", "No progress on the plan.", date(2025, 4, 17)
    )
    # Five working days after Thursday 17 April 2025, Easter between: Monday 28 April.
    assert escalation.deadline.due_on == date(2025, 4, 28)
    assert (
        worklist(date(2025, 4, 28), team=manager.team).filter(rule="escalation-response").exists()
    )
    with pytest.raises(QualityError, match="no response yet"):
        resolve(escalation, iro, "Sorted.", date(2025, 4, 25))
    respond(escalation, manager, "Plan reviewed; new actions agreed.", date(2025, 4, 24))
    assert (
        not worklist(date(2025, 4, 28), team=manager.team)
        .filter(rule="escalation-response")
        .exists()
    )
    resolve(escalation, iro, "Actions agreed at review.", date(2025, 5, 2))
    assert escalation.days_to_resolve() == 15 and not escalation.is_open


def test_only_a_chair_or_iro_raises_and_only_to_a_manager(cases, worker, manager, iro):
    with pytest.raises(QualityError) as refused:
        raise_escalation(cases[0], worker, manager, "drift", "x", date(2025, 4, 17))
    assert refused.value.field == "raised_by"
    with pytest.raises(QualityError) as refused:
        raise_escalation(cases[0], iro, worker, "drift", "x", date(2025, 4, 17))
    assert refused.value.field == "raised_to"
