"""The form for a child in care's permanence plan."""

from django import forms

from oversight.casework.models import PermanenceOption
from oversight.web.forms.base import GovukForm
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios


class PermanencePlanForm(GovukForm):
    option = forms.ChoiceField(
        choices=PermanenceOption.choices, widget=Radios(), label="The permanence plan",
        error_messages={"required": "Select the permanence plan"},
    )  # fmt: skip
    decided_on = DateField(
        label="Date the plan was made", name="date the plan was made", past_only=True,
        help_text="At the child's review, say; the plan is due by the second review",
    )  # fmt: skip
