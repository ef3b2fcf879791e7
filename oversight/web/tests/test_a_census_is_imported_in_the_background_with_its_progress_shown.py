"""A CIN census is imported into the records as a background job: the upload is checked,
the job started, and its page shows how far it has got and how it ended, to whoever
started it alone. For analysts and senior leaders.

The file: GOOD1 and GOOD2 import; BADCODE's referral source ZZ is no code (8866).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from oversight.casework.models import Child
from oversight.exchange.cin_census.tests import builders
from oversight.jobs.models import Job, JobKind
from oversight.web.tests.helpers import error_summary, text
from oversight.web.tests.test_pages_keep_to_the_content_security_policy import (
    inline_css_and_scripts,
)
from oversight.web.tests.test_uploads_refuse_nasty_files import BILLION_LAUGHS

IMPORT = reverse("web:import-census")


def census(name: str = "census.xml") -> SimpleUploadedFile:
    xml = builders.census_xml(
        builders.child("GOOD1"),
        builders.child("BADCODE", episodes=[builders.episode(ReferralSource="ZZ")]),
        builders.child("GOOD2", Sex="F"),
    )
    return SimpleUploadedFile(name, xml)


@pytest.fixture
def importing(analyst, signed_in, django_capture_on_commit_callbacks):
    client = signed_in(analyst)

    def send(file, quarantine: str = "no"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(IMPORT, {"file": file, "quarantine": quarantine})

    return client, send


def test_with_quarantine_the_others_are_imported_and_the_page_says_so(importing):
    client, send = importing
    response = send(census(), quarantine="yes")
    job = Job.objects.get()
    assert response.url == reverse("web:return-import", args=[job.pk])
    assert sorted(Child.objects.values_list("la_child_id", flat=True)) == ["GOOD1", "GOOD2"]
    page = client.get(response.url)
    words = text(page)
    assert "census.xml" in words and "Finished: 2 of 2 children" in words
    assert "Imported Imported census.xml: 2 of 3 children in the file" in words
    assert "Children held back" in words
    assert "BADCODE child BADCODE, line 72: 8866 ReferralSource='ZZ'" in words
    assert 'value="100"' in page.content.decode()
    assert Job.objects.get().payload is None  # the file is kept only until the job ends


def test_without_quarantine_nothing_is_imported_and_the_page_says_why(importing):
    client, send = importing
    response = send(census())
    assert not Child.objects.exists()
    words = text(client.get(response.url))
    assert "Nothing was imported census.xml: nothing was imported: 1 child cannot be" in words
    assert "Children who cannot be imported" in words
    assert "BADCODE child BADCODE, line 72: 8866 ReferralSource='ZZ'" in words


def test_a_job_still_running_is_followed_by_a_script_file_not_inline(
    analyst, signed_in, django_capture_on_commit_callbacks
):
    client = signed_in(analyst)
    with django_capture_on_commit_callbacks(execute=False):  # not run yet
        client.post(IMPORT, {"file": census(), "quarantine": "no"})
    page = client.get(reverse("web:return-import", args=[Job.objects.get().pk])).content.decode()
    assert "Waiting to start" in page
    assert 'src="/static/web/job-progress.js"' in page
    assert f'data-status-url="{reverse("web:job-status", args=[Job.objects.get().pk])}"' in page
    assert inline_css_and_scripts(page) == []


def test_an_unsafe_file_starts_no_job(importing):
    _, send = importing
    response = send(SimpleUploadedFile("census.xml", BILLION_LAUGHS))
    assert error_summary(response)[0][1].startswith("The XML declares entities")
    assert not Job.objects.exists()


def test_only_whoever_started_an_import_sees_it(importing, senior_leader, signed_in):
    client, send = importing
    address = send(census()).url
    signed_in(senior_leader)
    assert client.get(address).status_code == 404


@pytest.mark.parametrize("role", ["service_manager", "worker", "administrator"])
def test_those_who_do_not_import_are_refused(request, role, signed_in):
    client = signed_in(request.getfixturevalue(role))
    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"file": census(), "quarantine": "yes"}).status_code == 403
    assert not Job.objects.exists()


def test_the_returns_page_offers_the_import_to_those_who_may(analyst, service_manager, signed_in):
    assert IMPORT in signed_in(analyst).get(reverse("web:returns")).content.decode()
    assert IMPORT not in signed_in(service_manager).get(reverse("web:returns")).content.decode()


def test_a_job_of_another_kind_is_no_import(analyst, signed_in):
    job = Job.objects.create(kind=JobKind.READINESS_PACK, requested_by=analyst)
    assert signed_in(analyst).get(reverse("web:return-import", args=[job.pk])).status_code == 404
