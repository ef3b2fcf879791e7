"""Adoption: the decision that a child should be placed for adoption, and what followed."""

from django.db import models

from oversight.casework.models.adopters import AdopterHousehold
from oversight.casework.models.base import Recorded
from oversight.casework.models.child import Child


class AdoptionDecision(Recorded):
    """The local authority's decision that a looked-after child should be placed for
    adoption (the SSDA903 "should be placed for adoption" file), and what followed: the
    decision reversed, with the DfE's reason, or the match with the adopters (the AD1
    items). Whether the adopters were the child's foster carers is told by the placement
    for adoption (A3, A5 with the current foster carers), and the number of adopters by
    their sex code, so neither is kept twice.
    """

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="adoption_decisions")
    decided_on = models.DateField(help_text="SSDA903 DATE_PLACED (AD1's DATE_INT)")
    reversed_on = models.DateField(
        null=True, blank=True,
        help_text="SSDA903 DATE_PLACED_CEASED: the decision that the child should no longer "
        "be placed for adoption",
    )  # fmt: skip
    reversed_reason = models.CharField(
        max_length=3, blank=True, help_text="SSDA903 REASON_PLACED_CEASED code (RD1 to RD4)"
    )
    matched_on = models.DateField(
        null=True, blank=True, help_text="SSDA903 DATE_MATCH: matched with the adopters"
    )
    adopters_sex = models.CharField(
        max_length=2, blank=True, help_text="SSDA903 SEX_ADOPTR code (M1, F1, MM, FF, MF)"
    )
    adopters_legal_status = models.CharField(
        max_length=3, blank=True, help_text="SSDA903 LS_ADOPTR code (L0 to L4)"
    )
    household = models.ForeignKey(
        AdopterHousehold, null=True, blank=True, on_delete=models.PROTECT,
        related_name="matches", help_text="The prospective adopters matched with the child",
    )  # fmt: skip

    class Meta:
        ordering = ["-decided_on"]
        constraints = [
            models.UniqueConstraint(fields=["child", "decided_on"], name="one_decision_a_day")
        ]
