"""What the indicators keep: the LA's child population, and the values of each refresh.

Values are computed from a snapshot in the background (``refresh``) and stored here,
so a page reads a few rows; ``RecordsChanged`` says when the records last changed, so
the worker knows whether the values are behind.
"""

from django.db import models


class ChildPopulation(models.Model):
    """Children aged 0 to 17 living in the LA: the denominator of rates per 10,000."""

    year = models.PositiveIntegerField(unique=True, help_text="Mid-year estimate year")
    children = models.PositiveIntegerField()
    source = models.CharField(max_length=200)

    class Meta:
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.children:,} children in {self.year} ({self.source})"


class RecordsChanged(models.Model):
    """One row counting the committed writes through the services, and when the last was."""

    changes = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.changes} changes, the last at {self.changed_at}"


class Refresh(models.Model):
    """One computation of every indicator, from one snapshot of the records."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    as_at = models.DateField(help_text="The day the figures are for (the period's last day)")
    covers_changes = models.BigIntegerField(
        default=0, help_text="How many changes of the records this refresh includes"
    )
    seconds = models.FloatField(null=True, blank=True)
    rows = models.JSONField(default=dict, help_text="Rows of each table in the snapshot")
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        get_latest_by = "started_at"

    def __str__(self) -> str:
        return f"refresh as at {self.as_at}, started {self.started_at}"

    @property
    def succeeded(self) -> bool:
        return self.finished_at is not None and not self.error


class IndicatorValue(models.Model):
    """An indicator's value for one period, for the LA or for one group of a breakdown."""

    refresh = models.ForeignKey(Refresh, on_delete=models.CASCADE, related_name="values")
    indicator = models.CharField(max_length=40)
    period_start = models.DateField()
    period_end = models.DateField()
    breakdown = models.CharField(max_length=12, blank=True, help_text="Empty: the whole LA")
    group = models.CharField(max_length=60, blank=True)
    label = models.CharField(max_length=200)
    numerator = models.IntegerField()
    denominator = models.IntegerField(null=True)
    value = models.FloatField(null=True)

    class Meta:
        indexes = [models.Index(fields=["refresh", "indicator", "breakdown", "period_end"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period_end} {self.breakdown} {self.label}: {self.value}"
