"""Management oversight entries on a child's record."""

from django.conf import settings
from django.db import models

from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child


class OversightKind(models.TextChoices):
    SUPERVISION = "supervision", "Case supervision"
    DECISION = "decision", "Management decision"
    DIRECTION = "direction", "Management direction"
    SIGN_OFF = "sign_off", "Sign-off"


class OversightEntry(Recorded):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="oversight_entries")
    kind = models.CharField(max_length=12, choices=OversightKind.choices)
    recorded_on = models.DateField()
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField()
    due_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_on"]
        verbose_name_plural = "oversight entries"
