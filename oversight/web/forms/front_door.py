"""Forms for the front door: contacts (for a known or a new child) and their decisions."""

from django import forms
from django.utils import timezone

from oversight.casework.models import ContactOutcome, ReferralDecision
from oversight.web.forms.base import GovukForm
from oversight.web.forms.child_details import cleaned_upn, upn_field
from oversight.web.forms.choices import CodeField, code_choices
from oversight.web.forms.dates import DateField
from oversight.web.forms.saving import VersionedForm
from oversight.web.forms.widgets import Radios, Textarea, TextInput


class ContactForm(GovukForm):
    received_on = DateField(label="Date the contact came in", past_only=True)
    source = CodeField(
        "referral_source",
        label="Who made the contact",
        blank="Choose a source",
        error_messages={"required": "Select who made the contact"},
    )
    summary = forms.CharField(
        label="What the contact says (optional)",
        required=False,
        widget=Textarea(rows=6),
        help_text="The worry, in the words of the person who got in touch where you can",
    )
    service_fields = {"source_code": "source"}


class NewChildContactForm(ContactForm):
    """A contact about a child not yet known: the child is registered first."""

    first_name = forms.CharField(
        label="First name",
        max_length=60,
        widget=TextInput(width=20),
        error_messages={"required": "Enter the child's first name"},
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=60,
        widget=TextInput(width=20),
        error_messages={"required": "Enter the child's last name"},
    )
    date_of_birth = DateField(label="Date of birth", past_only=True)
    sex = forms.ChoiceField(
        label="Sex",
        choices=lambda: code_choices("sex"),
        widget=Radios(),
        error_messages={"required": "Select the child's sex"},
    )
    ethnicity = CodeField(
        "ethnicity",
        label="Ethnicity",
        blank="Choose an ethnicity",
        error_messages={"required": "Select the child's ethnicity"},
    )
    la_child_id = forms.CharField(
        label="LA child id (optional)",
        max_length=36,
        required=False,
        widget=TextInput(width=10),
        help_text="Leave this empty and Oversight will give the child a new id",
    )
    upn = upn_field("Unique pupil number (UPN) (optional)")
    field_order = [
        "first_name", "last_name", "date_of_birth", "sex", "ethnicity", "la_child_id", "upn",
    ]  # fmt: skip

    def clean_upn(self) -> str:
        return cleaned_upn(self.cleaned_data["upn"])


class DecideContactForm(GovukForm):
    outcome = forms.ChoiceField(
        label="What happens next",
        choices=ContactOutcome.choices,
        widget=Radios(),
        error_messages={"required": "Select what happens next"},
    )
    primary_need = CodeField(
        "primary_need", label="Primary need (optional)", required=False, blank="Not known yet"
    )
    decided_on = DateField(label="Date of the decision", past_only=True, initial=timezone.localdate)
    reveals = {"outcome": {ContactOutcome.REFERRAL.value: ("primary_need",)}}


class DecideReferralForm(VersionedForm):
    """The front-door decision on a referral, refused if someone else changed it meanwhile."""

    decision = forms.ChoiceField(
        label="Decision",
        choices=ReferralDecision.choices,
        widget=Radios(),
        error_messages={"required": "Select the decision"},
    )
    decided_on = DateField(label="Date of the decision", past_only=True, initial=timezone.localdate)
    primary_need = CodeField(
        "primary_need", label="Primary need (optional)", required=False, blank="Not known yet"
    )
