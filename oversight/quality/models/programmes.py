"""Audit programmes and the samples they draw from the live records."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from oversight.casework.models import Child
from oversight.quality.domains import STRATA, THEMES
from oversight.quality.sampling import Method


class AuditProgramme(models.Model):
    """A recurring or thematic audit: what it looks at, how it samples, its own questions."""

    name = models.CharField(max_length=120, unique=True)
    theme = models.CharField(max_length=20, choices=list(THEMES.items()))
    method = models.CharField(max_length=12, choices=[(m.value, m.value.title()) for m in Method])
    stratify_by = models.CharField(max_length=8, choices=list(STRATA.items()), blank=True)
    target_indicator = models.CharField(
        max_length=40, blank=True, help_text="Targeted: the indicator whose uncounted cases to draw"
    )
    sample_size = models.PositiveSmallIntegerField(default=10)
    questions = models.JSONField(
        default=list, blank=True, help_text="The programme's own questions"
    )
    allow_repeats = models.BooleanField(
        default=False, help_text="Draw a case again within the same period"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Sample(models.Model):
    """One draw: when, by whom, for which period, with which seed; reproducible from these."""

    programme = models.ForeignKey(AuditProgramme, on_delete=models.PROTECT, related_name="samples")
    period_start = models.DateField()
    period_end = models.DateField()
    seed = models.BigIntegerField()
    method = models.CharField(max_length=12)
    stratify_by = models.CharField(max_length=8, blank=True)
    target_indicator = models.CharField(max_length=40, blank=True)
    population = models.PositiveIntegerField(help_text="Cases eligible when drawn")
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_end", "-drawn_at"]

    def __str__(self) -> str:
        return f"{self.programme}: {self.period_start} to {self.period_end}"


class SampledCase(models.Model):
    sample = models.ForeignKey(Sample, on_delete=models.CASCADE, related_name="cases")
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    stratum = models.CharField(max_length=60, blank=True)
    why = models.CharField(max_length=200, blank=True, help_text="Targeted: what flagged it")

    class Meta:
        ordering = ["sample", "position"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "child"], name="a_child_once_per_sample")
        ]

    def __str__(self) -> str:
        return f"{self.sample}: child {self.child_id}"
