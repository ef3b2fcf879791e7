"""The forms for early help: starting it, its assessment, and its end (stepped up to
children's social care among the ends)."""

from django import forms

from oversight.casework.models import EarlyHelpEnd
from oversight.web.forms.base import GovukForm
from oversight.web.forms.dates import DateField
from oversight.web.forms.widgets import Radios, TextInput


class StartEarlyHelpForm(GovukForm):
    started_on = DateField(label="Date early help started", name="date early help started",
                           past_only=True)  # fmt: skip
    family_hub = forms.CharField(
        label="Family hub (optional)", required=False, max_length=120, widget=TextInput()
    )
    lead_professional = forms.CharField(
        label="Lead professional (optional)", required=False, max_length=120,
        widget=TextInput(), help_text="Who coordinates the support: a name and their role",
    )  # fmt: skip


class EarlyHelpAssessmentForm(GovukForm):
    completed_on = DateField(label="Date the early help assessment was completed",
                             name="date the assessment was completed", past_only=True)  # fmt: skip


class EndEarlyHelpForm(GovukForm):
    ended_on = DateField(label="Date early help ended", name="date early help ended",
                         past_only=True)  # fmt: skip
    reason = forms.ChoiceField(
        choices=EarlyHelpEnd.choices, widget=Radios(), label="Why did early help end?",
        help_text="Stepped up: a referral to children's social care is recorded that day, "
        "from early help, for the front door to decide",
        error_messages={"required": "Select why early help ended"},
    )  # fmt: skip

    # Stepped up, the referral is dated the day early help ends.
    service_fields = {"on": "ended_on", "received_on": "ended_on"}
