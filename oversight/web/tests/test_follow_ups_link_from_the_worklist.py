"""Follow-ups on the worklists: an audit action reads plainly and links to its audit for
those who may open it; the worker, who may not, sees the words without a link.

Today is 12 March 2025 (``conftest``): Aisha's case is audited and an action is due on
14 March, so it is due soon on Sam's and Morgan's worklists.
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.roles import Role
from oversight.quality.domains import DOMAINS
from oversight.quality.services import (
    AuditFacts,
    Graded,
    ProgrammeFacts,
    add_action,
    complete_audit,
    create_programme,
    draw_sample,
    start_audit,
)
from oversight.web.tests.conftest import person
from oversight.web.tests.helpers import text


@pytest.fixture
def audit(aisha, worker):
    qa_officer = person("quinn", Role.QA_OFFICER)
    programme = create_programme(ProgrammeFacts("Monthly", "monthly", sample_size=10), qa_officer)
    sample = draw_sample(programme, date(2025, 1, 1), date(2025, 3, 12), qa_officer, seed=1)
    audit = start_audit(sample.cases.get(child=aisha), qa_officer)
    good = {key: Graded("good", "Seen in the record.") for key in DOMAINS}
    complete_audit(audit, AuditFacts(good, "good"), date(2025, 3, 12))
    add_action(audit, "Update the plan", worker, date(2025, 3, 14), date(2025, 3, 12))
    return audit


def test_the_manager_follows_the_audit_action_to_the_audit(signed_in, manager, audit):
    response = signed_in(manager).get(reverse("web:my-work"))
    assert "Action from a case audit" in text(response)
    assert reverse("web:audit", kwargs={"pk": audit.pk}) in response.content.decode()


def test_the_worker_sees_the_audit_action_without_a_link_they_could_not_follow(
    signed_in, worker, audit
):
    response = signed_in(worker).get(reverse("web:my-work"))
    assert "Action from a case audit" in text(response)
    assert reverse("web:audit", kwargs={"pk": audit.pk}) not in response.content.decode()
