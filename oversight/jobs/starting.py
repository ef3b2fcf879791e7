"""Starting a job: its row first, then its task, once the row is committed.

The task is queued only when the transaction that made the row commits, so a worker never
looks for a job that is not there yet (or that was rolled back). With the immediate
backend the task then runs at once, in this process; with the database backend a worker
takes it. The caller gets the job, as it stands when ``start`` returns.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from oversight.accounts.models import User
from oversight.jobs.models import Job, JobKind


def start(
    kind: JobKind, by: User | None = None, *, payload: bytes | None = None,
    only_one: str | None = None, **options: Any,
) -> Job:  # fmt: skip
    """Record a job and queue its task once the row is committed."""
    job = Job.objects.create(kind=kind, requested_by=by, payload=payload, options=options,
                             only_one=only_one)  # fmt: skip
    transaction.on_commit(lambda: _enqueue(job))
    job.refresh_from_db()
    return job


def _enqueue(job: Job) -> None:
    from oversight.jobs.tasks import TASK_FOR

    result = TASK_FOR[JobKind(job.kind)].enqueue(str(job.pk))
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))


def import_cin_census(
    content: bytes, file: str, by: User | None = None, quarantine: bool = False
) -> Job:
    return start(JobKind.CIN_CENSUS_IMPORT, by, payload=content, file=file, quarantine=quarantine)


def import_annex_a(
    content: bytes, file: str, by: User | None = None, quarantine: bool = False,
    as_at: date | None = None,
) -> Job:  # fmt: skip
    return start(JobKind.ANNEX_A_IMPORT, by, payload=content, file=file, quarantine=quarantine,
                 as_at=as_at.isoformat() if as_at else None)  # fmt: skip


def import_ssda903(files: dict[str, bytes], by: User | None = None,
                   quarantine: bool = False) -> Job:  # fmt: skip
    """The return's CSV files, by name, kept together in one zip until the job ends."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return start(JobKind.SSDA903_IMPORT, by, payload=packed.getvalue(),
                 file=f"An SSDA903 return of {len(files)} files", files=sorted(files),
                 quarantine=quarantine)  # fmt: skip


def readiness_pack(by: User) -> Job:
    return start(JobKind.READINESS_PACK, by)


def refresh_indicators(by: User | None = None) -> Job | None:
    """A refresh, unless one is already queued or running (then None)."""
    try:
        with transaction.atomic():
            job = start(JobKind.INDICATOR_REFRESH, by, only_one=JobKind.INDICATOR_REFRESH)
    except IntegrityError:
        return None
    job.refresh_from_db()  # it may have run already, once committed
    return job
