"""Forms for adoption: the decision that the child should be placed for adoption, the match
with the adopters (with the LA's own prospective adopters, when they are), and the decision
reversed (the SSDA903 placed for adoption and AD1)."""

from django import forms
from django.db.models import QuerySet

from oversight.casework.models import AdopterHousehold
from oversight.web.forms.base import GovukForm
from oversight.web.forms.choices import CodeField, code_choices
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios, Select
from oversight.web.words import long_date


class AdoptionDecisionForm(GovukForm):
    decided_on = DateField(
        label="Date of the decision that the child should be placed for adoption",
        name="date of the decision", past_only=True,
        help_text="The agency decision maker's decision, made while the child is looked after",
    )  # fmt: skip


class HouseholdField(forms.ModelChoiceField):
    """A household of prospective adopters, shown by its identifier, names and approval."""

    def label_from_instance(self, obj: AdopterHousehold) -> str:  # type: ignore[override]
        return f"{obj.family_id}: {obj.names} (approved {long_date(obj.approved_on)})"


class AdoptionMatchForm(GovukForm):
    """The match; ``households``, when given, are the LA's own approved adopters the child
    may be matched with (offered to those who record prospective adopters)."""

    matched_on = DateField(
        label="Date the child was matched with the adopters", name="date of the match",
        past_only=True,
        help_text="If the child's foster carers are adopting, the date of that decision",
    )  # fmt: skip
    household = HouseholdField(
        AdopterHousehold.objects.none(), required=False, widget=Select(),
        label="The LA's prospective adopters (optional)",
        empty_label="Not the LA's own prospective adopters",
        help_text="If the child is matched with a household the LA approved",
        error_messages={"invalid_choice": "Select a household from the list"},
    )  # fmt: skip
    adopters_sex = CodeField("adopters_sex", label="The adopters")
    adopters_legal_status = CodeField("adopters_legal_status", label="Their legal status")

    def __init__(
        self, *args: object, households: QuerySet[AdopterHousehold] | None = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        if households is None:
            del self.fields["household"]
        else:
            self.fields["household"].queryset = households  # type: ignore[attr-defined]


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
