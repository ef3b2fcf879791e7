"""A job's row says how far it got and how it ended: done of total, and the summary or the
reason it failed. Here tasks run where they are started (the immediate backend, as in the
demo); ``test_a_worker_killed_mid_import...`` runs them in real worker processes."""

import pytest

from oversight.accounts.models import User
from oversight.accounts.roles import Role
from oversight.casework.models import Child
from oversight.exchange.annex_a.tests.journeys import exported
from oversight.exchange.annex_a.tests.test_a_round_trip_keeps_the_facts_the_lists_carry import (
    a_year_of_work,
)
from oversight.exchange.cin_census.tests.builders import census_xml, child
from oversight.jobs import starting
from oversight.jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader() -> User:
    return User.objects.create(username="dara", role=Role.SENIOR_LEADER)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Start a job and commit: its task is queued then, and runs here (immediate backend)."""

    def started(start, *args, **kwargs) -> Job:
        with django_capture_on_commit_callbacks(execute=True):
            job = start(*args, **kwargs)
        job.refresh_from_db()
        return job

    return started


def test_a_census_import_ends_done_with_every_child_counted(leader, run):
    xml = census_xml(child("C1"), child("C2"), child("C3"))
    job = run(starting.import_cin_census, xml, "three.xml", by=leader)
    assert (job.status, job.done, job.total, job.percent) == (JobStatus.DONE, 3, 3, 100)
    assert job.summary["children_loaded"] == 3
    assert job.summary["text"].startswith("Imported three.xml: 3 of 3 children in the file")
    assert Child.objects.count() == 3


def test_the_uploaded_file_is_let_go_when_the_job_ends(leader, run):
    job = run(starting.import_cin_census, census_xml(child("C1")), "one.xml", by=leader)
    assert job.payload is None


def test_a_census_with_a_bad_child_imports_nothing_and_says_why(leader, run):
    xml = census_xml(child("C1"), child("C2", PersonBirthDate="not a date"))
    job = run(starting.import_cin_census, xml, "bad.xml", by=leader)
    assert job.status == JobStatus.FAILED
    assert "nothing was imported: 1 child cannot be" in job.error
    assert list(job.summary["held_back"]) == ["C2"]
    assert "PersonBirthDate" in job.summary["held_back"]["C2"][0]
    assert not Child.objects.exists()


def test_with_quarantine_the_bad_child_is_held_back_and_the_rest_imported(leader, run):
    xml = census_xml(child("C1"), child("C2", PersonBirthDate="not a date"))
    job = run(starting.import_cin_census, xml, "bad.xml", by=leader, quarantine=True)
    assert job.status == JobStatus.DONE
    assert list(job.summary["held_back"]) == ["C2"]
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["C1"]


def test_a_file_that_is_not_a_census_fails_the_job_with_the_reason(leader, run):
    job = run(starting.import_cin_census, b"this is not XML", "notes.xml", by=leader)
    assert job.status == JobStatus.FAILED
    assert job.error.startswith("Cannot import: ")


def test_an_annex_a_import_counts_its_rows_and_what_it_added(leader, run):
    a_year_of_work()
    workbook = exported()
    Child.objects.all().delete()
    job = run(starting.import_annex_a, workbook, "annex-a.xlsx", by=leader)
    assert job.status == JobStatus.DONE, job.error
    assert job.done == job.total == job.summary["rows"] > 0
    assert job.summary["added"]["child"] == Child.objects.count() == 10


def test_a_readiness_pack_job_leaves_a_pdf_to_download(leader, run):
    job = run(starting.readiness_pack, leader)
    assert job.status == JobStatus.DONE
    assert bytes(job.output).startswith(b"%PDF-")
    assert job.output_name.startswith("inspection-readiness-")


def test_a_refresh_job_stores_the_indicators(run, settings, tmp_path):
    settings.OVERSIGHT_SNAPSHOT = tmp_path / "snapshot.duckdb"
    job = run(starting.refresh_indicators)
    assert job.status == JobStatus.DONE, job.error
    assert job.done == job.total > 0
    assert job.only_one is None  # free for the next refresh


def test_only_one_refresh_is_queued_at_a_time(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        first = starting.refresh_indicators()
        second = starting.refresh_indicators()
    assert first is not None and second is None
    assert Job.objects.filter(kind="indicator-refresh").count() == 1


def test_a_failing_job_records_the_error(leader, run, monkeypatch):
    from oversight.jobs import tasks

    def broken(job, progress):
        raise OSError("no space left on device")

    monkeypatch.setattr(tasks, "_readiness_pack", broken)
    job = run(starting.readiness_pack, leader)
    assert (job.status, job.error) == (JobStatus.FAILED, "OSError: no space left on device")
    assert job.output is None
