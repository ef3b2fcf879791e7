"""The readiness pack and the summary for children: pages and PDFs from what is recorded."""

import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from oversight.inspection.models import Finding, LocalAuthority
from oversight.inspection.plans import (
    ActionFacts,
    AreaAnswers,
    add_action,
    answer_area,
    start_self_evaluation,
)
from oversight.inspection.services import FindingText, InspectionFacts, record_inspection
from oversight.web.tests.helpers import text


@pytest.fixture
def focused_visit(ofsted_outcomes):
    """A focused visit to Reading after its 2024 inspection (requires improvement)."""
    reading = LocalAuthority.objects.get(code="E06000038")
    facts = InspectionFacts(
        kind="focused-visit",
        started=date(2025, 1, 13),
        ended=date(2025, 1, 14),
        published=date(2025, 2, 20),
        findings=(
            FindingText("strength", "Children see the same social worker."),
            FindingText("priority-action", "Managers do not check plans often enough."),
        ),
    )
    return record_inspection(reading, facts)


@pytest.fixture
def plan(focused_visit, figures, senior_leader, service_manager):
    evaluation = start_self_evaluation("2024-25", senior_leader)
    help_area = evaluation.areas.get(area="help-and-protection")
    answers = AreaAnswers(
        known="Most children are seen alone.",
        how_known="Monthly audits of visits.",
        doing="Coaching for new workers.",
        indicators=["seen-alone"],
        evidence=["Audit of CP plans, February 2025: 6 of 10 good"],
    )
    answer_area(help_area, answers, senior_leader)
    priority = Finding.objects.get(kind="priority-action")
    facts = ActionFacts("Weekly plan reviews by managers", service_manager, date(2025, 3, 1),
                        "seen-alone", 80.0)  # fmt: skip
    return add_action(priority, facts, senior_leader)


def get(client, name, query=""):
    return client.get(reverse(f"web:{name}") + query)


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_readiness_pack_gathers_standing_findings_evidence_indicators_and_actions(
    signed_in, senior_leader, plan
):
    shown = text(get(signed_in(senior_leader), "readiness-pack"))
    assert "Standard inspection under the inspection of local authority children" in shown
    assert "Overall effectiveness Requires improvement to be good" in shown
    assert "Areas for priority action Managers do not check plans often enough." in shown
    assert "Most children are seen alone." in shown
    assert "Audit of CP plans, February 2025: 6 of 10 good" in shown
    assert "Weekly plan reviews by managers" in shown and "Overdue" in shown


def test_the_readiness_pack_downloads_as_a_pdf_saying_the_same(signed_in, senior_leader, plan):
    response = get(signed_in(senior_leader), "readiness-pack", "?format=pdf")
    assert response["Content-Type"] == "application/pdf"
    words = pdf_text(response.content)
    for expected in (
        "Inspection readiness pack",
        "Most children are seen alone.",
        "Weekly plan reviews by managers",
        "(overdue)",
        "Headline indicators",
    ):
        assert expected in words  # fmt: skip
    again = get(signed_in(senior_leader), "readiness-pack", "?format=pdf")
    assert again.content == response.content


def test_the_summary_for_children_uses_plain_words_and_says_what_happens_next(
    signed_in, worker, plan
):
    shown = text(get(signed_in(worker), "for-children"))
    # The inspection that set the grades ended in May 2024; the visit added findings.
    assert "They looked at Reading's services for children in May 2024." in shown
    plainly = "Not good enough yet, and it needs to get better"
    assert f"Helping and protecting children who may not be safe {plainly}" in shown
    assert "What is working well Children see the same social worker." in shown
    assert "Ofsted asked the council to put some things right quickly." in shown
    assert "The council is doing this: Weekly plan reviews by managers (by March 2025)." in shown
    words = pdf_text(get(signed_in(worker), "for-children", "?format=pdf").content)
    assert "What needs to get better" in words and "Managers do not check plans" in words


def test_with_no_inspection_recorded_the_summary_says_so(signed_in, worker, settings):
    settings.OVERSIGHT_LA_CODE = "E06000038"
    assert "No inspection of this LA is recorded yet" in text(
        get(signed_in(worker), "for-children")
    )


def test_practitioners_and_administrators_may_not_open_the_readiness_pack(
    signed_in, worker, administrator, plan
):
    assert get(signed_in(worker), "readiness-pack").status_code == 403
    assert get(signed_in(administrator), "readiness-pack", "?format=pdf").status_code == 403
