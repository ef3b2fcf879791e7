"""The form for a child in care's health assessment or dental check."""

from django import forms

from oversight.casework.models import HealthCheckKind
from oversight.web.forms.base import GovukForm
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios


class HealthCheckForm(GovukForm):
    kind = forms.ChoiceField(
        choices=HealthCheckKind.choices, widget=Radios(), label="What was done",
        error_messages={"required": "Select a health assessment or a dental check"},
    )  # fmt: skip
    done_on = DateField(
        label="Date it was done", name="date it was done", past_only=True,
        help_text="The first health assessment in care is due within 20 working days",
    )  # fmt: skip
