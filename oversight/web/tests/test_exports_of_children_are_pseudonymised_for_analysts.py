"""The children behind a figure, downloaded: pseudonyms for analysts, names for managers.

Seen-alone (see conftest ``figures``): Aisha (team 1) seen alone, Cara (team 2) seen but
not alone; both are behind the LA figure.
"""

import csv
import io
import re

import openpyxl
from django.urls import reverse

from oversight.accounts.models import AccessEvent
from oversight.accounts.roles import Role
from oversight.web.pseudonyms import pseudonymiser
from oversight.web.tests.conftest import person

PSEUDONYM = re.compile(r"^P-[0-9a-f]{12}$")


def download(client, fmt: str = "csv", query: str = ""):
    url = reverse("web:indicator-children-data", args=["seen-alone", fmt]) + query
    return client.get(url)


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_pseudonym_is_stable_within_an_export_and_differs_across_exports():
    first, second = pseudonymiser(), pseudonymiser()
    assert first(41) == first(41) and first(41) != first(42)
    assert PSEUDONYM.match(first(41))
    assert first(41) != second(41), "a new key for every export"


def test_an_analyst_downloads_pseudonyms_and_no_names(signed_in, figures, aisha, cara):
    analyst = person("ana", Role.PERFORMANCE_ANALYST)
    response = download(signed_in(analyst))
    assert response.status_code == 200
    header, *rows = rows_of(response)
    assert header == ["Pseudonym", "What was counted", "Date", "In the numerator", "Team"]
    assert len(rows) == 2 and all(PSEUDONYM.match(row[0]) for row in rows)
    body = response.content.decode()
    for child in (aisha, cara):
        assert child.first_name not in body and child.last_name not in body
        assert child.la_child_id not in body and str(child.pk) not in [r[0] for r in rows]


def test_two_downloads_by_an_analyst_cannot_be_joined(signed_in, figures):
    client = signed_in(person("ana", Role.PERFORMANCE_ANALYST))
    first = {row[0] for row in rows_of(download(client))[1:]}
    second = {row[0] for row in rows_of(download(client))[1:]}
    assert len(first) == len(second) == 2 and not first & second


def test_the_excel_download_is_pseudonymised_too(signed_in, figures, aisha):
    response = download(signed_in(person("ana", Role.PERFORMANCE_ANALYST)), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert values[0] == "Pseudonym"
    assert not any(aisha.first_name in v or aisha.la_child_id in v for v in values)
    assert any("pseudonymised" in v for v in values), "a note says so"


def test_a_manager_downloads_the_names_of_the_children_they_may_see(
    signed_in, manager, figures, aisha, cara
):
    header, *rows = rows_of(download(signed_in(manager)))
    assert header[:2] == ["LA child id", "Name"]
    assert [row[:2] for row in rows] == [[aisha.la_child_id, "Aisha Khan"]]


def test_each_download_is_written_to_the_access_log(signed_in, figures):
    download(signed_in(person("ana", Role.PERFORMANCE_ANALYST)))
    event = AccessEvent.objects.filter(action="export").latest("pk")
    assert "seen-alone" in event.detail and "pseudonymised" in event.detail


def test_a_practitioner_cannot_download_the_children(signed_in, worker, figures):
    assert download(signed_in(worker)).status_code == 403
