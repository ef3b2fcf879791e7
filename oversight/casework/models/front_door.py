"""The front door: contacts, referrals and their decisions (a referral opens a CIN episode)."""

from django.conf import settings
from django.db import models

from oversight.accounts.models import Team
from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child


class ContactOutcome(models.TextChoices):
    REFERRAL = "referral", "Referral to children's social care"
    EARLY_HELP = "early_help", "Early help"
    ADVICE = "advice", "Information and advice"
    NFA = "nfa", "No further action"


class Contact(Recorded):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="contacts")
    received_on = models.DateField()
    source = models.CharField(max_length=3, help_text="DfE referral source code")
    summary = models.TextField(blank=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(max_length=20, choices=ContactOutcome.choices, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-received_on"]


class ReferralDecision(models.TextChoices):
    ASSESSMENT = "assessment", "Assessment"
    STRATEGY = "strategy", "Strategy discussion"
    EARLY_HELP = "early_help", "Step down to early help"
    NFA = "nfa", "No further action"


class Referral(Recorded):
    """A referral and the CIN episode it opens, until the episode is closed."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="referrals")
    contact = models.OneToOneField(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="referral"
    )
    received_on = models.DateField()
    source = models.CharField(max_length=3, help_text="DfE referral source code")
    primary_need = models.CharField(max_length=2, blank=True, help_text="DfE primary need code")
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(max_length=20, choices=ReferralDecision.choices, blank=True)
    decision_due = models.DateField()
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_on = models.DateField(null=True, blank=True)
    reason_for_closure = models.CharField(max_length=3, blank=True, help_text="DfE RC1-RC9")

    class Meta:
        ordering = ["-received_on"]
        indexes = [
            models.Index(fields=["received_on"]),
            models.Index(fields=["child", "received_on"]),
        ]

    @property
    def is_open(self) -> bool:
        return self.closed_on is None
