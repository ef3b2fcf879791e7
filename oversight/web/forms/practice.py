"""Forms for the work done with a child on a plan: visits and management oversight."""

from django import forms
from django.utils import timezone

from oversight.casework.models import OversightKind, VisitKind
from oversight.web.forms.base import GovukForm
from oversight.web.forms.dates import DateField
from oversight.web.forms.voice import ChildsVoiceFields
from oversight.web.forms.widgets import Radios, Textarea


class VisitForm(ChildsVoiceFields, GovukForm):
    """A visit: its kind and date, then the child's voice."""

    field_order = ["kind", "visited_on"]  # the voice's questions follow

    kind = forms.ChoiceField(
        label="Kind of visit",
        choices=VisitKind.choices,
        widget=Radios(),
        error_messages={"required": "Select the kind of visit"},
    )
    visited_on = DateField(label="Date of visit", past_only=True)


class OversightForm(GovukForm):
    kind = forms.ChoiceField(
        label="Kind of oversight",
        choices=OversightKind.choices,
        widget=Radios(),
        error_messages={"required": "Select the kind of oversight"},
    )
    recorded_on = DateField(label="Date of oversight", past_only=True, initial=timezone.localdate)
    note = forms.CharField(
        label="Oversight",
        widget=Textarea(rows=8),
        help_text="What you reviewed, what you decided, and what must happen next and by when",
        error_messages={"required": "Enter the oversight: what you reviewed and what you decided"},
    )
