"""Quality assurance over the API: read only, for the auditing roles, children never named.

Aisha's case is audited in March 2025 (good throughout; the moderator lowers risk), one
front-door decision is re-decided (the auditor disagrees), and an IRO escalates about Aisha.
"""

from datetime import date

import pytest

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.accounts.testing import sign_in as sign_in_with_both_steps
from oversight.casework import services
from oversight.quality.domains import DOMAINS
from oversight.quality.models import Sample
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
from oversight.web.tests.conftest import person

PATHS = ["programmes", "samples/{sample}", "audits/{audit}", "moderation", "front-door",
         "escalations"]  # fmt: skip


@pytest.fixture
def qa_officer(db) -> User:
    return person("quinn", Role.QA_OFFICER)


@pytest.fixture
def sample(aisha, ben, cara, qa_officer) -> Sample:
    programme = create_programme(ProgrammeFacts("Monthly", "monthly", sample_size=10), qa_officer)
    return draw_sample(programme, date(2025, 1, 1), date(2025, 3, 12), qa_officer, seed=1)


@pytest.fixture
def audit(sample, aisha, qa_officer, senior_leader):
    good = {key: Graded("good", "Seen in the record.") for key in DOMAINS}
    audit = start_audit(sample.cases.get(child=aisha), qa_officer)
    complete_audit(audit, AuditFacts(good, "good"), date(2025, 3, 10))
    second = {key: Second("good") for key in DOMAINS} | {
        "risk": Second("requires-improvement", "No safety plan.")
    }
    moderate(audit, senior_leader, second, Second("good"), date(2025, 3, 11))
    return audit


@pytest.fixture
def quality(audit, aisha, team, manager, qa_officer):
    contact = services.record_contact(aisha, received_on=date(2025, 3, 3), source_code="1A",
                                      team=team, summary="School concern.")  # fmt: skip
    services.decide_contact(contact, outcome="nfa", decided_on=date(2025, 3, 4), by=manager)
    drawn = draw_decisions(date(2025, 3, 1), date(2025, 3, 12), 5, qa_officer, seed=2)
    redecide(drawn.decisions.get(), qa_officer, "referral", "Threshold met.", date(2025, 3, 12))
    iro = person("ira", Role.IRO)
    raise_escalation(aisha, iro, manager, "plan", "Plan not reviewed.", date(2025, 3, 5))


def get(client, user, path):
    sign_in_with_both_steps(client, user)
    return client.get(f"/api/quality/{path}")


def test_programmes_list_their_samples(client, qa_officer, quality, sample):
    (programme,) = get(client, qa_officer, "programmes").json()
    assert programme["name"] == "Monthly" and programme["samples"][0]["id"] == sample.pk


def test_a_samples_cases_carry_ids_and_audit_status_but_no_names(client, qa_officer, quality,
                                                                 sample, aisha):  # fmt: skip
    response = get(client, qa_officer, f"samples/{sample.pk}")
    assert "Aisha" not in response.content.decode()
    cases = {c["la_child_id"]: c for c in response.json()["cases"]}
    assert cases["A100"]["child_id"] == aisha.pk and cases["A100"]["audit_status"] == "complete"


def test_an_audit_gives_its_grades_and_moderation(client, qa_officer, quality, audit):
    found = get(client, qa_officer, f"audits/{audit.pk}").json()
    assert found["overall"] == "good" and len(found["grades"]) == len(DOMAINS)
    moderated = {g["domain"]: g["grade"] for g in found["moderation"]["grades"]}
    assert moderated["risk"] == "requires-improvement" and found["moderation"]["agrees"]


def test_an_audit_of_a_child_out_of_reach_is_not_found(client, quality, audit, other_team):
    stranger = person("tess", Role.TEAM_MANAGER, team=other_team)
    assert get(client, stranger, f"audits/{audit.pk}").status_code == 404


def test_moderation_front_door_and_escalations_are_counted(client, qa_officer, quality):
    moderation = get(client, qa_officer, "moderation").json()
    risk = moderation["by_domain"][DOMAINS["risk"]]
    assert (risk["pairs"], risk["agreed"], risk["kappa"]) == (1, 0, 0.0)
    door = get(client, qa_officer, "front-door").json()
    assert door["by_team"] == [{"name": "Safeguarding 1", "redecided": 1, "agreed": 0,
                                "rate": 0.0}]  # fmt: skip
    assert door["by_manager"][0]["name"] == "Morgan Example"
    escalations = get(client, qa_officer, "escalations").json()
    assert escalations["overall"]["open"] == 1
    assert escalations["by_about"][0]["name"] == "The plan or its progress"


@pytest.mark.parametrize("outsider", ["worker", "administrator"])
def test_practitioners_and_administrators_are_refused(request, client, quality, sample, audit,
                                                      outsider):  # fmt: skip
    user = request.getfixturevalue(outsider)
    for path in PATHS:
        url = path.format(sample=sample.pk, audit=audit.pk)
        assert get(client, user, url).status_code == 403, path
