"""Completing an audit through its form, its actions, and moderating it."""

# The shared fixtures are imported from test_audit_pages, so pytest finds them here.
# ruff: noqa: F811
from datetime import date

import pytest
from django.urls import reverse

from oversight.quality.domains import DOMAINS
from oversight.quality.models import Audit, AuditAction, Moderation
from oversight.quality.services import start_audit
from oversight.web.forms import RECORD_CHANGED
from oversight.web.tests.helpers import date_fields, error_summary, text
from oversight.web.tests.test_audit_pages import (  # noqa: F401 (fixtures)
    case_of,
    completed,
    qa_officer,
    sample,
    second_qa_officer,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(sample, qa_officer, aisha) -> Audit:
    return start_audit(case_of(sample, aisha), qa_officer)


def audit_form(version: int, **changed: str) -> dict[str, str]:
    form = {"version": str(version), "overall": "good", "summary": "A clear plan.",
            "learning": "Plans, voice , plans"}  # fmt: skip
    for key in DOMAINS:
        form |= {f"grade_{key}": "good", f"evidence_{key}": "Seen in the record."}
    return form | changed


def test_an_audit_is_completed_through_its_form_after_the_missing_evidence_is_given(
    signed_in, qa_officer, started
):
    client = signed_in(qa_officer)
    page = reverse("web:audit", args=[started.pk])
    response = client.post(page, audit_form(1, grade_voice="inadequate", evidence_voice=" "))
    assert error_summary(response) == [
        ("#id_evidence_voice", "Give the evidence for the grade: what in the record shows it")
    ]
    assert Audit.objects.get().status == "in-progress"
    fixed = audit_form(1, grade_voice="inadequate", evidence_voice="No views since May.")
    response = client.post(page, fixed, follow=True)
    assert "Audit completed" in text(response)
    audit = Audit.objects.get()
    assert (audit.status, audit.overall, audit.learning) == ("complete", "good", ["plans", "voice"])
    assert audit.grades.get(domain="voice").grade == "inadequate"


def test_an_audit_changed_since_the_form_was_opened_is_not_overwritten(
    signed_in, qa_officer, started
):
    client = signed_in(qa_officer)
    client.post(reverse("web:audit", args=[started.pk]), audit_form(1))
    response = client.post(
        reverse("web:audit", args=[started.pk]), audit_form(1, overall="inadequate")
    )
    assert RECORD_CHANGED in text(response)
    assert Audit.objects.get().overall == "good"


def test_only_the_auditor_sees_the_audit_form(signed_in, second_qa_officer, started):
    response = signed_in(second_qa_officer).post(
        reverse("web:audit", args=[started.pk]), audit_form(1)
    )
    assert "Complete audit" not in text(response)
    assert Audit.objects.get().status == "in-progress"


def test_an_action_goes_to_someone_in_the_childs_team_and_is_marked_done(
    signed_in, qa_officer, worker, other_worker, completed
):
    client = signed_in(qa_officer)
    page = reverse("web:add-audit-action", args=[completed.pk])
    assert "Olu" not in text(client.get(page))  # Cara's worker is in the other team
    action = {"text": "Record Aisha's views at the next visit.", "owner": str(worker.pk),
              **date_fields("due_on", date(2025, 3, 26))}  # fmt: skip
    assert "Action added" in text(client.post(page, action, follow=True))
    added = AuditAction.objects.get()
    assert (added.owner, added.deadline.due_on) == (worker, date(2025, 3, 26))
    shown = text(client.post(reverse("web:audit-action-done", args=[added.pk]), follow=True))
    assert "Done 12 March 2025" in shown
    assert AuditAction.objects.get().done_on == date(2025, 3, 12)


def test_an_owner_outside_the_childs_team_is_refused(
    signed_in, qa_officer, other_worker, completed
):
    action = {
        "text": "Visit.",
        "owner": str(other_worker.pk),
        **date_fields("due_on", date(2025, 3, 26)),
    }
    response = signed_in(qa_officer).post(
        reverse("web:add-audit-action", args=[completed.pk]), action
    )
    assert error_summary(response)[0][0] == "#id_owner"
    assert not AuditAction.objects.exists()


def moderation_form(**changed: str) -> dict[str, str]:
    form = {"overall": "good", "reason_overall": ""}
    for key in DOMAINS:
        form |= {f"grade_{key}": "good", f"reason_{key}": ""}
    return form | changed


def test_a_second_auditor_moderates_and_a_changed_grade_needs_its_reason(
    signed_in, second_qa_officer, completed
):
    client = signed_in(second_qa_officer)
    page = reverse("web:moderate-audit", args=[completed.pk])
    assert "The auditor: Good" in text(client.get(page))
    response = client.post(page, moderation_form(grade_voice="requires-improvement"))
    assert error_summary(response) == [
        ("#id_reason_voice", "The grade differs from the auditor's (good): say why")
    ]
    assert not Moderation.objects.exists()
    changed = moderation_form(grade_voice="requires-improvement", reason_voice="Views not sought.")
    assert "Moderation recorded" in text(client.post(page, changed, follow=True))
    moderation = Moderation.objects.get()
    assert moderation.agrees and moderation.grades.get(domain="voice").reason == "Views not sought."
    assert client.get(page).status_code == 404  # moderated once only


def test_a_changed_overall_grade_needs_its_reason_too(signed_in, second_qa_officer, completed):
    page = reverse("web:moderate-audit", args=[completed.pk])
    response = signed_in(second_qa_officer).post(page, moderation_form(overall="inadequate"))
    assert error_summary(response)[0][0] == "#id_reason_overall"


def test_the_auditor_cannot_moderate_their_own_audit(signed_in, qa_officer, completed):
    page = reverse("web:moderate-audit", args=[completed.pk])
    assert signed_in(qa_officer).post(page, moderation_form()).status_code == 404
    assert not Moderation.objects.exists()
