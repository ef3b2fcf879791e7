"""The health of a child in care: health assessments and dental checks.

The first health assessment of a period of care is its initial one (done by a doctor,
in time for the first review); those after it are reviews. Which one an assessment is
follows from its date and the child's care, so it is not stored.
"""

from django.db import models

from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child

__all__ = ["HealthCheck", "HealthCheckKind"]


class HealthCheckKind(models.TextChoices):
    HEALTH_ASSESSMENT = "health_assessment", "Health assessment"
    DENTAL_CHECK = "dental_check", "Dental check"


class HealthCheck(Recorded):
    """A health assessment or dental check of a child in care, on the day it was done."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="health_checks")
    kind = models.CharField(max_length=20, choices=HealthCheckKind.choices)
    done_on = models.DateField()

    class Meta:
        ordering = ["-done_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "kind", "done_on"], name="one_health_check_of_a_kind_a_day"
            )
        ]
