"""Child protection: strategy discussions, section 47 enquiries and conferences."""

from django.db import models

from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child
from oversight.casework.models.front_door import Referral
from oversight.casework.models.voice import ChildsVoice


class StrategyDiscussion(Recorded):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="strategy_discussions")
    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="strategy_discussions"
    )
    held_on = models.DateField()
    s47_agreed = models.BooleanField("section 47 enquiry agreed", default=True)

    class Meta:
        ordering = ["-held_on"]


class S47Outcome(models.TextChoices):
    ICPC = "icpc", "Initial child protection conference"
    CIN = "cin", "Continue as child in need"
    NFA = "nfa", "No further action"


class S47Enquiry(Recorded):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="s47_enquiries")
    strategy_discussion = models.OneToOneField(
        StrategyDiscussion, on_delete=models.CASCADE, related_name="s47"
    )
    started_on = models.DateField()
    icpc_due = models.DateField("initial conference due")
    completed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=S47Outcome.choices, blank=True)

    class Meta:
        ordering = ["-started_on"]
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", "Initial child protection conference"
    REVIEW = "review", "Review child protection conference"


class Conference(ChildsVoice, Recorded):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="conferences")
    kind = models.CharField(max_length=10, choices=ConferenceKind.choices)
    s47 = models.ForeignKey(
        S47Enquiry, null=True, blank=True, on_delete=models.SET_NULL, related_name="conferences"
    )
    due_on = models.DateField()
    held_on = models.DateField()
    plan_required = models.BooleanField(
        help_text="Initial: the child becomes subject to a plan. Review: the plan continues."
    )
    category_of_abuse = models.CharField(max_length=3, blank=True)

    class Meta:
        ordering = ["-held_on"]
