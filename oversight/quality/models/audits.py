"""Case audits: domain grades with evidence, an overall grade, actions, and moderation."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from oversight.casework.models import Deadline
from oversight.quality.domains import GRADES
from oversight.quality.models.programmes import SampledCase

GRADE_CHOICES = list(GRADES.items())


class AuditStatus(models.TextChoices):
    IN_PROGRESS = "in-progress", "In progress"
    COMPLETE = "complete", "Complete"


class Audit(models.Model):
    case = models.OneToOneField(SampledCase, on_delete=models.PROTECT, related_name="audit")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=AuditStatus.choices, default=AuditStatus.IN_PROGRESS
    )
    overall = models.CharField(max_length=20, choices=GRADE_CHOICES, blank=True)
    summary = models.TextField(blank=True)
    learning = models.JSONField(
        default=list, blank=True, help_text="Learning themes, as short tags"
    )
    completed_on = models.DateField(null=True, blank=True)
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The child's team when the audit was completed",
    )  # fmt: skip
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-completed_on", "pk"]

    def __str__(self) -> str:
        return f"Audit of child {self.case.child_id} ({self.get_status_display()})"


class DomainGrade(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="grades")
    domain = models.CharField(max_length=20)
    grade = models.CharField(max_length=20, choices=GRADE_CHOICES)
    evidence = models.TextField()

    class Meta:
        ordering = ["audit", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "domain"], name="one_grade_per_domain")
        ]

    def __str__(self) -> str:
        return f"{self.domain}: {self.grade}"


class AuditAction(models.Model):
    """Something the case needs, found by the audit: on the worker's and manager's worklist."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    deadline = models.OneToOneField(
        Deadline, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:60]

    def is_overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today


class Moderation(models.Model):
    """A second auditor's view of a completed audit: their grades and why they differ."""

    audit = models.OneToOneField(Audit, on_delete=models.CASCADE, related_name="moderation")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moderated_on = models.DateField()
    overall = models.CharField(max_length=20, choices=GRADE_CHOICES)
    reason = models.TextField(blank=True, help_text="Why the overall grade changed, if it did")

    def __str__(self) -> str:
        return f"Moderation of {self.audit}"

    @property
    def agrees(self) -> bool:
        return self.overall == self.audit.overall


class ModeratedDomain(models.Model):
    moderation = models.ForeignKey(Moderation, on_delete=models.CASCADE, related_name="grades")
    domain = models.CharField(max_length=20)
    grade = models.CharField(max_length=20, choices=GRADE_CHOICES)
    reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["moderation", "domain"], name="one_moderated_grade")
        ]

    def __str__(self) -> str:
        return f"{self.domain}: {self.grade}"
