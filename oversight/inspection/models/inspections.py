"""Inspections of an LA's children's services: judgements and findings.

An inspection is recorded under the framework that applied when it started; its
judgements use that framework's areas and grades (``inspection.frameworks``). Where the
recorded overall differs from the framework's default, ``overall_reason`` says why.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from django.db import models

from oversight.inspection.frameworks import KINDS, Framework, framework
from oversight.inspection.models.authorities import LocalAuthority


class Source(models.TextChoices):
    RECORDED = "recorded", "Recorded here"
    PUBLISHED = "published", "Ofsted's published outcomes"


class Inspection(models.Model):
    la = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="inspections")
    framework_key = models.CharField("framework", max_length=20)
    kind = models.CharField(max_length=20, choices=sorted(KINDS.items()))
    started = models.DateField(null=True, blank=True)
    ended = models.DateField(null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    report_url = models.URLField(max_length=300, blank=True)
    lead_inspector = models.CharField(max_length=100, blank=True)
    overall_reason = models.TextField(
        blank=True, help_text="Why the overall judgement differs from the framework's default"
    )
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.RECORDED)
    source_ref = models.CharField(max_length=300, blank=True, help_text="File and row it came from")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["la", "-published", "-started"]
        constraints = [
            models.UniqueConstraint(
                fields=["la", "report_url"],
                condition=~models.Q(report_url=""),
                name="one_inspection_per_report",
            )
        ]

    def __str__(self) -> str:
        when = self.published or self.started
        return f"{self.la}: {KINDS[self.kind].lower()} ({when})"

    @cached_property
    def framework(self) -> Framework:
        return framework(self.framework_key)

    @property
    def known_on(self) -> date | None:
        """The day the outcome became public: publication, else the last day on site."""
        return self.published or self.ended

    def grades(self) -> dict[str, str]:
        return {j.area: j.grade for j in self.judgements.all()}

    def overall_departure(self) -> str | None:
        return self.framework.overall_departure(self.grades())


class Judgement(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    area = models.CharField(max_length=30)
    grade = models.CharField(max_length=30)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inspection", "area"], name="one_grade_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.grade}"

    @property
    def area_name(self) -> str:
        return self.inspection.framework.area_names.get(self.area, self.area)

    @property
    def grade_label(self) -> str:
        scale = self.inspection.framework.scale
        return scale.label(self.grade) if scale else self.grade


class FindingKind(models.TextChoices):
    STRENGTH = "strength", "Strength"
    IMPROVEMENT = "improvement", "Area for improvement"
    PRIORITY = "priority-action", "Area for priority action"
    RECOMMENDATION = "recommendation", "Recommendation"


class Finding(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    area = models.CharField(max_length=30, blank=True, help_text="The judgement area it is about")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["inspection", "kind", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"
