"""The ``oversight audits`` commands: programmes, draws, the report and the oversight check.

Uses the quality cases (``conftest``): twelve children on plans since 3 February 2025,
eight in Safeguarding 1 (six CP, two CIN) and four in Safeguarding 2 (CIN).
"""

import json
from datetime import date

import pytest
from click.testing import CliRunner

from oversight.casework import services
from oversight.cli import main
from oversight.quality.domains import DOMAINS
from oversight.quality.models import AuditProgramme
from oversight.quality.services import (
    AuditFacts,
    Graded,
    ProgrammeFacts,
    Second,
    complete_audit,
    create_programme,
    draw_decisions,
    draw_sample,
    moderate,
    raise_escalation,
    redecide,
    start_audit,
)
from oversight.quality.tests.conftest import END, START

pytestmark = pytest.mark.django_db


def run(*args: str):
    return CliRunner().invoke(main, ["audits", *args])


def test_a_programme_created_from_the_command_line_is_listed(auditor):
    result = run("create-programme", "CP plans", "--theme", "cp-plans", "--size", "4",
                 "--question", "Is the plan SMART?", "--by", "alex")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert AuditProgramme.objects.get().questions == ["Is the plan SMART?"]
    listed = run("programmes").output
    assert "CP plans  theme cp-plans, random, 4 cases, 1 own questions" in listed


def test_a_refusal_prints_the_reason_and_exits_with_1(auditor):
    result = run("create-programme", "Odd", "--theme", "nonsense", "--by", "alex")
    assert result.exit_code == 1
    assert "theme: choose one of: monthly" in result.output
    result = run("create-programme", "Odd", "--theme", "monthly", "--by", "nobody")
    assert result.exit_code == 1 and "no active user called 'nobody'" in result.output


def test_a_draw_prints_each_case_with_its_position_and_la_child_id(cases, auditor):
    create_programme(ProgrammeFacts("CP plans", "cp-plans", sample_size=3), auditor)
    result = run("draw", "CP plans", "--from", "2025-04-01", "--to", "2025-06-30",
                 "--seed", "5", "--by", "alex")  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "CP plans: 3 of 6 cases, seed 5"  # the six children on CP plans
    assert [line.split()[0] for line in lines[1:]] == ["1", "2", "3"]
    assert all(line.split()[1].startswith("Q0") for line in lines[1:])


@pytest.fixture
def moderated(cases, auditor, second_auditor):
    """One audit graded good throughout; the moderator lowers risk to requires improvement."""
    programme = create_programme(ProgrammeFacts("Monthly", "monthly", sample_size=1), auditor)
    case = draw_sample(programme, START, END, auditor, seed=1).cases.get()
    good = {key: Graded("good", "Seen in the record.") for key in DOMAINS}
    audit = complete_audit(start_audit(case, auditor), AuditFacts(good, "good"), date(2025, 7, 1))
    second = {key: Second("good") for key in DOMAINS} | {
        "risk": Second("requires-improvement", "No safety plan.")
    }
    return moderate(audit, second_auditor, second, Second("good"), date(2025, 7, 2))


@pytest.fixture
def dip_sampled(cases, team, manager, auditor):
    """Two contacts Morgan decided in May: the auditor agrees with one of them."""
    for n, outcome in enumerate(["referral", "nfa"]):
        contact = services.record_contact(cases[n], received_on=date(2025, 5, 5),
                                          source_code="1A", team=team)  # fmt: skip
        services.decide_contact(contact, outcome=outcome, decided_on=date(2025, 5, 6), by=manager)
    sample = draw_decisions(date(2025, 5, 1), date(2025, 5, 31), 5, auditor, seed=1)
    for sampled in sample.decisions.all():
        redecide(sampled, auditor, "nfa", "Below threshold.", date(2025, 6, 1))


def test_the_report_gives_moderation_kappa_front_door_and_escalations(
    moderated, dip_sampled, cases, iro, manager
):
    raise_escalation(cases[0], iro, manager, "drift", "No progress.", date(2025, 7, 1))
    result = run("report", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    risk = report["moderation"]["by_domain"][DOMAINS["risk"]]
    assert (risk["pairs"], risk["agreed"], risk["kappa"]) == (1, 0, 0.0)
    assert report["moderation"]["by_domain"]["Overall grade"]["rate"] == 1.0
    assert report["audits"]["by_domain"][DOMAINS["plan"]]["good"] == 1
    door = report["front_door"]
    assert door["overall"] == {"name": "All decisions", "redecided": 2, "agreed": 1, "rate": 0.5}
    assert [(m["redecided"], m["agreed"]) for m in door["by_team"]] == [(2, 1)]
    assert report["escalations"]["overall"]["open"] == 1
    table = run("report").output
    assert "Front-door dip-sampling" in table and "All decisions" in table


def test_the_oversight_check_lists_overdue_children_by_team(cases):
    result = run("oversight-check", "--today", "2025-06-30")
    assert result.exit_code == 0, result.output
    assert "Safeguarding 1: 8 overdue" in result.output
    assert "Safeguarding 2: 4 overdue" in result.output
    assert "Q00 " in result.output
    quiet = run("oversight-check", "--today", "2025-02-04")
    assert "No management oversight is overdue on 2025-02-04." in quiet.output
