"""The LA's own answers to inspection: its annual self-evaluation and its improvement plan.

A self-evaluation is kept per year ("2026-27"), one part per judgement area of the
framework in force when the year was started; each part answers three questions and
carries its evidence. The improvement plan turns each recommendation or area for
priority action (a ``Finding``) into actions, each tracked by dated updates.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from oversight.inspection.frameworks import framework
from oversight.inspection.models.inspections import Finding


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    FINAL = "final", "Final"


class SelfEvaluation(models.Model):
    """The deployment's own LA's self-evaluation for one year."""

    year = models.CharField(max_length=7, unique=True, help_text='For example "2026-27"')
    framework_key = models.CharField("framework", max_length=20)
    status = models.CharField(
        max_length=5, choices=EvaluationStatus.choices, default=EvaluationStatus.DRAFT
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Self-evaluation {self.year}"

    @property
    def framework_name(self) -> str:
        return framework(self.framework_key).name


class EvaluationArea(models.Model):
    """One judgement area of a self-evaluation: the three questions, answered."""

    evaluation = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="areas")
    area = models.CharField(max_length=30)
    position = models.PositiveSmallIntegerField(default=0)
    known = models.TextField(
        "What do we know about the quality and impact of practice?", blank=True
    )
    how_known = models.TextField("How do we know it?", blank=True)
    doing = models.TextField("What are we doing about it?", blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised by every save")

    class Meta:
        ordering = ["evaluation", "position"]
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "area"], name="one_part_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.evaluation.year}: {self.name}"

    @property
    def name(self) -> str:
        return framework(self.evaluation.framework_key).area_names.get(self.area, self.area)


class EvidenceKind(models.TextChoices):
    INDICATOR = "indicator", "Indicator"
    TEXT = "text", "Evidence"
    # The hook for the quality capability: an audit's findings, linked by its reference.
    # Nothing records audits yet, so the services refuse this kind until audits exist.
    AUDIT = "audit", "Audit"


class Evidence(models.Model):
    """One piece of evidence for an area: a live indicator, a written item or (later) an audit."""

    area = models.ForeignKey(EvaluationArea, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    indicator = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)
    reference = models.CharField(max_length=100, blank=True, help_text="An audit's reference")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["area", "kind", "position", "pk"]

    def __str__(self) -> str:
        return self.indicator or self.reference or self.text[:60]


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not-started", "Not started"
    ON_TRACK = "on-track", "On track"
    AT_RISK = "at-risk", "At risk"
    OFF_TRACK = "off-track", "Off track"
    DONE = "done", "Done"


class ImprovementAction(models.Model):
    """One action answering a finding, with the indicator and target that show progress."""

    finding = models.ForeignKey(Finding, on_delete=models.PROTECT, related_name="actions")
    title = models.CharField(max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="improvement_actions"
    )
    due = models.DateField()
    status = models.CharField(
        max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    indicator = models.CharField(max_length=40, blank=True)
    target = models.FloatField(null=True, blank=True)
    baseline = models.FloatField(
        null=True, blank=True, help_text="The indicator's value when the action was created"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["finding", "due", "pk"]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: date) -> bool:
        return self.due < today and self.status != ActionStatus.DONE

    def progress(self, now: float | None) -> float | None:
        """How far from the baseline to the target ``now`` is, in per cent (may pass 100)."""
        if now is None or self.baseline is None or self.target is None:
            return None
        if self.target == self.baseline:
            return None
        return 100 * (now - self.baseline) / (self.target - self.baseline)


class ActionUpdate(models.Model):
    """A dated entry in an action's history: its status then, a note, the indicator's value."""

    action = models.ForeignKey(ImprovementAction, on_delete=models.CASCADE, related_name="updates")
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=ActionStatus.choices)
    note = models.TextField(blank=True)
    value = models.FloatField(null=True, blank=True, help_text="The indicator's value then")

    class Meta:
        ordering = ["action", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: {self.get_status_display()} ({self.at:%d %b %Y})"
