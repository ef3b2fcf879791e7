"""Workers: who is alive, and what becomes of a task whose worker died part-way.

A worker records itself (``WorkerSeen``) and says it is alive every few seconds from a
thread of its own, even in the middle of a long task. A task is claimed by the worker that
runs it (django-tasks notes the worker's id). If that worker is lost (killed, its machine
gone) the task would stay "running" for ever; ``reap`` finds such tasks and queues them
again, so another worker runs them from the start. That is safe because each task is one
transaction or idempotent (``tasks``). A task whose worker was lost ``MOST_ATTEMPTS``
times is given up, with a reason, rather than tried for ever.

A worker is lost when, on this machine, its process has gone; on another machine, when it
has not been seen for ``STALE_SECONDS``. (On SQLite, a single machine, the first test
alone decides: a worker waiting for the write lock cannot say it is alive meanwhile.)
"""

from __future__ import annotations

import os
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from oversight.jobs.models import Job, JobStatus, WorkerSeen

BEAT_SECONDS = 5
STALE_SECONDS = 60
MOST_ATTEMPTS = 3
KEEP_DAYS = 30  # finished jobs (their summaries and reports) and task results
RUNNING, READY, FAILED = "RUNNING", "READY", "FAILED"


def process_started(pid: int) -> str:
    """When the process started (clock ticks since boot), to tell it from a later one
    given the same id; "" where the system does not say, or the process has ended."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return ""
    return "" if fields[0] in {"Z", "X"} else fields[19]  # a zombie has ended too


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{secrets.token_hex(4)}"


def register(worker_id: str) -> WorkerSeen:
    pid = os.getpid()
    seen, _ = WorkerSeen.objects.update_or_create(
        worker_id=worker_id,
        defaults={"host": socket.gethostname(), "pid": pid, "process_started": process_started(pid),
                  "started_at": timezone.now(), "last_seen": timezone.now(), "stopped_at": None},
    )  # fmt: skip
    return seen


def beat(worker_id: str) -> None:
    WorkerSeen.objects.filter(worker_id=worker_id).update(last_seen=timezone.now())


def stopped(worker_id: str) -> None:
    now = timezone.now()
    WorkerSeen.objects.filter(worker_id=worker_id).update(last_seen=now, stopped_at=now)


def is_alive(seen: WorkerSeen | None, now: datetime) -> bool:
    if seen is None or seen.stopped_at is not None:
        return False
    if seen.host == socket.gethostname() and process_started(os.getpid()):
        return seen.process_started != "" and process_started(seen.pid) == seen.process_started
    return seen.last_seen >= now - timedelta(seconds=STALE_SECONDS)


def alive_workers(now: datetime | None = None) -> list[WorkerSeen]:
    now = now or timezone.now()
    return [w for w in WorkerSeen.objects.filter(stopped_at__isnull=True) if is_alive(w, now)]


@dataclass(frozen=True)
class Reaped:
    """A task whose worker was lost: queued again, or given up."""

    task_id: str
    job: Job | None
    given_up: bool

    def __str__(self) -> str:
        what = self.job.get_kind_display() if self.job else f"task {self.task_id}"
        tries = f" after {self.job.attempts} tries" if self.job else ""
        return f"{what}: its worker was lost; " + (
            f"given up{tries}" if self.given_up else "queued again"
        )


def reap(now: datetime | None = None) -> list[Reaped]:
    """Queue again (or give up) every running task whose worker was lost."""
    now = now or timezone.now()
    seen = {w.worker_id: w for w in WorkerSeen.objects.all()}
    found = []
    for result in DBTaskResult.objects.filter(status=RUNNING):
        claimant = result.worker_ids[-1] if result.worker_ids else None
        if not is_alive(seen.get(claimant or ""), now) and (reaped := _reap(result)):
            found.append(reaped)
    return found


def _reap(result: DBTaskResult) -> Reaped | None:
    with transaction.atomic():
        job = Job.objects.filter(task_id=str(result.id)).first()
        given_up = job is not None and job.attempts >= MOST_ATTEMPTS
        fields = {"status": FAILED if given_up else READY}
        if given_up:
            fields |= {"finished_at": timezone.now(), "exception_class_path": "WorkerLost",
                       "traceback": "The worker running this task was lost."}  # fmt: skip
        # Only if it is still running: another worker may have reaped it meanwhile.
        if not DBTaskResult.objects.filter(pk=result.pk, status=RUNNING).update(**fields):
            return None
        if job is not None:
            _job_after_loss(job, given_up)
    return Reaped(str(result.id), job, given_up)


def _job_after_loss(job: Job, given_up: bool) -> None:
    if not given_up:
        Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, done=0)
        return
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.FAILED, finished_at=timezone.now(), payload=None, only_one=None,
        error=f"The worker running this job stopped {job.attempts} times before it finished, "
        "so it was not tried again. Nothing of it was kept. Ask whoever looks after the "
        "system to check the workers' logs, then start it again.",
    )  # fmt: skip


def release_lost_jobs() -> int:
    """Jobs left waiting or running whose task has ended or is gone: failed, with why.

    A task ends before its job's row is written only if its worker died in between; a
    task is gone if someone pruned it. Either way the job would wait for ever (and a
    refresh would never be queued again).
    """
    waiting = Job.objects.exclude(status__in=(JobStatus.DONE, JobStatus.FAILED)).exclude(task_id="")
    lost = []
    for job in waiting:
        result = DBTaskResult.objects.filter(pk=job.task_id).only("status").first()
        if result is None or result.status not in (READY, RUNNING):
            lost.append(job.pk)
    return Job.objects.filter(pk__in=lost).update(
        status=JobStatus.FAILED, finished_at=timezone.now(), payload=None, only_one=None,
        error="The job's task ended without saying how. Start it again.",
    )  # fmt: skip


def forget_old(days: int = KEEP_DAYS) -> int:
    """Jobs, task results and stopped workers finished more than ``days`` ago, deleted.

    A job's summary may name children and its output is a report: they are kept for
    their requester to read, not for ever.
    """
    before = timezone.now() - timedelta(days=days)
    jobs, _ = Job.objects.filter(finished_at__lt=before).delete()
    ended = DBTaskResult.objects.filter(status__in=("SUCCESSFUL", FAILED), finished_at__lt=before)
    results, _ = ended.delete()
    stopped, _ = WorkerSeen.objects.filter(stopped_at__lt=before).delete()
    return jobs + results + stopped
