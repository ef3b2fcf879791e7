"""A finished job's summary may name children and its output is a report: the workers delete
it (and its task's result) thirty days after it finished; a job still waiting is kept."""

from datetime import timedelta

import pytest
from django.utils import timezone

from oversight.jobs.models import Job, JobKind, JobStatus, WorkerSeen
from oversight.jobs.workers import forget_old

pytestmark = pytest.mark.django_db


def job(status: JobStatus, finished_days_ago: int | None) -> Job:
    finished = timezone.now() - timedelta(days=finished_days_ago) if finished_days_ago else None
    return Job.objects.create(kind=JobKind.READINESS_PACK, status=status, finished_at=finished,
                              output=b"%PDF-")  # fmt: skip


def test_jobs_finished_over_thirty_days_ago_go_and_the_rest_stay():
    old_done, old_failed = job(JobStatus.DONE, 31), job(JobStatus.FAILED, 45)
    recent, waiting = job(JobStatus.DONE, 29), job(JobStatus.QUEUED, None)
    forget_old()
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not Job.objects.filter(pk__in=[old_done.pk, old_failed.pk]).exists()


def test_workers_stopped_long_ago_are_forgotten_too():
    long_ago = timezone.now() - timedelta(days=40)
    WorkerSeen.objects.create(worker_id="gone", host="h", pid=1, stopped_at=long_ago)
    WorkerSeen.objects.create(worker_id="running", host="h", pid=2)
    forget_old()
    assert list(WorkerSeen.objects.values_list("worker_id", flat=True)) == ["running"]
