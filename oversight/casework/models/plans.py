"""Plans (CIN, CP, care, pathway), the visits made under them, and the reviews that check them."""

from django.conf import settings
from django.db import models

from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child
from oversight.casework.models.voice import ChildsVoice, HowExpressed

__all__ = ["HowExpressed", "Plan", "PlanKind", "Review", "ReviewKind", "Visit", "VisitKind"]


class PlanKind(models.TextChoices):
    CIN = "cin", "Child in need plan"
    CP = "cp", "Child protection plan"
    CARE = "care", "Care plan"
    PATHWAY = "pathway", "Pathway plan"


class Plan(Recorded):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(max_length=10, choices=PlanKind.choices)
    start_on = models.DateField()
    end_on = models.DateField(null=True, blank=True)
    category_of_abuse = models.CharField(max_length=3, blank=True, help_text="CP plans: DfE code")
    end_reason = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-start_on"]
        indexes = [models.Index(fields=["kind", "start_on", "end_on"])]

    @property
    def is_open(self) -> bool:
        return self.end_on is None


class VisitKind(models.TextChoices):
    CP = "cp", "Child protection visit"
    CIN = "cin", "Child in need visit"
    CLA = "cla", "Child in care visit"
    PA = "pa", "Personal adviser contact"


class Visit(ChildsVoice, Recorded):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="visits")
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="visits"
    )
    kind = models.CharField(max_length=4, choices=VisitKind.choices)
    visited_on = models.DateField()
    due_on = models.DateField(null=True, blank=True, help_text="When this visit was due")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits",
    )
    # A visit is made to see the child: seen unless recorded otherwise.
    seen = models.BooleanField(default=True)

    class Meta:
        ordering = ["-visited_on"]
        indexes = [models.Index(fields=["child", "visited_on"])]


class ReviewKind(models.TextChoices):
    CLA = "cla", "Child in care review"
    PATHWAY = "pathway", "Pathway plan review"
    CIN = "cin", "Child in need review"


class Review(ChildsVoice, Recorded):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="reviews")
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviews"
    )
    kind = models.CharField(max_length=10, choices=ReviewKind.choices)
    due_on = models.DateField(null=True, blank=True)
    held_on = models.DateField()
    child_participated = models.BooleanField(default=False)

    class Meta:
        ordering = ["-held_on"]
