"""The audit results page, its CSV downloads, and results linked to the self-evaluation.

Two audits completed on 11 March 2025: Aisha's (every domain good, overall good,
moderated as good) and Ben's (voice inadequate, the rest good, overall requires
improvement, learning "voice").
"""

# The shared fixtures are imported from test_audit_pages, so pytest finds them here.
# ruff: noqa: F811
import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from oversight.inspection import plans
from oversight.quality.domains import DOMAINS
from oversight.quality.services import (
    AuditFacts,
    Graded,
    Second,
    complete_audit,
    moderate,
    start_audit,
)
from oversight.web.tests.helpers import date_fields, error_summary, text
from oversight.web.tests.test_audit_pages import (  # noqa: F401 (fixtures)
    ALL_GOOD,
    END,
    START,
    case_of,
    completed,
    qa_officer,
    sample,
    second_qa_officer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(sample, completed, qa_officer, second_qa_officer, ben):
    moderate(
        completed, second_qa_officer, {k: Second("good") for k in DOMAINS}, Second("good"), END
    )
    grades = ALL_GOOD | {"voice": Graded("inadequate", "No views recorded.")}
    audit = start_audit(case_of(sample, ben), second_qa_officer)
    complete_audit(audit, AuditFacts(grades, "requires-improvement", learning=("voice",)), END)
    return sample


def rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_results_page_counts_grades_by_domain_and_moderation(signed_in, qa_officer, two):
    shown = text(signed_in(qa_officer).get(reverse("web:audit-reports")))
    assert "2 completed audits" in shown
    assert "The voice of the child 0 1 0 1 2" in shown  # outstanding, good, RI, inadequate, all
    assert "Overall grade 1 100.0 100.0 0 0 —" in shown  # one pair: kappa cannot be worked out
    assert "voice 1" in shown


def test_every_table_downloads_as_csv(signed_in, qa_officer, two):
    client = signed_in(qa_officer)
    domains = client.get(reverse("web:audit-report-data", args=["domains"]))
    assert domains["Content-Type"].startswith("text/csv")
    table = rows(domains)
    assert table[0] == [
        "Domain",
        "Outstanding",
        "Good",
        "Requires improvement",
        "Inadequate",
        "Audits",
    ]
    assert [DOMAINS["voice"], "0", "1", "0", "1", "2"] in table
    teams = rows(
        client.get(
            reverse("web:audit-report-data", args=["teams"]), {"programme": two.programme_id}
        )
    )
    assert teams[1] == ["Safeguarding 1", "0", "1", "1", "0", "2"]
    for slug in (
        "themes",
        "months",
        "moderation-auditors",
        "moderation-domains",
        "overdue",
        "learning",
    ):
        assert client.get(reverse("web:audit-report-data", args=[slug])).status_code == 200, slug
    assert client.get(reverse("web:audit-report-data", args=["nothing"])).status_code == 404


def test_results_are_linked_to_the_self_evaluation_and_shown_there(signed_in, qa_officer, two):
    evaluation = plans.start_self_evaluation("2024-25", qa_officer, date(2025, 3, 1))
    part = evaluation.areas.get(area="help-and-protection")
    client = signed_in(qa_officer)
    page = reverse("web:audit-evidence", args=[two.programme_id])
    form = {
        "area": str(part.pk),
        **date_fields("period_start", START),
        **date_fields("period_end", END),
    }
    shown = text(client.post(page, form, follow=True))
    assert (
        "Linked to The experiences and progress of children who need help and protection" in shown
    )
    assert (
        "audits completed 1 February 2025 to 11 March 2025: 2 audits, 50% good or better "
        "(outstanding 0, good 1, requires improvement 1, inadequate 0); moderators agreed with "
        "1 of 1 overall grades" in shown
    )
    again = client.post(page, form)
    assert (
        "already has the results of Open cases (2025-02-01 to 2025-03-11)"
        in error_summary(again)[0][1]
    )
