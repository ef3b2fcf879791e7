"""An SSDA903 return (its CSV files, chosen together) and an Annex A workbook are imported
into the records as background jobs, as a CIN census is: the upload is checked, the job
started, and its page shows how it ended: what was imported, what was held back and why,
and the values not kept as given. For analysts and senior leaders.

The SSDA903 return: C1 imports; BAD's episode has a legal status that is no code (rule
103's fellow, the records' code check). The Annex A workbook is the one the Annex A
command tests use, with a row whose gender is no choice of the list.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from oversight.casework.models import CareEpisode, Child
from oversight.exchange.annex_a.tests.test_a_bad_workbook_says_where_and_imports_nothing import (
    bad_workbook,
)
from oversight.exchange.ssda903.tests.builders import child, episode, files
from oversight.jobs.models import Job, JobKind
from oversight.web.tests.helpers import error_summary, text

pytestmark = pytest.mark.django_db


def return_files(*children) -> list[SimpleUploadedFile]:  # type: ignore[no-untyped-def]
    return [
        SimpleUploadedFile(name, content.encode()) for name, content in files(*children).items()
    ]


@pytest.fixture
def posting(analyst, signed_in, django_capture_on_commit_callbacks):
    client = signed_in(analyst)

    def send(page: str, data: dict):  # type: ignore[no-untyped-def]
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse(page), data)

    return client, send


def test_the_returns_page_offers_all_three_imports_to_an_analyst(signed_in, analyst):
    page = signed_in(analyst).get(reverse("web:returns")).content.decode()
    for name in ("web:import-census", "web:import-ssda903", "web:import-annex-a"):
        assert f'href="{reverse(name)}"' in page


def test_an_ssda903_return_imports_with_its_bad_child_held_back(posting):
    client, send = posting
    good = child("C1")
    bad = child("BAD", episodes=[episode(LS="Q9")])
    response = send("web:import-ssda903", {"files": return_files(good, bad), "quarantine": "yes"})
    job = Job.objects.get()
    assert job.kind == JobKind.SSDA903_IMPORT
    assert response.url == reverse("web:return-import", args=[job.pk])
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["C1"]
    assert CareEpisode.objects.filter(child__la_child_id="C1").exists()
    words = text(client.get(response.url))
    assert "Imported the SSDA903 return 2025-26: 1 of 2 children in it" in words
    assert "Children held back" in words and "BAD" in words and "LS='Q9'" in words
    assert "Not kept as given" in words  # the builders' child has values the records lack
    assert Job.objects.get().payload is None  # the files are kept only until the job ends


def test_without_quarantine_an_ssda903_return_with_a_bad_child_imports_nothing(posting):
    client, send = posting
    bad = child("BAD", episodes=[episode(LS="Q9")])
    response = send("web:import-ssda903", {"files": return_files(child("C1"), bad),
                                           "quarantine": "no"})  # fmt: skip
    assert not Child.objects.exists()
    words = text(client.get(response.url))
    assert "Nothing was imported" in words and "1 child cannot be" in words and "BAD" in words


def test_files_that_are_not_csv_are_refused_before_any_job_starts(posting):
    _client, send = posting
    response = send("web:import-ssda903", {"files": [SimpleUploadedFile("x.pdf", b"%PDF-1.4")],
                                           "quarantine": "no"})  # fmt: skip
    [(field, _message)] = error_summary(response)
    assert field == "#id_files" and not Job.objects.exists()


def test_an_annex_a_workbook_imports_its_good_rows_and_lists_the_rest(posting):
    client, send = posting
    workbook = SimpleUploadedFile("annex.xlsx", bad_workbook())
    response = send("web:import-annex-a", {"file": workbook, "quarantine": "yes"})
    job = Job.objects.get()
    assert job.kind == JobKind.ANNEX_A_IMPORT and job.status == "done"
    words = text(client.get(response.url))
    assert "Imported annex.xlsx" in words
    assert "Rows left out" in words and "List 1 row 3, Gender = 'x) Alien'" in words
    assert Child.objects.exists()


def test_without_quarantine_a_bad_workbook_imports_nothing_and_says_where(posting):
    client, send = posting
    workbook = SimpleUploadedFile("annex.xlsx", bad_workbook())
    response = send("web:import-annex-a", {"file": workbook, "quarantine": "no"})
    assert not Child.objects.exists()
    words = text(client.get(response.url))
    assert "Nothing was imported" in words and "List 1 row 3, Gender = 'x) Alien'" in words


def test_a_practitioner_may_not_import(signed_in, worker):
    for name in ("web:import-ssda903", "web:import-annex-a"):
        assert signed_in(worker).get(reverse(name)).status_code == 403
