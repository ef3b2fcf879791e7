"""Break-glass access to restricted records, and the alerts it raises for senior leaders."""

from datetime import timedelta

from django.conf import settings
from django.db import models

# How long a break-glass grant lasts before the user must give a reason again.
BREAK_GLASS_FOR = timedelta(hours=1)


class BreakGlass(models.Model):
    """A user, not named on a restricted record, opened it for a stated reason.

    Append-only: the grant ends by time (``until``), never by deletion.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey("casework.Child", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    at = models.DateTimeField()
    until = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name_plural = "break-glass grants"

    def __str__(self) -> str:
        return f"{self.user} broke the glass on child {self.child_id} at {self.at:%Y-%m-%d %H:%M}"


class Alert(models.Model):
    """A break-glass grant, reported to one senior leader until they mark it seen."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts"
    )
    break_glass = models.ForeignKey(BreakGlass, on_delete=models.PROTECT, related_name="alerts")
    at = models.DateTimeField()
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"Alert to {self.recipient}: {self.break_glass}"
