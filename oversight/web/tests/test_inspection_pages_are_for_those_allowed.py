"""Who may read and record inspections: outcomes are public, recording is for leaders.

Everyone signed in reads the national and LA pages, save an inspector outside the
inspection window; senior leaders, service managers, QA officers and analysts record.
"""

from datetime import date

import pytest
from django.urls import reverse

from oversight.accounts.roles import Role
from oversight.inspection.models import Inspection, LocalAuthority
from oversight.web.tests.conftest import person

READ = [reverse("web:inspection"), reverse("web:inspection-la", args=["80001"])]
RECORD = reverse("web:inspection-record")


@pytest.fixture(autouse=True)
def reading(db, settings) -> LocalAuthority:
    settings.OVERSIGHT_LA_CODE = "E06000038"
    return LocalAuthority.objects.create(urn="80001", code="E06000038", name="Reading")


@pytest.mark.parametrize("who", ["worker", "administrator", "manager"])
def test_everyone_signed_in_reads_the_inspection_pages(signed_in, who, request):
    client = signed_in(request.getfixturevalue(who))
    for url in READ:
        assert client.get(url).status_code == 200, url


def test_an_inspector_outside_the_window_reads_nothing_and_records_nothing(signed_in, inspector):
    client = signed_in(inspector)
    for url in [*READ, RECORD]:
        assert client.get(url).status_code == 403, url


def test_an_inspector_inside_the_window_reads_but_does_not_record(signed_in, db):
    inside = person("ivy", Role.INSPECTOR, inspection_window_start=date(2025, 3, 10),
                    inspection_window_end=date(2025, 3, 21))  # fmt: skip
    client = signed_in(inside)
    assert all(client.get(url).status_code == 200 for url in READ)
    assert client.get(RECORD).status_code == 403


@pytest.mark.parametrize("who", ["administrator", "worker", "manager"])
def test_administrators_practitioners_and_team_managers_may_not_record(signed_in, who, request):
    client = signed_in(request.getfixturevalue(who))
    assert client.get(RECORD).status_code == 403
    assert client.post(RECORD, {"kind": "standard"}).status_code == 403
    assert not Inspection.objects.exists()


@pytest.mark.parametrize(
    "role", [Role.SENIOR_LEADER, Role.SERVICE_MANAGER, Role.QA_OFFICER, Role.PERFORMANCE_ANALYST]
)
def test_leaders_qa_and_analysts_may_record(signed_in, role, db):
    assert signed_in(person("lee", role)).get(RECORD).status_code == 200


def test_the_inspection_link_is_in_the_navigation_for_readers_only(signed_in, worker, inspector):
    assert RECORD not in signed_in(worker).get(READ[1]).content.decode()
    assert 'href="/inspection/"' in signed_in(worker).get(reverse("web:my-work")).content.decode()
    home = signed_in(inspector).get(reverse("web:my-work")).content.decode()
    assert 'href="/inspection/"' not in home
