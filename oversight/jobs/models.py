"""What the background work keeps: each job as people see it, and the workers seen alive."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class JobKind(models.TextChoices):
    CIN_CENSUS_IMPORT = "cin-census-import", "Import a CIN census return"
    ANNEX_A_IMPORT = "annex-a-import", "Import an Annex A workbook"
    SSDA903_IMPORT = "ssda903-import", "Import an SSDA903 return"
    INDICATOR_REFRESH = "indicator-refresh", "Refresh the indicators"
    READINESS_PACK = "readiness-pack", "Inspection readiness pack (PDF)"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    DONE = "done", "Finished"
    FAILED = "failed", "Failed"


FINISHED = (JobStatus.DONE, JobStatus.FAILED)


class Job(models.Model):
    """One piece of background work: what, who asked, how far it has got, how it ended.

    The id is a UUID, so that a job's address cannot be guessed from another's. The
    uploaded file an import reads (``payload``) is kept only until the job ends: it holds
    children's records. A report the job made (``output``) stays for its requester.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=40, choices=JobKind.choices)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="jobs",
    )  # fmt: skip
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    options = models.JSONField(default=dict, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    payload = models.BinaryField(null=True, blank=True)
    output = models.BinaryField(null=True, blank=True)
    output_name = models.CharField(max_length=120, blank=True)
    task_id = models.CharField(max_length=64, blank=True, db_index=True)
    # Set while a job that must not run twice at once (the indicator refresh) is queued or
    # running; unique, so a second one cannot be queued beside it.
    only_one = models.CharField(max_length=40, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def percent(self) -> int | None:
        """How far through, 0 to 100, when the total is known."""
        if not self.total:
            return 100 if self.status == JobStatus.DONE else None
        return min(100, round(100 * self.done / self.total))


class WorkerSeen(models.Model):
    """A worker process, and when it last said it was alive.

    A worker on the same machine is alive while its process is; one on another machine,
    while it keeps saying so (every few seconds). ``stopped_at`` is set when it stops
    cleanly, so ``oversight check`` can tell a stopped worker from a lost one.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    process_started = models.CharField(max_length=32, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return f"worker {self.pid} on {self.host}"
