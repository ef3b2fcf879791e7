"""Front-door dip-sampling: auditors re-decide contacts and referrals without the outcome."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from oversight.casework.models import Contact, Referral


class DecisionSample(models.Model):
    period_start = models.DateField()
    period_end = models.DateField()
    seed = models.BigIntegerField()
    population = models.PositiveIntegerField()
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_end", "-drawn_at"]

    def __str__(self) -> str:
        return f"Front-door decisions {self.period_start} to {self.period_end}"


class SampledDecision(models.Model):
    """One decision to re-decide: a contact's outcome or a referral's decision."""

    sample = models.ForeignKey(DecisionSample, on_delete=models.CASCADE, related_name="decisions")
    position = models.PositiveSmallIntegerField()
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    redecision = models.CharField(max_length=20, blank=True, help_text="The auditor's decision")
    reason = models.TextField(blank=True)
    redecided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["sample", "position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contact__isnull=False, referral__isnull=True)
                | models.Q(contact__isnull=True, referral__isnull=False),
                name="a_contact_or_a_referral",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.item.pk}"

    @property
    def kind(self) -> str:
        return "contact" if self.contact_id else "referral"

    @property
    def item(self) -> Contact | Referral:
        return self.contact if self.contact_id else self.referral  # type: ignore[return-value]

    @property
    def original(self) -> str:
        return self.contact.outcome if self.contact_id else self.referral.decision  # type: ignore[union-attr]

    @property
    def agrees(self) -> bool | None:
        return None if not self.redecision else self.redecision == self.original
