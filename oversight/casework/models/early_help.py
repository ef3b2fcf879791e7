"""Early help below the statutory threshold, and risk flags that travel with a child."""

from django.db import models

from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child
from oversight.casework.models.front_door import Referral


class EarlyHelpEnd(models.TextChoices):
    NEEDS_MET = "needs_met", "Needs met"
    STEPPED_UP = "stepped_up", "Stepped up to children's social care"
    DECLINED = "declined", "Family declined support"
    MOVED = "moved", "Moved away"


class EarlyHelpEpisode(Recorded):
    """Support coordinated by the LA below the threshold, with a lead professional."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="early_help_episodes")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    lead_professional = models.CharField(max_length=120, blank=True)
    family_hub = models.CharField(max_length=120, blank=True)
    # The early help assessment (a family's needs, agreed with them) that plans the support;
    # the episode may run while it is done. Annex A list 2 gives its completion date.
    assessment_completed_on = models.DateField(null=True, blank=True)
    stepped_down_from = models.ForeignKey(
        Referral,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="step_downs",
        help_text="The referral whose decision stepped the child down to early help",
    )
    stepped_up_to = models.ForeignKey(
        Referral,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="step_ups",
        help_text="The referral this episode stepped up into",
    )
    end_reason = models.CharField(max_length=20, choices=EarlyHelpEnd.choices, blank=True)

    class Meta:
        ordering = ["-started_on"]

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class RiskKind(models.TextChoices):
    CSE = "cse", "Child sexual exploitation"
    CCE = "cce", "Child criminal exploitation"
    MISSING = "missing", "Going missing"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    TRAFFICKING = "trafficking", "Trafficking"
    RADICALISATION = "radicalisation", "Radicalisation"


class RiskFlag(Recorded):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="risk_flags")
    kind = models.CharField(max_length=20, choices=RiskKind.choices)
    raised_on = models.DateField()
    removed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_on"]
