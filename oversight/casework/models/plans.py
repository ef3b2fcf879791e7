"""Plans (CIN, CP, care, pathway), the visits made under them, and the reviews that check them."""

from django.conf import settings
from django.db import models

from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child
from oversight.casework.models.voice import ChildsVoice, HowExpressed

__all__ = [
    "HowExpressed", "PermanenceOption", "PermanencePlan", "Plan", "PlanKind", "Review",
    "ReviewKind", "Visit", "VisitKind",
]  # fmt: skip


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


class PermanenceOption(models.TextChoices):
    """The permanence plan for a child in care, as Ofsted's Annex A (list 8) asks for it."""

    RETURN_TO_FAMILY = "return_to_family", "Return to family"
    ADOPTION = "adoption", "Adoption"
    SGO_CAO = "sgo_cao", "Special guardianship or child arrangements order"
    SUPPORTED_LIVING = "supported_living", "Supported living in the community"
    RESIDENTIAL = "residential", "Long-term residential placement"
    LONG_TERM_FOSTERING = "long_term_fostering", "Long-term fostering"
    OTHER = "other", "Other"


class PermanencePlan(Recorded):
    """The permanence plan made for a child in care under a care plan, on a day; a later one
    replaces it (the plan changed, say from a return home to adoption)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="permanence_plans")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="permanence_plans")
    option = models.CharField(max_length=20, choices=PermanenceOption.choices)
    decided_on = models.DateField(help_text="When the plan was made (at a review, say)")

    class Meta:
        ordering = ["-decided_on"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "decided_on"], name="one_permanence_plan_a_day")
        ]
