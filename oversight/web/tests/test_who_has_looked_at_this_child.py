"""The 'who has looked at this child' page: for senior leaders, every entry for one child."""

import re

import pytest
from django.urls import reverse

from oversight.accounts.access_log import append
from oversight.accounts.models import AccessEvent
from oversight.web.tests.helpers import text


def page(aisha) -> str:
    return reverse("web:child-access-log", args=[aisha.pk])


def rows(response) -> list[str]:
    body = response.content.decode().split('<tbody class="govuk-table__body">')[1]
    found = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", body, flags=re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in found]


def test_a_senior_leader_sees_who_looked_newest_first_with_role_reason_and_address(
    signed_in, senior_leader, worker, manager, aisha
):
    append(worker, "view-child", child_id=aisha.pk, address="10.1.2.3")
    append(manager, "break-glass", child_id=aisha.pk, reason="Police asked, urgent", address="::1")
    response = signed_in(senior_leader).get(page(aisha), REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 200
    shown = rows(response)
    assert shown[0].startswith("12 Mar 2025 10:00:00 Dara Example (dara) Senior leader Viewed who")
    assert shown[0].endswith("Not asked 10.9.9.9")
    assert "Morgan Example (morgan) Team manager Opened the restricted record" in shown[1]
    assert "Police asked, urgent ::1" in shown[1]
    assert "Sam Example (sam) Practitioner Viewed the record Not asked 10.1.2.3" in shown[2]


def test_only_entries_about_this_child_are_shown(signed_in, senior_leader, worker, aisha, cara):
    append(worker, "view-child", child_id=cara.pk)
    append(worker, "list-children", detail="search 'Lee'")
    response = signed_in(senior_leader).get(page(aisha))
    assert len(rows(response)) == 1  # the senior leader's own view of this page


def test_opening_the_page_is_itself_logged(signed_in, senior_leader, aisha):
    signed_in(senior_leader).get(page(aisha), {"page": "1"})
    event = AccessEvent.objects.get(action="view-access-log")
    assert (event.user, event.child_id, event.detail) == (senior_leader, aisha.pk, "page 1")


def test_the_entries_are_paginated_fifty_at_a_time(signed_in, senior_leader, worker, aisha):
    for _ in range(60):
        append(worker, "view-child", child_id=aisha.pk)
    client = signed_in(senior_leader)
    assert len(rows(client.get(page(aisha)))) == 50
    second = client.get(page(aisha), {"page": "2"})
    assert len(rows(second)) == 12  # 60, and the two views of this page
    assert "62 entries, showing 51 to 62" in text(second)


@pytest.mark.parametrize(
    "who", ["worker", "manager", "service_manager", "administrator", "inspector"]
)
def test_no_one_but_a_senior_leader_may_open_it(request, signed_in, who, aisha):
    response = signed_in(request.getfixturevalue(who)).get(page(aisha))
    assert response.status_code == 403
    assert not AccessEvent.objects.filter(action="view-access-log").exists()


def test_a_child_the_senior_leader_may_not_see_is_not_found(signed_in, senior_leader, aisha):
    aisha.restricted = True
    aisha.save()
    response = signed_in(senior_leader).get(page(aisha))
    assert response.status_code == 404


def test_a_child_that_does_not_exist_is_not_found(signed_in, senior_leader, db):
    response = signed_in(senior_leader).get(reverse("web:child-access-log", args=[999]))
    assert response.status_code == 404


def test_the_childs_record_links_to_it_for_senior_leaders_only(
    signed_in, senior_leader, worker, aisha
):
    link = "Who has looked at this child's record"
    assert link in text(signed_in(senior_leader).get(reverse("web:child", args=[aisha.pk])))
    assert link not in text(signed_in(worker).get(reverse("web:child", args=[aisha.pk])))
