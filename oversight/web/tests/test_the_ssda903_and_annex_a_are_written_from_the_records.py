"""The SSDA903 return and Ofsted's Annex A written from the records the user may see: each
download an export in the access log naming every child in it; the SSDA903 return also
validated in one click, with last year's return written from the records beside it.

Dara (D400) came into care on 3 March 2025 (voluntary accommodation, V2, in foster care
U1) and is still looked after, so she is in the 2025-26 return; Aisha (A100), a child in
need, is in neither return's looked-after tables.
"""

import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from oversight.accounts.models import AccessEvent, ListedChild
from oversight.casework import services
from oversight.exchange.validation_runs.models import ReturnKind, RunSource, ValidationRun
from oversight.web.tests.conftest import register
from oversight.web.tests.helpers import text

SSDA903 = reverse("web:ssda903-from-records", args=["2025-26"])
VALIDATE = reverse("web:validate-ssda903-from-records", args=["2025-26"])
ANNEX_A = reverse("web:annex-a-from-records")


@pytest.fixture
def dara(team, worker):
    child = register("D400", "Dara", "Example", date(2012, 6, 1))
    services.allocate(child, team, worker, on=date(2025, 3, 3))
    services.start_care_episode(
        child, started_on=date(2025, 3, 3), legal_status="V2", placement_type="U1"
    )
    return child


def test_the_return_downloads_as_a_zip_of_its_csv_files(analyst, signed_in, dara, aisha):
    response = signed_in(analyst).get(SSDA903)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="ssda903-2025-26.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "header.csv" in archive.namelist() and "episodes.csv" in archive.namelist()
    header = archive.read("header.csv").decode()
    assert "D400" in header and "A100" not in header
    assert "D400,03/03/2025,S,V2,,U1," in archive.read("episodes.csv").decode()


def test_the_download_is_an_export_naming_every_child_in_it(analyst, signed_in, dara):
    signed_in(analyst).get(SSDA903)
    entry = AccessEvent.objects.filter(action="export").latest("sequence")
    assert entry.detail == "SSDA903 2025-26 from the records: 1 children"
    listed = ListedChild.objects.filter(event_id=entry.sequence).values_list("child_id", flat=True)
    assert list(listed) == [dara.pk]


def test_the_return_holds_only_the_children_the_user_may_see(senior_leader, signed_in, dara):
    dara.restricted = True
    dara.save()
    archive = zipfile.ZipFile(io.BytesIO(signed_in(senior_leader).get(SSDA903).content))
    assert "D400" not in archive.read("header.csv").decode()


def test_the_return_from_the_records_is_validated_with_last_years(analyst, signed_in, dara):
    response = signed_in(analyst).post(VALIDATE)
    run = ValidationRun.objects.get()
    assert response.url == reverse("web:return-run", args=[run.pk])
    assert run.kind == ReturnKind.SSDA903 and run.source == RunSource.RECORDS
    assert "header.csv" in run.files and "last year: header.csv" in run.files
    assert run.rules_need_last_year == 0  # last year's return was there: every rule ran


def test_a_year_without_rules_is_not_found(analyst, signed_in):
    client = signed_in(analyst)
    assert client.get(reverse("web:ssda903-from-records", args=["2019-20"])).status_code == 404
    address = reverse("web:validate-ssda903-from-records", args=["2019-20"])
    assert client.post(address).status_code == 404


def test_annex_a_downloads_for_a_date_as_a_workbook_in_the_access_log(analyst, signed_in, dara):
    response = signed_in(analyst).get(
        ANNEX_A, {"as_at_day": "12", "as_at_month": "3", "as_at_year": "2025"}
    )
    assert response["Content-Disposition"] == 'attachment; filename="annex-a-2025-03-12.xlsx"'
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    assert len(book.sheetnames) >= 11
    entry = AccessEvent.objects.filter(action="export").latest("sequence")
    assert entry.detail.startswith("Annex A as at 2025-03-12 to annex-a-2025-03-12.xlsx")
    listed = ListedChild.objects.filter(event_id=entry.sequence).values_list("child_id", flat=True)
    assert dara.pk in set(listed)


def test_annex_a_lists_prospective_adopters_only_for_those_who_may_see_them(
    analyst, service_manager, signed_in, rivers
):
    def adopters_listed(user) -> list[str]:  # type: ignore[no-untyped-def]
        response = signed_in(user).get(
            ANNEX_A, {"as_at_day": "12", "as_at_month": "3", "as_at_year": "2025"}
        )
        sheet = load_workbook(io.BytesIO(response.content), read_only=True)["List 11"]
        return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]

    assert adopters_listed(analyst) == ["P101", "P102"]
    # A service manager of another service prepares returns but does not see adopters.
    assert adopters_listed(service_manager) == []


def test_annex_a_asks_again_for_a_date_in_the_future(analyst, signed_in):
    page = text(
        signed_in(analyst).get(
            ANNEX_A, {"as_at_day": "1", "as_at_month": "1", "as_at_year": "2026"}
        )
    )
    assert "The notification date must be today or in the past" in page
    assert not AccessEvent.objects.filter(action="export").exists()


def test_the_returns_page_offers_both(analyst, signed_in):
    page = text(signed_in(analyst).get(reverse("web:returns")))
    assert "Download the SSDA903 return 2025-26 (ZIP)" in page
    assert "Validate the SSDA903 return 2025-26 from the records" in page
    assert "Download Annex A (Excel)" in page
