"""Prospective adopters: the people who come to the LA's adoption agency to adopt, as a
household (Annex A's "family"), from their first enquiry through the two stages of
assessment to approval, matching and placement, or until they leave the process.

The children matched with a household are told by their adoption decisions
(``AdoptionDecision.household``), so the match, the placement and the adoption order of
each child are kept once, on the child's record.
"""

from datetime import date

from django.db import models

from oversight.casework.models.base import Recorded


class LeavingReason(models.TextChoices):
    """Why prospective adopters left the process (Ofsted's Annex A list 11)."""

    WITHDREW = "1", "Adopter withdrew from process"
    ON_HOLD = "2", "Process put on hold"
    REFUSED = "3", "Application refused"


# The steps of the process in their order, each a date field of the household.
STEPS = (
    ("enquiry_on", "enquiry received"),
    ("stage1_started_on", "stage 1 started"),
    ("stage1_ended_on", "stage 1 ended"),
    ("stage2_started_on", "stage 2 started"),
    ("stage2_ended_on", "stage 2 ended"),
    ("applied_on", "application submitted"),
    ("approved_on", "application approved"),
)


class AdopterHousehold(Recorded):
    """One prospective adopter, or a couple adopting together."""

    family_id = models.CharField(
        "family identifier", max_length=36, unique=True,
        help_text="The household's identifier (Annex A's Family identifier)",
    )  # fmt: skip
    enquiry_on = models.DateField("enquiry received")
    stage1_started_on = models.DateField("stage 1 started", null=True, blank=True)
    stage1_ended_on = models.DateField("stage 1 ended", null=True, blank=True)
    stage2_started_on = models.DateField("stage 2 started", null=True, blank=True)
    stage2_ended_on = models.DateField("stage 2 ended", null=True, blank=True)
    applied_on = models.DateField("application submitted", null=True, blank=True)
    approved_on = models.DateField("application approved", null=True, blank=True)
    fostering_for_adoption = models.BooleanField(
        default=False,
        help_text="Approved to foster a child while adoption is planned (fostering for "
        "adoption or concurrent planning)",
    )
    left_on = models.DateField("left the adoption process", null=True, blank=True)
    left_reason = models.CharField(
        "reason for leaving", max_length=1, blank=True, choices=LeavingReason.choices
    )

    class Meta:
        ordering = ["family_id"]

    def __str__(self) -> str:
        return self.family_id

    @property
    def names(self) -> str:
        return " and ".join(a.full_name for a in self.adopters.all())

    @property
    def latest_step(self) -> tuple[str, date]:
        """The household's latest step recorded (the enquiry, at least): its label and day."""
        return next((label, day) for name, label in reversed(STEPS) if (day := getattr(self, name)))

    @property
    def step(self) -> str:
        """Where the household is in the process: its latest step, or that it left."""
        if self.left_on is not None:
            return f"left the process on {self.left_on:%d/%m/%Y}"
        label, day = self.latest_step
        return f"{label} on {day:%d/%m/%Y}"


class Adopter(Recorded):
    """One person in a household of prospective adopters."""

    household = models.ForeignKey(
        AdopterHousehold, on_delete=models.CASCADE, related_name="adopters"
    )
    adopter_id = models.CharField(
        "adopter identifier", max_length=36, unique=True,
        help_text="The person's identifier (Annex A's Individual adopter identifier)",
    )  # fmt: skip
    first_name = models.CharField(max_length=60)
    last_name = models.CharField(max_length=60)
    sex = models.CharField(max_length=1, help_text="DfE sex code")
    ethnicity = models.CharField(max_length=4, help_text="DfE ethnicity code")
    disabled = models.BooleanField(default=False)

    class Meta:
        ordering = ["household", "adopter_id"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.adopter_id})"

    @property
    def full_name(self) -> str:
        """The adopter's name; their identifier when none is recorded (Annex A gives none)."""
        return f"{self.first_name} {self.last_name}".strip() or self.adopter_id
