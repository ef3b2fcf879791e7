"""Escalations by child protection chairs and IROs: raised, answered, resolved."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from oversight.casework.models import Child, Deadline


class EscalationAbout(models.TextChoices):
    PLAN = "plan", "The plan or its progress"
    DRIFT = "drift", "Drift and delay"
    RISK = "risk", "Risk not responded to"
    VISITS = "visits", "Visits and seeing the child"
    PLACEMENT = "placement", "Placement or permanence"
    OTHER = "other", "Something else"


class Escalation(models.Model):
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="escalations")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_on = models.DateField()
    about = models.CharField(max_length=10, choices=EscalationAbout.choices)
    concern = models.TextField()
    response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    resolution = models.TextField(blank=True)
    resolved_on = models.DateField(null=True, blank=True)
    deadline = models.OneToOneField(
        Deadline, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-raised_on", "pk"]

    def __str__(self) -> str:
        return f"Escalation about child {self.child_id}: {self.get_about_display()}"

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None

    def days_to_respond(self) -> int | None:
        return (self.responded_on - self.raised_on).days if self.responded_on else None

    def days_to_resolve(self) -> int | None:
        return (self.resolved_on - self.raised_on).days if self.resolved_on else None

    def days_open(self, today: date) -> int:
        return ((self.resolved_on or today) - self.raised_on).days
