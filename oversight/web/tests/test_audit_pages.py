"""The audit pages: who may open them, setting up a programme and drawing its sample.

Aisha and Ben (team 1) and Cara (team 2) are the open cases in the period 1 February to
11 March 2025, so a monthly programme of three draws all of them.
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.models import AccessEvent, User
from oversight.accounts.roles import Role
from oversight.quality.domains import DOMAINS
from oversight.quality.models import AuditProgramme, Sample
from oversight.quality.services import (
    AuditFacts,
    Graded,
    ProgrammeFacts,
    complete_audit,
    create_programme,
    draw_sample,
    start_audit,
)
from oversight.web.tests.conftest import person
from oversight.web.tests.helpers import date_fields, error_summary, text

START, END = date(2025, 2, 1), date(2025, 3, 11)
ALL_GOOD = {key: Graded("good", "Seen in the record.") for key in DOMAINS}


@pytest.fixture
def qa_officer(db) -> User:
    return person("quinn", Role.QA_OFFICER)


@pytest.fixture
def second_qa_officer(db) -> User:
    return person("rene", Role.QA_OFFICER)


@pytest.fixture
def sample(qa_officer, aisha, ben, cara) -> Sample:
    programme = create_programme(ProgrammeFacts("Open cases", "monthly", sample_size=3), qa_officer)
    return draw_sample(programme, START, END, qa_officer, seed=7)


def case_of(sample: Sample, child):
    return sample.cases.get(child=child)


@pytest.fixture
def completed(sample, qa_officer, aisha):
    """Aisha's audit by the QA officer, completed with every domain good."""
    audit = start_audit(case_of(sample, aisha), qa_officer)
    return complete_audit(audit, AuditFacts(ALL_GOOD, "good", learning=("plans",)), END)


def every_audit_page(sample, audit) -> list[str]:
    return [
        reverse("web:audits"),
        reverse("web:new-audit-programme"),
        reverse("web:draw-audit-sample", args=[sample.programme_id]),
        reverse("web:audit-evidence", args=[sample.programme_id]),
        reverse("web:audit-sample", args=[sample.pk]),
        reverse("web:audit", args=[audit.pk]),
        reverse("web:moderate-audit", args=[audit.pk]),
        reverse("web:add-audit-action", args=[audit.pk]),
        reverse("web:audit-reports"),
        reverse("web:audit-report-data", args=["domains"]),
    ]


@pytest.mark.parametrize("who", ["worker", "administrator"])
def test_every_audit_page_is_refused_to_a_practitioner_and_an_administrator(
    request, signed_in, who, sample, completed
):
    client = signed_in(request.getfixturevalue(who))
    for page in every_audit_page(sample, completed):
        assert client.get(page).status_code == 403, page
        assert client.post(page, {}).status_code == 403, page
    start = reverse("web:start-audit", args=[case_of(sample, completed.case.child).pk])
    assert client.post(start).status_code == 403
    assert "Audits" not in [item for item in text(client.get(reverse("web:my-work"))).split()]


@pytest.mark.parametrize("who", ["qa_officer", "service_manager", "senior_leader"])
def test_the_audit_pages_open_for_those_who_plan_audits(request, signed_in, who, sample, completed):
    client = signed_in(request.getfixturevalue(who))
    pages = every_audit_page(sample, completed)
    moderation = reverse("web:moderate-audit", args=[completed.pk])
    for page in pages:
        if page == moderation and who == "qa_officer":
            assert client.get(page).status_code == 404  # the auditor does not moderate
        else:
            assert client.get(page).status_code == 200, page
    assert "Audits" in text(client.get(reverse("web:audits")))


def test_a_team_manager_and_an_iro_read_audits_but_do_not_set_up_programmes(
    signed_in, manager, sample
):
    iro = person("ira", Role.IRO)
    for who in (manager, iro):
        client = signed_in(who)
        assert client.get(reverse("web:audits")).status_code == 200
        assert client.get(reverse("web:audit-reports")).status_code == 200
        assert client.get(reverse("web:new-audit-programme")).status_code == 403
        assert (
            client.get(reverse("web:draw-audit-sample", args=[sample.programme_id])).status_code
            == 403
        )


def test_a_qa_officer_sets_up_a_programme_and_draws_its_sample_through_the_pages(
    signed_in, qa_officer, aisha, ben, cara
):
    client = signed_in(qa_officer)
    form = {"name": "Open cases", "theme": "monthly", "method": "random", "sample_size": "2",
            "stratify_by": "", "target_indicator": "", "questions": "Is the plan SMART?\n",
            "allow_repeats": "no"}  # fmt: skip
    response = client.post(reverse("web:new-audit-programme"), form, follow=True)
    assert "Programme set up: Open cases" in text(response)
    programme = AuditProgramme.objects.get()
    assert programme.questions == ["Is the plan SMART?"] and not programme.allow_repeats
    draw = {**date_fields("period_start", START), **date_fields("period_end", END), "seed": "42"}
    response = client.post(reverse("web:draw-audit-sample", args=[programme.pk]), draw, follow=True)
    shown = text(response)
    assert "2 cases drawn, seed 42" in shown and "2 of 3 eligible cases" in shown
    assert "Seed 42 (give it again to draw the same cases)" in shown
    drawn = {c.child.first_name for c in Sample.objects.get().cases.all()}
    assert all(name in shown for name in drawn)
    assert AccessEvent.objects.filter(user=qa_officer, action="list-children").count() == 1


def test_a_period_that_ends_before_it_starts_is_refused_against_its_end(
    signed_in, qa_officer, sample
):
    draw = {**date_fields("period_start", END), **date_fields("period_end", START)}
    response = signed_in(qa_officer).post(
        reverse("web:draw-audit-sample", args=[sample.programme_id]), draw
    )
    assert error_summary(response)[0][0] == "#id_period_end_day"
    assert Sample.objects.count() == 1


def test_a_team_manager_sees_only_their_teams_children_named_in_a_sample(
    signed_in, manager, sample, cara
):
    shown = text(signed_in(manager).get(reverse("web:audit-sample", args=[sample.pk])))
    assert "Aisha Khan" in shown and "Ben Jones" in shown
    assert "Cara" not in shown
    assert f"Case {case_of(sample, cara).position} (not in your access)" in shown


def test_a_case_is_started_from_the_sample_and_opens_the_audit_form(
    signed_in, qa_officer, sample, ben
):
    client = signed_in(qa_officer)
    response = client.post(reverse("web:start-audit", args=[case_of(sample, ben).pk]), follow=True)
    assert "Audit of Ben Jones" in text(response)
    assert "The voice of the child: grade" in text(response)
    again = client.post(reverse("web:start-audit", args=[case_of(sample, ben).pk]), follow=True)
    assert "This case already has an audit" in text(again)


def test_starting_and_opening_an_audit_are_views_of_the_childs_record(
    signed_in, qa_officer, sample, aisha
):
    client = signed_in(qa_officer)
    case = case_of(sample, aisha)
    client.post(reverse("web:start-audit", kwargs={"case_pk": case.pk}))
    case.refresh_from_db()
    client.get(reverse("web:audit", kwargs={"pk": case.audit.pk}))
    viewed = AccessEvent.objects.filter(action="view-child", username=qa_officer.username)
    assert [e.child_id for e in viewed] == [aisha.pk, aisha.pk]
