"""A list page or an export is one access-log entry naming the children it showed, and
"who has looked at this child" finds the child inside it.

Sam (team 1) sees Aisha and Ben, not Cara (team 2). Seen-alone (conftest ``figures``):
Aisha and Cara are behind the LA figure.
"""

import html
import re

from django.urls import reverse

from oversight.accounts.models import AccessEvent
from oversight.accounts.roles import Role
from oversight.web.tests.conftest import person


def listed(event: AccessEvent) -> set[int]:
    return set(event.listed.values_list("child_id", flat=True))


def who_looked_rows(client, child) -> list[str]:
    response = client.get(reverse("web:child-access-log", args=[child.pk]))
    body = response.content.decode().split('<tbody class="govuk-table__body">')[1]
    found = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", body, flags=re.S)
    return [
        html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))).strip() for row in found
    ]


def test_the_children_list_names_the_children_on_its_page(signed_in, worker, aisha, ben, cara):
    signed_in(worker).get(reverse("web:children"))
    event = AccessEvent.objects.get(action="list-children")
    assert listed(event) == {aisha.pk, ben.pk}
    assert event.child_id is None


def test_a_search_names_only_the_children_it_found(signed_in, worker, aisha, ben):
    signed_in(worker).get(reverse("web:children"), {"q": "Khan"})
    assert listed(AccessEvent.objects.get(action="list-children")) == {aisha.pk}


def test_a_worklist_names_the_children_whose_work_it_shows(signed_in, worker, aisha, cara):
    signed_in(worker).get(reverse("web:my-work"))
    assert listed(AccessEvent.objects.get(action="list-children")) == {aisha.pk}


def test_an_export_names_every_child_in_the_file_even_under_pseudonyms(
    signed_in, figures, aisha, cara
):
    client = signed_in(person("ana", Role.PERFORMANCE_ANALYST))
    client.get(reverse("web:indicator-children-data", args=["seen-alone", "csv"]))
    event = AccessEvent.objects.get(action="export")
    assert listed(event) == {aisha.pk, cara.pk}
    assert event.detail.endswith("2 rows, pseudonymised")


def test_who_has_looked_shows_a_list_that_showed_the_child_among_others(
    signed_in, worker, senior_leader, aisha, ben
):
    signed_in(worker).get(reverse("web:children"))
    rows = who_looked_rows(signed_in(senior_leader), aisha)
    assert len(rows) == 2  # the list, and the senior leader's view of this page
    assert "Sam Example (sam) Practitioner Listed children" in rows[1]
    assert "search '', page 1; this child and 1 other" in rows[1]


def test_who_has_looked_leaves_out_a_list_that_did_not_show_the_child(
    signed_in, worker, senior_leader, aisha, ben
):
    signed_in(worker).get(reverse("web:children"), {"q": "Jones"})
    rows = who_looked_rows(signed_in(senior_leader), aisha)
    assert [row for row in rows if "Listed children" in row] == []
