"""The CIN census written from the records the user may see: downloaded (an export in the
access log naming every child in it), or validated in one click as a stored run.

Aisha (A100) has been in need since her referral in November 2024 (a CIN plan, still
open), so she is in the 2025-26 census; so is Ben (B200), whose referral of 11 March 2025
is still open.
"""

import pytest
from django.urls import reverse

from oversight.accounts.models import AccessEvent, ListedChild
from oversight.exchange.validation_runs.models import RunSource, ValidationRun
from oversight.web.tests.helpers import text

CENSUS = reverse("web:census-from-records", args=["2025-26"])
VALIDATE = reverse("web:validate-census-from-records", args=["2025-26"])


@pytest.fixture(autouse=True)
def reading(settings):
    settings.OVERSIGHT_LA_CODE = "E06000038"  # Reading: DfE number 870


def test_the_census_downloads_as_xml_named_for_the_year_and_the_la(analyst, signed_in, aisha):
    response = signed_in(analyst).get(CENSUS)
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cin-census-2025-26-870.xml"'
    assert b"<LAchildID>A100</LAchildID>" in response.content
    assert b"<LEA>870</LEA>" in response.content


def test_the_download_is_an_export_naming_every_child_in_it(analyst, signed_in, aisha, ben):
    signed_in(analyst).get(CENSUS)
    entry = AccessEvent.objects.filter(action="export").latest("sequence")
    assert entry.detail == "CIN census 2025-26 from the records: 2 children"
    listed = ListedChild.objects.filter(event_id=entry.sequence).values_list("child_id", flat=True)
    assert set(listed) == {aisha.pk, ben.pk}


def test_the_census_holds_only_the_children_the_user_may_see(senior_leader, signed_in, aisha, ben):
    aisha.restricted = True
    aisha.save()
    content = signed_in(senior_leader).get(CENSUS).content
    assert b"<LAchildID>B200</LAchildID>" in content and b"A100" not in content
    aisha.restricted_to.add(senior_leader)
    assert b"<LAchildID>A100</LAchildID>" in signed_in(senior_leader).get(CENSUS).content


def test_the_returns_page_says_what_the_census_holds(service_manager, senior_leader, signed_in):
    page = text(signed_in(service_manager).get(reverse("web:returns")))
    assert "holds the children in need in the year whose records you may see" in page
    page = text(signed_in(senior_leader).get(reverse("web:returns")))
    assert "every child in need in the year, except restricted records that do not name you" in page


def test_the_census_from_the_records_is_validated_in_one_click(analyst, signed_in, aisha, ben):
    client = signed_in(analyst)
    response = client.post(VALIDATE)
    run = ValidationRun.objects.get()
    assert response.url == reverse("web:return-run", args=[run.pk])
    assert (run.source, run.kind, run.year, run.by) == (RunSource.RECORDS, "cin-census",
                                                        "2025-26", analyst)  # fmt: skip
    assert run.files == ["cin-census-2025-26-from-the-records.xml"]
    page = text(client.get(response.url))
    assert "Written from The records Pia Example may see" in page
    assert "Only the findings are kept, never the return written." in page
    assert "Validate the records again" in page


def test_without_the_las_code_the_census_cannot_be_written_and_says_why(
    analyst, signed_in, settings, aisha
):
    settings.OVERSIGHT_LA_CODE = ""
    client = signed_in(analyst)
    for response in (client.get(CENSUS, follow=True), client.post(VALIDATE, follow=True)):
        assert "The census cannot be written without the LA's DfE number" in text(response)
    assert not ValidationRun.objects.exists()
    assert not AccessEvent.objects.filter(action="export").exists()


def test_a_year_whose_census_is_not_written_here_is_not_found(analyst, signed_in):
    address = reverse("web:census-from-records", args=["2019-20"])
    assert signed_in(analyst).get(address).status_code == 404
