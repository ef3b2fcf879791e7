"""Child and family assessments (the 45 working-day clock runs from the referral)."""

from django.conf import settings
from django.db import models

from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child
from oversight.casework.models.front_door import Referral
from oversight.casework.models.voice import ChildsVoice


class AssessmentOutcome(models.TextChoices):
    CIN_PLAN = "cin_plan", "Child in need plan"
    STRATEGY = "strategy", "Strategy discussion"
    EARLY_HELP = "early_help", "Step down to early help"
    NFA = "nfa", "No further action"


class Assessment(ChildsVoice, Recorded):
    """The child's voice is recorded when the assessment is completed."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="assessments")
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="assessments")
    started_on = models.DateField()
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    authorised_on = models.DateField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    factors = models.CharField(max_length=200, blank=True, help_text="DfE assessment factor codes")
    outcome = models.CharField(max_length=20, choices=AssessmentOutcome.choices, blank=True)

    class Meta:
        ordering = ["-started_on"]
