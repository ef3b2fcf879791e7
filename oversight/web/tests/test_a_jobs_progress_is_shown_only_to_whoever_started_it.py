"""A page polls ``web:job-status`` for a job's progress bar, and downloads what it made from
``web:job-output``; both answer only the person who started the job."""

import pytest
from django.urls import reverse

from oversight.jobs import starting
from oversight.jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack(senior_leader, django_capture_on_commit_callbacks) -> Job:
    with django_capture_on_commit_callbacks(execute=True):
        return starting.readiness_pack(senior_leader)


def test_the_status_says_how_far_the_job_got_and_where_its_file_is(signed_in, senior_leader, pack):
    answer = signed_in(senior_leader).get(reverse("web:job-status", args=[pack.pk]))
    assert answer["Cache-Control"] == "no-store"
    status = answer.json()
    assert status["status"] == "done" and status["finished"] is True
    assert (status["done"], status["total"], status["percent"]) == (1, 1, 100)
    assert status["summary"]["text"].startswith("The inspection readiness pack as at")
    assert status["download"] == reverse("web:job-output", args=[pack.pk])


def test_the_file_it_made_downloads_as_a_pdf(signed_in, senior_leader, pack):
    answer = signed_in(senior_leader).get(reverse("web:job-output", args=[pack.pk]))
    assert answer["Content-Type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF-")


def test_a_job_still_waiting_shows_no_count_yet_and_nothing_to_download(
    signed_in, senior_leader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):  # not committed: not yet run
        waiting = starting.readiness_pack(senior_leader)
    status = signed_in(senior_leader).get(reverse("web:job-status", args=[waiting.pk])).json()
    assert (status["status"], status["status_text"]) == ("queued", "Waiting to start")
    assert (status["finished"], status["percent"], status["download"]) == (False, None, None)


@pytest.mark.parametrize("who", ["service_manager", "administrator", "worker"])
def test_nobody_else_sees_the_job_or_its_file(request, signed_in, pack, who):
    client = signed_in(request.getfixturevalue(who))
    assert client.get(reverse("web:job-status", args=[pack.pk])).status_code == 404
    assert client.get(reverse("web:job-output", args=[pack.pk])).status_code == 404


def test_a_failed_job_gives_its_error_and_nothing_to_download(signed_in, senior_leader, pack):
    Job.objects.filter(pk=pack.pk).update(status=JobStatus.FAILED, error="Disk full")
    status = signed_in(senior_leader).get(reverse("web:job-status", args=[pack.pk])).json()
    assert (status["error"], status["download"]) == ("Disk full", None)
