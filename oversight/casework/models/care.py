"""Children in care (episodes and placements), missing episodes and care leavers."""

from datetime import date

from django.db import models

from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child


class CareEpisode(Recorded):
    """A period of being looked after under one legal status, as SSDA903 counts it."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="care_episodes")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    legal_status = models.CharField(max_length=2, help_text="SSDA903 legal status code")
    reason_new_episode = models.CharField(max_length=1, default="S", help_text="SSDA903 RNE code")
    reason_ceased = models.CharField(max_length=3, blank=True, help_text="SSDA903 REC code")
    home_postcode = models.CharField(
        max_length=8, blank=True,
        help_text="The postcode of the child's home when the episode began (SSDA903 HOME_POST)",
    )  # fmt: skip
    # What permanence the child had before this period of care, kept on its first episode
    # (``services.record_previous_permanence``); the SSDA903 previous permanence file.
    previous_permanence = models.CharField(
        max_length=2, blank=True,
        help_text="SSDA903 PREV_PERM code; blank when not recorded",
    )  # fmt: skip
    previous_permanence_la = models.CharField(
        max_length=3, blank=True,
        help_text="SSDA903 LA_PERM: three-digit code of the LA that arranged it",
    )  # fmt: skip
    previous_permanence_on = models.DateField(
        null=True, blank=True, help_text="SSDA903 DATE_PERM: the date of the order"
    )
    previous_permanence_known = models.CharField(
        max_length=5, blank=True, choices=[("day", "day"), ("month", "month"), ("year", "year")],
        help_text="How much of the order's date is known: the day, only the month, or only "
        "the year (the return writes what is not known as ZZ)",
    )  # fmt: skip

    class Meta:
        ordering = ["-started_on"]


class Placement(Recorded):
    episode = models.ForeignKey(CareEpisode, on_delete=models.CASCADE, related_name="placements")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    placement_type = models.CharField(max_length=2, help_text="SSDA903 placement type code")
    provider = models.CharField(max_length=3, blank=True, help_text="SSDA903 placement provider")
    postcode = models.CharField(
        max_length=8, blank=True, help_text="The placement's postcode (SSDA903 PL_POST)"
    )
    urn = models.CharField(
        "Ofsted URN", max_length=8, blank=True,
        help_text="Ofsted's unique reference number of the provision (SSDA903 URN); XXXXXXX "
        "for a placement Ofsted does not register",
    )  # fmt: skip
    long_term = models.BooleanField(
        default=False, help_text="Agreed as the child's long-term placement (visits every 3 months)"
    )
    change_reason = models.CharField(
        max_length=6,
        blank=True,
        help_text="Why the child moved into this placement from the one before (SSDA903 "
        "REASON_PLACE_CHANGE code); blank for an episode's first placement",
    )
    moved_in_on = models.DateField(
        null=True, blank=True,
        help_text="When the child moved into the placement, where that was before this row "
        "began: a new legal status in the same placement begins a row of its own, as the "
        "SSDA903 counts it (blank: the child moved in when this row began)",
    )  # fmt: skip

    class Meta:
        ordering = ["-started_on"]

    @property
    def lived_in_since(self) -> date:
        """When the child moved into the placement."""
        return self.moved_in_on or self.started_on


class MissingEpisode(Recorded):
    """A child in care missing from placement (SSDA903 M) or, ``away``, away from it without
    authorisation (A: where the child is, is known); a return interview follows a missing
    episode only."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="missing_episodes")
    started_on = models.DateField()
    away = models.BooleanField(
        "away without authorisation", default=False,
        help_text="Away from placement without authorisation (SSDA903 A), not missing (M)",
    )  # fmt: skip
    returned_on = models.DateField(null=True, blank=True)
    interview_due = models.DateField("return interview due", null=True, blank=True)
    interview_on = models.DateField("return interview held", null=True, blank=True)
    interview_offered = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_on"]


class CareLeaverStatus(Recorded):
    """What is known about a care leaver (17-25) on a date: in touch, accommodation, activity."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="care_leaver_statuses")
    recorded_on = models.DateField()
    in_touch = models.BooleanField()
    not_in_touch_reason = models.CharField(
        max_length=4, blank=True,
        help_text="Why the LA is not in touch, as the SSDA903 IN_TOUCH code (DIED, REFU, NREQ "
        "or RHOM); blank when in touch, or when no reason is known (NO)",
    )  # fmt: skip
    accommodation = models.CharField(
        max_length=2, blank=True, help_text="SSDA903 accommodation code"
    )
    accommodation_suitable = models.BooleanField(null=True)
    activity = models.CharField(max_length=2, blank=True, help_text="SSDA903 activity code")

    class Meta:
        ordering = ["-recorded_on"]


class YearOutcomes(Recorded):
    """What is known at 31 March of a child looked after continuously for 12 months then:
    the SSDA903 OC2 items. A blank (``None``) is an item not known or not due.

    The SDQ is for children of 4 to 16: a score (0 to 40) or the reason there is none.
    Conviction is for children of 10 and over, health promotion for those under 5; the
    interventions only for a child with a substance misuse problem."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="year_outcomes")
    year_end = models.DateField(help_text="31 March of the year the outcomes describe")
    sdq_score = models.PositiveSmallIntegerField(
        "SDQ score", null=True, blank=True, help_text="Strengths and difficulties score, 0 to 40"
    )
    sdq_reason = models.CharField(
        "reason for no SDQ score", max_length=4, blank=True, help_text="SSDA903 SDQ_REASON code"
    )
    convicted = models.BooleanField(null=True, help_text="Convicted during the year (aged 10+)")
    health_check = models.BooleanField(
        "health promotion up to date", null=True, help_text="Development checks (under 5)"
    )
    immunisations = models.BooleanField("immunisations up to date", null=True)
    teeth_check = models.BooleanField("teeth checked", null=True)
    health_assessment = models.BooleanField("health assessment up to date", null=True)
    substance_misuse = models.BooleanField("substance misuse problem identified", null=True)
    intervention_received = models.BooleanField("received an intervention", null=True)
    intervention_offered = models.BooleanField("offered an intervention", null=True)

    class Meta:
        ordering = ["-year_end"]
        constraints = [
            models.UniqueConstraint(fields=["child", "year_end"], name="one_year_outcomes_a_year")
        ]
