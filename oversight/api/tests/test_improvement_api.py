"""The improvement plan and the self-evaluation over the API, for those who read them."""

from datetime import date

import pytest

from oversight.accounts.testing import sign_in as sign_in_with_both_steps
from oversight.inspection.models import Finding
from oversight.inspection.plans import (
    ActionFacts,
    AreaAnswers,
    add_action,
    answer_area,
    record_update,
    start_self_evaluation,
)
from oversight.inspection.tests.plan_cases import (
    PRIORITY,
    RECOMMENDATION,
    own_inspection,
    stored_value,
)


@pytest.fixture
def plan(settings, senior_leader, manager):
    own_inspection(settings)
    stored_value("cp-visits-on-time", 60.0, date(2025, 2, 28))
    recommendation = Finding.objects.get(text=RECOMMENDATION)
    facts = ActionFacts("Weekly visit checks", manager, date(2025, 3, 1), "cp-visits-on-time", 80.0)
    action = add_action(recommendation, facts, senior_leader)
    stored_value("cp-visits-on-time", 70.0, date(2025, 3, 11))
    record_update(action, "at-risk", "Two teams behind.", senior_leader)
    evaluation = start_self_evaluation("2024-25", senior_leader)
    answers = AreaAnswers(known="Visits are late in two teams.", indicators=["cp-visits-on-time"])
    answer_area(evaluation.areas.get(area="help-and-protection"), answers, senior_leader)
    return action


def get(client, user, path):
    sign_in_with_both_steps(client, user)
    return client.get(f"/api/improvement/{path}")


def test_the_plan_gives_each_finding_its_actions_progress_and_history(client, manager, plan):
    found = {f["text"]: f for f in get(client, manager, "plan").json()}
    assert found[PRIORITY]["needs_action"] and found[PRIORITY]["actions"] == []
    (action,) = found[RECOMMENDATION]["actions"]
    # Due 1 March, not done, on 12 March: overdue. Baseline 60, target 80, now 70: halfway.
    assert (action["overdue"], action["baseline"], action["now"]) == (True, 60.0, 70.0)
    assert action["progress"] == 50.0 and action["status"] == "at-risk"
    assert [u["status"] for u in action["updates"]] == ["not-started", "at-risk"]
    assert action["updates"][-1]["value"] == 70.0


def test_a_self_evaluation_comes_by_area_with_its_evidence(client, manager, plan):
    assert get(client, manager, "self-evaluations").json() == ["2024-25"]
    found = get(client, manager, "self-evaluations/2024-25").json()
    help_area = next(a for a in found["areas"] if a["area"] == "help-and-protection")
    assert help_area["known"] == "Visits are late in two teams."
    assert help_area["evidence"] == [
        {"kind": "indicator", "indicator": "cp-visits-on-time", "text": "", "reference": ""}
    ]
    assert get(client, manager, "self-evaluations/2030-31").status_code == 404


def test_practitioners_and_administrators_are_refused(client, worker, administrator, plan):
    assert get(client, worker, "plan").status_code == 403
    assert get(client, administrator, "self-evaluations/2024-25").status_code == 403
