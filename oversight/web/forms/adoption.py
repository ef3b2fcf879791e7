"""Forms for adoption: the decision that the child should be placed for adoption, the match
with the adopters, and the decision reversed (the SSDA903 placed for adoption and AD1)."""

from django import forms

from oversight.web.forms.base import GovukForm
from oversight.web.forms.choices import CodeField, code_choices
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios


class AdoptionDecisionForm(GovukForm):
    decided_on = DateField(
        label="Date of the decision that the child should be placed for adoption",
        name="date of the decision", past_only=True,
        help_text="The agency decision maker's decision, made while the child is looked after",
    )  # fmt: skip


class AdoptionMatchForm(GovukForm):
    matched_on = DateField(
        label="Date the child was matched with the adopters", name="date of the match",
        past_only=True,
        help_text="If the child's foster carers are adopting, the date of that decision",
    )  # fmt: skip
    adopters_sex = CodeField("adopters_sex", label="The adopters")
    adopters_legal_status = CodeField("adopters_legal_status", label="Their legal status")


class AdoptionReversalForm(GovukForm):
    service_fields = {"reason": "reason"}

    reversed_on = DateField(
        label="Date of the decision that the child should no longer be placed for adoption",
        name="date of the reversal", past_only=True,
    )  # fmt: skip
    reason = forms.ChoiceField(
        label="Why?",
        choices=lambda: code_choices("reason_no_longer_placed_for_adoption"),
        widget=Radios(),
        error_messages={"required": "Select why the child is no longer to be placed for adoption"},
    )
