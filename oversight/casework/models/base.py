"""What every casework record carries: who recorded it, when, from where, and its version."""

from django.conf import settings
from django.db import models


class Recorded(models.Model):
    """Provenance and optimistic locking shared by every event on a child's record."""

    origin = models.CharField(
        max_length=120,
        default="web",
        help_text="Where the record came from: web, api, synth, or an import.",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True
