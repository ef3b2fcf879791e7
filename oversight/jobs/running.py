"""Running one job: mark it started, count its progress, record how it ended.

Every job's work is one function ``work(job, progress) -> Outcome``. It raises
``JobRefused`` when the work was refused for a reason its requester can act on (a file
with problems: nothing imported), which ends the job as failed with that reason; any other
exception ends it as failed with the error, and is raised again so the task itself is
recorded as failed, with its traceback, for whoever looks after the system.

The job's row is written outside the work's own transaction: its start before, its end
after, and the count from a thread of its own (``progress``), so a page always sees
where it stands, even while an import is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F
from django.utils import timezone

from oversight.jobs.models import Job, JobStatus
from oversight.jobs.progress import LiveProgress, Progress


@dataclass
class Outcome:
    """What a job made: a summary for the page, and perhaps a file to download."""

    summary: dict[str, Any] = field(default_factory=dict)
    output: bytes | None = None
    output_name: str = ""


class JobRefused(Exception):
    """The work was refused, for a reason its requester can act on; nothing was changed."""

    def __init__(self, message: str, summary: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.summary = summary or {}


Work = Callable[[Job, Progress], Outcome]


def run(job_id: str, work: Work, live: bool) -> dict[str, Any]:
    """Run ``work`` for the job; its summary (the task's return value)."""
    job = _started(job_id)
    progress = LiveProgress(job_id) if live else Progress(job_id)
    try:
        with progress:
            outcome = work(job, progress)
    except JobRefused as refused:
        _ended(job_id, JobStatus.FAILED, progress, summary=refused.summary, error=refused.message)
        return {"refused": refused.message}
    except Exception as error:
        _ended(job_id, JobStatus.FAILED, progress, error=f"{type(error).__name__}: {error}")
        raise
    _ended(job_id, JobStatus.DONE, progress, summary=outcome.summary,
           output=outcome.output, output_name=outcome.output_name)  # fmt: skip
    return outcome.summary


def _started(job_id: str) -> Job:
    Job.objects.filter(pk=job_id).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1,
        done=0, error="",
    )  # fmt: skip
    return Job.objects.get(pk=job_id)


def _ended(job_id: str, status: JobStatus, progress: Progress, **fields: Any) -> None:
    """The outcome; the uploaded file is let go (it holds children's records)."""
    done, total = progress.done, progress.total
    if status == JobStatus.DONE and total:
        done = total
    Job.objects.filter(pk=job_id).update(
        status=status, finished_at=timezone.now(), done=done, total=total or None,
        payload=None, only_one=None, **fields,
    )  # fmt: skip
