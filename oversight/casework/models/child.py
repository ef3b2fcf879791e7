"""The child, and who the child's work is allocated to."""

from datetime import date

from django.conf import settings
from django.db import models

from oversight.accounts.models import Team
from oversight.casework.models.base import Recorded


class Child(Recorded):
    la_child_id = models.CharField("LA child id", max_length=36, unique=True)
    first_name = models.CharField(max_length=60)
    last_name = models.CharField(max_length=60)
    sex = models.CharField(max_length=1, help_text="DfE sex code")
    date_of_birth = models.DateField(null=True, blank=True)
    expected_date_of_birth = models.DateField(null=True, blank=True)
    ethnicity = models.CharField(max_length=4, help_text="DfE ethnicity code")
    disabilities = models.CharField(
        max_length=60, default="NONE", help_text="DfE disability codes, separated by spaces"
    )
    uasc = models.BooleanField("unaccompanied asylum-seeking child", default=False)
    upn = models.CharField(
        "UPN", max_length=13, blank=True,
        help_text="Unique pupil number, given by the child's school; blank when not known",
    )  # fmt: skip
    former_upn = models.CharField(
        "former UPN", max_length=13, blank=True,
        help_text="A unique pupil number the child had before (after an adoption, say); "
        "blank when none is known (CIN census FormerUPN)",
    )  # fmt: skip
    died_on = models.DateField("date of death", null=True, blank=True)
    is_mother = models.BooleanField(
        "is a mother", null=True, blank=True,
        help_text="A girl or young woman looked after who is herself a mother (SSDA903 MOTHER)",
    )  # fmt: skip
    first_child_born_on = models.DateField(
        "her first child's date of birth", null=True, blank=True, help_text="SSDA903 MC_DOB"
    )
    restricted = models.BooleanField(default=False)
    restricted_to = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.la_child_id})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def is_disabled(self) -> bool:
        return self.disabilities.strip() not in ("", "NONE")

    def age_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Allocation(Recorded):
    """The team (and worker, once allocated) responsible for a child from one date to another."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="allocations")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    start_on = models.DateField()
    end_on = models.DateField(null=True, blank=True)
    change_reason = models.CharField(
        max_length=6, blank=True,
        help_text="Why the child's social worker changed to this one (SSDA903 SW_REASON code)",
    )  # fmt: skip

    class Meta:
        ordering = ["-start_on"]
        indexes = [
            models.Index(fields=["team", "end_on"]),
            models.Index(fields=["worker", "end_on"]),
        ]
